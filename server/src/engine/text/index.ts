// The words of posting text: split once per item with exact offsets (tokenizer.ts), each distinct
// word known once with its stem and the lexicons that can start at it (wordTable.ts, stemming.ts,
// lexiconIndex.ts), an item's words and text-only results kept per item text (itemCache.ts). An
// item's words are shared by the classifier and every rule that looks for words (itemWords).
// Registering a lexicon touches all of them, so it is done here.
import { forgetItemWords } from './itemCache';
import { addLexiconTest, addLexiconWords, firstWordBits } from './lexiconIndex';
import { addStemNeeds } from './stemming';
import { markKnownWords, stemKnownWords } from './wordTable';

export { itemWords, keepItemResults, keepingItemResults, memo, type ItemWords } from './itemCache';
export { KEY_LENGTH } from './lexiconIndex';
export { matchesOf } from './regexp';
export { longestMatches, readPattern, type Pattern, type PatternWord, type WordMatch, type WordTrie } from './patterns';
export { detached, TextLru } from './textLru';
export { tokenize, type Token } from './tokenizer';
export { stemmedWords, wordTableUse } from './wordTable';

/**
 * Registers a lexicon whose matches can start only at words that pass `test` (given the word
 * lower-cased and its stem; it may say yes too often, never too rarely). Returns the lexicon's bit
 * in Token.lexiconBits, or 0 when the bits are used up (then check every word). Lexicons register
 * when they are built, before postings are read.
 */
export function registerLexicon(test: (lower: string, stem: string) => boolean): number {
  const bit = addLexiconTest(test);
  if (bit === 0) return 0;
  // Words already known (the earlier lexicons' own words) keep their stems and learn the new bit;
  // split items hold copies of the old bits and are dropped.
  markKnownWords(bit, test);
  forgetItemWords();
  return bit;
}

/**
 * Registers a lexicon whose matches start only at one of `words` or at a word that starts with one
 * of `prefixes` (both lower-cased; a prefix has at least KEY_LENGTH letters): registerLexicon with
 * that test, answered for all such lexicons at once, by a lookup of the word and one of its first
 * letters (a test per lexicon was about a third of what adding a new word to the table cost).
 */
export function registerLexiconWords(words: Iterable<string>, prefixes: Iterable<string>): number {
  const bit = addLexiconWords(words, prefixes);
  if (bit === 0) return 0;
  markKnownWords(bit, (lower) => (firstWordBits(lower) & bit) !== 0);
  forgetItemWords();
  return bit;
}

/**
 * Declares the stems a lexicon matches words by, and which words (lower-cased) can match it at all
 * (may say yes too often, never too rarely); from then on only words that can have one of the
 * declared stems and may match are stemmed (the others keep stem = the word). Words already known
 * that could have one and were not stemmed are stemmed now.
 */
export function needStems(stems: Iterable<string>, canMatch: (lower: string) => boolean = () => true): void {
  addStemNeeds(stems, canMatch);
  if (stemKnownWords()) forgetItemWords();
}
