// Splits one line of prose into headings and items: headings glued into flattened text
// ("...our platform.What you'll do:Build models"), inline bullet glyphs and sentences.
// Works on offsets into the document text so that every range is exact.
import { isBulletGlyph, isDigit, isLetterOrDigit, isLower, isSpace, isUpper } from '../chars';
import type { SectionKind } from '../types';
import { exactHeadingKind, headingKind, isAboutCompany, isFieldHeading, startsHeading } from './headings';
import { firstAtOrAfter, gluesOf, indexFrom, punctuationOf, within } from './positions';

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
