// The engine's data model. Data flows one way:
// text -> Posting (title, sections, items, ranges) -> ClassifiedItem (class, score, evidence)
// -> Profile -> Finding (rule, range, message, related, fixes) -> diagnostics or CLI output.
//
// Every range is a pair of UTF-16 code-unit offsets into the original document text
// (JavaScript string indices), end exclusive. Line/column conversion lives in lines.ts only.

export interface Range {
  start: number;
  end: number;
}

/** What a section of a posting is about. Only duty-bearing kinds feed the profile. */
export type SectionKind =
  | 'responsibilities' // responsibilities / what you'll do / duties / the role
  | 'requirements' // requirements / qualifications / what you bring / must have
  | 'niceToHave' // nice to have / preferred / bonus points
  | 'tools' // tools / tech stack / technologies
  | 'nonDuty' // about us / benefits / EEO / how to apply / salary / location
  | 'unknown'; // text outside any recognised heading (many real postings have no headings)

export type ItemKind = 'bullet' | 'numbered' | 'line' | 'sentence';

/** One duty, requirement or sentence of the posting. text === document.slice(range.start, range.end). */
export interface Item {
  text: string;
  range: Range;
  section: SectionKind;
  kind: ItemKind;
}

export interface Section {
  kind: SectionKind;
  /** The heading text as written (without '#', trailing ':'), or null for text before any heading. */
  heading: string | null;
  headingRange: Range | null;
  range: Range;
  items: Item[];
}

export type TitleSource = 'frontmatter' | 'heading' | 'label';

export interface PostingTitle {
  /** The title text exactly as in the document (document.slice(range.start, range.end)). */
  text: string;
  /** Range of the title text only: no '#' markup, no 'title:' key, no quotes. */
  range: Range;
  source: TitleSource;
}

export interface FrontMatter {
  range: Range;
  /** Parsed YAML, or null when it could not be parsed. */
  data: Record<string, unknown> | null;
  /** Why the front matter could not be read (unclosed block, YAML error), if so. */
  error?: string;
}

export interface Posting {
  text: string;
  title: PostingTitle | null;
  frontMatter: FrontMatter | null;
  sections: Section[];
  /** All items of all sections in document order. */
  items: Item[];
  /**
   * Where the posting first states pay (an amount, a rate or a named pay range, by
   * rules/lexicons/pay.json), anywhere in it, or null.
   */
  pay: Range | null;
}

export type Role = 'ds' | 'mle';
export type ItemClass = 'ds' | 'mle' | 'shared' | 'none';

/** A term in the text that moved an item towards a role. */
export interface Evidence {
  /** The words as written in the document. */
  term: string;
  /** Canonical lexicon entry, e.g. "Kubernetes" for "k8s", "deploy models" for "deploying the models". */
  label: string;
  /** The lexicon pattern that matched (e.g. "k8s"), for tuning and explanations. */
  pattern?: string;
  /** label and pattern as one string: what the profile counts once per posting. */
  key?: string;
  role: Role | 'shared';
  weight: number;
  range: Range;
}

export interface ClassifiedItem {
  item: Item;
  cls: ItemClass;
  /** Strength of the decision in [0, 1]. */
  score: number;
  /** Evidence mass for each role after section weighting is NOT applied (raw per item). */
  ds: number;
  mle: number;
  /** The lexicon evidence in the item, with document ranges. */
  readonly evidence: Evidence[];
  /**
   * The same evidence with ranges relative to item.text, shared between lints of the same text:
   * for whoever needs the terms but not where they are (profile, messages, hover).
   */
  readonly terms: readonly Evidence[];
}

export type ProfileRole = 'ds' | 'mle' | 'hybrid' | 'unclear';

export interface Profile {
  /** Share of section-weighted duty evidence that is data-science work, in [0, 1]. */
  ds: number;
  /** Share of section-weighted duty evidence that is ML-engineering work, in [0, 1]. ds + mle = 1; both 0.5 when there is no evidence (no lean). */
  mle: number;
  role: ProfileRole;
  /** Items counted as duties (classified ds, mle or shared). */
  dutyItems: number;
  dsItems: number;
  mleItems: number;
  /** Total section-weighted evidence mass behind the shares (0 = no evidence). */
  evidenceMass: number;
}

export type TitleFamily =
  | 'data-scientist'
  | 'ml-engineer'
  | 'mlops-engineer'
  | 'ai-engineer'
  | 'applied-scientist'
  | 'data-analyst'
  | 'data-engineer'
  | 'hybrid'
  | 'unknown';

export interface TitleModel {
  text: string;
  /** Document range of the title text (same as PostingTitle.range). */
  range: Range;
  family: TitleFamily;
  /** The profile the family expects: 'ds', 'mle', 'hybrid', or 'other' (analyst, data engineer, unknown: not judged). */
  expected: 'ds' | 'mle' | 'hybrid' | 'other';
  /** Seniority as written, e.g. "Senior", "Sr.", "II", or null. */
  seniority: string | null;
  /** Range (document offsets) of the role name inside the title, the part a retitle replaces. */
  roleRange: Range | null;
  /** True when the role name was recognised only through a spelling correction. */
  corrected: boolean;
}

export type Severity = 'off' | 'hint' | 'info' | 'warning' | 'error';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  /** What the fix does, shown as the quick-fix title, e.g. 'Retitle to "Senior Machine Learning Engineer"'. */
  title: string;
  edits: TextEdit[];
  /** The best fix of a finding. */
  preferred?: boolean;
}

export interface RelatedEvidence {
  range: Range;
  message: string;
}

export interface Finding {
  rule: string;
  severity: Exclude<Severity, 'off'>;
  message: string;
  range: Range;
  related: RelatedEvidence[];
  /** Human-readable suggestions (e.g. suggested titles), best first. */
  suggestions: string[];
  fixes: Fix[];
}
