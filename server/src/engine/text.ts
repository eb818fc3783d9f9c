// Words with their offsets, and cached Porter stems. Offsets are kept so that every piece of
// evidence can point at the exact characters that produced it. An item's words are split once per
// lint and shared by the classifier and every rule that looks for words (itemWords).
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import prestemmed from './generated/lexicon-stems.json';
import { ASCII_WORD, wordCharAt } from './chars';
import type { Item } from './types';

/** Letters of a word that index prefix patterns ("aggress*"); a prefix needs at least this many. */
export const KEY_LENGTH = 3;

export interface Token {
  /** Lower-cased (the word as written is text.slice(start, end)). */
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

/**
 * The matches of a global regular expression in text, in order. String.prototype.matchAll copies
 * the expression on every call (a rule that looks for "5+ years" in each item made 50,000 copies
 * per folder of postings, about 1% of a run); this reuses it.
 */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`matchesOf needs a global regular expression: ${re}`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    // An empty match would be found again at the same place: step over one character.
    if (m[0] === '') re.lastIndex = m.index + (re.unicode && (text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
  }
  re.lastIndex = 0;
  return out;
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

/**
 * Values kept by the text they were computed from, the least recently used dropped once the kept
 * texts pass `maxChars` characters. Keys are detached copies: a kept value never keeps a document.
 */
export class TextLru<V> {
  private readonly map = new Map<string, { key: string; value: V }>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  get(text: string): V | undefined {
    const kept = this.map.get(text);
    if (!kept) return undefined;
    // Most recently used last, under the detached key (never the text asked with).
    this.map.delete(kept.key);
    this.map.set(kept.key, kept);
    return kept.value;
  }

  set(text: string, value: V): void {
    const old = this.map.get(text);
    if (old) {
      this.map.delete(old.key);
      this.chars -= old.key.length;
    }
    const entry = { key: detached(text), value };
    this.map.set(entry.key, entry);
    this.chars += entry.key.length;
    for (const oldest of this.map.keys()) {
      if (this.chars <= this.maxChars || oldest === entry.key) break;
      this.chars -= oldest.length;
      this.map.delete(oldest);
    }
  }

  /** Characters of text kept. */
  get size(): number {
    return this.chars;
  }
}

// What is known of each distinct lower-cased word k: the word (wordLower[k], one string shared by
// all its tokens), its Porter stem, or the word itself when no lexicon matches by a stem it could
// have (wordStem[k], see stemKeys), whether the stemmer made it (wordStemmed[k]), and which lexicons
// can start a match at it (wordRoots[k]: each lexicon skips the other words with one bit test
// instead of its own lookup).
//
// The words are kept in a hash table of their own, looked up straight from the characters of the
// text: a word already seen costs no slice, no lower-casing and no string hashing, only a compare
// of its characters (a Map keyed by the sliced word did all three, for each of the ~2 million words
// of a folder of postings). The table is typed arrays, the characters one array of bytes: objects
// and strings lie scattered over the heap, and reading them for each word of a folder was half of
// the time the lookup took (cache misses).
/** Distinct lower-cased words kept: twice the vocabulary of the 2,054 dev postings. Past it the table starts again. */
const WORD_CACHE_SIZE = 52_000;
/** Open addressing, at most ~40% full. */
const SLOT_BITS = 17;
const SLOT_MASK = (1 << SLOT_BITS) - 1;
let wordCount = 0;
const wordLower: string[] = [];
const wordStem: string[] = [];
const wordStemmed = new Uint8Array(WORD_CACHE_SIZE);
const wordRoots = new Int32Array(WORD_CACHE_SIZE);
/** Where the word's characters start in `chars`, or -1 when one is outside ASCII or it is too long to keep there. */
const wordAt = new Int32Array(WORD_CACHE_SIZE);
const wordLength = new Int32Array(WORD_CACHE_SIZE);
/** Per slot, side by side: [the word's hash (hashOf(wordLower[k])), k + 1]; 0 when empty (a new table needs no filling). */
const slots = new Int32Array(2 << SLOT_BITS);
/** The lower-cased characters of the ASCII words, one after another. Full, the table starts again. */
const chars = new Uint8Array(1 << 20);
/** Longer words are compared with their string. */
const MAX_KEPT_CHARS = 64;
let charsUsed = 0;

/** FNV-1a step over one UTF-16 code unit. */
function mix(h: number, c: number): number {
  return Math.imul(h ^ c, 16777619);
}
const FNV_OFFSET = 0x811c9dc5 | 0;

function hashOf(s: string): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < s.length; k++) h = mix(h, s.charCodeAt(k));
  return h;
}

