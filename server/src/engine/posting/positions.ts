// Where the characters that split lines stand in the whole text: sentence punctuation, bullet
// glyphs and glue points. Each is found once per text by native scans (indexOf, a regular
// expression) rather than by a loop over every character of every line, and lines read the
// stretch they cover. The last text's positions are kept, so a parse asks for each kind once.
import { BULLET_GLYPH_CODES } from '../chars';

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
export function punctuationOf(text: string): number[] {
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
export function gluesOf(text: string): number[] {
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
export function firstAtOrAfter(positions: number[], at: number): number {
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
export function within(positions: number[], start: number, end: number): number[] {
  const out: number[] = [];
  for (let k = firstAtOrAfter(positions, start); k < positions.length && positions[k] < end; k++) out.push(positions[k]);
  return out;
}

/** Positions of the bullet glyphs in [start, end), in order. */
export function bulletGlyphsIn(text: string, start: number, end: number): number[] {
  return within(glyphsOf(text), start, end);
}
