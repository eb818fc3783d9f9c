// Longer than ~350 lines: the duty trie stays beside the evidence it yields while #17 tunes this file (moving it now would only conflict).
// Item -> class with evidence. Evidence comes from the duty lexicon (rules/lexicons/duties.json):
// stemmed phrases with a role and a weight. The weights of the lexicon entries are blended with
// log-likelihood ratios learned at build time by natural's BayesClassifier from labelled duty
// lines (rules/training/duty-lines.json, see scripts/train.ts), so every number is traceable to
// a term: an item's class and score are a function of its evidence list and nothing else.
import lexicon from '../../../rules/lexicons/duties.json';
import learned from './generated/term-weights.json';
import { longestMatches, memo, needStems, readPattern, registerLexicon, tokenize, type ItemWords, type Token, type WordTrie } from './text';
import type { ClassifiedItem, Evidence, Item, ItemClass, Posting, Role } from './types';

interface LexiconTerm {
  label: string;
  role: string;
  weight: number;
  patterns: string[];
  tuned?: Record<string, number>;
}

interface Term {
  /** The lexicon pattern that matched, e.g. "k8s". */
  pattern: string;
  label: string;
  /** label and pattern as one string (Evidence.key). */
  key: string;
  role: Role | 'shared';
  weight: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** The pattern words (lower case) that reach this node; see sameWord. */
  words?: string[];
  /**
   * The last words (lower case) of the patterns that end at this node. A match ends here only on
   * one of them: "information retrieval" passes through the node of "inform", but "information"
   * alone is not "inform", and "github actions" does not make "actions" mean "actionable".
   */
  ends?: string[];
  term?: Term;
  /** Role names are claims, not evidence: a match suppresses its words. */
  roleName?: boolean;
  /**
   * The last words (lower case) of the role names ending here. Where a role name and a term share
   * a stemmed pattern ("software engineer" / "software engineering"), the role name holds only
   * for these spellings and the term for the others: the skill is evidence, the job name is not.
   */
  roleWords?: Set<string>;
  /** A collaborator named after a cue ("partner with data scientists"): whose work follows. */
  partner?: Role;
  /** Pattern requires this exact spelling of the word (e.g. "R", the language). */
  exact?: Map<string, TrieNode>;
}

const PARTNER_CUES = new Set(lexicon.partners.cues);
const LEARNED = learned as { weights: Record<string, number>; blend: number };

// Every node has every field, in this order: the trie walk runs for most words of every posting,
// and nodes that grew their optional fields in different orders would give it a dozen object
// shapes to tell apart at each property it reads.
function node(): TrieNode {
  return { next: new Map(), words: undefined, ends: undefined, term: undefined, roleName: undefined, roleWords: undefined, partner: undefined, exact: undefined };
}

function insert(root: TrieNode, pattern: string, leaf: (n: TrieNode, last: string) => void): void {
  let n = root;
  const read = readPattern(pattern);
  if (read.exact !== null) {
    n.exact ??= new Map();
    let e = n.exact.get(read.exact);
    if (!e) n.exact.set(read.exact, (e = node()));
    leaf(e, read.exact.toLowerCase());
    return;
  }
  // Matched by stems, so what stands between the words and a "*" do not count.
  let last = '';
  for (const { token: t } of read.words) {
    let c = n.next.get(t.stem);
    if (!c) n.next.set(t.stem, (c = node()));
    n = c;
    if (!(n.words ??= []).includes(t.lower)) n.words.push(t.lower);
    last = t.lower;
  }
  if (n !== root) {
    if (!(n.ends ??= []).includes(last)) n.ends.push(last);
    leaf(n, last);
  }
}

function markRoleName(n: TrieNode, last: string): void {
  n.roleName = true;
  (n.roleWords ??= new Set()).add(last);
}

/**
 * The effective weight of a lexicon term: its tuned weight blended with the log-likelihood ratio
 * learned from labelled duty lines, counted only in the direction the lexicon gives the term.
 */
export function termWeight(label: string, role: Role | 'shared', base: number): number {
  const llr = LEARNED.weights[label];
  if (llr === undefined || role === 'shared') return base;
  const towards = Math.max(0, role === 'mle' ? llr : -llr);
  return (1 - LEARNED.blend) * base + LEARNED.blend * towards;
}

