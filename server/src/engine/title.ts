// Title -> family. A title is a claim about the work: seniority, qualifiers ("Ads Ranking"),
// work-mode noise ("- Remote") and heading markup stay as written; only the role name is read
// and, for a retitle, replaced.
import JaroWinklerDistance from 'natural/lib/natural/distance/jaro-winkler_distance';
import titles from '../../../rules/lexicons/titles.json';
import { detached, matchesOf } from './text';
import type { PostingTitle, TitleFamily, TitleModel } from './types';

type Expected = TitleModel['expected'];

interface TitleWord {
  word: string;
  /** Index of the part the word came from (an abbreviation expands to several words). */
  part: number;
}

/** A word of a title as written (inner . ' - + # kept), or a joining mark ("/", "&"): not text/tokenizer.ts's Token. */
interface TitlePart {
  text: string;
  start: number;
  end: number;
  joiner: boolean;
}

interface Alias {
  family: TitleFamily;
  words: string[];
  joined: string;
}

interface Match {
  family: TitleFamily;
  from: number; // word index
  to: number; // word index, exclusive
  corrected: boolean;
}

const FAMILIES = titles.families as Record<Exclude<TitleFamily, 'unknown'>, { name: string; expected: Expected; aliases: string[] }>;
const ABBREVIATIONS = titles.abbreviations as Record<string, string>;
const JOINERS = new Set(titles.joiners);
const SENIORITY = titles.seniority.map((s) => s.split(' '));
const JUNIOR = new Set(titles.juniorSeniority);

const ALIASES: Alias[] = [];
for (const [family, def] of Object.entries(FAMILIES)) {
  for (const alias of def.aliases) {
    const words = alias.split(' ');
    ALIASES.push({ family: family as TitleFamily, words, joined: alias });
  }
}
// Longest aliases first so "machine learning engineer data scientist" beats "data scientist".
ALIASES.sort((a, b) => b.words.length - a.words.length);

