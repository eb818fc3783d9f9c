// Is this Markdown a job posting? Read as a reader tells a posting from a README: a title that
// names a job, and the wording of duties, requirements and terms of employment. The words are data
// (rules/lexicons/posting-signals.json); a marker in the document, or a `files` pattern of the team
// (server/src/node/select.ts), settles it without asking the text. Pure: text in, verdict out.
import signals from '../../../rules/lexicons/posting-signals.json';
import vanity from '../../../rules/lexicons/vanity-titles.json';
import { isAsciiAlnum } from './chars';
import { classifyItem } from './classifier';
import { parseTitle } from './title';
import type { Posting, Range, SectionKind } from './types';

/** A term that counted for (or, in a title, against) the document being a posting. */
export interface DetectionTerm {
  /** The lexicon entry, e.g. "years of experience". */
  label: string;
  /** The words as written. */
  text: string;
  range: Range;
}

export interface Detection {
  posting: boolean;
  /** What settled it: a marker comment, front matter, the caller (`files`, or a lint that asks no question), or the text. */
  by: 'comment' | 'frontmatter' | 'caller' | 'text';
  /** One line a user reads: why this is or is not a posting. */
  reason: string;
  /** The title, when it names a job. */
  roleTitle: Range | null;
  /** One term per posting-wording entry found (the first place each is found). */
  terms: DetectionTerm[];
  /** Headings of duty sections (responsibilities, requirements, nice to have), one per kind. */
  headings: Range[];
  /** Where the marker or front-matter key is, when one settled it. */
  marker: Range | null;
}

/**
 * Thresholds of the verdict, measured by scripts/eval-detect.ts (docs/posting-detection.md): data,
 * in posting-signals.json ("verdict"). Under a job title, `withTitle` kinds of posting wording plus
 * kinds of duty-section heading, or else `dutyItems` items (list items, lines, sentences) with
 * data-science or ML-engineering evidence (a draft is often just the title and its duties); without
 * one (a posting whose title is missing, which missing-title reports), `withoutTitle` kinds of
 * wording and duty-section headings of `headingKinds` kinds (responsibilities, requirements, nice to
 * have): documents about postings (articles, this project's docs) use the words too. A title longer
 * than `titleWords` words is a sentence, not a job's name.
 */
const DETECTION = {
  ...signals.verdict,
  /** Characters read for wording: a posting states what it is long before this. */
  readChars: 60_000,
} as const;

/** The comment markers, as suppression comments are written (`<!-- jdlint-disable ... -->`). */
const MARKER = /^[ \t]*<!--[ \t]*jdlint-(posting|not-posting)[ \t]*-->[ \t]*$/gm;
/** The front-matter key and its two values. */
const FRONT_MATTER_KEY = 'jdlint';

const ROLE_NOUNS = new Set(signals.roleNouns);
const NOT_ROLE_TITLE = new Set(signals.notRoleTitle);
/** Hype titles ("Data Ninja") name a job too: vanity-title is there to retitle them. */
const VANITY = new Set(vanity.vanity.filter((w) => !w.includes(' ')));
const VANITY_DOMAIN = new Set(vanity.domains.flatMap((d) => d.words).filter((w) => !w.includes(' ')));

const LABELS: string[] = signals.phrases.map((p) => p.label);
/** A lexicon phrase's words, as wording() cuts the text into words. */
const wordsOf = (s: string): string[] => s.toLowerCase().replace(/’/g, "'").match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? [];

interface Phrase {
  words: string[];
  /** Index of its lexicon entry (LABELS). */
  entry: number;
}

/** A character as words are compared: ASCII lower case, a curly apostrophe straight. */
function folded(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c === 0x2019 ? 39 : c;
}
const hashStep = (h: number, c: number) => (Math.imul(h, 31) + c) | 0;
function hashOf(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = hashStep(h, word.charCodeAt(i));
  return h;
}

/**
 * The phrases by a hash of their first word, longest first ("years of relevant experience" before
 * "years of experience"): the text is read once, character by character, hashing each word as it
 * goes; only a word whose hash starts a phrase is compared, and the words after it read.
 */
const PHRASES = new Map<number, Phrase[]>();
signals.phrases.forEach((p, entry) => {
  for (const pattern of p.patterns) {
    const words = wordsOf(pattern);
    const h = hashOf(words[0]);
    const list = PHRASES.get(h);
    if (list) list.push({ words, entry });
    else PHRASES.set(h, [{ words, entry }]);
  }
});
for (const list of PHRASES.values()) list.sort((x, y) => y.words.length - x.words.length);

/** A marker comment or front-matter key, or null. The first marker comment outside code fences wins. */
function postingMarker(posting: Posting): { posting: boolean; by: 'comment' | 'frontmatter'; range: Range } | null {
  const fm = posting.frontMatter;
  const value = fm?.data?.[FRONT_MATTER_KEY];
  if (fm && (value === 'posting' || value === 'not-posting')) return { posting: value === 'posting', by: 'frontmatter', range: fm.range };
  const text = posting.text;
  if (!text.includes('jdlint-')) return null;
  MARKER.lastIndex = 0;
  let inCode: ((at: number) => boolean) | null = null;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    if ((inCode ??= insideOf(fences(text)))(m.index)) continue;
    return { posting: m[1] === 'posting', by: 'comment', range: { start: m.index + m[0].indexOf('<'), end: m.index + m[0].lastIndexOf('>') + 1 } };
  }
  return null;
}

