// Recognises section headings and job-board debris by their words. The phrases are data
// (rules/lexicons/sections.json); this module only normalises and matches them.
import lexicon from '../../../../rules/lexicons/sections.json';
import { isAsciiAlnum, isAsciiLower } from '../chars';
import type { SectionKind } from '../types';

interface Phrase {
  words: string[];
  kind: SectionKind;
}

/** Every section kind. */
export const SECTION_KINDS: readonly SectionKind[] = ['responsibilities', 'requirements', 'niceToHave', 'tools', 'nonDuty', 'unknown'];

const exact = new Map<string, SectionKind>();
// Phrases indexed by their first word, so matching a heading costs a few comparisons per word.
const byFirstWord = new Map<string, Phrase[]>();
const filler = new Set<string>(lexicon.filler.map((w) => normalize(w)));
const debris = new Set<string>(lexicon.debris.map((w) => normalize(w)));
const fields = new Set<string>(lexicon.fields.map((w) => normalize(w)));

for (const kind of SECTION_KINDS) {
  const phrases = (lexicon.kinds as Record<string, string[]>)[kind] ?? [];
  for (const raw of phrases) {
    const n = normalize(raw);
    if (!n || exact.has(n)) continue;
    exact.set(n, kind);
    const words = n.split(' ');
    const list = byFirstWord.get(words[0]);
    if (list) list.push({ words, kind });
    else byFirstWord.set(words[0], [{ words, kind }]);
  }
}

/**
 * Whether every word of normalize(s) may be in `words`: false only when one cannot be. It reads the
 * ASCII letter and digit runs of s as they are; anything normalize could rewrite into other words
 * (a character outside ASCII, an apostrophe, a backquote, '&') answers true, and "youre"/"youll"
 * pass. A phrase lexicon matches a line only if all the line's words are its words (headingKind
 * allows filler and other phrase words around a phrase, and they are in the set too), so most lines
 * of a posting are turned away at their first ordinary word, without lower-casing or rewrites.
 */
function onlyWordsOf(s: string, words: ReadonlySet<string>): boolean {
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c > 127 || c === 39 /* ' */ || c === 96 /* ` */ || c === 38 /* & */) return true;
    if (!isAsciiAlnum(c)) {
      i++;
      continue;
    }
    const at = i;
    let upper = false;
    for (; i < n; i++) {
      const d = s.charCodeAt(i);
      if (!isAsciiAlnum(d)) break;
      if (d <= 90 && d >= 65) upper = true;
    }
    const run = upper ? s.slice(at, i).toLowerCase() : s.slice(at, i);
    if (!words.has(run) && run !== 'youre' && run !== 'youll') return false;
  }
  return true;
}

/** All the words of a set of normalised phrases, for onlyWordsOf. */
function wordsOf(phrases: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const p of phrases) for (const w of p.split(' ')) out.add(w);
  return out;
}

/**
 * Lower case, straight quotes, '&' as 'and', contractions expanded, punctuation as spaces.
 * "What You’ll Do:" -> "what you will do" (also "What Youll Do").
 */
