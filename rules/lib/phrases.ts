// Finds words and phrases in posting text with exact ranges: case-insensitive, on word boundaries,
// "*" as a word-ending wildcard ("aggress*" finds "aggressive"), whitespace or hyphens between words,
// "=Word" for one exact spelling ("=R" finds the language R, not "r" or "R&D").
// Patterns are compiled into a trie over words and matched against the words of an item, which are
// split once per lint and shared with the classifier (itemWords): no regular expression runs per
// pattern, so the cost of a lint does not grow with the size of the lexicons. The pattern syntax and
// the longest-match scan are the classifier's too (server/src/engine/text/patterns.ts).
import { KEY_LENGTH as KEY, itemWords, longestMatches, matchesOf, memo, readPattern, registerLexiconWords, tokenize, type ItemWords, type Token, type WordMatch, type WordTrie } from '../../server/src/engine/text';
import { isRegExpSpaceOrHyphen } from '../../server/src/engine/chars';
import type { Item, Range } from '../../server/src/engine/types';

export interface PhraseMatch {
  /** The pattern as listed. */
  pattern: string;
  /** The text as written. */
  text: string;
  range: Range;
}

/** What may stand between two words of a pattern. */
type Gap =
  /** The pattern had whitespace: any run of whitespace or hyphens. */
  | { kind: 'space' }
  /** The pattern had punctuation and no whitespace ("t-sql", "he/she"): exactly those characters. */
  | { kind: 'literal'; text: string }
  /** Both ("hard, play"): the punctuation, with whitespace or hyphens around it. */
  | { kind: 'mixed'; re: RegExp };

interface Node {
  /** Next word, lower-cased, reached over a gap (none for the first word). */
  next: Map<string, Edge[]>;
  /** Next word by prefix ("aggress*"), keyed by the prefix's first KEY letters. */
  prefixes: Map<string, { prefix: string; edge: Edge }[]>;
  /** Next word by exact spelling ("=R"). */
  exact: Map<string, Edge[]>;
  /** The pattern that ends here. */
  pattern?: string;
}

interface Edge {
  gap: Gap | null;
  node: Node;
}

const SPACE: Gap = { kind: 'space' };
const NONE: Node[] = [];
// Every node has every field (pattern too), so that all nodes share one object shape.
const node = (): Node => ({ next: new Map(), prefixes: new Map(), exact: new Map(), pattern: undefined });

function gapOf(text: string): Gap {
  if (/^\s+$/.test(text)) return SPACE;
  if (!/\s/.test(text)) return { kind: 'literal', text };
  const source = text
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\-]+');
  return { kind: 'mixed', re: new RegExp(`[\\s\\-]*${source}[\\s\\-]*`, 'y') };
}

function sameGap(a: Gap | null, b: Gap | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind !== b.kind) return false;
  if (a.kind === 'literal' && b.kind === 'literal') return a.text === b.text;
  if (a.kind === 'mixed' && b.kind === 'mixed') return a.re.source === b.re.source;
  return true;
}

function gapMatches(gap: Gap | null, text: string, from: number, to: number): boolean {
  if (gap === null) return true;
  if (gap.kind === 'space') {
    if (from >= to) return false;
    for (let k = from; k < to; k++) if (!isRegExpSpaceOrHyphen(text.charCodeAt(k))) return false;
    return true;
  }
  if (gap.kind === 'literal') return to - from === gap.text.length && text.startsWith(gap.text, from);
  gap.re.lastIndex = from;
  return gap.re.test(text) && gap.re.lastIndex === to;
}

/** A match of one pattern: tokens [from, to). */
interface PhraseHit extends WordMatch {
  pattern: string;
}

export class PhraseMatcher implements WordTrie<PhraseHit> {
  private readonly root = node();
  private readonly empty: boolean;

  /** This lexicon's bit in Token.lexiconBits (0: check every word). */
  private readonly bit: number;

