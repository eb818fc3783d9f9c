// Character classes of the whole engine, by UTF-16 code unit. Each test is one load from a table:
// chains of comparisons whose second half only letters outside ASCII reach left V8's optimised
// code a path it had never seen run, so the first "é" or no-break space of a run threw that code
// away, to be compiled again. A code past the end of a text (NaN) is in no class.
//
// Whitespace means three things here, each where it is the right one:
// - isSpace: what separates words in pasted posting text: space, tab, CR, LF, no-break space, and
//   the invisible zero-width space, left-to-right mark and BOM that job boards leave in it.
// - isRegExpSpaceOrHyphen: ECMAScript's \s, or '-': a phrase pattern's gap between words is
//   matched as `[\s\-]+` (rules/lib/phrases.ts), so its words may stand across any of them.
// - isSpaceOrTab: CommonMark's whitespace, for indentation and list markers (posting/lineReader.ts).
// Letters likewise: isUpper / isLower are Latin-1 (sentence and heading shapes), isLatinLetter
// reaches Latin Extended-B (whether an item holds words at all), and a word of the tokenizer is a
// run of Unicode letters and digits (\p{L}, \p{N}: wordCharAt, ASCII_WORD).

const UPPER = 1;
const LOWER = 2;
const DIGIT = 4;
const SPACE = 8;
const GLYPH = 16;
const LATIN = 32;
const REGEXP_SPACE_OR_HYPHEN = 64;
const CHAR_CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x100; c++) {
  if ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7)) CHAR_CLASS[c] |= UPPER;
  if ((c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7)) CHAR_CLASS[c] |= LOWER;
  if (c >= 48 && c <= 57) CHAR_CLASS[c] |= DIGIT;
}
for (const c of [32, 9, 10, 13, 0xa0, 0x200b, 0x200e, 0xfeff]) CHAR_CLASS[c] |= SPACE;
/** Glyphs that only ever mean "bullet", wherever they stand in a line. */
export const BULLET_GLYPH_CODES: readonly number[] = [0x2022, 0x25cf, 0x25aa, 0x25e6, 0x2023, 0x2043, 0x25a0, 0xf0b7, 0x27a2, 0x2713, 0x2714];
for (const c of BULLET_GLYPH_CODES) CHAR_CLASS[c] |= GLYPH;
// ASCII letters and U+00C0-U+024F (× and ÷ among them: the range is Latin-1 Supplement to Latin Extended-B).
for (let c = 0; c <= 0x24f; c++) if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0) CHAR_CLASS[c] |= LATIN;
// ECMAScript's \s (test/unit/chars.test.ts checks the list against it), and '-'.
for (const c of [32, 9, 10, 11, 12, 13, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff, 45]) CHAR_CLASS[c] |= REGEXP_SPACE_OR_HYPHEN;
for (let c = 0x2000; c <= 0x200a; c++) CHAR_CLASS[c] |= REGEXP_SPACE_OR_HYPHEN;

/** A Latin-1 capital letter. */
export function isUpper(c: number): boolean {
  return (CHAR_CLASS[c & 0xffff] & UPPER) !== 0;
}
/** A Latin-1 lower-case letter. */
export function isLower(c: number): boolean {
  return (CHAR_CLASS[c & 0xffff] & LOWER) !== 0;
}
/** 0-9. */
export function isDigit(c: number): boolean {
  return (CHAR_CLASS[c & 0xffff] & DIGIT) !== 0;
}
/** A Latin-1 letter or 0-9. */
export function isLetterOrDigit(c: number): boolean {
  return (CHAR_CLASS[c & 0xffff] & (UPPER | LOWER | DIGIT)) !== 0;
}
/** An ASCII letter or a letter of U+00C0-U+024F. */
export function isLatinLetter(c: number): boolean {
  return (CHAR_CLASS[c & 0xffff] & LATIN) !== 0;
}
/** A space between words of posting text (see the top of this file). */
export function isSpace(c: number): boolean {
  return (CHAR_CLASS[c & 0xffff] & SPACE) !== 0;
}
/** A glyph that only ever means "bullet" (BULLET_GLYPH_CODES). */
export function isBulletGlyph(c: number): boolean {
  return (CHAR_CLASS[c & 0xffff] & GLYPH) !== 0;
}
/** What `[\s\-]` matches in an ECMAScript regular expression. */
export function isRegExpSpaceOrHyphen(c: number): boolean {
  return (CHAR_CLASS[c & 0xffff] & REGEXP_SPACE_OR_HYPHEN) !== 0;
}
/** Space or tab: CommonMark's whitespace in indentation and after list markers. */
export function isSpaceOrTab(c: number): boolean {
  return c === 32 || c === 9;
}
/** Markdown's emphasis marks, * and _. */
export function isEmphasisMark(c: number): boolean {
  return c === 42 /* * */ || c === 95 /* _ */;
}
/** An ASCII capital letter. */
export function isAsciiUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}
/** An ASCII lower-case letter. */
export function isAsciiLower(c: number): boolean {
  return c >= 97 && c <= 122;
}
/** An ASCII letter or digit. */
export function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

// The tokenizer's words: runs of Unicode letters and digits, scanned by char code over every word
// of every posting (a regular expression would allocate a match object per word).
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Per BMP code unit, filled as met: 0 not yet known, 1 a Unicode letter or digit, 2 not. */
const UNICODE_WORD = new Uint8Array(65536);
for (let c = 0; c < 128; c++) UNICODE_WORD[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 2;

/** Length in code units (1 or 2) of the Unicode letter or digit at text[i], or 0. */
export function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i)!;
    return cp > 0xffff && LETTER_OR_DIGIT.test(String.fromCodePoint(cp)) ? 2 : 0;
  }
  let k = UNICODE_WORD[c];
  if (k === 0) UNICODE_WORD[c] = k = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1 ? 1 : 0;
}

/** Per ASCII code: its lower case when it is a letter or a digit, else 0 (ASCII words of the tokenizer). */
export const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) ? c : c >= 65 && c <= 90 ? c | 32 : 0;
