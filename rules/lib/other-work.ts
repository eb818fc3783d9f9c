// The evidence for the third verdict (neither role): how much data engineering, BI reporting or
// general software work a posting's duty sections hold, against its modelling and ML work. Read
// by other-role-duties, and by title-duty-mismatch and hybrid-role, which stay quiet when it holds.
import lexicon from '../lexicons/other-work.json';
import type { Config } from '../../server/src/engine/config';
import type { ClassifiedItem, Item, Range } from '../../server/src/engine/types';
import { PhraseMatcher } from './phrases';

export interface Family {
  family: string;
  title: string;
  work: string;
  matcher: PhraseMatcher;
}

const FAMILIES: Family[] = lexicon.families.map((f) => ({ ...f, matcher: new PhraseMatcher(f.patterns) }));
const MODELLING = new Set(lexicon.modelling);
/** Duty-lexicon patterns that are also other work ("data ingestion") count as other work only. */
const OTHER_PATTERNS = new Set(lexicon.families.flatMap((f) => f.patterns));

export interface OtherWork {
  /** The family with the most other-work evidence. */
  family: Family;
  /** Section-weighted count of its distinct terms in duty sections. */
  mass: number;
  /** Section-weighted count of distinct modelling / ML terms (either role) in duty sections. */
  modelling: number;
  /** Those modelling terms as written. */
  modellingTerms: string[];
  /** Its terms as written, most weighty first, and where they stand. */
  terms: string[];
  ranges: Range[];
}

/** Three rules ask; it is measured once per lint (keyed by the posting's classified items). */
const CACHE = new WeakMap<readonly ClassifiedItem[], OtherWork | null>();

/** How much of each other family's work the duty sections hold, against the modelling work they hold. */
export function otherWork(classified: readonly ClassifiedItem[], config: Pick<Config, 'sectionWeights'>): OtherWork | null {
  if (CACHE.has(classified)) return CACHE.get(classified)!;
  const w = measure(classified, config);
  CACHE.set(classified, w);
  return w;
}

function measure(classified: readonly ClassifiedItem[], config: Pick<Config, 'sectionWeights'>): OtherWork | null {
  const weightOf = (item: Item) => config.sectionWeights[item.section] ?? 0;
  const duty = classified.map((c) => c.item).filter((i) => weightOf(i) > 0);
  const modelling = new Map<string, number>();
  const modellingTerms = new Map<string, string>();
  for (const c of classified) {
    const w = weightOf(c.item);
    if (w === 0) continue;
    for (const e of c.terms) {
      if (!MODELLING.has(e.label) || (e.pattern !== undefined && OTHER_PATTERNS.has(e.pattern))) continue;
      const key = `${e.label}\u0000${e.pattern ?? e.term.toLowerCase()}`;
      modelling.set(key, Math.max(modelling.get(key) ?? 0, w));
      if (!modellingTerms.has(key)) modellingTerms.set(key, e.term);
    }
  }
  const modellingMass = [...modelling.values()].reduce((a, b) => a + b, 0);
  let best: OtherWork | null = null;
  for (const family of FAMILIES) {
    const found = new Map<string, { w: number; text: string; range: Range }>();
    for (const item of duty) {
      const w = weightOf(item);
      for (const m of family.matcher.findInItems([item])) {
        const key = m.pattern.toLowerCase();
        const prev = found.get(key);
        if (!prev || w > prev.w) found.set(key, { w, text: m.text, range: m.range });
      }
    }
    const mass = [...found.values()].reduce((a, b) => a + b.w, 0);
    if (!best || mass > best.mass) {
      const sorted = [...found.values()].sort((a, b) => b.w - a.w || a.range.start - b.range.start);
      best = { family, mass, modelling: modellingMass, modellingTerms: [...modellingTerms.values()], terms: sorted.map((f) => f.text), ranges: sorted.map((f) => f.range) };
    }
  }
  return best;
}

/** Whether the other work outweighs the modelling work clearly enough to say so. */
export function isOtherWork(w: OtherWork | null): w is OtherWork {
  return w !== null && w.mass >= lexicon.minMass && w.mass >= lexicon.ratio * (w.modelling + 1);
}