/** Every lexicon term with its entry, so that the weights can be set again (useTunedWeights). */
const TERMS: { term: Term; entry: LexiconTerm }[] = [];

/** Per-pattern weights by label, as `npm run tune` writes them into the lexicon ("tuned"). */
export type TunedWeights = Record<string, Record<string, number>>;

function weightOf(entry: LexiconTerm, pattern: string, tuned: TunedWeights | null): number {
  // A pattern's tuned weight (scripts/tune-lexicon.ts) overrides its entry's hand-set weight.
  const t = tuned ? tuned[entry.label] : entry.tuned;
  return termWeight(entry.label, entry.role as Term['role'], t?.[pattern] ?? entry.weight);
}

const TRIE = (() => {
  const root = node();
  for (const t of lexicon.terms as LexiconTerm[]) {
    for (const p of t.patterns) {
      const term: Term = { label: t.label, key: `${t.label}\u0000${p}`, role: t.role as Term['role'], weight: weightOf(t, p, null), pattern: p };
      TERMS.push({ term, entry: t });
      insert(root, p, (n) => (n.term = term));
    }
  }
  for (const p of lexicon.roleNames.patterns) insert(root, p, markRoleName);
  // Phrases that are never evidence ("R&D" is not the language R) hide their words the same way.
  for (const p of lexicon.ignore.patterns) insert(root, p, markRoleName);
  for (const role of ['ds', 'mle'] as const) {
    for (const p of lexicon.partners[role]) {
      insert(root, p, (n, last) => {
        markRoleName(n, last);
        n.partner = role;
      });
    }
  }
  return root;
})();

// Only the stems of the pattern words are ever looked up, and a word counts only when it is spelt
// like a pattern word (sameWord): other words need not be stemmed.
needStems(
  (function stemsOf(n: TrieNode, out: string[]): string[] {
    for (const [stem, child] of n.next) {
      out.push(stem);
      stemsOf(child, out);
    }
    return out;
  })(TRIE, []),
  spelledLike(
    (function wordsOf(n: TrieNode, out: Set<string>): Set<string> {
      for (const child of n.next.values()) {
        for (const w of child.words ?? []) out.add(w);
        wordsOf(child, out);
      }
      return out;
    })(TRIE, new Set()),
  ),
);

/**
 * A test of whether sameWord(word, [w]) can hold for some w of `words`: a length within 3 of w's,
 * and all but the last letter of the shorter word shared. Such a word, less its last letter, is a
 * prefix of w at most 4 letters shorter than w (w as long or longer), or it starts with w less w's
 * last letter (w shorter), so two sets of prefixes answer it.
 */
export function spelledLike(words: Iterable<string>): (lower: string) => boolean {
  const longer = new Set<string>();
  const shorter = new Set<string>();
  for (const w of words) {
    for (let m = Math.max(0, w.length - 4); m < w.length; m++) longer.add(w.slice(0, m));
    shorter.add(w.slice(0, -1));
  }
  return (lower) => {
    const n = lower.length;
    if (longer.has(lower.slice(0, n - 1))) return true;
    for (let m = Math.max(0, n - 4); m <= n - 2; m++) if (shorter.has(lower.slice(0, m))) return true;
    return false;
  };
}

/** The lexicon's bits in Token.lexiconBits: a word whose stem starts no pattern is skipped with one test. */
const STEM_BIT = registerLexicon((_lower, stem) => TRIE.next.has(stem));
/** Words that may be spelt as an exact-case pattern ("R"): only they are looked up by spelling. */
const EXACT_BIT = (() => {
  const exactLower = new Set([...(TRIE.exact?.keys() ?? [])].map((w) => w.toLowerCase()));
  return registerLexicon((lower) => exactLower.has(lower));
})();
/** 0 when the bits ran out: then every word is tried. */
const START_BITS = STEM_BIT !== 0 && EXACT_BIT !== 0 ? STEM_BIT | EXACT_BIT : 0;

interface Hit {
  from: number;
  to: number; // token index, exclusive
  node: TrieNode;
  /** The words name a role (a claim, never evidence) or are an ignored phrase. */
  roleName: boolean;
}

/** Whether the match ending in `last` names a role: on a node shared with a term, only the role names' own spellings do. */
function namesRole(n: TrieNode, last: Token): boolean {
  if (!n.roleName) return false;
  return !n.term || n.roleWords === undefined || n.roleWords.has(last.lower);
}

