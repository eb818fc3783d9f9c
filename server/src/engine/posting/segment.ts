// Splits one line of prose into headings and items: headings glued into flattened text
// ("...our platform.What you'll do:Build models"), inline bullet glyphs and sentences.
// Works on offsets into the document text so that every range is exact.
import type { SectionKind } from '../types';
import { exactHeadingKind, headingKind, isAboutCompany, isFieldHeading, startsHeading } from './headings';

export interface InlineHeading {
  /** Heading words: [start, end) without the colon. */
  start: number;
  end: number;
  /** Where the text after the heading begins. */
  contentStart: number;
  kind: SectionKind;
  /** A field label ("Location:") that covers only the value after it. */
  field: boolean;
}

const MAX_INLINE_HEADING = 60;
const MAX_GLUED_HEADING = 45;

// Character classes by UTF-16 code unit in one table, so that each test is one load that runs on
// every call. Chains of comparisons whose second half only letters outside ASCII reach left
// V8's optimised code a path it had never seen run: the first "é" or no-break space of a run threw
// that code away, to be compiled again. A code past the end of a text (NaN) is in no class.
const UPPER = 1;
const LOWER = 2;
const DIGIT = 4;
const SPACE = 8;
const GLYPH = 16;
const CHAR_CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x100; c++) {
  if ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7)) CHAR_CLASS[c] |= UPPER;
  if ((c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7)) CHAR_CLASS[c] |= LOWER;
  if (c >= 48 && c <= 57) CHAR_CLASS[c] |= DIGIT;
}
for (const c of [32, 9, 10, 13, 0xa0, 0x200b, 0x200e, 0xfeff]) CHAR_CLASS[c] |= SPACE;
/** Glyphs that only ever mean "bullet", wherever they stand in a line. */
const BULLET_GLYPH_CODES = [0x2022, 0x25cf, 0x25aa, 0x25e6, 0x2023, 0x2043, 0x25a0, 0xf0b7, 0x27a2, 0x2713, 0x2714];
for (const c of BULLET_GLYPH_CODES) CHAR_CLASS[c] |= GLYPH;

function isUpper(c: number): boolean {
  return (CHAR_CLASS[c & 0xffff] & UPPER) !== 0;
}
function isLower(c: number): boolean {
  return (CHAR_CLASS[c & 0xffff] & LOWER) !== 0;
}
function isDigit(c: number): boolean {
  return (CHAR_CLASS[c & 0xffff] & DIGIT) !== 0;
}
function isLetterOrDigit(c: number): boolean {
  return (CHAR_CLASS[c & 0xffff] & (UPPER | LOWER | DIGIT)) !== 0;
}

export function isSpace(c: number): boolean {
  return (CHAR_CLASS[c & 0xffff] & SPACE) !== 0;
}

export function isBulletGlyph(c: number): boolean {
  return (CHAR_CLASS[c & 0xffff] & GLYPH) !== 0;
}

// Where the characters that split lines stand in the whole text: sentence punctuation, bullet
// glyphs and glue points. Each is found once per text by native scans (indexOf, a regular
// expression) rather than by a loop over every character of every line, and lines read the
// stretch they cover. The last text's positions are kept, so a parse asks for each kind once.
let indexed: string | null = null;
let punctIndex: number[] | null = null;
let glyphIndex: number[] | null = null;
let glueIndex: number[] | null = null;

function forText(text: string): void {
  if (indexed === text) return;
  indexed = text;
  punctIndex = glyphIndex = glueIndex = null;
}

/** Forgets the last text (so that it is not kept alive after its parse). */
export function releaseText(): void {
  indexed = punctIndex = glyphIndex = glueIndex = null;
  searches.clear();
}

/** The last forward search for each character: what it started from and what it found. */
const searches = new Map<string, { text: string; from: number; found: number }>();

/**
 * text.indexOf(ch, from) for callers that search forward through a text line by line: a search
 * that found nothing (or something further on) answers the next ones too. Without it, each line of
 * a text without ':' scanned to the end of the text (1 MB of short lines: seconds).
 */
export function indexFrom(text: string, ch: string, from: number): number {
  const last = searches.get(ch);
  if (last && last.text === text && last.from <= from && (last.found < 0 || last.found >= from)) return last.found;
  const found = text.indexOf(ch, from);
  if (last) {
    last.text = text;
    last.from = from;
    last.found = found;
  } else searches.set(ch, { text, from, found });
  return found;
}

