// The lexicon bit index: each word lexicon (the classifier's, each phrase lexicon) registers which
// words can start one of its matches and gets a bit; every word of the word table carries the bits
// of the lexicons that can start at it (Token.lexiconBits), so a lexicon skips the other words with
// one bit test instead of its own lookup. Registering goes through text/index.ts, which also gives
// the bit to the words already known.

/** Letters of a word that index prefix patterns ("aggress*"); a prefix needs at least this many. */
export const KEY_LENGTH = 3;

/**
 * Tests of the registered lexicons, by bit: can a match start at this word? null for a lexicon
 * registered by its words (addLexiconWords), answered by bitsByWord and bitsByPrefix.
 */
const lexiconTests: (((lower: string, stem: string) => boolean) | null)[] = [];
/** Bits in an Int32: past this many lexicons, a new one gets 0 and checks every word. */
const MAX_LEXICONS = 30;
/** The bits of the lexicons registered by their words, by a word (lower-cased) that starts one of their matches. */
const bitsByWord = new Map<string, number>();
/** The same for prefixes ("aggress*"), by their first KEY_LENGTH letters. */
const bitsByPrefix = new Map<string, { prefix: string; bits: number }[]>();

/** A new lexicon whose matches start only at words that pass `test`: its bit, or 0 when the bits are used up. */
export function addLexiconTest(test: (lower: string, stem: string) => boolean): number {
  if (lexiconTests.length >= MAX_LEXICONS) return 0;
  lexiconTests.push(test);
  return 1 << (lexiconTests.length - 1);
}

/**
 * A new lexicon whose matches start only at one of `words` or at a word that starts with one of
 * `prefixes` (see registerLexiconWords): its bit, or 0 when the bits are used up.
 */
export function addLexiconWords(words: Iterable<string>, prefixes: Iterable<string>): number {
  const starts = [...prefixes];
  const short = starts.find((p) => p.length < KEY_LENGTH);
  if (short !== undefined) throw new Error(`registerLexiconWords: prefix "${short}" is shorter than ${KEY_LENGTH} letters`);
  if (lexiconTests.length >= MAX_LEXICONS) return 0;
  lexiconTests.push(null);
  const bit = 1 << (lexiconTests.length - 1);
  for (const w of words) bitsByWord.set(w, (bitsByWord.get(w) ?? 0) | bit);
  for (const prefix of starts) {
    const key = prefix.slice(0, KEY_LENGTH);
    let list = bitsByPrefix.get(key);
    if (!list) bitsByPrefix.set(key, (list = []));
    const same = list.find((e) => e.prefix === prefix);
    if (same) same.bits |= bit;
    else list.push({ prefix, bits: bit });
  }
  return bit;
}

/** The bits of the lexicons registered by their words that can start a match at this word. */
export function firstWordBits(lower: string): number {
  let bits = bitsByWord.get(lower) ?? 0;
  if (bitsByPrefix.size > 0 && lower.length >= KEY_LENGTH) {
    const list = bitsByPrefix.get(lower.slice(0, KEY_LENGTH));
    if (list) for (let j = 0; j < list.length; j++) if (lower.startsWith(list[j].prefix)) bits |= list[j].bits;
  }
  return bits;
}

/** The bits of every lexicon that can start a match at this word (lower-cased, and its stem). */
export function lexiconBitsOf(lower: string, stem: string): number {
  let bits = firstWordBits(lower);
  for (let k = 0; k < lexiconTests.length; k++) {
    const test = lexiconTests[k];
    if (test !== null && test(lower, stem)) bits |= 1 << k;
  }
  return bits;
}