/**
 * Porter stems conflate words that mean different things ("experience" and "experiment",
 * "community" and "communicate", "integrity" and "integrate"). A token counts as a pattern word
 * only when it is an inflection of it: same stem, nearly the same length and a shared prefix
 * covering all but the last letter of the shorter word.
 */
export function sameWord(t: string, words: string[] | undefined): boolean {
  if (!words) return true;
  for (const w of words) {
    if (w === t) return true;
    if (Math.abs(w.length - t.length) > 3) continue;
    const min = Math.min(w.length, t.length);
    let k = 0;
    while (k < min && w.charCodeAt(k) === t.charCodeAt(k)) k++;
    if (k >= min - 1) return true;
  }
  return false;
}

/** The longest lexicon match starting at tokens[i]; text[0] is at document offset `offset`. */
function longestAt(tokens: Token[], i: number, text: string, offset: number): Hit | null {
  let best: Hit | null = null;
  // Patterns of exact spelling ("R") are looked up by the word as written.
  const t = tokens[i];
  const exact = START_BITS === 0 || (t.lexiconBits & EXACT_BIT) !== 0 ? TRIE.exact?.get(text.slice(t.start - offset, t.end - offset)) : undefined;
  if (exact && (exact.term || exact.roleName)) best = { from: i, to: i + 1, node: exact, roleName: namesRole(exact, tokens[i]) };
  let n: TrieNode | undefined = TRIE;
  for (let j = i; j < tokens.length && n; j++) {
    n = n.next.get(tokens[j].stem);
    if (n && !sameWord(tokens[j].lower, n.words)) break;
    if (n && (n.term || n.roleName) && sameWord(tokens[j].lower, n.ends)) best = { from: i, to: j + 1, node: n, roleName: namesRole(n, tokens[j]) };
  }
  return best;
}

/** Whether text[from, to) holds sentence-ending punctuation. */
function endsSentence(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 46 /* . */ || c === 59 /* ; */ || c === 33 /* ! */ || c === 63 /* ? */) return true;
  }
  return false;
}

/** The duty lexicon as a word trie (patterns.ts): its longest match at a word. */
const DUTY_TRIE: WordTrie<Hit> = { longestAt };

/** Lexicon evidence in a piece of text; `offset` is the document offset of text[0]. */
export function findEvidence(text: string, offset: number, tokens: Token[] = tokenize(text, offset)): Evidence[] {
  const out: Evidence[] = [];
  const hits = longestMatches(DUTY_TRIE, tokens, START_BITS, text, offset);
  // Whose work the rest of the sentence describes when it names a collaborator after a cue.
  let partner: Role | null = null;
  for (let k = 0; k < hits.length; k++) {
    const hit = hits[k];
    // Words hold no sentence punctuation: the text since the last match ends the sentence or not.
    if (partner && endsSentence(text, tokens[hits[k - 1].to - 1].end - offset, tokens[hit.from].start - offset)) partner = null;
    if (hit.node.partner && hit.roleName) {
      // The cue stands just before the collaborator, or before a list that ends with it
      // ("work with product managers and data scientists to ...").
      const before = hit.from > 0 ? tokens[hit.from - 1].lower : '';
      const reach = before === 'and' || before === 'or' ? 6 : 3;
      const cue = tokens.slice(Math.max(0, hit.from - reach), hit.from).some((t) => PARTNER_CUES.has(t.lower));
      if (cue) partner = hit.node.partner;
    }
    const term = hit.node.term;
    if (term && !hit.roleName && term.role !== partner) {
      const start = tokens[hit.from].start;
      const end = tokens[hit.to - 1].end;
      out.push({
        term: text.slice(start - offset, end - offset),
        label: term.label,
        pattern: term.pattern,
        key: term.key,
        role: term.role,
        weight: term.weight,
        range: { start, end },
      });
    }
  }
  return out;
}

