// Words with their offsets. Offsets are kept so that every piece of evidence can point at the
// exact characters that produced it. Each word is looked up in the word table (wordTable.ts) as it
// is scanned, which gives its stem and lexicon bits.
import { ASCII_WORD, wordCharAt } from '../chars';
import { asciiWordIndex, FNV_OFFSET, MAX_KEPT_CHARS, mix, wordBeingRead, wordIndex, wordLexiconBits, wordLower, wordStem } from './wordTable';

export interface Token {
  /** Lower-cased (the word as written is text.slice(start, end)). */
  lower: string;
  /** Lower-cased stem. */
  stem: string;
  /** Bits of the lexicons that can start a match at this word (lexiconIndex.ts). */
  lexiconBits: number;
  start: number;
  end: number;
}

// A word is a run of letters and digits (Unicode \p{L} and \p{N}), keeping "c++" and "c#" whole;
// "/" and "-" split ("A/B" -> a, b; "CI/CD" -> ci, cd). Scanned by hand over char codes: this runs
// on every word of every posting, and a regular expression allocates a match object per word.
// HTML entity names pasted from job boards ("&amp;") are not words.
const ENTITY_NAMES = new Set(['amp', 'nbsp', 'quot', 'lt', 'gt', 'apos', 'rsquo', 'lsquo', 'rdquo', 'ldquo', 'ndash', 'mdash', 'bull', 'middot', 'hellip']);

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    // Each character is read once: ASCII by one table load, the rest through wordCharAt.
    let c = text.charCodeAt(i);
    if (c < 128 ? ASCII_WORD[c] === 0 : wordCharAt(text, i) === 0) {
      i++;
      continue;
    }
    const at = i;
    // The hash of the lower-cased word is taken while scanning, and an ASCII word's lower-cased
    // characters are kept in `wordBeingRead` to be compared with the table's; only a word with a
    // character outside ASCII is sliced and lower-cased first.
    let ascii = true;
    let hash = FNV_OFFSET;
    for (;;) {
      if (c < 128) {
        const lower = ASCII_WORD[c];
        if (i - at < MAX_KEPT_CHARS) wordBeingRead[i - at] = lower;
        hash = mix(hash, lower);
        i++;
      } else {
        ascii = false;
        i += wordCharAt(text, i);
      }
      // Reads stay inside the text: a read past the end deoptimizes this loop.
      if (i >= n) break;
      c = text.charCodeAt(i);
      if (c < 128 ? ASCII_WORD[c] === 0 : wordCharAt(text, i) === 0) break;
    }
    // "c++" and "c#" stay whole; c is the character after the word.
    if (i < n) {
      if (c === 43 /* + */ && i + 1 < n && text.charCodeAt(i + 1) === 43) {
        if (i - at + 2 <= MAX_KEPT_CHARS) wordBeingRead[i - at] = wordBeingRead[i - at + 1] = 43;
        i += 2;
        hash = mix(mix(hash, 43), 43);
      } else if (c === 35 /* # */) {
        if (i - at < MAX_KEPT_CHARS) wordBeingRead[i - at] = 35;
        i += 1;
        hash = mix(hash, 35);
      }
    }
    const k = ascii ? asciiWordIndex(text, at, i, hash) : wordIndex(text.slice(at, i).toLowerCase());
    const lower = wordLower[k];
    if (at > 0 && text.charCodeAt(at - 1) === 38 /* & */ && ENTITY_NAMES.has(lower)) continue;
    tokens.push({ lower, stem: wordStem[k], lexiconBits: wordLexiconBits[k], start: at + offset, end: i + offset });
  }
  return tokens;
}
