// Words with their offsets, and cached Porter stems. Offsets are kept so that every piece of
// evidence can point at the exact characters that produced it.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';

export interface Token {
  /** The word as written. */
  raw: string;
  /** Lower-cased stem. */
  stem: string;
  start: number;
  end: number;
}

// Letters and digits, keeping "c++" and "c#" whole; "/" and "-" split ("A/B" -> a, b; "CI/CD" -> ci, cd).
const WORD = /[\p{L}\p{N}]+(?:\+\+|#)?/gu;
// HTML entity names pasted from job boards ("&amp;") are not words.
const ENTITY_NAMES = new Set(['amp', 'nbsp', 'quot', 'lt', 'gt', 'apos', 'rsquo', 'lsquo', 'rdquo', 'ldquo', 'ndash', 'mdash', 'bull', 'middot', 'hellip']);

const stemCache = new Map<string, string>();

export function stem(word: string): string {
  // Keyed by the word as written: most words repeat with the same case, and this skips lower-casing.
  let s = stemCache.get(word);
  if (s === undefined) {
    const lower = word.toLowerCase();
    s = /\d|\+|#/.test(lower) || lower.length <= 2 ? lower : PorterStemmer.stem(lower);
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const start = (m.index ?? 0) + offset;
    if (ENTITY_NAMES.has(raw.toLowerCase()) && text.charCodeAt((m.index ?? 0) - 1) === 38 /* & */) continue;
    tokens.push({ raw, stem: stem(raw), start, end: start + raw.length });
  }
  return tokens;
}
