// The per-item cache: an item's words, and what else is computed from its text alone (memo).
import type { Item } from '../types';
import { detached } from './textLru';
import { tokenize, type Token } from './tokenizer';

// Items repeat from lint to lint while a posting is edited (only the edited one changes): what is
// computed from an item's text alone (its words, its lexicon evidence, each phrase lexicon's
// matches) is kept by text, so a keystroke redoes that work for one item, not the document.
export interface ItemWords {
  /** The item's text, detached from the document it was cut from. */
  text: string;
  /** Its words, offsets relative to text. */
  tokens: Token[];
  /**
   * The lexicon bits of all its words together: a lexicon whose bit is not here has no match in
   * the item, which a lexicon checks once instead of at each word (most items hold none of most
   * lexicons' words).
   */
  bits: number;
  /**
   * Results of other text-only computations, by who computed them (see memo): [owner, result,
   * owner, result, ...]. An item has a few owners (the classifier, a handful of phrase lexicons),
   * so a scan by identity beats a Map made for each item.
   */
  memo?: unknown[];
}

const wordsByItemText = new Map<string, ItemWords>();
/** Distinct item texts kept: a 20,000-word posting has about 2,000 items. */
const TEXT_CACHE_SIZE = 8192;

let keepItems = true;

/**
 * Whether item texts are kept between lints (default). A batch run that sees each posting once (the
 * CLI) turns it off: keeping would only cost time and memory.
 */
export function keepItemResults(keep: boolean): void {
  keepItems = keep;
  wordsByItemText.clear();
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
  if (!keepItems) words = wordsOf(item.text);
  else {
    words = wordsByItemText.get(item.text);
    if (!words) {
      // Tokens are cut from a detached copy: a word of 13+ letters would otherwise keep the document.
      const text = detached(item.text);
      words = wordsOf(text);
      if (wordsByItemText.size >= TEXT_CACHE_SIZE) wordsByItemText.clear();
      wordsByItemText.set(text, words);
    }
  }
  (item as WithWords)[WORDS] = words;
  return words;
}

function wordsOf(text: string): ItemWords {
  const tokens = tokenize(text);
  let bits = 0;
  for (let i = 0; i < tokens.length; i++) bits |= tokens[i].lexiconBits;
  return { text, tokens, bits, memo: undefined };
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

/** Drops the kept item words (their tokens hold lexicon bits or stems that have changed). */
export function forgetItemWords(): void {
  wordsByItemText.clear();
}
