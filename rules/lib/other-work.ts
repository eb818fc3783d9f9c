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

/** How much of each other family's work the duty sections hold, against the modelling work they hold. */
/** otherWork of a posting, once per lint (keyed by its classified items). */
const CACHE = new WeakMap<readonly ClassifiedItem[], OtherWork | null>();

export function otherWork(items: readonly Item[], classified: readonly ClassifiedItem[], config: Pick<Config, 'sectionWeights'>): OtherWork | null {
  if (CACHE.has(classified)) return CACHE.get(classified)!;
  const w = measure(items, classified, config);
  CACHE.set(classified, w);
  return w;
}

function measure(items: readonly Item[], classified: readonly ClassifiedItem[], config: Pick<Config, 'sectionWeights'>): OtherWork | null {
  const weightOf = (item: Item) => config.sectionWeights[item.section] ?? 0;
  const duty = items.filter((i) => weightOf(i) > 0);
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
  const byItem = new Map(duty.map((i) => [i.range.start, i]));
  for (const family of FAMILIES) {
    const found = new Map<string, { w: number; text: string; range: Range }>();
    for (const m of family.matcher.findInItems(duty)) {
      const item = byItem.get(itemStart(duty, m.range.start));
      const w = item ? weightOf(item) : 0;
      const key = m.pattern.toLowerCase();
      const prev = found.get(key);
      if (!prev || w > prev.w) found.set(key, { w, text: m.text, range: m.range });
    }
    const mass = [...found.values()].reduce((a, b) => a + b.w, 0);
    if (!best || mass > best.mass) {
      const sorted = [...found.values()].sort((a, b) => b.w - a.w || a.range.start - b.range.start);
      best = { family, mass, modelling: modellingMass, modellingTerms: [...modellingTerms.values()], terms: sorted.map((f) => f.text), ranges: sorted.map((f) => f.range) };
    }
  }
  return best;
}

/** The start of the item holding document offset `at` (items are in document order). */
function itemStart(items: readonly Item[], at: number): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (items[mid].range.start <= at) lo = mid;
    else hi = mid - 1;
  }
  return items[lo]?.range.start ?? -1;
}

/** Whether the other work outweighs the modelling work clearly enough to say so. */
export function isOtherWork(w: OtherWork | null, minMass = lexicon.minMass, ratio = lexicon.ratio): w is OtherWork {
  return w !== null && w.mass >= minMass && w.mass >= ratio * (w.modelling + 1);
}

