// Word patterns, as the word lexicons write them, and the scan that finds them: both word tries
// (the classifier's duty terms, engine/classifier.ts, and the rules' phrase lexicons,
// rules/lib/phrases.ts) read their patterns and take their longest matches here; each keeps its
// own nodes, as they compare words differently (by stem and spelling, or by words and the
// characters between them).
import type { Token } from './tokenizer';
import { tokenize } from './tokenizer';

/** One word of a pattern. */
export interface PatternWord {
  /** The word as the tokenizer reads it (lower case, stem). */
  token: Token;
  /** The pattern's text between the previous word and this one ('' before the first word). */
  gap: string;
  /** Written with a trailing "*": it stands for any word that starts with it ("aggress*"). */
  prefix: boolean;
}

/**
 * A pattern read: "=R" is one exact spelling (the language R, not the letter r or "R&D"); any
 * other pattern is its words, with what stands between them and which of them end in "*".
 */
export type Pattern = { exact: string; words: null } | { exact: null; words: PatternWord[] };

export function readPattern(pattern: string): Pattern {
  if (pattern.startsWith('=')) return { exact: pattern.slice(1), words: null };
  const p = pattern.trim();
  const tokens = tokenize(p);
  const words: PatternWord[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    words.push({ token, gap: i === 0 ? '' : p.slice(tokens[i - 1].end, token.start), prefix: p[token.end] === '*' });
  }
  return { exact: null, words };
}

/** A match of a word pattern: tokens [from, to). */
export interface WordMatch {
  from: number;
  to: number;
}

/** A word trie: the longest match starting at tokens[i], or null (text[0] is at document offset `offset`). */
export interface WordTrie<M extends WordMatch> {
  longestAt(tokens: Token[], i: number, text: string, offset: number): M | null;
}

const NONE: never[] = [];

/**
 * The matches of a word trie in `tokens`, left to right and not overlapping: at each word that can
 * start one (its lexicon bits meet `bits`; 0 tries every word) the longest match is taken, and the
 * scan goes on after it. The array returned for no match is shared: do not modify it.
 */
export function longestMatches<M extends WordMatch>(trie: WordTrie<M>, tokens: Token[], bits: number, text: string, offset: number): M[] {
  let out: M[] | null = null;
  for (let i = 0; i < tokens.length; ) {
    const hit = bits === 0 || (tokens[i].lexiconBits & bits) !== 0 ? trie.longestAt(tokens, i, text, offset) : null;
    if (!hit) {
      i++;
      continue;
    }
    (out ??= []).push(hit);
    i = hit.to;
  }
  return out ?? NONE;
}
