// Finds words and phrases in posting text with exact ranges: case-insensitive, on word boundaries,
// "*" as a word-ending wildcard ("aggress*" finds "aggressive"), whitespace or hyphens between words.
import type { Item, Range } from '../../server/src/engine/types';

export interface PhraseMatch {
  /** The pattern as listed. */
  pattern: string;
  /** The text as written. */
  text: string;
  range: Range;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function patternSource(p: string): string {
  return p
    .trim()
    .split(/\s+/)
    .map((w) => (w.endsWith('*') ? `${escape(w.slice(0, -1))}[\\p{L}\\p{N}]*` : escape(w)))
    .join('[\\s\\-]+');
}

/** Lower-cased first letters (up to KEY) of every word in a text: a cheap test before the regex. */
const KEY = 4;
const WORD = /[\p{L}\p{N}]+/gu;
function wordKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const m of text.matchAll(WORD)) keys.add(m[0].slice(0, KEY).toLowerCase());
  return keys;
}
// Items are matched by several rules in one lint: their keys are computed once per item.
const itemKeys = new WeakMap<object, Set<string>>();

export class PhraseMatcher {
  private readonly re: RegExp;
  private readonly patterns: string[];
  /** First-word keys of the patterns; a text without any of them cannot match. */
  private readonly keys: Set<string>;

  constructor(patterns: readonly string[]) {
    this.keys = new Set(patterns.map((p) => (p.match(/[\p{L}\p{N}]+/u)?.[0] ?? '').slice(0, KEY).toLowerCase()));
    // Longest first so "young and dynamic" wins over "young".
    this.patterns = [...patterns].sort((a, b) => b.length - a.length);
    const alt = this.patterns.map((p) => `(${patternSource(p)})`).join('|');
    this.re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt})(?![\\p{L}\\p{N}])`, 'giu');
  }

  /** Matches in text; `offset` is the document offset of text[0]. `keys` are its wordKeys, if known. */
  find(text: string, offset = 0, keys: Set<string> = wordKeys(text)): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    if (this.patterns.length === 0) return out;
    let any = false;
    for (const k of keys) {
      if (this.keys.has(k)) {
        any = true;
        break;
      }
    }
    if (!any) return out;
    for (const m of text.matchAll(this.re)) {
      const group = m.findIndex((g, i) => i > 0 && g !== undefined);
      const start = offset + (m.index ?? 0);
      out.push({ pattern: this.patterns[group - 1], text: m[0], range: { start, end: start + m[0].length } });
    }
    return out;
  }

  /** Matches in the items of a posting, skipping URLs, inline HTML and ranges an allow-list covers. */
  findInItems(items: readonly Item[], allow?: PhraseMatcher): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    for (const item of items) {
      let keys = itemKeys.get(item);
      if (!keys) itemKeys.set(item, (keys = wordKeys(item.text)));
      const found = this.find(item.text, item.range.start, keys);
      if (found.length === 0) continue;
      const allowed = [...(allow?.find(item.text, item.range.start) ?? []), ...notProse(item.text, item.range.start)];
      for (const m of found) {
        if (!allowed.some((a) => a.range.start <= m.range.start && m.range.end <= a.range.end)) out.push(m);
      }
    }
    return out;
  }
}

// URLs, Markdown link targets, autolinks and inline HTML tags are not prose.
const NOT_PROSE = /\bhttps?:\/\/[^\s)>\]]+|\bwww\.[^\s)>\]]+|\]\([^)]*\)|<[^>\n]*>/gi;

function notProse(text: string, offset: number): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  for (const m of text.matchAll(NOT_PROSE)) {
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