/** Sorted positions of '.', '!' and '?'. */
function punctuationOf(text: string): number[] {
  forText(text);
  if (punctIndex) return punctIndex;
  const out: number[] = [];
  let dot = text.indexOf('.');
  let bang = text.indexOf('!');
  let query = text.indexOf('?');
  for (;;) {
    let p = dot;
    if (p < 0 || (bang >= 0 && bang < p)) p = bang;
    if (p < 0 || (query >= 0 && query < p)) p = query;
    if (p < 0) break;
    out.push(p);
    if (p === dot) dot = text.indexOf('.', p + 1);
    else if (p === bang) bang = text.indexOf('!', p + 1);
    else query = text.indexOf('?', p + 1);
  }
  return (punctIndex = out);
}

const BULLET_GLYPHS = new RegExp(`[${BULLET_GLYPH_CODES.map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`, 'g');

/** Sorted positions of the characters isBulletGlyph accepts. */
function glyphsOf(text: string): number[] {
  forText(text);
  if (glyphIndex) return glyphIndex;
  const out: number[] = [];
  BULLET_GLYPHS.lastIndex = 0;
  for (let m = BULLET_GLYPHS.exec(text); m; m = BULLET_GLYPHS.exec(text)) out.push(m.index);
  return (glyphIndex = out);
}

// isLower or ')', then isUpper, then isLower (the third is looked at, not taken).
const GLUE = /[a-z\xdf-\xf6\xf8-\xff)][A-Z\xc0-\xd6\xd8-\xde](?=[a-z\xdf-\xf6\xf8-\xff])/g;

/** Sorted positions of capitals glued after a lower-case letter or ')' and followed by one ("AllianceWalgreens"). */
function gluesOf(text: string): number[] {
  forText(text);
  if (glueIndex) return glueIndex;
  const out: number[] = [];
  GLUE.lastIndex = 0;
  for (let m = GLUE.exec(text); m; m = GLUE.exec(text)) {
    out.push(m.index + 1);
    GLUE.lastIndex = m.index + 1;
  }
  return (glueIndex = out);
}

/** Index of the first position >= at. */
function firstAtOrAfter(positions: number[], at: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (positions[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The positions of a sorted list that lie in [start, end). */
function within(positions: number[], start: number, end: number): number[] {
  const out: number[] = [];
  for (let k = firstAtOrAfter(positions, start); k < positions.length && positions[k] < end; k++) out.push(positions[k]);
  return out;
}

/** Positions of the bullet glyphs in [start, end), in order. */
export function bulletGlyphsIn(text: string, start: number, end: number): number[] {
  return within(glyphsOf(text), start, end);
}

// Words after which a period does not end a sentence.
const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'eg', 'ie', 'etc', 'vs', 'mr', 'mrs', 'ms', 'dr', 'sr', 'jr', 'st', 'inc', 'ltd', 'co', 'corp', 'approx', 'incl', 'no', 'dept', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'fig', 'al', 'ph', 'b.s', 'm.s', 'u.s', 'ph.d', 'b.a', 'm.a',
]);

function wordBefore(text: string, end: number, floor: number): string {
  let i = end;
  // Abbreviations are short; a longer look-back would make runs of dotted words quadratic.
  floor = Math.max(floor, end - 8);
  while (i > floor) {
    const c = text.charCodeAt(i - 1);
    if (isUpper(c) || isLower(c) || c === 46 /* . */) i--;
    else break;
  }
  return text.slice(i, end).toLowerCase();
}

/**
 * Offsets in [start, end) where a new sentence begins: after . ! ? followed by space and a capital,
 * or glued straight to a capitalised word ("insights.Interprets").
 */
export function sentenceStarts(text: string, start: number, end: number): number[] {
  const out: number[] = [];
  const marks = punctuationOf(text);
  for (let k = firstAtOrAfter(marks, start); k < marks.length && marks[k] < end - 1; k++) {
    const i = marks[k];
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (isSpace(next)) {
      let j = i + 1;
      while (j < end && isSpace(text.charCodeAt(j))) j++;
      if (j >= end) break;
      const d = text.charCodeAt(j);
      if (!(isUpper(d) || isDigit(d) || d === 34 || d === 0x201c || d === 40 || isBulletGlyph(d))) continue;
      if (c === 46) {
        const w = wordBefore(text, i, start);
        if (w.length === 1 || ABBREVIATIONS.has(w)) continue;
      }
      out.push(j);
    } else if (isUpper(next) && i + 2 < end && isLower(text.charCodeAt(i + 2)) && i > start) {
      const p = text.charCodeAt(i - 1);
      if (!(isLower(p) || isDigit(p) || p === 41 /* ) */ || p === 37 /* % */)) continue;
      if (c === 46) {
        const w = wordBefore(text, i, start);
        if (w.includes('.') || ABBREVIATIONS.has(w)) continue;
      }
      out.push(i + 1);
    }
  }
  return out;
}

/**
 * "AllianceWalgreens", "(Onsite/Hybrid)Job Description:": a lower-case letter or a closing
 * parenthesis glued to a capitalised word, where flattening joined two lines.
 */
function gluePoints(text: string, start: number, end: number): number[] {
  return within(gluesOf(text), start + 1, end - 1);
}

/**
 * A glue point after a run of only one or two lower-case letters ("What You'll DoBuild"). It can
 * end a glued heading but starts no phrase, so CamelCase names (PyTorch, TensorFlow, GitHub) are
 * never read as the start of a heading: a glued heading usually ends a real word.
 */
function isWeakGlue(text: string, start: number, i: number): boolean {
  if (text.charCodeAt(i - 1) === 41 /* ) */) return false;
  return !(i - 3 >= start && isLower(text.charCodeAt(i - 2)) && isLower(text.charCodeAt(i - 3)));
}

function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

export function wordCount(text: string, start: number, end: number): number {
  let n = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const sp = isSpace(text.charCodeAt(i));
    if (!sp && !inWord) n++;
    inWord = !sp;
  }
  return n;
}

