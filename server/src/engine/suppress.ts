// Inline suppression comments, as markdownlint and ESLint users expect them:
//   <!-- jdlint-disable-file [rule ...] -->        the whole document
//   <!-- jdlint-disable [rule ...] -->  ...  <!-- jdlint-enable [rule ...] -->
//   <!-- jdlint-disable-next-line [rule ...] -->   the line after the comment
// No rule ids means every rule. A comment silences exactly what it names.
import { lineStartOf, lineStarts, positionAt } from './lines';
import type { Finding, Fix, Posting } from './types';

/** A directive's start, matched at a '<!--'; it ends at the first '>' after it, which must close '-->'. */
const DIRECTIVE_START = /<!--\s*jdlint-(disable-file|disable-next-line|disable|enable)\b/y;

interface Directive {
  kind: 'disable-file' | 'disable-next-line' | 'disable' | 'enable';
  /** Rule ids, or null for all rules. */
  rules: string[] | null;
  line: number;
  start: number;
  end: number;
}

/**
 * The directives in a text that holds "jdlint-" (applySuppressions checks), with their lines.
 * One pass: a regular expression searching for the closing '-->' from every '<!--' went back over
 * the rest of the text each time (1 MB of unclosed directives: 24 s).
 */
function directives(text: string, starts: number[]): Directive[] {
  const out: Directive[] = [];
  let gt = -1;
  for (let open = text.indexOf('<!--'); open >= 0; open = text.indexOf('<!--', open + 1)) {
    DIRECTIVE_START.lastIndex = open;
    const m = DIRECTIVE_START.exec(text);
    if (!m) continue;
    const body = open + m[0].length;
    if (gt < body) gt = text.indexOf('>', body);
    // No '>' after this one: no directive after it closes either.
    if (gt < 0) break;
    if (gt - 2 < body || text.charCodeAt(gt - 1) !== 45 || text.charCodeAt(gt - 2) !== 45) continue;
    const ids = text.slice(body, gt - 2).split(/[\s,]+/).filter(Boolean);
    out.push({ kind: m[1] as Directive['kind'], rules: ids.length ? ids : null, line: positionAt(starts, open).line, start: open, end: gt + 1 });
    open = gt;
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
  const fileAll = ds.some((d) => d.kind === 'disable-file' && d.rules === null);
  const fileRules = new Set(ds.flatMap((d) => (d.kind === 'disable-file' ? (d.rules ?? []) : [])));
  const nextLine = new Map<number, Directive[]>();
  for (const d of ds) if (d.kind === 'disable-next-line') nextLine.set(d.line + 1, [...(nextLine.get(d.line + 1) ?? []), d]);
  // Ranged comments apply in document order up to the finding's line. Findings come in document
  // order, so one sweep over the directives answers them all: the last disable or enable naming
  // a rule (or all rules) wins.
  const ranged = ds.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  let next = 0;
  let lastAll: { at: number; disable: boolean } | null = null;
  const lastFor = new Map<string, { at: number; disable: boolean }>();
  const byStart = [...findings].sort((a, b) => a.range.start - b.range.start);
  const dropped = new Set<Finding>();
  for (const f of byStart) {
    if (fileAll || fileRules.has(f.rule)) {
      dropped.add(f);
      continue;
    }
    const line = positionAt(starts, f.range.start).line;
    if (nextLine.get(line)?.some((d) => names(d, f.rule))) {
      dropped.add(f);
      continue;
    }
    while (next < ranged.length && (ranged[next].line < line || (ranged[next].line === line && ranged[next].end <= f.range.start))) {
      const d = ranged[next];
      const state = { at: next++, disable: d.kind === 'disable' };
      if (d.rules === null) lastAll = state;
      else for (const id of d.rules) lastFor.set(id, state);
    }
    const own = lastFor.get(f.rule);
    const last = own && (!lastAll || own.at > lastAll.at) ? own : lastAll;
    if (last?.disable) dropped.add(f);
  }
  const kept = findings.filter((f) => !dropped.has(f));
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

/** A line holding only a disable-next-line comment that names rules; group 1 ends after the last name. */
const NEXT_LINE_COMMENT = /^([ \t]*<!--\s*jdlint-disable-next-line[ \t]+[^>\s][^>]*?)\s*-->[ \t]*\r?\n?$/;

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
  // A finding about the whole posting sits on its first line when there is no title to hold it
  // (missing-title, missing-pay-range): a comment put above would become that first line, carry
  // the finding itself, and stack up on each use.
  const title = posting.title?.range;
  const onTitle = title !== undefined && finding.range.start >= title.start && finding.range.start <= title.end;
  if (lineStart === 0 && !onTitle) {
    return {
      title: `Disable ${finding.rule} for this file`,
      edits: [{ range: { start: 0, end: 0 }, newText: `<!-- jdlint-disable-file ${finding.rule} -->${eol}` }],
    };
  }
  // The line above already holds a disable-next-line comment: name the rule in it too. A second
  // comment in between would take that one's line, and give back what it silenced.
  if (lineStart > 0) {
    const above = lineStartOf(text, lineStart - 1);
    // Such a comment is short; a long line is not read by the expression at all.
    const m = lineStart - above <= 500 ? NEXT_LINE_COMMENT.exec(text.slice(above, lineStart)) : null;
    if (m) {
      const at = above + m[1].length;
      return {
        title: `Disable ${finding.rule} for this line`,
        edits: [{ range: { start: at, end: at }, newText: ` ${finding.rule}` }],
      };
    }
  }
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))![0];
  return {
    title: `Disable ${finding.rule} for this line`,
    edits: [{ range: { start: lineStart, end: lineStart }, newText: `${indent}<!-- jdlint-disable-next-line ${finding.rule} -->${eol}` }],
  };
}
