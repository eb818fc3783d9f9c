// Words with their offsets, and cached Porter stems. Offsets are kept so that every piece of
// evidence can point at the exact characters that produced it. An item's words are split once per
// lint and shared by the classifier and every rule that looks for words (itemWords).
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import prestemmed from './generated/lexicon-stems.json';
import type { Item } from './types';

/** Letters of a word that index prefix patterns ("aggress*"); a prefix needs at least this many. */
export const KEY_LENGTH = 3;

export interface Token {
  /** The word as written. */
  raw: string;
  /** Lower-cased. */
  lower: string;
  /** Lower-cased stem. */
  stem: string;
  /** Bits of the lexicons (registerRoots) that can start a match at this word. */
  roots: number;
  start: number;
  end: number;
}

// A word is a run of letters and digits (Unicode \p{L} and \p{N}), keeping "c++" and "c#" whole;
// "/" and "-" split ("A/B" -> a, b; "CI/CD" -> ci, cd). Scanned by hand over char codes: this runs
// on every word of every posting, and a regular expression allocates a match object per word.
// HTML entity names pasted from job boards ("&amp;") are not words.
const ENTITY_NAMES = new Set(['amp', 'nbsp', 'quot', 'lt', 'gt', 'apos', 'rsquo', 'lsquo', 'rdquo', 'ldquo', 'ndash', 'mdash', 'bull', 'middot', 'hellip']);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Per BMP code unit: 0 not yet known, 1 letter or digit, 2 not. */
const BMP = new Uint8Array(65536);
for (let c = 0; c < 128; c++) BMP[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 2;

/** Length in code units (1 or 2) of the letter or digit at text[i], or 0. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i)!;
    return cp > 0xffff && LETTER_OR_DIGIT.test(String.fromCodePoint(cp)) ? 2 : 0;
  }
  let k = BMP[c];
  if (k === 0) BMP[c] = k = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1 ? 1 : 0;
}

/**
 * A copy of s that does not keep alive the string it was sliced from. V8 represents a slice of 13
 * or more characters as a view of its parent: a cache keyed by an item's text would otherwise hold
 * every version of the document that item was cut from (a few MB per minute of typing in a
 * 20,000-word posting). Concatenation flattens into a fresh string, the slice views only that.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

// What is known of each distinct lower-cased word: its stem, and which lexicons can start a match
// at it (so each lexicon skips the other words with one bit test instead of its own lookup).
interface WordInfo {
  stem: string;
  roots: number;
}
const wordCache = new Map<string, WordInfo>();
/** Distinct lower-cased words kept; more than a large corpus's vocabulary of postings. */
const WORD_CACHE_SIZE = 100_000;

/** Tests of the registered lexicons, by bit: can a match start at this word? */
const rootTests: ((lower: string, stem: string) => boolean)[] = [];
const ROOT_BITS = 30;

/**
 * Registers a lexicon whose matches can start only at words that pass `test` (given the word
 * lower-cased and its stem; it may say yes too often, never too rarely). Returns the lexicon's bit
 * in Token.roots, or 0 when the bits are used up (then check every word). Lexicons register when
 * they are built, before postings are read.
 */
export function registerRoots(test: (lower: string, stem: string) => boolean): number {
  if (rootTests.length >= ROOT_BITS) return 0;
  rootTests.push(test);
  const bit = 1 << (rootTests.length - 1);
  // Words already known (the earlier lexicons' own words) keep their stems and learn the new bit;
  // split items hold copies of the old bits and are dropped.
  for (const [word, info] of wordCache) if (test(word, info.stem)) info.roots |= bit;
  byText.clear();
  return bit;
}

/**
 * Porter stems of the lexicons' own words, computed at build time (scripts/stems.ts): building the
 * lexicons at start-up would otherwise run the stemmer on each of their ~900 words in code not yet
 * compiled, about 25 ms of the language server's cold start. Every entry is PorterStemmer.stem(word) (a test checks).
 */
const PRESTEMMED: ReadonlyMap<string, string> = new Map(prestemmed as [string, string][]);

/** Whether a word is stemmed by Porter: numbers, "c++" and words of two letters are their own stem. */
function porterWord(word: string): boolean {
  return word.length > 2 && !/\d|\+|#/.test(word);
}

/** The words stemmed by Porter so far (scripts/stems.ts lists the lexicons' words with it). */
export function stemmedWords(): string[] {
  return [...wordCache.keys()].filter(porterWord);
}

/** Stem and lexicon bits of a lower-cased word. */
function wordInfo(lower: string): WordInfo {
  let info = wordCache.get(lower);
  if (info === undefined) {
    const word = detached(lower);
    const stem = porterWord(word) ? (PRESTEMMED.get(word) ?? PorterStemmer.stem(word)) : word;
    let roots = 0;
    for (let k = 0; k < rootTests.length; k++) if (rootTests[k](word, stem)) roots |= 1 << k;
    info = { stem, roots };
    if (wordCache.size >= WORD_CACHE_SIZE) wordCache.clear();
    wordCache.set(word, info);
  }
  return info;
}

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let w = wordCharAt(text, i);
    if (w === 0) {
      i++;
      continue;
    }
    const at = i;
    // Lower-casing allocates: only words with a capital or a non-ASCII letter need it.
    let plain = true;
    do {
      if (plain) {
        const c = text.charCodeAt(i);
        if (c > 127 || (c >= 65 && c <= 90)) plain = false;
      }
      i += w;
    } while (i < n && (w = wordCharAt(text, i)) !== 0);
    // Reads stay inside the text: a read past the end deoptimizes this loop.
    if (i < n) {
      const c = text.charCodeAt(i);
      if (c === 43 /* + */ && i + 1 < n && text.charCodeAt(i + 1) === 43) i += 2;
      else if (c === 35 /* # */) i += 1;
    }
    const raw = text.slice(at, i);
    const lower = plain ? raw : raw.toLowerCase();
    if (at > 0 && text.charCodeAt(at - 1) === 38 /* & */ && ENTITY_NAMES.has(lower)) continue;
    const info = wordInfo(lower);
    tokens.push({ raw, lower, stem: info.stem, roots: info.roots, start: at + offset, end: i + offset });
  }
  return tokens;
}