/**
 * Headings inside one line of running text: a short phrase starting a sentence (or glued to the
 * previous one) that names a section, followed by a colon ("What you'll do:") or glued straight
 * to the next capitalised word ("Job ResponsibilitiesResponsible for...").
 */
export function inlineHeadings(text: string, start: number, end: number, sentences: number[]): InlineHeading[] {
  const glues = gluePoints(text, start, end);
  // Phrase starts in order: the line start, sentence starts, glue points (not the weak ones).
  const starts: number[] = [start];
  {
    let a = 0;
    let b = 0;
    while (a < sentences.length || b < glues.length) {
      if (b < glues.length && isWeakGlue(text, start, glues[b]) && (a >= sentences.length || glues[b] < sentences[a])) {
        b++;
        continue;
      }
      const next = b >= glues.length || (a < sentences.length && sentences[a] <= glues[b]) ? sentences[a++] : glues[b++];
      if (next > starts[starts.length - 1]) starts.push(next);
    }
  }
  const out: InlineHeading[] = [];
  let si = 0;
  let lastEnd = start;
  const consider = (pos: number, contentStart: number, colon: boolean, weakGlue: boolean) => {
    while (si + 1 < starts.length && starts[si + 1] < pos) si++;
    // Try the nearest phrase start first, then one further back ("Duties And ResponsibilitiesThe").
    for (let k = si; k >= 0 && k >= si - 1; k--) {
      const ps = Math.max(starts[k], lastEnd);
      const [hs, he] = trimRange(text, ps, pos);
      if (he <= hs || he - hs > (colon ? MAX_INLINE_HEADING : MAX_GLUED_HEADING)) continue;
      if (!isUpper(text.charCodeAt(hs))) continue;
      if (wordCount(text, hs, he) > 8) continue;
      const phrase = text.slice(hs, he);
      // Glued after a short word ("What You'll DoBuild"), only a whole known heading of two or more
      // words counts: "At PayPal" is not the heading "Pay" glued to "Pal".
      if (weakGlue && wordCount(text, hs, he) < 2) continue;
      let kind = weakGlue ? exactHeadingKind(phrase) : headingKind(phrase);
      if (!kind && !weakGlue && isAboutCompany(phrase)) kind = 'nonDuty';
      if (!kind) continue;
      let cs = contentStart;
      while (cs < end && isSpace(text.charCodeAt(cs))) cs++;
      out.push({ start: hs, end: he, contentStart: cs, kind, field: colon && isFieldHeading(phrase) });
      lastEnd = cs;
      return;
    }
  };
  // Colons and glue points in the order they stand (a line holds few of either: jump between them).
  let g = 0;
  let colon = indexFrom(text, ':', start);
  for (;;) {
    const cp = colon < 0 || colon >= end ? end : colon;
    const gp = g < glues.length ? glues[g] : end;
    if (cp >= end && gp >= end) break;
    if (cp <= gp) {
      const i = cp;
      if (gp === i) g++;
      colon = indexFrom(text, ':', i + 1);
      const n1 = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (n1 === 47 /* :// */ || (isDigit(n1) && i > start && isDigit(text.charCodeAt(i - 1)))) continue;
      consider(i, i + 1, true, false);
    } else {
      const i = gp;
      g++;
      consider(i, i, false, isWeakGlue(text, start, i));
    }
  }
  const spaced = spacedHeadings(text, end, starts);
  if (spaced.length === 0) return out;
  // Headings with a colon or glued to the next word come first; a spaced one only fills the gaps.
  const merged: InlineHeading[] = [];
  let o = 0;
  let prevEnd = start;
  for (const h of spaced) {
    while (o < out.length && out[o].start <= h.start) {
      merged.push(out[o]);
      prevEnd = out[o].contentStart;
      o++;
    }
    const next = o < out.length ? out[o].start : end;
    if (h.start >= prevEnd && h.contentStart <= next) {
      merged.push(h);
      prevEnd = h.contentStart;
    }
  }
  while (o < out.length) merged.push(out[o++]);
  return merged;
}

