// What `npm run tune` learns from the development postings, as pure functions so that the
// evaluation can learn the same on some folds and measure the others (scripts/eval.ts).
// Only numbers come out of here, never posting text.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { classifyPosting, findEvidence, type TunedWeights } from '../server/src/engine/classifier';
import { DEFAULT_CONFIG, DEFAULT_THRESHOLDS, type Config, type SectionWeights } from '../server/src/engine/config';
import { lint } from '../server/src/linter';
import { parsePosting } from '../server/src/engine/posting';
import { evidenceKey, useCalibration, type Calibration } from '../server/src/engine/profile';

export type ReaderLabel = 'DS' | 'MLE' | 'HYBRID' | 'NEITHER' | 'UNCLEAR';

export interface DevPosting {
  id: string;
  title_family: string;
  title: string;
  description: string;
  /** What a careful reader says the body describes with the title hidden (DS/MLE-titled postings only). */
  reader?: { label: ReaderLabel; mleShare: number };
}

/** The development postings with their reader labels, from ../shared/data (read at run time, never copied). */
export function loadDevPostings(dataDir: string): DevPosting[] {
  const rows: DevPosting[] = readFileSync(path.join(dataDir, 'postings-dev.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const labelsFile = path.join(dataDir, 'reader-labels.tsv');
  const labels = new Map<string, DevPosting['reader']>();
  for (const line of readFileSync(labelsFile, 'utf8').split('\n').slice(1)) {
    const [id, label, share] = line.split('\t');
    if (id) labels.set(id, { label: label as ReaderLabel, mleShare: Number(share) });
  }
  for (const r of rows) r.reader = labels.get(r.id);
  return rows;
}

/** The posting as a user would lint it: the title as a heading over the description. */
export const asMarkdown = (title: string, description: string) => `# ${title}\n\n${description}`;

/** Fold 0..k-1 of a posting, by a hash of its id (FNV-1a), so folds do not depend on file order. */
export function foldOf(id: string, k: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % k;
}

/** Which lexicon patterns (label and pattern) a posting's duty sections hold; independent of the weights. */
export function patternsIn(row: DevPosting): Set<string> {
  const posting = parsePosting(asMarkdown(row.title, row.description));
  const seen = new Set<string>();
  for (const item of posting.items) {
    if (item.section === 'nonDuty') continue;
    for (const e of findEvidence(item.text, 0)) if (e.pattern && e.role !== 'shared') seen.add(`${e.label}\u0000${e.pattern}`);
  }
  return seen;
}

export interface TuneOptions {
  /** Pseudo-postings on each side: rare patterns stay near zero. */
  smoothing: number;
  /** Patterns seen in fewer postings keep their hand-set weight. */
  minPostings: number;
  /** Log-likelihood ratio -> weight. */
  scale: number;
  maxWeight: number;
}

export const TUNE_DEFAULTS: TuneOptions = { smoothing: 5, minPostings: 8, scale: 2, maxWeight: 4 };

interface LexiconEntry {
  label: string;
  role: string;
  patterns: string[];
}

/**
 * The weight of each lexicon pattern: its smoothed log-likelihood ratio between ML-engineering and
 * data-science work, each posting counted by its reader's ML-engineering share (a hybrid at 50
 * counts half to each side; NEITHER and UNCLEAR bodies not at all), kept only when it points the
 * way the lexicon says the term points (domain knowledge decides the direction, data the strength).
 */
export function tunePatternWeights(
  terms: readonly LexiconEntry[],
  postings: readonly { reader?: DevPosting['reader']; patterns: Set<string> }[],
  o: TuneOptions = TUNE_DEFAULTS,
): TunedWeights {
  const counts = new Map<string, { ds: number; mle: number; n: number }>();
  let nds = 0;
  let nmle = 0;
  for (const p of postings) {
    const r = p.reader;
    if (!r || (r.label !== 'DS' && r.label !== 'MLE' && r.label !== 'HYBRID')) continue;
    const m = r.mleShare / 100;
    nmle += m;
    nds += 1 - m;
    for (const k of p.patterns) {
      const c = counts.get(k) ?? { ds: 0, mle: 0, n: 0 };
      c.mle += m;
      c.ds += 1 - m;
      c.n++;
      counts.set(k, c);
    }
  }
  const tuned: TunedWeights = {};
  for (const term of terms) {
    if (term.role === 'shared') continue;
    const out: Record<string, number> = {};
    for (const p of term.patterns) {
      const c = counts.get(`${term.label}\u0000${p}`);
      if (!c || c.n < o.minPostings) continue;
      const llr = Math.log((c.mle + o.smoothing) / (nmle + 2 * o.smoothing)) - Math.log((c.ds + o.smoothing) / (nds + 2 * o.smoothing));
      const towardsRole = term.role === 'mle' ? llr : -llr;
      out[p] = Math.round(Math.min(o.maxWeight, Math.max(0, towardsRole * o.scale)) * 100) / 100;
    }
    tuned[term.label] = out;
  }
  return tuned;
}

/** One body for the calibration: its evidence masses and the reader's ML-engineering share (0-100). */
export interface CalibrationSample {
  ds: number;
  mle: number;
  mleShare: number;
}

/**
 * The logistic map from ln(mle / ds) of the evidence to the reader's share: least cross-entropy
 * against the share as a soft label, by Newton's method (two parameters, a few steps). Bodies with
 * evidence of one role only carry no ratio and are left out.
 */
export function fitCalibration(samples: readonly CalibrationSample[]): Calibration {
  const xs: { x: number; y: number }[] = [];
  for (const s of samples) {
    if (!(s.ds > 0 && s.mle > 0)) continue;
    xs.push({ x: Math.log(s.mle) - Math.log(s.ds), y: s.mleShare / 100 });
  }
  if (xs.length < 2) return { intercept: 0, slope: 1 };
  let a = 0;
  let b = 1;
  for (let it = 0; it < 50; it++) {
    let ga = 0;
    let gb = 0;
    let haa = 0;
    let hab = 0;
    let hbb = 0;
    for (const { x, y } of xs) {
      const p = 1 / (1 + Math.exp(-(a + b * x)));
      const w = p * (1 - p);
      ga += p - y;
      gb += (p - y) * x;
      haa += w;
      hab += w * x;
      hbb += w * x * x;
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-10) break;
  }
  return { intercept: Math.round(a * 1e4) / 1e4, slope: Math.round(b * 1e4) / 1e4 };
}

/**
 * The calibration samples of the reader-labelled DS, MLE and HYBRID bodies, linted with their own
 * titles under the identity calibration (where the ML-engineering share is mle / (ds + mle), so
 * the masses come back from share and total). Leaves the identity calibration set.
 */
export function calibrationSamples(rows: readonly DevPosting[], config: Config = DEFAULT_CONFIG): CalibrationSample[] {
  useCalibration({ intercept: 0, slope: 1 });
  const out: CalibrationSample[] = [];
  for (const r of rows) {
    const label = r.reader?.label;
    if (label !== 'DS' && label !== 'MLE' && label !== 'HYBRID') continue;
    const { profile } = lint(asMarkdown(r.title, r.description), config);
    const mle = profile.mle * profile.evidenceMass;
    out.push({ ds: profile.evidenceMass - mle, mle, mleShare: r.reader!.mleShare });
  }
  return out;
}

/** The section kinds whose weights are fit, in a fixed order (a term's sections are a bit mask over it). */
export const SECTION_KINDS = ['responsibilities', 'unknown', 'tools', 'requirements', 'niceToHave', 'nonDuty'] as const satisfies readonly (keyof SectionWeights)[];

/** One body for the section weights: each evidence term once, with the sections it appears in, and the reader's share. */
export interface SectionSample {
  terms: { mle: boolean; weight: number; sections: number }[];
  mleShare: number;
}

/**
 * The section samples of the reader-labelled DS, MLE and HYBRID bodies under the current pattern
 * weights (useTunedWeights): which do not depend on the section weights, so that a search over
 * them needs no new lint.
 */
export function sectionSamples(rows: readonly DevPosting[]): SectionSample[] {
  const out: SectionSample[] = [];
  for (const r of rows) {
    const label = r.reader?.label;
    if (label !== 'DS' && label !== 'MLE' && label !== 'HYBRID') continue;
    const classified = classifyPosting(parsePosting(asMarkdown(r.title, r.description)));
    const terms = new Map<string, SectionSample['terms'][number]>();
    for (const c of classified) {
      if (c.cls === 'none') continue;
      const bit = 1 << SECTION_KINDS.indexOf(c.item.section as (typeof SECTION_KINDS)[number]);
      for (const e of c.terms) {
        if (e.role === 'shared') continue;
        const key = evidenceKey(e);
        const t = terms.get(key);
        if (!t) terms.set(key, { mle: e.role === 'mle', weight: e.weight, sections: bit });
        else {
          t.sections |= bit;
          t.weight = Math.max(t.weight, e.weight);
        }
      }
    }
    out.push({ terms: [...terms.values()], mleShare: r.reader!.mleShare });
  }
  return out;
}

/** A body's evidence masses under section weights `w` (in SECTION_KINDS order), as profile.ts weighs them. */
function sampleMasses(s: SectionSample, w: readonly number[], mleScale: number): { ds: number; mle: number } {
  let ds = 0;
  let mle = 0;
  for (const t of s.terms) {
    let best = 0;
    for (let k = 0; k < w.length; k++) if (t.sections & (1 << k) && w[k] > best) best = w[k];
    if (t.mle) mle += t.weight * best * mleScale;
    else ds += t.weight * best;
  }
  return { ds, mle };
}

/** How well section weights `w` read the samples: mean cross-entropy of the calibrated share (fit anew) against the reader's. */
export function sectionLoss(samples: readonly SectionSample[], w: readonly number[], mleScale = DEFAULT_THRESHOLDS.mleEvidenceScale): number {
  const masses = samples.map((s) => {
    let m = sampleMasses(s, w, mleScale);
    // profile.ts: with no duty evidence at all, the non-duty sections count at 0.3.
    if (m.ds + m.mle === 0) m = sampleMasses(s, w.map((v, k) => (SECTION_KINDS[k] === 'nonDuty' ? 0.3 : v)), mleScale);
    return { ...m, mleShare: s.mleShare };
  });
  const c = fitCalibration(masses);
  let loss = 0;
  for (const m of masses) {
    const y = m.mleShare / 100;
    let p = 0.5;
    if (m.ds > 0 && m.mle > 0) p = 1 / (1 + Math.exp(-(c.intercept + c.slope * (Math.log(m.mle) - Math.log(m.ds)))));
    else if (m.mle > 0) p = 1;
    else if (m.ds > 0) p = 0;
    p = Math.min(0.999, Math.max(0.001, p));
    loss -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
  }
  return loss / Math.max(1, masses.length);
}

/** The values a section weight may take in the search (responsibilities stays 1: only ratios matter). */
const SECTION_GRID = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.2, 1.5];

/**
 * Section weights fit to the reader shares: a coordinate search over SECTION_GRID, each section in
 * turn (responsibilities fixed at 1, non-duty sections at their default), until no change lowers
 * sectionLoss. Starts from `start`.
 */
export function fitSectionWeights(samples: readonly SectionSample[], start: SectionWeights = DEFAULT_CONFIG.sectionWeights): SectionWeights {
  const w = SECTION_KINDS.map((k) => start[k]);
  const free = SECTION_KINDS.map((k, i) => (k === 'responsibilities' || k === 'nonDuty' ? -1 : i)).filter((i) => i >= 0);
  let best = sectionLoss(samples, w);
  for (let pass = 0; pass < 4; pass++) {
    let changed = false;
    for (const i of free) {
      for (const v of SECTION_GRID) {
        if (v === w[i]) continue;
        const old = w[i];
        w[i] = v;
        const loss = sectionLoss(samples, w);
        if (loss < best - 1e-9) {
          best = loss;
          changed = true;
        } else w[i] = old;
      }
    }
    if (!changed) break;
  }
  return Object.fromEntries(SECTION_KINDS.map((k, i) => [k, w[i]])) as unknown as SectionWeights;
}
