// What `npm run tune` learns from the development postings, as pure functions so that the
// evaluation can learn the same on some folds and measure the others (scripts/eval.ts).
// Only numbers come out of here, never posting text.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findEvidence, type TunedWeights } from '../server/src/engine/classifier';
import { lint } from '../server/src/linter';
import { parsePosting } from '../server/src/engine/posting';
import { useCalibration, type Calibration } from '../server/src/engine/profile';

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
export function calibrationSamples(rows: readonly DevPosting[]): CalibrationSample[] {
  useCalibration({ intercept: 0, slope: 1 });
  const out: CalibrationSample[] = [];
  for (const r of rows) {
    const label = r.reader?.label;
    if (label !== 'DS' && label !== 'MLE' && label !== 'HYBRID') continue;
    const { profile } = lint(asMarkdown(r.title, r.description));
    const mle = profile.mle * profile.evidenceMass;
    out.push({ ds: profile.evidenceMass - mle, mle, mleShare: r.reader!.mleShare });
  }
  return out;
}