export function normalize(s: string): string {
  let t = s.toLowerCase();
  // Runs on every candidate heading of every posting: the rewrites run only where they can apply.
  if (/['\u2018\u2019\u02bc`&]/.test(t)) {
    t = t
      .replace(/[\u2018\u2019\u02bc`]/g, "'")
      .replace(/&amp;|&/g, ' and ')
      .replace(/'ll\b/g, ' will')
      .replace(/'re\b/g, ' are')
      .replace(/'ve\b/g, ' have')
      .replace(/'s\b/g, ' s');
  }
  // Boards that drop apostrophes leave "What youll do" / "Youre": read them as written with one.
  if (t.includes('your')) t = t.replace(/\byoure\b/g, 'you are');
  if (t.includes('youll')) t = t.replace(/\byoull\b/g, 'you will');
  return t.replace(/[^a-z0-9]+/g, ' ').trim();
}

// The words a heading may be made of: those of the known phrases and the filler around them.
const headingWords = wordsOf([...exact.keys(), ...filler]);
const debrisWords = wordsOf(debris);
const fieldWords = wordsOf(fields);

/** Words a heading may carry around a known phrase ("Key", "Job", "Your") without changing its kind. */
function isFiller(word: string): boolean {
  return filler.has(word);
}

const MAX_HEADING_WORDS = 8;

/** What a heading's raw text starts with if it can be a role lead-in ("As" as its first word). */
const LEAD_IN_START = /^[^A-Za-z0-9]*as(?![A-Za-z0-9])/i;
/**
 * "As a Senior Data Scientist, you will:" / "As an experienced engineer you'll be responsible for:":
 * a lead-in that names the role (any words) and ends where the list of duties begins.
 */
const ROLE_LEAD_IN = /^as an? (?:[a-z0-9]+ ){1,6}you will(?: be)?(?: responsible for| doing| working on)?$/;

/**
 * The section kind a heading names, or null when it names none.
 * Exact phrase first; otherwise the longest known phrase inside the heading whose other words are
 * all filler ("Job Responsibilities", "Our Benefits").
 */
export function headingKind(heading: string): SectionKind | null {
  if (!onlyWordsOf(heading, headingWords) && !LEAD_IN_START.test(heading)) return null;
  const n = normalize(heading);
  if (!n) return null;
  const hit = exact.get(n);
  if (hit) return hit;
  if (n.startsWith('as a') && ROLE_LEAD_IN.test(n)) return 'responsibilities';
  const words = n.split(' ');
  if (words.length > MAX_HEADING_WORDS) return null;
  let best: Phrase | null = null;
  let bestAt = -1;
  for (let i = 0; i < words.length; i++) {
    const candidates = byFirstWord.get(words[i]);
    if (!candidates) continue;
    for (const p of candidates) {
      // Longest phrase wins; on a tie a named kind beats a generic heading ("Position Requirements").
      if (best && (p.words.length < best.words.length || (p.words.length === best.words.length && !(best.kind === 'unknown' && p.kind !== 'unknown')))) continue;
      if (i + p.words.length > words.length) continue;
      let same = true;
      for (let k = 1; k < p.words.length; k++) {
        if (words[i + k] !== p.words[k]) {
          same = false;
          break;
        }
      }
      if (same) {
        best = p;
        bestAt = i;
      }
    }
  }
  if (!best) return null;
  for (let i = 0; i < words.length; i++) {
    if (i >= bestAt && i < bestAt + best.words.length) continue;
    // A second known phrase word is allowed ("Education & Experience" minus one of them).
    if (!isFiller(words[i]) && !exact.has(words[i])) return null;
  }
  return best.kind;
}

/** The section kind of a heading that is exactly one known phrase (after normalisation), or null. */
export function exactHeadingKind(heading: string): SectionKind | null {
  if (!onlyWordsOf(heading, headingWords)) return null;
  return exact.get(normalize(heading)) ?? null;
}

/** Whether a word (lower case, letters and digits only) begins some known heading phrase. */
export function startsHeading(word: string): boolean {
  return byFirstWord.has(word);
}

/** Job-board page debris ("Show more", "Report", "Apply now") that is never a duty. */
export function isDebris(line: string): boolean {
  if (!onlyWordsOf(line, debrisWords)) return false;
  const n = normalize(line);
  return n === '' || debris.has(n);
}

/** A heading that labels one value ("Location: Remote", "Reports to: ...") rather than a section. */
export function isFieldHeading(heading: string): boolean {
  return onlyWordsOf(heading, fieldWords) && fields.has(normalize(heading));
}

/** Words that make an "About ..." heading describe the job or the team, not the company. */
const ABOUT_THE_WORK = /\b(?:team|teams|role|roles|job|position|opportunity|you)\b/;

/**
 * "About Acme" / "About DoorDash": a company introduction under the company's name. "About our
 * ML team" or "About the roles" describe the work and are not company boilerplate.
 */
export function isAboutCompany(heading: string): boolean {
  return /^about\s+\S/i.test(heading) && heading.split(/\s+/).length <= 5 && !ABOUT_THE_WORK.test(normalize(heading));
}

/** Title-like: few words, each capitalised or a small joining word ("Key Accountabilities"). */
export function looksLikeHeading(core: string): boolean {
  const words = core.split(/\s+/);
  for (const w of words) {
    const c = w.charCodeAt(0);
    if (isAsciiLower(c) && !/^(?:and|or|of|the|to|for|in|on|a|an|with|&)$/.test(w)) return false;
  }
  return true;
}
