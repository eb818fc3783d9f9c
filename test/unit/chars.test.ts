import { describe, expect, it } from 'vitest';
import { ASCII_WORD, isBulletGlyph, isLatinLetter, isRegExpSpaceOrHyphen, isSpace, isUpper, wordCharAt } from '../../server/src/engine/chars';

/** Every UTF-16 code unit for which `test` holds. */
function codesWhere(test: (c: number) => boolean): number[] {
  const out: number[] = [];
  for (let c = 0; c < 0x10000; c++) if (test(c)) out.push(c);
  return out;
}

describe('character classes', () => {
  it('isRegExpSpaceOrHyphen is exactly what [\\s\\-] matches, for every code unit', () => {
    const re = /[\s-]/;
    expect(codesWhere(isRegExpSpaceOrHyphen)).toEqual(codesWhere((c) => re.test(String.fromCharCode(c))));
  });

  it('isSpace takes the spaces of pasted text, invisible ones included, and no other', () => {
    expect(codesWhere(isSpace)).toEqual([9, 10, 13, 32, 0xa0, 0x200b, 0x200e, 0xfeff]);
    // The two ideas differ on purpose: a vertical tab is no space in a posting, a zero-width space is no \s.
    expect(isRegExpSpaceOrHyphen(0x0b) && !isSpace(0x0b)).toBe(true);
    expect(isSpace(0x200b) && !isRegExpSpaceOrHyphen(0x200b)).toBe(true);
  });

  it('isLatinLetter covers ASCII letters and U+00C0 to U+024F', () => {
    expect(isLatinLetter('é'.charCodeAt(0)) && isLatinLetter('ɏ'.charCodeAt(0)) && isLatinLetter('Z'.charCodeAt(0))).toBe(true);
    expect(isLatinLetter('Ͱ'.charCodeAt(0)) || isLatinLetter('1'.charCodeAt(0)) || isLatinLetter('@'.charCodeAt(0))).toBe(false);
  });

  it('a code past the end of a text is in no class', () => {
    const past = 'a'.charCodeAt(5);
    expect([isSpace, isUpper, isLatinLetter, isBulletGlyph, isRegExpSpaceOrHyphen].map((f) => f(past))).toEqual([false, false, false, false, false]);
  });

  it('word characters are the Unicode letters and digits, astral ones as two code units', () => {
    const letterOrDigit = /[\p{L}\p{N}]/u;
    const bmp = codesWhere((c) => (c < 0xd800 || c > 0xdfff) && wordCharAt(String.fromCharCode(c), 0) === 1);
    expect(bmp).toEqual(codesWhere((c) => (c < 0xd800 || c > 0xdfff) && letterOrDigit.test(String.fromCharCode(c))));
    expect(wordCharAt('𝐀x', 0)).toBe(2);
    expect(wordCharAt('😀', 0)).toBe(0);
    expect(ASCII_WORD['Q'.charCodeAt(0)]).toBe('q'.charCodeAt(0));
    expect(ASCII_WORD['-'.charCodeAt(0)]).toBe(0);
  });
});