// Items repeat from lint to lint while a posting is edited (only the edited one changes): what is
// computed from an item's text alone (its words, its lexicon evidence, each phrase lexicon's
// matches) is kept by text, so a keystroke redoes that work for one item, not the document.
export interface ItemWords {
  /** The item's text, detached from the document it was cut from. */
  text: string;
  /** Its words, offsets relative to text. */
  tokens: Token[];
  /** Results of other text-only computations, by who computed them (see memo). */
  memo?: Map<object, unknown>;
}

const byText = new Map<string, ItemWords>();
/** Distinct item texts kept: a 20,000-word posting has about 2,000 items. */
const TEXT_CACHE_SIZE = 8192;

let keepItems = true;

/**
 * Whether item texts are kept between lints (default). A batch run that sees each posting once (the
 * CLI) turns it off: keeping would only cost time and memory.
 */
export function keepItemResults(keep: boolean): void {
  keepItems = keep;
  byText.clear();
}

/** Where an item object keeps its words for the rest of the lint (a symbol: not serialised). */
const WORDS = Symbol('words');
type WithWords = Item & { [WORDS]?: ItemWords };

export function itemWords(item: Item): ItemWords {
  let words = (item as WithWords)[WORDS];
  if (words) return words;
  if (!keepItems) words = { text: item.text, tokens: tokenize(item.text) };
  else {
    words = byText.get(item.text);
    if (!words) {
      // Tokens are cut from a detached copy: a word of 13+ letters would otherwise keep the document.
      const text = detached(item.text);
      words = { text, tokens: tokenize(text) };
      if (byText.size >= TEXT_CACHE_SIZE) byText.clear();
      byText.set(text, words);
    }
  }
  (item as WithWords)[WORDS] = words;
  return words;
}

/**
 * compute(words, owner) for this item's text, computed once per text and owner. The result must
 * depend on the text alone (offsets relative to it), and callers must not modify it. Pass a function
 * that captures nothing: a closure would be allocated on every call, cached or not.
 */
export function memo<O extends object, T>(item: Item, owner: O, compute: (words: ItemWords, owner: O) => T): T {
  const words = itemWords(item);
  const m = (words.memo ??= new Map());
  const kept = m.get(owner);
  if (kept !== undefined || m.has(owner)) return kept as T;
  const value = compute(words, owner);
  m.set(owner, value);
  return value;
}