const TITLE_PART = /[\p{L}\p{N}][\p{L}\p{N}+#'’.-]*|[/&|+]/gu;

function titleParts(text: string): TitlePart[] {
  const parts: TitlePart[] = [];
  for (const m of matchesOf(TITLE_PART, text)) {
    let t = m[0];
    // A trailing dot ends a sentence or an abbreviation ("Sr."), never a role word.
    while (t.length > 1 && (t.endsWith('.') || t.endsWith('-'))) t = t.slice(0, -1);
    const start = m.index ?? 0;
    parts.push({ text: t, start, end: start + t.length, joiner: JOINERS.has(t.toLowerCase()) });
  }
  return parts;
}

function titleWords(parts: TitlePart[]): TitleWord[] {
  const out: TitleWord[] = [];
  parts.forEach((t, i) => {
    if (t.joiner) return;
    const lower = t.text.toLowerCase().replace(/[’']s$/, '');
    // "AI/ML", "ML-Ops", "Data-Scientist": split on inner hyphens.
    for (const part of lower.split(/[-]/)) {
      if (!part) continue;
      const expanded = ABBREVIATIONS[part] ?? part;
      for (const w of expanded.split(' ')) out.push({ word: w, part: i });
    }
  });
  return out;
}

function matchAt(ws: TitleWord[], i: number): Match | null {
  for (const alias of ALIASES) {
    const n = alias.words.length;
    if (i + n > ws.length) continue;
    let ok = true;
    for (let k = 0; k < n; k++) {
      if (ws[i + k].word !== alias.words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return { family: alias.family, from: i, to: i + n, corrected: false };
  }
  return null;
}

function exactMatches(ws: TitleWord[]): Match[] {
  const found: Match[] = [];
  for (let i = 0; i < ws.length; ) {
    const m = matchAt(ws, i);
    if (m) {
      found.push(m);
      i = m.to;
    } else i++;
  }
  return found;
}

// Character counts of each alias (code units, lower-cased; all past ASCII share one bucket), for
// the bound in canReach.
const CHAR_BUCKETS = 128;
const bucketOf = (c: number) => (c < CHAR_BUCKETS - 1 ? c : CHAR_BUCKETS - 1);
function charCounts(lower: string): { chars: number[]; counts: number[] } {
  const counts = new Map<number, number>();
  for (let k = 0; k < lower.length; k++) counts.set(bucketOf(lower.charCodeAt(k)), (counts.get(bucketOf(lower.charCodeAt(k))) ?? 0) + 1);
  return { chars: [...counts.keys()], counts: [...counts.values()] };
}
const ALIAS_CHARS = new Map<Alias, { lower: string; chars: number[]; counts: number[] }>();
for (const alias of ALIASES) {
  const lower = alias.joined.toLowerCase();
  ALIAS_CHARS.set(alias, { lower, ...charCounts(lower) });
}
const phraseCounts = new Uint16Array(CHAR_BUCKETS);

/**
 * Whether the Jaro-Winkler similarity of `phrase` (lower-cased, its counts in phraseCounts) and an
 * alias can exceed `score`. Jaro pairs equal characters, each once, so its matches are at most the
 * characters the two share, and its transposition term at most 1; the Winkler bonus grows with Jaro.
 * A bound, never a guess: only pairs it rules out are skipped (with room for rounding).
 */
function canReach(phrase: string, alias: Alias, score: number): boolean {
  const { lower, chars, counts } = ALIAS_CHARS.get(alias)!;
  return similarityBound(phrase, lower, chars, counts) > score - 1e-9;
}

/** The bound of canReach for lower-cased a (its counts in phraseCounts) and b (chars and counts). */
function similarityBound(a: string, b: string, chars: number[], counts: number[]): number {
  let shared = 0;
  for (let k = 0; k < chars.length; k++) shared += Math.min(counts[k], phraseCounts[chars[k]]);
  if (shared === 0) return 0;
  let prefix = 0;
  while (prefix < 4 && a[prefix] === b[prefix]) prefix++;
  const jaro = (shared / a.length + shared / b.length + 1) / 3;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** The bound on Jaro-Winkler similarity correctedMatch prunes with, for two strings (exported for tests). */
export function jaroWinklerBound(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  const { chars, counts } = charCounts(lb);
  for (let k = 0; k < la.length; k++) phraseCounts[bucketOf(la.charCodeAt(k))]++;
  try {
    return similarityBound(la, lb, chars, counts);
  } finally {
    phraseCounts.fill(0);
  }
}

/** Misspelt role names ("Data Scienist", "Machine Lerning Engineer") through Jaro-Winkler. */
function correctedMatch(ws: TitleWord[]): Match | null {
  let best: Match | null = null;
  let bestScore: number = titles.typoMinSimilarity;
  for (let i = 0; i < ws.length; i++) {
    for (let n = 1; n <= 5 && i + n <= ws.length; n++) {
      const phrase = ws.slice(i, i + n).map((w) => w.word).join(' ');
      if (phrase.length < 8) continue;
      const lower = phrase.toLowerCase();
      for (let k = 0; k < lower.length; k++) phraseCounts[bucketOf(lower.charCodeAt(k))]++;
      for (const alias of ALIASES) {
        if (Math.abs(alias.joined.length - phrase.length) > 3) continue;
        if (!canReach(lower, alias, bestScore)) continue;
        const score = JaroWinklerDistance(phrase, alias.joined, { ignoreCase: true });
        if (score > bestScore) {
          bestScore = score;
          best = { family: alias.family, from: i, to: i + n, corrected: true };
        }
      }
      phraseCounts.fill(0);
    }
  }
  return best;
}

const ROLE_SIDE: Partial<Record<TitleFamily, 'ds' | 'mle'>> = {
  'data-scientist': 'ds',
  'ml-engineer': 'mle',
  'mlops-engineer': 'mle',
  'ai-engineer': 'mle',
};

function findSeniority(text: string, parts: TitlePart[], ws: TitleWord[], role: Match | null): string | null {
  for (let i = 0; i < ws.length; i++) {
    if (role && i >= role.from && i < role.to) continue;
    for (const sen of SENIORITY) {
      if (i + sen.length > ws.length) continue;
      if (sen.every((w, k) => ws[i + k].word === w)) {
        // Roman numerals and digits count only after the role name ("Data Scientist II"),
        // never in "3D" or a team number before it.
        if (/^(?:i|ii|iii|iv|v|\d)$/.test(sen[0]) && (!role || i < role.to)) continue;
        const first = parts[ws[i].part];
        const last = parts[ws[i + sen.length - 1].part];
        return text.slice(first.start, last.end);
      }
    }
  }
  return null;
}

/** What a title's text alone decides; the role name's range is relative to the text. */
export interface TitleReading {
  family: TitleFamily;
  seniority: string | null;
  role: { start: number; end: number } | null;
  corrected: boolean;
}

// Titles repeat: every keystroke in an editor reads the same title again, and a folder of postings
// holds the same few dozen titles ("Senior Data Scientist") many times. Readings are kept by text.
const readings = new Map<string, TitleReading>();
const READINGS_KEPT = 2048;

/** What the title's text alone decides (kept by text). */
export function titleReading(text: string): TitleReading {
  let r = readings.get(text);
  if (!r) {
    r = readTitle(text);
    rememberTitleReading(text, r);
  }
  return r;
}

/** Keeps the reading of a title made elsewhere (the CLI's parse worker reads titles too: cli/run.ts). */
export function rememberTitleReading(text: string, r: TitleReading): void {
  if (readings.size >= READINGS_KEPT) readings.clear();
  readings.set(detached(text), r);
}

/** Reads a posting title: family, expected profile, seniority and the range of the role name. */
export function parseTitle(title: PostingTitle): TitleModel {
  const text = title.text;
  const { family, seniority, role, corrected } = titleReading(text);
  return {
    text,
    range: title.range,
    family,
    expected: expectedOf(family),
    seniority,
    roleRange: role ? { start: title.range.start + role.start, end: title.range.start + role.end } : null,
    corrected,
  };
}

function readTitle(text: string): TitleReading {
  const parts = titleParts(text);
  const ws = titleWords(parts);
  const matches = exactMatches(ws);
  let role: Match | null = matches[0] ?? null;
  let family: TitleFamily = role?.family ?? 'unknown';

  // "Data Scientist / ML Engineer": two roles of opposite sides joined by a joiner is a hybrid.
  if (matches.length >= 2) {
    for (let k = 0; k + 1 < matches.length; k++) {
      const a = matches[k];
      const b = matches[k + 1];
      const sa = ROLE_SIDE[a.family];
      const sb = ROLE_SIDE[b.family];
      const between = parts.slice(ws[a.to - 1].part + 1, ws[b.from].part);
      if (sa && sb && sa !== sb && between.length > 0 && between.every((t) => t.joiner)) {
        role = { family: 'hybrid', from: a.from, to: b.to, corrected: false };
        family = 'hybrid';
        break;
      }
    }
  }
  if (!role) {
    role = correctedMatch(ws);
    if (role) family = role.family;
  }

  return {
    family,
    seniority: findSeniority(text, parts, ws, role),
    role: role ? { start: parts[ws[role.from].part].start, end: parts[ws[role.to - 1].part].end } : null,
    corrected: role?.corrected ?? false,
  };
}

/** The canonical role name of a family, e.g. "Machine Learning Engineer". */
export function familyName(family: Exclude<TitleFamily, 'unknown'>): string {
  return FAMILIES[family].name;
}

/** The profile a family's titles expect (TitleModel.expected), for readers that have the family only (the CLI's JSON). */
export function expectedOf(family: TitleFamily): Expected {
  return family === 'unknown' ? 'other' : (FAMILIES[family]?.expected ?? 'other');
}

/** The title with its role name replaced by the family's name; everything else kept as written. */
export function retitle(model: TitleModel, family: Exclude<TitleFamily, 'unknown'>): string | null {
  return retitleAs(model, familyName(family));
}

/** The title with its role name replaced by `name` (a role no title family holds, e.g. "Software Engineer"). */
export function retitleAs(model: TitleModel, name: string): string | null {
  if (!model.roleRange) return null;
  const from = model.roleRange.start - model.range.start;
  const to = model.roleRange.end - model.range.start;
  return model.text.slice(0, from) + name + model.text.slice(to);
}

/** True when the title's seniority marks an early-career role (Junior, Associate, Entry-level, I). */
export function isJuniorTitle(model: TitleModel): boolean {
  return model.seniority !== null && JUNIOR.has(model.seniority.toLowerCase().replace(/[.-]/g, ' ').trim());
}