/** The fenced code blocks of a text (where postings are quoted as examples, not written), in order. */
function fences(text: string): Range[] {
  const out: Range[] = [];
  let open: { at: number; mark: string } | null = null;
  const fence = /^[ \t]{0,3}(`{3,}|~{3,})/gm;
  for (let m = fence.exec(text); m; m = fence.exec(text)) {
    if (open === null) open = { at: m.index, mark: m[1] };
    else if (m[1][0] === open.mark[0] && m[1].length >= open.mark.length) {
      out.push({ start: open.at, end: m.index + m[0].length });
      open = null;
    }
  }
  if (open) out.push({ start: open.at, end: text.length });
  return out;
}

/**
 * Whether offsets, asked in increasing order, are inside one of the ranges (in order): one pass
 * over both, however many of each (a document of thousands of fences and phrases stays linear).
 */
function insideOf(ranges: Range[]): (at: number) => boolean {
  let i = 0;
  return (at) => {
    while (i < ranges.length && ranges[i].end <= at) i++;
    return i < ranges.length && ranges[i].start <= at;
  };
}

/**
 * Whether the posting's title names a job. Job boards glue qualifiers to titles ("Acme - Senior
 * Engineer - Remote", "Data Scientist, Pricing", "C++ Engineer in Robotics"): one part between
 * them is enough, if it ends in a role noun (give or take a level: "Analyst III") or a hype word
 * after a field ("Data Ninja", which vanity-title retitles), or holds a role noun
 * in a title family title.ts knows ("Data Scientists"), and no word makes it about jobs rather than
 * a job ("How we interview data scientists").
 */
function roleTitle(posting: Posting): Range | null {
  const title = posting.title;
  if (!title) return null;
  const all = title.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  // One word with no space in it is a name (a package, a file: "http-proxy-agent"), not a job's.
  if (all.length === 0 || all.length > DETECTION.titleWords || !/\s/.test(title.text.trim())) return null;
  let family: boolean | null = null;
  for (const part of title.text.split(QUALIFIER)) {
    const ws = part
      .toLowerCase()
      .split(/[\s/-]+/)
      .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
      .filter((w) => w && !LEVEL.test(w));
    if (ws.length === 0 || ws.some((w) => NOT_ROLE_TITLE.has(w))) continue;
    const last = ws[ws.length - 1];
    if (ws.length >= 2 && (ROLE_NOUNS.has(last) || (VANITY.has(last) && ws.some((w) => VANITY_DOMAIN.has(w))))) return title.range;
    if (ws.some((w) => ROLE_NOUNS.has(w) || ROLE_NOUNS.has(w.replace(/s$/, '')))) {
      family ??= parseTitle(title).family !== 'unknown';
      if (family) return title.range;
    }
  }
  return null;
}

/** What separates a role name from the qualifiers job boards add to it: marks, and the words of posting-signals.json. */
const QUALIFIER = new RegExp(String.raw`\s[-–—|(]|[,(:|[\]]|\s\/\s|\s(?:${signals.qualifierWords.join('|')})\s`, 'i');
/** A level after a role name: "I", "II", "3", "L5". */
const LEVEL = /^(?:[ivx]{1,4}|l?\d{1,2})$/;

/** A character of a word: an ASCII letter or digit, or any character past ASCII (letters of other scripts). */
function wordChar(c: number): boolean {
  return isAsciiAlnum(c) || c > 127;
}

const isApostrophe = (c: number) => c === 39 || c === 0x2019;

/** Whether text[start, end) is `word` (lower case, straight apostrophes), as folded() compares. */
function sameWord(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let j = 0; j < word.length; j++) if (folded(text.charCodeAt(start + j)) !== word.charCodeAt(j)) return false;
  return true;
}

/** The end of the word starting at i: word characters, and an apostrophe between two ("you'll"). */
function wordEnd(text: string, i: number, n: number): number {
  for (;;) {
    while (i < n && wordChar(text.charCodeAt(i))) i++;
    if (i + 1 < n && isApostrophe(text.charCodeAt(i)) && wordChar(text.charCodeAt(i + 1))) i++;
    else return i;
  }
}

/**
 * The posting-wording entries found in the text outside code blocks, the first place of each, in
 * one pass over the characters without a string per word (a regular expression of the phrases
 * cost about as much as parsing the posting); it stops once `enough` entries are found.
 */
function wording(text: string, enough: number = LABELS.length): DetectionTerm[] {
  const seen = new Set<number>();
  const terms: DetectionTerm[] = [];
  const n = Math.min(text.length, DETECTION.readChars);
  const inCode = insideOf(fences(n < text.length ? text.slice(0, n) : text));
  let i = 0;
  while (i < n && seen.size < enough) {
    let c = text.charCodeAt(i);
    if (!wordChar(c)) {
      i++;
      continue;
    }
    const start = i;
    let h = 0;
    for (;;) {
      while (i < n && wordChar((c = text.charCodeAt(i)))) {
        h = hashStep(h, folded(c));
        i++;
      }
      if (i + 1 < n && isApostrophe(c) && wordChar(text.charCodeAt(i + 1))) {
        h = hashStep(h, 39);
        i++;
      } else break;
    }
    const candidates = PHRASES.get(h);
    if (!candidates) continue;
    for (const p of candidates) {
      if (seen.has(p.entry) || !sameWord(text, start, i, p.words[0])) continue;
      let at = i;
      let k = 1;
      for (; k < p.words.length; k++) {
        let s = at;
        while (s < n && !wordChar(text.charCodeAt(s))) s++;
        const e = wordEnd(text, s, n);
        if (!sameWord(text, s, e, p.words[k])) break;
        at = e;
      }
      if (k < p.words.length) continue;
      if (inCode(start)) break;
      seen.add(p.entry);
      terms.push({ label: LABELS[p.entry], text: text.slice(start, at), range: { start, end: at } });
      break;
    }
  }
  return terms;
}

const kinds = (n: number, what: string) => `${n} kind${n === 1 ? '' : 's'} of ${what}`;

const DUTY_KINDS: ReadonlySet<SectionKind> = new Set(['responsibilities', 'requirements', 'niceToHave']);

/** The first heading of each duty-section kind. */
function dutyHeadings(posting: Posting): Range[] {
  const seen = new Set<SectionKind>();
  const out: Range[] = [];
  for (const s of posting.sections) {
    if (s.headingRange && DUTY_KINDS.has(s.kind) && !seen.has(s.kind)) {
      seen.add(s.kind);
      out.push(s.headingRange);
    }
  }
  return out;
}

/** Items whose words are data-science or ML-engineering duties, counted up to what is needed. */
function dutyItems(posting: Posting): number {
  let n = 0;
  for (const item of posting.items) {
    if (classifyItem(item).cls !== 'none' && ++n >= DETECTION.dutyItems) break;
  }
  return n;
}

/**
 * The verdict on a parsed document. `ask`: false when the caller already knows it is a posting
 * (a `files` pattern named it); a marker in the document still wins.
 */
export function detectPosting(posting: Posting, ask = true): Detection {
  const marker = postingMarker(posting);
  if (marker) {
    const where = marker.by === 'comment' ? 'a jdlint-' + (marker.posting ? 'posting' : 'not-posting') + ' comment' : `"${FRONT_MATTER_KEY}: ${marker.posting ? 'posting' : 'not-posting'}" in the front matter`;
    return { posting: marker.posting, by: marker.by, reason: `${marker.posting ? 'a posting' : 'not a posting'}: ${where} says so`, roleTitle: null, terms: [], headings: [], marker: marker.range };
  }
  if (!ask) return { posting: true, by: 'caller', reason: 'a posting: named by the configuration', roleTitle: null, terms: [], headings: [], marker: null };
  const title = roleTitle(posting);
  const headings = dutyHeadings(posting);
  // A posting is told as soon as its evidence suffices; a document that is none is read to the end,
  // so that its reason names all it has.
  const enough = title ? DETECTION.withTitle - headings.length : headings.length >= DETECTION.headingKinds ? DETECTION.withoutTitle : undefined;
  const terms = enough !== undefined && enough <= 0 ? [] : wording(posting.text, enough);
  const found = terms.map((t) => t.label).join(', ') || 'none';
  const titled = title ? `the title "${posting.title!.text}" names a job` : posting.title ? `the title "${posting.title.text}" names no job` : 'no title';
  const wordingKinds = kinds(terms.length, 'posting wording');
  const headingKinds = kinds(headings.length, 'duty-section heading');
  // Under a job title, a duty-section heading is evidence as good as a kind of wording: a short
  // clean posting ("## What you'll do" and three bullets) says little else.
  const byWording = title
    ? terms.length + headings.length >= DETECTION.withTitle
    : terms.length >= DETECTION.withoutTitle && headings.length >= DETECTION.headingKinds;
  const duties = title && !byWording ? dutyItems(posting) : 0;
  const isPosting = byWording || duties >= DETECTION.dutyItems;
  const weighed = title
    ? `${wordingKinds} (${found}) and ${headingKinds}, ${DETECTION.withTitle} needed` +
      (byWording ? '' : `; ${duties} of its items ${duties === 1 ? 'is a duty' : 'are duties'} of data science or ML engineering, ${DETECTION.dutyItems} needed`)
    : `${wordingKinds} (${found}; ${DETECTION.withoutTitle} needed) and ${headingKinds} (${DETECTION.headingKinds} needed)`;
  return {
    posting: isPosting,
    by: 'text',
    reason: `${isPosting ? 'a posting' : 'not a posting'}: ${titled}, ${weighed}`,
    roleTitle: title,
    terms,
    headings,
    marker: null,
  };
}