/** Whether text[at, at + word.length) lower-cased (ASCII letters only) is word. */
function sameAsciiLower(text: string, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    let c = text.charCodeAt(at + k);
    if (c >= 65 && c <= 90) c |= 32;
    if (c !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** The lower-cased characters of the ASCII word being read (the first MAX_KEPT_CHARS of them). */
const scratch = new Uint8Array(MAX_KEPT_CHARS);

/** Whether the n characters in `scratch` are chars[from, from + n). */
function sameAsScratch(from: number, n: number): boolean {
  let j = 0;
  while (j < n && scratch[j] === chars[from + j]) j++;
  return j === n;
}

/**
 * Tests of the registered lexicons, by bit: can a match start at this word? null for a lexicon
 * registered by its words (registerWords), answered by rootWords and rootPrefixes.
 */
const rootTests: (((lower: string, stem: string) => boolean) | null)[] = [];
const ROOT_BITS = 30;
/** The bits of the lexicons registered by their words, by a word (lower-cased) that starts one of their matches. */
const rootWords = new Map<string, number>();
/** The same for prefixes ("aggress*"), by their first KEY_LENGTH letters. */
const rootPrefixes = new Map<string, { prefix: string; bits: number }[]>();

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
  for (let k = 0; k < wordCount; k++) if (test(wordLower[k], wordStem[k])) wordRoots[k] |= bit;
  byText.clear();
  return bit;
}

/**
 * Registers a lexicon whose matches start only at one of `words` or at a word that starts with one
 * of `prefixes` (both lower-cased; a prefix has at least KEY_LENGTH letters): registerRoots with
 * that test, answered for all such lexicons at once, by a lookup of the word and one of its first
 * letters (a test per lexicon was about a third of what adding a new word to the table cost).
 */
export function registerWords(words: Iterable<string>, prefixes: Iterable<string>): number {
  const starts = [...prefixes];
  const short = starts.find((p) => p.length < KEY_LENGTH);
  if (short !== undefined) throw new Error(`registerWords: prefix "${short}" is shorter than ${KEY_LENGTH} letters`);
  if (rootTests.length >= ROOT_BITS) return 0;
  rootTests.push(null);
  const bit = 1 << (rootTests.length - 1);
  for (const w of words) rootWords.set(w, (rootWords.get(w) ?? 0) | bit);
  for (const prefix of starts) {
    const key = prefix.slice(0, KEY_LENGTH);
    let list = rootPrefixes.get(key);
    if (!list) rootPrefixes.set(key, (list = []));
    const same = list.find((e) => e.prefix === prefix);
    if (same) same.bits |= bit;
    else list.push({ prefix, bits: bit });
  }
  for (let k = 0; k < wordCount; k++) if (wordBits(wordLower[k]) & bit) wordRoots[k] |= bit;
  byText.clear();
  return bit;
}

/** The bits of the lexicons registered by their words that can start a match at this word. */
function wordBits(lower: string): number {
  let bits = rootWords.get(lower) ?? 0;
  if (rootPrefixes.size > 0 && lower.length >= KEY_LENGTH) {
    const list = rootPrefixes.get(lower.slice(0, KEY_LENGTH));
    if (list) for (let j = 0; j < list.length; j++) if (lower.startsWith(list[j].prefix)) bits |= list[j].bits;
  }
  return bits;
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

// Stems are looked up by the lexicons that match by stem (the classifier's), and only against the
// stems of their own pattern words. The Porter stemmer keeps a word's first three letters but for
// y -> i ("saying" -> "sai", "ays" -> "ai"), so a word whose first three letters (y read as i) begin
// none of those stems cannot stem to one of them. A lexicon may also say which words can match at
// all (the classifier takes a word only when it is spelt like its pattern word). Other words are not
// stemmed: five in six of the distinct words of a folder of postings, and the stemmer is
// the costliest thing done once per new word. (A test checks the Porter property on tens of
// thousands of words.) Until a lexicon says which stems it needs (needStems), every word is stemmed.
let stemKeys: Set<string> | null = null;
/** Needed stems shorter than three letters, y read as i (a word must start with one). */
let shortStems: Set<string> | null = null;
/** The lexicons' tests of which words can match by stem at all (any one may take a word). */
const stemUsers: ((lower: string) => boolean)[] = [];

/** The first letters of a word or stem as a key: y read as i. */
function keyOf(s: string, n: number): string {
  const k = s.length > n ? s.slice(0, n) : s;
  return k.includes('y') ? k.replace(/y/g, 'i') : k;
}

/** Whether the stem of a word (Porter-stemmable, lower-cased) can be one a lexicon needs. */
function stemMatters(lower: string): boolean {
  if (stemKeys === null || shortStems === null) return true;
  const key = stemKeys.has(keyOf(lower, 3)) || (shortStems.size > 0 && (shortStems.has(keyOf(lower, 1)) || shortStems.has(keyOf(lower, 2))));
  if (!key) return false;
  for (let k = 0; k < stemUsers.length; k++) if (stemUsers[k](lower)) return true;
  return false;
}

/**
 * Declares the stems a lexicon matches words by, and which words (lower-cased) can match it at all
 * (may say yes too often, never too rarely); from then on only words that can have one of the
 * declared stems and may match are stemmed (the others keep stem = the word). Words already known
 * that could have one and were not stemmed are stemmed now.
 */
export function needStems(stems: Iterable<string>, canMatch: (lower: string) => boolean = () => true): void {
  stemUsers.push(canMatch);
  const keys = stemKeys ?? new Set<string>();
  const short = shortStems ?? new Set<string>();
  for (const st of stems) {
    if (st.length < 3) short.add(keyOf(st, 2));
    else keys.add(keyOf(st, 3));
  }
  stemKeys = keys;
  shortStems = short;
  let changed = false;
  for (let k = 0; k < wordCount; k++) {
    const lower = wordLower[k];
    if (wordStemmed[k] || !porterWord(lower) || !stemMatters(lower)) continue;
    wordStem[k] = PRESTEMMED.get(lower) ?? PorterStemmer.stem(lower);
    wordStemmed[k] = 1;
    wordRoots[k] = rootsOf(lower, wordStem[k]);
    changed = true;
  }
  if (changed) byText.clear();
}

/** The words stemmed by Porter so far (scripts/stems.ts lists the lexicons' words with it). */
export function stemmedWords(): string[] {
  return wordLower.slice(0, wordCount).filter((_, k) => wordStemmed[k] === 1);
}

function rootsOf(lower: string, stem: string): number {
  let roots = wordBits(lower);
  for (let k = 0; k < rootTests.length; k++) {
    const test = rootTests[k];
    if (test !== null && test(lower, stem)) roots |= 1 << k;
  }
  return roots;
}

/** The slot (index in `slots`) of the word that is `lower` (with this hash), or of the empty slot where it would go. */
function slotOf(hash: number, lower: string | null): number {
  let s = (hash & SLOT_MASK) << 1;
  for (;;) {
    const k = slots[s + 1] - 1;
    if (k === -1 || (slots[s] === hash && wordLower[k] === lower)) return s;
    s = (s + 2) & (slots.length - 1);
  }
}

/** Adds a word not yet known (lower-cased, detached from any text) at its empty slot; its index. */
function addWord(lower: string, hash: number, slot: number): number {
  if (wordCount >= WORD_CACHE_SIZE || charsUsed + MAX_KEPT_CHARS > chars.length) {
    wordCount = 0;
    wordLower.length = 0;
    wordStem.length = 0;
    charsUsed = 0;
    slots.fill(0);
    slot = slotOf(hash, null);
  }
  const k = wordCount++;
  const stemmed = porterWord(lower) && stemMatters(lower);
  const stem = stemmed ? (PRESTEMMED.get(lower) ?? PorterStemmer.stem(lower)) : lower;
  wordLower[k] = lower;
  wordStem[k] = stem;
  wordStemmed[k] = stemmed ? 1 : 0;
  wordRoots[k] = rootsOf(lower, stem);
  // A word lower-cased from non-ASCII text can be ASCII ("K", the kelvin sign, is "k"): it is
  // found from ASCII text too.
  let at = lower.length <= MAX_KEPT_CHARS ? charsUsed : -1;
  for (let j = 0; at !== -1 && j < lower.length; j++) {
    const c = lower.charCodeAt(j);
    if (c > 127) {
      at = -1;
      break;
    }
    chars[charsUsed + j] = c;
  }
  if (at !== -1) charsUsed += lower.length;
  wordAt[k] = at;
  wordLength[k] = lower.length;
  slots[slot] = hash;
  slots[slot + 1] = k + 1;
  return k;
}

/** Words in the table, and slots that point at one (tests: the two are equal, or slots leak). */
export function wordTableUse(): { words: number; slots: number } {
  let used = 0;
  for (let s = 1; s < slots.length; s += 2) if (slots[s] !== 0) used++;
  return { words: wordCount, slots: used };
}

/** The index of a lower-cased word. */
function wordIndex(lower: string): number {
  const hash = hashOf(lower);
  const slot = slotOf(hash, lower);
  const k = slots[slot + 1] - 1;
  return k !== -1 ? k : addWord(detached(lower), hash, slot);
}

/**
 * The index of the word text[at, end), ASCII and with this hash of its lower-cased characters; when
 * it has at most MAX_KEPT_CHARS characters they are in `scratch`, lower-cased.
 */
function asciiWordIndex(text: string, at: number, end: number, hash: number): number {
  const n = end - at;
  let s = (hash & SLOT_MASK) << 1;
  for (;;) {
    const k = slots[s + 1] - 1;
    if (k === -1) return addWord(detached(text.slice(at, end).toLowerCase()), hash, s);
    if (slots[s] === hash && wordLength[k] === n && (wordAt[k] !== -1 ? sameAsScratch(wordAt[k], n) : sameAsciiLower(text, at, wordLower[k]))) return k;
    s = (s + 2) & (slots.length - 1);
  }
}

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
    // characters are kept in `scratch` to be compared with the table's; only a word with a
    // character outside ASCII is sliced and lower-cased first.
    let ascii = true;
    let hash = FNV_OFFSET;
    for (;;) {
      if (c < 128) {
        const lower = ASCII_WORD[c];
        if (i - at < MAX_KEPT_CHARS) scratch[i - at] = lower;
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
        if (i - at + 2 <= MAX_KEPT_CHARS) scratch[i - at] = scratch[i - at + 1] = 43;
        i += 2;
        hash = mix(mix(hash, 43), 43);
      } else if (c === 35 /* # */) {
        if (i - at < MAX_KEPT_CHARS) scratch[i - at] = 35;
        i += 1;
        hash = mix(hash, 35);
      }
    }
    const k = ascii ? asciiWordIndex(text, at, i, hash) : wordIndex(text.slice(at, i).toLowerCase());
    const lower = wordLower[k];
    if (at > 0 && text.charCodeAt(at - 1) === 38 /* & */ && ENTITY_NAMES.has(lower)) continue;
    tokens.push({ lower, stem: wordStem[k], roots: wordRoots[k], start: at + offset, end: i + offset });
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
  /**
   * Results of other text-only computations, by who computed them (see memo): [owner, result,
   * owner, result, ...]. An item has a few owners (the classifier, a handful of phrase lexicons),
   * so a scan by identity beats a Map made for each item.
   */
  memo?: unknown[];
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

/** Whether results computed from a text are kept for the next lint (keepItemResults). */
export function keepingItemResults(): boolean {
  return keepItems;
}

/** Where an item object keeps its words for the rest of the lint (a symbol: not serialised). */
const WORDS = Symbol('words');
type WithWords = Item & { [WORDS]?: ItemWords };

export function itemWords(item: Item): ItemWords {
  let words = (item as WithWords)[WORDS];
  if (words) return words;
  if (!keepItems) words = { text: item.text, tokens: tokenize(item.text), memo: undefined };
  else {
    words = byText.get(item.text);
    if (!words) {
      // Tokens are cut from a detached copy: a word of 13+ letters would otherwise keep the document.
      const text = detached(item.text);
      words = { text, tokens: tokenize(text), memo: undefined };
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
  const m = (words.memo ??= []);
  for (let k = 0; k < m.length; k += 2) if (m[k] === owner) return m[k + 1] as T;
  const value = compute(words, owner);
  m.push(owner, value);
  return value;
}