/** Per-item evidence masses: each lexicon label counts once per item (its strongest term), so repetition is not proof. */
export function masses(evidence: readonly Evidence[]): { ds: number; mle: number } {
  let ds = 0;
  let mle = 0;
  // Labels in the order they first appear, each with its first strongest term. An item holds a
  // few terms: pairwise scans, where a Map per item was most of the cost.
  for (let i = 0; i < evidence.length; i++) {
    const e = evidence[i];
    if (e.role === 'shared' || seenBefore(evidence, i)) continue;
    let best = e;
    for (let j = i + 1; j < evidence.length; j++) {
      const o = evidence[j];
      if (o.role !== 'shared' && o.label === e.label && o.weight > best.weight) best = o;
    }
    if (best.role === 'ds') ds += best.weight;
    else mle += best.weight;
  }
  return { ds, mle };
}

/** Whether a term before evidence[i] (not shared) has the same label. */
function seenBefore(evidence: readonly Evidence[], i: number): boolean {
  const label = evidence[i].label;
  for (let j = 0; j < i; j++) if (evidence[j].role !== 'shared' && evidence[j].label === label) return true;
  return false;
}

/** An item leans to a role when that role's evidence is this many times the other's. */
const LEAN = 1.5;

/**
 * Below this evidence mass an item leans to neither role: a term the data gave almost no weight
 * ("testing", tuned to ~0 because it means unit tests as often as hypothesis tests) does not make
 * "Usability testing with customers" a duty of ML engineering. The profile still counts the term.
 */
const MIN_LEAN_MASS = 0.25;

function decide(ds: number, mle: number, evidence: Evidence[]): { cls: ItemClass; score: number } {
  if (ds + mle < MIN_LEAN_MASS) return { cls: evidence.length > 0 ? 'shared' : 'none', score: 0 };
  const score = Math.abs(mle - ds) / (mle + ds);
  if (mle >= ds * LEAN) return { cls: 'mle', score };
  if (ds >= mle * LEAN) return { cls: 'ds', score };
  return { cls: 'shared', score };
}

/** Owner of the per-text evidence kept in the item-text cache (text/itemCache.ts memo). */
let EVIDENCE = {};

/**
 * Sets the pattern weights from `tuned` instead of the lexicon's own (null: back to the lexicon's).
 * For the evaluation only, which tunes on some folds of the postings and measures the others;
 * verdicts cached under the old weights are no longer found.
 */
export function useTunedWeights(tuned: TunedWeights | null): void {
  for (const { term, entry } of TERMS) term.weight = weightOf(entry, term.pattern, tuned);
  EVIDENCE = {};
}

interface ItemVerdict {
  found: Evidence[];
  ds: number;
  mle: number;
  cls: ItemClass;
  score: number;
}

/**
 * An item's class, with evidence placed in the document only when asked for: most consumers need
 * the terms, not their positions, and placing every term of a 20,000-word posting on each
 * keystroke was a third of the garbage a lint left.
 */
class Classified implements ClassifiedItem {
  readonly cls: ItemClass;
  readonly score: number;
  readonly ds: number;
  readonly mle: number;
  readonly terms: readonly Evidence[];
  private placed: Evidence[] | undefined;

  constructor(
    readonly item: Item,
    private readonly verdict: ItemVerdict,
  ) {
    this.cls = verdict.cls;
    this.score = verdict.score;
    this.ds = verdict.ds;
    this.mle = verdict.mle;
    this.terms = verdict.found;
  }

  get evidence(): Evidence[] {
    if (!this.placed) {
      const shift = this.item.range.start;
      this.placed = this.verdict.found.map((e) => ({ ...e, range: { start: e.range.start + shift, end: e.range.end + shift } }));
    }
    return this.placed;
  }
}

export function classifyItem(item: Item): ClassifiedItem {
  // The verdict on the same text is reused while a posting is edited; its ranges are relative to the item.
  return new Classified(item, memo(item, EVIDENCE, verdictOf));
}

function verdictOf(words: ItemWords): ItemVerdict {
  // No word of the item can start a term (its words' lexicon bits together): no evidence.
  const found = START_BITS !== 0 && (words.bits & START_BITS) === 0 ? [] : findEvidence(words.text, 0, words.tokens);
  const { ds, mle } = masses(found);
  const { cls, score } = decide(ds, mle, found);
  return { found, ds, mle, cls, score };
}

/**
 * Classifies every item of a posting, including those of non-duty sections (about us, benefits,
 * EEO): the profile ignores them unless no duty section says anything (see profile.ts).
 */
export function classifyPosting(posting: Posting): ClassifiedItem[] {
  return posting.items.map(classifyItem);
}