/**
 * "...a fast-paced environment. Key Responsibilities Participate in...": a sentence (or a line,
 * or a glued word) that starts with a whole known heading followed by a space and a capitalised
 * word, where flattening replaced the line break by a space. Only exact phrases count, never
 * field labels ("Location"), and a one-word heading only when it names duties or requirements
 * ("Qualifications BS degree..."), so "Company policy" or "Equity Research" stay text.
 */
function spacedHeadings(text: string, end: number, starts: number[]): InlineHeading[] {
  const out: InlineHeading[] = [];
  for (const ps of starts) {
    if (!isUpper(text.charCodeAt(ps))) continue;
    let fw = ps;
    while (fw < end && isLetterOrDigit(text.charCodeAt(fw))) fw++;
    if (!startsHeading(text.slice(ps, fw).toLowerCase())) continue;
    let best: InlineHeading | null = null;
    let we = ps;
    // Only word ends followed by a capitalised word are looked up, so running prose costs a scan.
    for (let words = 1; words <= 8 && we < end; words++) {
      while (we < end && !isSpace(text.charCodeAt(we))) we++;
      let cs = we;
      while (cs < end && isSpace(text.charCodeAt(cs))) cs++;
      if (cs >= end) break;
      if (cs > we && isUpper(text.charCodeAt(cs)) && isLetterOrDigit(text.charCodeAt(we - 1))) {
        const phrase = text.slice(ps, we);
        const kind = exactHeadingKind(phrase);
        if (kind && !isFieldHeading(phrase)) {
          const dutyKind = kind === 'responsibilities' || kind === 'requirements' || kind === 'niceToHave' || kind === 'tools';
          if (words >= 2 || dutyKind) best = { start: ps, end: we, contentStart: cs, kind, field: false };
        }
      }
      we = cs;
    }
    if (best) out.push(best);
  }
  return out;
}

/**
 * Where the value of a field ("Location: Cupertino, CA 95014Duration: ...") ends: the next
 * sentence, a word glued to it, or the limit.
 */
export function fieldValueEnd(text: string, from: number, limit: number, sentences: number[]): number {
  let end = limit;
  for (const s of sentences) {
    if (s > from) {
      end = Math.min(end, s);
      break;
    }
  }
  for (let i = from + 1; i < end - 1; i++) {
    const p = text.charCodeAt(i - 1);
    if (isUpper(text.charCodeAt(i)) && isLower(text.charCodeAt(i + 1)) && (isDigit(p) || (isLower(p) && i - 3 >= from && isLower(text.charCodeAt(i - 2)) && isLower(text.charCodeAt(i - 3))))) {
      return i;
    }
  }
  return end;
}