  constructor(patterns: readonly string[]) {
    this.empty = patterns.length === 0;
    for (const p of patterns) this.insert(p);
    // A match starts at a first word of a pattern, any spelling of an exact one, or a word that
    // starts with a first-word prefix.
    const root = this.root;
    const exactLower = [...root.exact.keys()].map((w) => w.toLowerCase());
    const prefixes = [...root.prefixes.values()].flatMap((list) => list.map((p) => p.prefix));
    this.bit = this.empty ? 0 : registerLexiconWords([...root.next.keys(), ...exactLower], prefixes);
  }

  private insert(pattern: string): void {
    let n = this.root;
    const read = readPattern(pattern);
    if (read.exact !== null) {
      n = this.edge(n.exact, read.exact, null);
      n.pattern ??= pattern;
      return;
    }
    for (let i = 0; i < read.words.length; i++) {
      const { token: w, gap: between, prefix } = read.words[i];
      const gap = i === 0 ? null : gapOf(between);
      if (prefix) {
        if (w.lower.length < KEY) throw new Error(`phrase pattern "${pattern}": a wildcard needs at least ${KEY} letters before "*"`);
        const key = w.lower.slice(0, KEY);
        let list = n.prefixes.get(key);
        if (!list) n.prefixes.set(key, (list = []));
        let e = list.find((x) => x.prefix === w.lower && sameGap(x.edge.gap, gap));
        if (!e) list.push((e = { prefix: w.lower, edge: { gap, node: node() } }));
        n = e.edge.node;
      } else {
        n = this.edge(n.next, w.lower, gap);
      }
    }
    // The first listing of a pattern is the one reported.
    if (n !== this.root) n.pattern ??= pattern;
  }

  private edge(map: Map<string, Edge[]>, word: string, gap: Gap | null): Node {
    let list = map.get(word);
    if (!list) map.set(word, (list = []));
    let e = list.find((x) => sameGap(x.gap, gap));
    if (!e) list.push((e = { gap, node: node() }));
    return e.node;
  }

  /** The nodes after n that token t, preceded by the gap text[from, to), leads to. */
  private step(n: Node, t: Token, text: string, from: number, to: number): Node[] {
    let out: Node[] | null = null;
    const next = n.next.get(t.lower);
    if (next) for (const e of next) if (gapMatches(e.gap, text, from, to)) (out ??= []).push(e.node);
    if (n.prefixes.size > 0) {
      // Cut only here: with the lexicon bits, few words reach a node that has prefixes.
      const list = n.prefixes.get(t.lower.length <= KEY ? t.lower : t.lower.slice(0, KEY));
      if (list) for (const { prefix, edge } of list) if (t.lower.startsWith(prefix) && gapMatches(edge.gap, text, from, to)) (out ??= []).push(edge.node);
    }
    if (n.exact.size > 0) {
      const list = n.exact.get(text.slice(t.start, t.end));
      // An exact word is not part of an "R&D"-style abbreviation.
      // (Reads stay inside the text: one past either end would throw the optimised code away.)
      if (list && (t.start === 0 || text.charCodeAt(t.start - 1) !== 38) && (t.end === text.length || text.charCodeAt(t.end) !== 38)) {
        for (const e of list) if (gapMatches(e.gap, text, from, to)) (out ??= []).push(e.node);
      }
    }
    return out ?? NONE;
  }

  /** The longest pattern starting at tokens[i], or null (a WordTrie: see longestMatches). */
  longestAt(tokens: Token[], i: number, text: string): PhraseHit | null {
    const first = this.step(this.root, tokens[i], text, 0, 0);
    return first.length === 0 ? null : this.longestFrom(first, tokens, i, text);
  }

