// The word table: every distinct lower-cased word met, with its stem and lexicon bits, in a hash
// table of typed arrays looked up straight from the characters of the text (tokenizer.ts).
import { isAsciiUpper } from '../chars';
import { detached } from './textLru';
import { lexiconBitsOf } from './lexiconIndex';
import { needsStem, porterStem } from './stemming';

// What is known of each distinct lower-cased word k: the word (wordLower[k], one string shared by
// all its tokens), its Porter stem, or the word itself when no lexicon matches by a stem it could
// have (wordStem[k], see stemming.ts), whether the stemmer made it (wordStemmed[k]), and which lexicons
// can start a match at it (wordLexiconBits[k], see lexiconIndex.ts).
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
export const wordLower: string[] = [];
export const wordStem: string[] = [];
const wordStemmed = new Uint8Array(WORD_CACHE_SIZE);
export const wordLexiconBits = new Int32Array(WORD_CACHE_SIZE);
/**
 * Per slot, side by side: [the word's hash (hashOf(wordLower[k])), k + 1, where its characters start
 * in `wordChars` times 128 plus its length, or -1 when a character is outside ASCII or it is too
 * long to keep there]; k + 1 is 0 when the slot is empty (a new table needs no filling). A lookup
 * reads one slot and the characters: the word's own fields, in arrays of their own, were two more
 * reads from far apart in memory.
 */
const SLOT = 3;
const slots = new Int32Array(SLOT << SLOT_BITS);
/** The lower-cased characters of the ASCII words, one after another. Full, the table starts again. */
const wordChars = new Uint8Array(1 << 20);
/** Longer words are compared with their string. Under 128: the length shares an Int32 with the position. */
export const MAX_KEPT_CHARS = 64;
let wordCharsUsed = 0;

/** FNV-1a step over one UTF-16 code unit. */
export function mix(h: number, c: number): number {
  return Math.imul(h ^ c, 16777619);
}
export const FNV_OFFSET = 0x811c9dc5 | 0;

function hashOf(s: string): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < s.length; k++) h = mix(h, s.charCodeAt(k));
  return h;
}

/** Whether text[at, at + n) lower-cased (ASCII letters only) is word. */
function sameAsciiLower(text: string, at: number, n: number, word: string): boolean {
  if (word.length !== n) return false;
  for (let k = 0; k < word.length; k++) {
    let c = text.charCodeAt(at + k);
    if (isAsciiUpper(c)) c |= 32;
    if (c !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** The lower-cased characters of the ASCII word being read (the first MAX_KEPT_CHARS of them). */
export const wordBeingRead = new Uint8Array(MAX_KEPT_CHARS);

/** Whether the n characters in `wordBeingRead` are wordChars[from, from + n). */
function sameAsWordBeingRead(from: number, n: number): boolean {
  let j = 0;
  while (j < n && wordBeingRead[j] === wordChars[from + j]) j++;
  return j === n;
}

/** The words stemmed by Porter so far (scripts/stems.ts lists the lexicons' words with it). */
export function stemmedWords(): string[] {
  return wordLower.slice(0, wordCount).filter((_, k) => wordStemmed[k] === 1);
}

/** The slot (index in `slots`) of the word that is `lower` (with this hash), or of the empty slot where it would go. */
function slotOf(hash: number, lower: string | null): number {
  let s = (hash & SLOT_MASK) * SLOT;
  for (;;) {
    const k = slots[s + 1] - 1;
    if (k === -1 || (slots[s] === hash && wordLower[k] === lower)) return s;
    s = s + SLOT === slots.length ? 0 : s + SLOT;
  }
}

/** Adds a word not yet known (lower-cased, detached from any text) at its empty slot; its index. */
function addWord(lower: string, hash: number, slot: number): number {
  if (wordCount >= WORD_CACHE_SIZE || wordCharsUsed + MAX_KEPT_CHARS > wordChars.length) {
    wordCount = 0;
    wordLower.length = 0;
    wordStem.length = 0;
    wordCharsUsed = 0;
    slots.fill(0);
    slot = slotOf(hash, null);
  }
  const k = wordCount++;
  const stemmed = needsStem(lower);
  const stem = stemmed ? porterStem(lower) : lower;
  wordLower[k] = lower;
  wordStem[k] = stem;
  wordStemmed[k] = stemmed ? 1 : 0;
  wordLexiconBits[k] = lexiconBitsOf(lower, stem);
  // A word lower-cased from non-ASCII text can be ASCII ("K", the kelvin sign, is "k"): it is
  // found from ASCII text too.
  let at = lower.length <= MAX_KEPT_CHARS ? wordCharsUsed : -1;
  for (let j = 0; at !== -1 && j < lower.length; j++) {
    const c = lower.charCodeAt(j);
    if (c > 127) {
      at = -1;
      break;
    }
    wordChars[wordCharsUsed + j] = c;
  }
  if (at !== -1) wordCharsUsed += lower.length;
  slots[slot] = hash;
  slots[slot + 1] = k + 1;
  slots[slot + 2] = at === -1 ? -1 : at * 128 + lower.length;
  return k;
}

/** Words in the table, and slots that point at one (tests: the two are equal, or slots leak). */
export function wordTableUse(): { words: number; slots: number } {
  let used = 0;
  for (let s = 1; s < slots.length; s += SLOT) if (slots[s] !== 0) used++;
  return { words: wordCount, slots: used };
}

/** The index of a lower-cased word. */
export function wordIndex(lower: string): number {
  const hash = hashOf(lower);
  const slot = slotOf(hash, lower);
  const k = slots[slot + 1] - 1;
  return k !== -1 ? k : addWord(detached(lower), hash, slot);
}

/**
 * The index of the word text[at, end), ASCII and with this hash of its lower-cased characters; when
 * it has at most MAX_KEPT_CHARS characters they are in `wordBeingRead`, lower-cased.
 */
export function asciiWordIndex(text: string, at: number, end: number, hash: number): number {
  const n = end - at;
  let s = (hash & SLOT_MASK) * SLOT;
  for (;;) {
    const k = slots[s + 1] - 1;
    if (k === -1) return addWord(detached(text.slice(at, end).toLowerCase()), hash, s);
    if (slots[s] === hash) {
      const chars = slots[s + 2];
      if (chars !== -1 ? (chars & 127) === n && sameAsWordBeingRead(chars >> 7, n) : sameAsciiLower(text, at, n, wordLower[k])) return k;
    }
    s = s + SLOT === slots.length ? 0 : s + SLOT;
  }
}

/** Gives `bit` to the words already known that pass `test` (a lexicon registered after they were read). */
export function markKnownWords(bit: number, test: (lower: string, stem: string) => boolean): void {
  for (let k = 0; k < wordCount; k++) if (test(wordLower[k], wordStem[k])) wordLexiconBits[k] |= bit;
}

/** Stems the words already known that were not stemmed and now need it (see needStems); whether there were any. */
export function stemKnownWords(): boolean {
  let changed = false;
  for (let k = 0; k < wordCount; k++) {
    const lower = wordLower[k];
    if (wordStemmed[k] || !needsStem(lower)) continue;
    wordStem[k] = porterStem(lower);
    wordStemmed[k] = 1;
    wordLexiconBits[k] = lexiconBitsOf(lower, wordStem[k]);
    changed = true;
  }
  return changed;
}
