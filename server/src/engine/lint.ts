// lint(text) -> findings: the whole engine in one call, over the rules it is handed
// (createLinter; server/src/linter.ts hands it JD Lint's registry). It never throws: whatever a
// document holds, the caller gets a result.
import { classifyPosting } from './classifier';
import { DEFAULT_CONFIG, type Config } from './config';
import { detectPosting, type Detection } from './detect';
import { parsePosting } from './posting';
import { computeProfile } from './profile';
import { parseTitle } from './title';
import type { Rule, RuleFinding } from './rule';
import { applySuppressions } from './suppress';
import type { ClassifiedItem, Finding, Posting, Profile, Range, Severity, TitleModel } from './types';

/** Related locations kept per finding (the message states the full counts). */
export const MAX_RELATED = 20;

export interface LintResult {
  posting: Posting;
  classified: ClassifiedItem[];
  profile: Profile;
  title: TitleModel | null;
  findings: Finding[];
  /** Whether the document is a posting and why (detect.ts); one that is not gets no findings. */
  detection: Detection;
}

/** Findings about the input itself rather than the posting; documented in docs/rules/document-input.md. */
export const INPUT_RULE = 'document-input';

/** A document-input finding: about the input itself, with nothing to fix. */
function inputFinding(severity: Exclude<Severity, 'off'>, message: string, range: Range): Finding {
  return { rule: INPUT_RULE, severity, message, range, related: [], suggestions: [], fixes: [] };
}

/** An unreadable document is reported, as a posting would be: what it is cannot be told. */
const UNREAD: Detection = { posting: true, by: 'caller', reason: 'not read', roleTitle: null, terms: [], headings: [], marker: null };

const EMPTY_PROFILE: Profile = { ds: 0, mle: 0, role: 'unclear', dutyItems: 0, dsItems: 0, mleItems: 0, evidenceMass: 0 };

function emptyResult(text: string, finding: Finding): LintResult {
  return {
    posting: { text, title: null, frontMatter: null, sections: [], items: [], pay: null },
    classified: [],
    profile: EMPTY_PROFILE,
    title: null,
    findings: [finding],
    detection: UNREAD,
  };
}

function firstLine(text: string): { start: number; end: number } {
  const end = text.search(/\r|\n/);
  return { start: 0, end: end < 0 ? Math.min(text.length, 200) : Math.min(end, 200) };
}

/** Share of characters that no text file holds: NUL and other C0 controls besides tab/newline/CR/FF. */
const CONTROL = /[\x00-\x08\x0b\x0e-\x1f]/;

function binaryShare(text: string): number {
  const n = Math.min(text.length, 8192);
  // Text files hold none: one scan by the regular expression engine settles most documents.
  if (n === 0 || !CONTROL.test(n < text.length ? text.slice(0, n) : text)) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) bad++;
  }
  return bad / n;
}

/**
 * The finding that stops a document from being parsed at all (too large, or binary), or null when
 * it can be read as a posting.
 */
export function unreadableInput(text: string, config: Config = DEFAULT_CONFIG): Finding | null {
  if (text.length > config.maxDocumentSize) {
    return inputFinding('info', `This document has ${text.length.toLocaleString('en-US')} characters; JD Lint checks postings up to ${config.maxDocumentSize.toLocaleString('en-US')} (setting maxDocumentSize). Nothing was checked.`, firstLine(text));
  }
  if (binaryShare(text) > 0.01) {
    return inputFinding('warning', 'This looks like a binary file, not a text posting (it holds NUL or control characters). Nothing was checked.', firstLine(text));
  }
  return null;
}

export interface Linter {
  /** Lints a document; never throws. */
  lint(text: string, config?: Config): LintResult;
  /**
   * lint() for a document already parsed (by parsePosting, possibly in another thread: see
   * posting/pack.ts) after unreadableInput found nothing; posting.text is the document.
   */
  lintPosting(posting: Posting, config?: Config): LintResult;
}

/** The engine over a registry of rules. */
export function createLinter(rules: readonly Rule[]): Linter {
  // What a suppression comment may name: the rules, and document-input (its findings can be silenced too).
  const known: ReadonlySet<string> = new Set([...rules.map((r) => r.id), INPUT_RULE]);

  function lintPosting(posting: Posting, config: Config = DEFAULT_CONFIG): LintResult {
    const text = posting.text;
    try {
      const detection = detectPosting(posting, config.detectPostings);
      if (!detection.posting) return { posting, classified: [], profile: EMPTY_PROFILE, title: null, findings: [], detection };
      const classified = classifyPosting(posting);
      const profile = computeProfile(classified, config);
      const title = posting.title ? parseTitle(posting.title) : null;
      const findings: Finding[] = [];
      if (posting.frontMatter?.error) {
        findings.push(inputFinding('warning', `${posting.frontMatter.error}. The rest of the document was checked as Markdown.`, posting.frontMatter.range));
      }
      const ctx = { posting, classified, profile, title, config };
      for (const rule of rules) {
        const severity = config.rules[rule.id] ?? rule.defaultSeverity;
        if (severity === 'off') continue;
        try {
          for (const f of rule.check(ctx)) findings.push(complete(rule.id, severity, f));
        } catch (err) {
          findings.push(inputFinding('info', `Rule ${rule.id} could not check this document (${(err as Error).message}); other rules ran.`, firstLine(text)));
        }
      }
      findings.sort((a, b) => a.range.start - b.range.start || a.rule.localeCompare(b.rule));
      return { posting, classified, profile, title, findings: applySuppressions(text, findings, known), detection };
    } catch (err) {
      return notRead(text, err);
    }
  }

  function lint(text: string, config: Config = DEFAULT_CONFIG): LintResult {
    const input = unreadableInput(text, config);
    if (input) return emptyResult(text, input);
    let posting: Posting;
    try {
      posting = parsePosting(text);
    } catch (err) {
      return notRead(text, err);
    }
    return lintPosting(posting, config);
  }

  return { lint, lintPosting };
}

const NOTHING: never[] = [];

/** A rule's finding with its id, severity and the defaults of the fields it left out. */
function complete(rule: string, severity: Finding['severity'], f: RuleFinding): Finding {
  const related = f.related ?? NOTHING;
  return {
    rule,
    severity,
    message: f.message,
    range: f.range,
    // A reader follows a handful of evidence links, not thousands: cap what travels to editors.
    related: related.length > MAX_RELATED ? related.slice(0, MAX_RELATED) : related,
    suggestions: f.suggestions ?? NOTHING,
    fixes: f.fixes ?? NOTHING,
  };
}

function notRead(text: string, err: unknown): LintResult {
  return emptyResult(text, inputFinding('info', `JD Lint could not read this document (${(err as Error).message}).`, firstLine(text)));
}