  // Apart from longestAt, which runs for every word: a function whose variables a closure captures
  // allocates their context on every call, and most words start no pattern.
  private longestFrom(first: Node[], tokens: Token[], i: number, text: string): PhraseHit | null {
    let best: PhraseHit | null = null;
    const walk = (n: Node, j: number): void => {
      if (n.pattern !== undefined && (!best || tokens[j - 1].end > tokens[best.to - 1].end)) best = { from: i, to: j, pattern: n.pattern };
      if (j >= tokens.length) return;
      const t = tokens[j];
      for (const next of this.step(n, t, text, tokens[j - 1].end, t.start)) walk(next, j + 1);
    };
    for (const n of first) walk(n, i + 1);
    return best;
  }

  /** Matches in the tokens of `text` (offsets relative to text); `offset` is added in the ranges returned. */
  match(tokens: Token[], text: string, offset: number): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    if (this.empty) return out;
    for (const hit of longestMatches(this, tokens, this.bit, text, 0)) {
      const from = tokens[hit.from].start;
      const to = tokens[hit.to - 1].end;
      out.push({ pattern: hit.pattern, text: text.slice(from, to), range: { start: offset + from, end: offset + to } });
    }
    return out;
  }

  /** Matches in text; `offset` is the document offset of text[0]. */
  find(text: string, offset = 0): PhraseMatch[] {
    return this.match(tokenize(text), text, offset);
  }

  /**
   * Matches in one item with ranges relative to item.text, kept per item text and shared: do not
   * modify. For callers that place only some of them (findInItem places all).
   */
  matchesInItem(item: Item): readonly PhraseMatch[] {
    if (this.empty || (this.bit !== 0 && (itemWords(item).bits & this.bit) === 0)) return NO_MATCHES;
    return memo(item, this, matchWords);
  }

  /** Matches in one item (its words are split once and shared; matches are kept per item text). */
  findInItem(item: Item): PhraseMatch[] {
    const local = this.matchesInItem(item);
    if (local.length === 0) return [];
    const shift = item.range.start;
    return local.map((m) => ({ pattern: m.pattern, text: m.text, range: { start: m.range.start + shift, end: m.range.end + shift } }));
  }

  /** Matches in the items of a posting, skipping URLs, inline HTML and ranges an allow-list covers. */
  findInItems(items: readonly Item[], allow?: PhraseMatcher): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    for (const item of items) {
      const found = this.findInItem(item);
      if (found.length === 0) continue;
      const allowed = allow ? allow.findInItem(item) : NO_MATCHES;
      const links = notProse(item.text, item.range.start);
      for (const m of found) if (!covers(allowed, m) && !covers(links, m)) out.push(m);
    }
    return out;
  }
}

const NO_MATCHES: readonly PhraseMatch[] = [];

/** Whether a match in `list` covers m's range. */
function covers(list: readonly PhraseMatch[], m: PhraseMatch): boolean {
  for (let k = 0; k < list.length; k++) if (list[k].range.start <= m.range.start && m.range.end <= list[k].range.end) return true;
  return false;
}

function matchWords(words: ItemWords, matcher: PhraseMatcher): PhraseMatch[] {
  return matcher.match(words.tokens, words.text, 0);
}

// URLs, Markdown link targets, autolinks and inline HTML tags are not prose.
const NOT_PROSE = /\bhttps?:\/\/[^\s)>\]]+|\bwww\.[^\s)>\]]+|\]\([^)]*\)|<[^>\n]*>/gi;

function notProse(text: string, offset: number): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  for (const m of matchesOf(NOT_PROSE, text)) {
    const start = offset + (m.index ?? 0);
    out.push({ pattern: '', text: m[0], range: { start, end: start + m[0].length } });
  }
  return out;
}

/** Keeps the case shape of the original word in a replacement ("Rockstar" -> "Expert"). */
export function matchCase(original: string, replacement: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return replacement.toUpperCase();
  if (original[0] === original[0].toUpperCase() && original[0] !== original[0].toLowerCase()) {
    return replacement[0].toUpperCase() + replacement.slice(1);
  }
  return replacement;
}
