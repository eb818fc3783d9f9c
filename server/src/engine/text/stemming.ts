// Which words are stemmed, and their Porter stems: only words whose stem a lexicon can need.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import prestemmed from '../generated/lexicon-stems.json';

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

/** Whether a word (lower-cased) is to be stemmed: Porter stems it and a lexicon may need its stem. */
export function needsStem(lower: string): boolean {
  return porterWord(lower) && stemMatters(lower);
}

/** The Porter stem of a word (lower-cased). */
export function porterStem(lower: string): string {
  return PRESTEMMED.get(lower) ?? PorterStemmer.stem(lower);
}

/**
 * Adds the stems a lexicon matches words by, and which words can match it at all (see needStems in
 * text/index.ts, which also stems the words already known that now need it).
 */
export function addStemNeeds(stems: Iterable<string>, canMatch: (lower: string) => boolean): void {
  stemUsers.push(canMatch);
  const keys = stemKeys ?? new Set<string>();
  const short = shortStems ?? new Set<string>();
  for (const st of stems) {
    if (st.length < 3) short.add(keyOf(st, 2));
    else keys.add(keyOf(st, 3));
  }
  stemKeys = keys;
  shortStems = short;
}
