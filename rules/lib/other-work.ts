// The evidence for the third verdict (neither role): how much data engineering, BI reporting or
// general software work a posting's duty sections hold, against its modelling and ML work. Read
// by other-role-duties, and by title-duty-mismatch and hybrid-role, which stay quiet when it holds.
import lexicon from '../lexicons/other-work.json';
import type { Config } from '../../server/src/engine/config';
import { evidenceKey } from '../../server/src/engine/profile';
import type { ClassifiedItem, Evidence, Item, Range } from '../../server/src/engine/types';
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

// measure runs once per posting: its loops call small functions rather than array callbacks, which
// V8's optimising compiler would inline into one large function, compiled again at each deoptimisation
// (it cost a CLI run several times the time measure itself takes).
function measure(classified: readonly ClassifiedItem[], config: Pick<Config, 'sectionWeights'>): OtherWork | null {
  const weights = config.sectionWeights;
  const duty: Item[] = [];
  const modelling = new Map<string, number>();
  const modellingTerms = new Map<string, string>();
  for (let i = 0; i < classified.length; i++) {
    const c = classified[i];
    const w = weights[c.item.section] ?? 0;
    if (w === 0) continue;
    duty.push(c.item);
    addModelling(c.terms, w, modelling, modellingTerms);
  }
  let modellingMass = 0;
  for (const w of modelling.values()) modellingMass += w;
  let best: OtherWork | null = null;
  for (const family of FAMILIES) {
    const found = familyTerms(family, duty, weights);
    let mass = 0;
    for (const t of found.values()) mass += t.w;
    if (!best || mass > best.mass) best = otherWorkOf(family, mass, found, modellingMass, modellingTerms);
  }
  return best;
}

/** Adds an item's distinct modelling / ML terms (either role) to the section-weighted tally. */
function addModelling(terms: readonly Evidence[], w: number, modelling: Map<string, number>, modellingTerms: Map<string, string>): void {
  for (let k = 0; k < terms.length; k++) {
    const e = terms[k];
    if (!MODELLING.has(e.label) || (e.pattern !== undefined && OTHER_PATTERNS.has(e.pattern))) continue;
    const key = evidenceKey(e);
    modelling.set(key, Math.max(modelling.get(key) ?? 0, w));
    if (!modellingTerms.has(key)) modellingTerms.set(key, e.term);
  }
}

interface FamilyTerm {
  w: number;
  text: string;
  range: Range;
}

/** A family's distinct phrases in the duty items, each with the weight of the weightiest section it stands in. */
function familyTerms(family: Family, duty: readonly Item[], weights: Config['sectionWeights']): Map<string, FamilyTerm> {
  const found = new Map<string, FamilyTerm>();
  for (let i = 0; i < duty.length; i++) {
    const item = duty[i];
    // Most duty items hold none of a family's phrases: found without placing them.
    if (family.matcher.matchesInItem(item).length === 0) continue;
    const w = weights[item.section] ?? 0;
    for (const m of family.matcher.findInItems([item])) {
      const key = m.pattern.toLowerCase();
      const prev = found.get(key);
      if (!prev || w > prev.w) found.set(key, { w, text: m.text, range: m.range });
    }
  }
  return found;
}

function otherWorkOf(family: Family, mass: number, found: Map<string, FamilyTerm>, modelling: number, modellingTerms: Map<string, string>): OtherWork {
  const sorted = [...found.values()].sort((a, b) => b.w - a.w || a.range.start - b.range.start);
  return { family, mass, modelling, modellingTerms: [...modellingTerms.values()], terms: sorted.map((f) => f.text), ranges: sorted.map((f) => f.range) };
}

/** Whether the other work outweighs the modelling work clearly enough to say so. */
export function isOtherWork(w: OtherWork | null): w is OtherWork {
  return w !== null && w.mass >= lexicon.minMass && w.mass >= lexicon.ratio * (w.modelling + 1);
}

