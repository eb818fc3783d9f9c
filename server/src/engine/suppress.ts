// Inline suppression comments, as markdownlint and ESLint users expect them:
//   <!-- jdlint-disable-file [rule ...] -->        the whole document
//   <!-- jdlint-disable [rule ...] -->  ...  <!-- jdlint-enable [rule ...] -->
//   <!-- jdlint-disable-next-line [rule ...] -->   the line after the comment
// No rule ids means every rule. A comment silences exactly what it names.
import { lineStartOf, lineStarts, positionAt } from './lines';
import { matchesOf } from './text';
import type { Finding, Fix, Posting } from './types';

const DIRECTIVE = /<!--\s*jdlint-(disable-file|disable-next-line|disable|enable)\b([^>]*?)-->/g;

interface Directive {
  kind: 'disable-file' | 'disable-next-line' | 'disable' | 'enable';
  /** Rule ids, or null for all rules. */
  rules: string[] | null;
  line: number;
  start: number;
  end: number;
}

/** The directives in a text that holds "jdlint-" (applySuppressions checks), with their lines. */
function directives(text: string, starts: number[]): Directive[] {
  const out: Directive[] = [];
  for (const m of matchesOf(DIRECTIVE, text)) {
    const ids = m[2].split(/[\s,]+/).filter(Boolean);
    const start = m.index ?? 0;
    out.push({ kind: m[1] as Directive['kind'], rules: ids.length ? ids : null, line: positionAt(starts, start).line, start, end: start + m[0].length });
  }
  return out;
}

const names = (d: Directive, rule: string) => d.rules === null || d.rules.includes(rule);

/** Drops the findings that suppression comments name; reports comments that name unknown rules. */
export function applySuppressions(text: string, findings: Finding[], knownRules: ReadonlySet<string>): Finding[] {
  // Most postings hold no directive: no need to find their lines.
  if (!text.includes('jdlint-')) return findings;
  const starts = lineStarts(text);
  const ds = directives(text, starts);
  if (ds.length === 0) return findings;
  const kept = findings.filter((f) => {
    const line = positionAt(starts, f.range.start).line;
    let disabled = false;
    for (const d of ds) {
      if (!names(d, f.rule)) continue;
      if (d.kind === 'disable-file') return false;
      if (d.kind === 'disable-next-line' && d.line + 1 === line) return false;
      // Ranged comments apply in document order up to the finding's line.
      if (d.line < line || (d.line === line && d.end <= f.range.start)) {
        if (d.kind === 'disable') disabled = true;
        else if (d.kind === 'enable') disabled = false;
      }
    }
    return !disabled;
  });
  for (const d of ds) {
    for (const id of d.rules ?? []) {
      if (!knownRules.has(id)) {
        kept.push({
          rule: 'document-input',
          severity: 'warning',
          message: `jdlint-${d.kind} names "${id}", which is not a JD Lint rule: it silences nothing.`,
          range: { start: d.start, end: d.end },
          related: [],
          suggestions: [],
          fixes: [],
        });
      }
    }
  }
  return kept.sort((a, b) => a.range.start - b.range.start || a.rule.localeCompare(b.rule));
}

/**
 * The edit that silences one finding: a disable-next-line comment on its own line above the
 * finding's line, or, when the finding is inside front matter (which must stay first), a
 * disable-file comment right after the front matter.
 */
export function suppressionFix(posting: Posting, finding: Finding): Fix {
  const text = posting.text;
  const fm = posting.frontMatter;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (fm && finding.range.start < fm.range.end && !fm.error) {
    let at = fm.range.end;
    // After the front matter's closing line break.
    if (text.startsWith('\r\n', at)) at += 2;
    else if (text[at] === '\n' || text[at] === '\r') at += 1;
    return {
      title: `Disable ${finding.rule} for this file`,
      edits: [{ range: { start: at, end: at }, newText: `<!-- jdlint-disable-file ${finding.rule} -->${eol}` }],
    };
  }
  // Offered with every finding on every lint: find its line without reading the whole document.
  const lineStart = lineStartOf(text, finding.range.start);
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))![0];
  return {
    title: `Disable ${finding.rule} for this line`,
    edits: [{ range: { start: lineStart, end: lineStart }, newText: `${indent}<!-- jdlint-disable-next-line ${finding.rule} -->${eol}` }],
  };
}
