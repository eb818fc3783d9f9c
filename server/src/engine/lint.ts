// lint(text) -> findings: the whole engine in one call, shared by the language server, the CLI
// and the evaluation. It never throws: whatever a document holds, the caller gets a result.
import { RULES, RULES_BY_ID } from '../../../rules/index';
import { classifyPosting } from './classifier';
import { DEFAULT_CONFIG, type Config } from './config';
import { parsePosting } from './posting';
import { computeProfile } from './profile';
import { parseTitle } from './title';
import { applySuppressions } from './suppress';


/** Related locations kept per finding (the message states the full counts). */
export const MAX_RELATED = 20;
import type { ClassifiedItem, Finding, Posting, Profile, TitleModel } from './types';

export interface LintResult {
  posting: Posting;
  classified: ClassifiedItem[];
  profile: Profile;
  title: TitleModel | null;
  findings: Finding[];
}

/** Findings about the input itself rather than the posting; documented in docs/rules/document-input.md. */
export const INPUT_RULE = 'document-input';

/** What a suppression comment may name: the rules, and document-input (its findings can be silenced too). */
const KNOWN_RULES: ReadonlySet<string> = new Set([...RULES_BY_ID.keys(), INPUT_RULE]);

const EMPTY_PROFILE: Profile = { ds: 0, mle: 0, role: 'unclear', dutyItems: 0, dsItems: 0, mleItems: 0, evidenceMass: 0 };

function emptyResult(text: string, finding: Finding): LintResult {
  return {
    posting: { text, title: null, frontMatter: null, sections: [], items: [], pay: null },
    classified: [],
    profile: EMPTY_PROFILE,
    title: null,
    findings: [finding],
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
    return {
      rule: INPUT_RULE,
      severity: 'info',
      message: `This document has ${text.length.toLocaleString('en-US')} characters; JD Lint checks postings up to ${config.maxDocumentSize.toLocaleString('en-US')} (setting maxDocumentSize). Nothing was checked.`,
      range: firstLine(text),
      related: [],
      suggestions: [],
      fixes: [],
    };
  }
  if (binaryShare(text) > 0.01) {
    return {
      rule: INPUT_RULE,
      severity: 'warning',
      message: 'This looks like a binary file, not a text posting (it holds NUL or control characters). Nothing was checked.',
      range: firstLine(text),
      related: [],
      suggestions: [],
      fixes: [],
    };
  }
  return null;
}

export function lint(text: string, config: Config = DEFAULT_CONFIG): LintResult {
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

/**
 * lint() for a document already parsed (by parsePosting, possibly in another thread: see
 * posting/pack.ts) after unreadableInput found nothing; posting.text is the document.
 */
export function lintPosting(posting: Posting, config: Config = DEFAULT_CONFIG): LintResult {
  const text = posting.text;
  try {
    const classified = classifyPosting(posting);
    const profile = computeProfile(classified, config);
    const title = posting.title ? parseTitle(posting.title) : null;
    const findings: Finding[] = [];
    if (posting.frontMatter?.error) {
      findings.push({
        rule: INPUT_RULE,
        severity: 'warning',
        message: `${posting.frontMatter.error}. The rest of the document was checked as Markdown.`,
        range: posting.frontMatter.range,
        related: [],
        suggestions: [],
        fixes: [],
      });
    }
    const ctx = { posting, classified, profile, title, config };
    for (const rule of RULES) {
      const severity = config.rules[rule.id] ?? rule.defaultSeverity;
      if (severity === 'off') continue;
      try {
        for (const f of rule.check(ctx)) {
          // A reader follows a handful of evidence links, not thousands: cap what travels to editors.
          const related = f.related.length > MAX_RELATED ? f.related.slice(0, MAX_RELATED) : f.related;
          findings.push({ rule: rule.id, severity, ...f, related });
        }
      } catch (err) {
        findings.push({
          rule: INPUT_RULE,
          severity: 'info',
          message: `Rule ${rule.id} could not check this document (${(err as Error).message}); other rules ran.`,
          range: firstLine(text),
          related: [],
          suggestions: [],
          fixes: [],
        });
      }
    }
    findings.sort((a, b) => a.range.start - b.range.start || a.rule.localeCompare(b.rule));
    return { posting, classified, profile, title, findings: applySuppressions(text, findings, KNOWN_RULES) };
  } catch (err) {
    return notRead(text, err);
  }
}

function notRead(text: string, err: unknown): LintResult {
  return emptyResult(text, {
    rule: INPUT_RULE,
    severity: 'info',
    message: `JD Lint could not read this document (${(err as Error).message}).`,
    range: firstLine(text),
    related: [],
    suggestions: [],
    fixes: [],
  });
}
