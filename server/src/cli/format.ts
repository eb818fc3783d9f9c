// Findings -> text. One shape per format; the JSON shape is a contract others rely on.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { styleText } from 'node:util';
import { lineStarts, positionAt } from '../engine/lines';
import { detached } from '../engine/text';
import { percent } from '../engine/explain';
import { RULES_BY_ID, type LintResult } from '../linter';
import type { Finding } from '../engine/types';
import { ruleDocsUrl } from './docsUrl';
import { formatHtml } from './html';

/** What linting one file produced, before formatting. */
export interface FileReport {
  file: string;
  /** Path as shown to the user (relative to the working folder). */
  display: string;
  result: LintResult;
}

export interface JsonDiagnostic {
  rule: string;
  severity: Finding['severity'];
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  suggestions: string[];
  /** With --fix-dry-run only: the finding's fixes, the preferred one marked (what --fix applies). */
  fixes?: JsonFix[];
}

/** A fix as data: its edits in the 1-based lines and columns of the text that was linted. */
export interface JsonFix {
  title: string;
  preferred: boolean;
  edits: { line: number; column: number; endLine: number; endColumn: number; newText: string }[];
}

export interface JsonReport {
  file: string;
  /** Only on a file that is not a job posting (engine/detect.ts), which gets no findings; absent on postings. */
  posting?: false;
  /** With posting: false, why ("not a posting: ..."). */
  reason?: string;
  title: { text: string; family: string } | null;
  profile: { ds: number; mle: number; role: string };
  diagnostics: JsonDiagnostic[];
  /** With --fix-dry-run only, when fixing changes the file: the text --fix would write. */
  output?: string;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * 1-based lines and columns, as editors and code-scanning tools show them. Every format starts from
 * this. `withFixes` (--fix-dry-run) adds each finding's fix edits.
 */
export function toJson(r: FileReport, withFixes = false): JsonReport {
  const starts = lineStarts(r.result.posting.text);
  const span = (range: Finding['range']) => {
    const s = positionAt(starts, range.start);
    const e = positionAt(starts, range.end);
    return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  };
  return {
    file: r.display,
    ...(r.result.detection.posting ? {} : { posting: false as const, reason: r.result.detection.reason }),
    title: r.result.title ? { text: detached(r.result.title.text), family: r.result.title.family } : null,
    profile: { ds: round(r.result.profile.ds), mle: round(r.result.profile.mle), role: r.result.profile.role },
    diagnostics: r.result.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: detached(f.message),
      ...span(f.range),
      suggestions: f.suggestions.map(detached),
      ...(withFixes
        ? {
            fixes: f.fixes.map((x) => ({
              title: x.title,
              preferred: x.preferred === true,
              edits: x.edits.map((e) => ({ ...span(e.range), newText: e.newText })),
            })),
          }
        : {}),
    })),
  };
}

function formatJson(reports: JsonReport[]): string {
  return JSON.stringify(reports, null, 2);
}

const SARIF_LEVEL: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** What the SARIF log says about where it ran and where the rules are documented. */
export interface SarifOptions {
  version: string;
  /** The folder file names are relative to (the working folder): %SRCROOT% in the log. */
  root: string;
  /** The project's web page (package.json `repository`), for informationUri and each rule's helpUri. */
  repository: string;
}

/**
 * A posting's path as a SARIF artifact location: a relative URI reference, each segment
 * percent-encoded (spaces, #, %, non-ASCII), under %SRCROOT%; a file outside the root gets an
 * absolute file: URI of its own.
 */
function sarifLocation(display: string, root: string): { uri: string; uriBaseId?: string } {
  const rel = path.isAbsolute(display) ? path.relative(root, display) : display;
  if (rel === '' || rel.split(path.sep)[0] === '..' || path.isAbsolute(rel)) return { uri: pathToFileURL(path.resolve(root, display)).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

const INPUT_RULE_TEXT = 'A problem with the document itself (unreadable, binary, too large).';

function formatSarif(reports: JsonReport[], opts: SarifOptions): string {
  const used = new Set(reports.flatMap((r) => r.diagnostics.map((d) => d.rule)));
  const ids = [...used].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const rules = ids.map((id) => {
    const rule = RULES_BY_ID.get(id);
    const description = rule?.description ?? INPUT_RULE_TEXT;
    const helpUri = ruleDocsUrl(opts.repository, id);
    const level = SARIF_LEVEL[rule?.defaultSeverity ?? 'warning'];
    const fixable = rule?.fixable ? ' Fixable: `jdlint --fix` applies the suggested edit.' : '';
    return {
      id,
      name: id,
      shortDescription: { text: description },
      fullDescription: { text: description },
      helpUri,
      help: {
        text: `${description}${fixable.replace(/`/g, '')} Why it matters, how it decides and examples: ${helpUri}`,
        markdown: `${description}${fixable}\n\nWhy it matters, how it decides and examples: [${id}](${helpUri})`,
      },
      defaultConfiguration: { level },
    };
  });
  const results = reports.flatMap((r) =>
    r.diagnostics.map((d) => ({
      ruleId: d.rule,
      ruleIndex: index.get(d.rule)!,
      level: SARIF_LEVEL[d.severity],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: sarifLocation(r.file, opts.root),
            region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
          },
        },
      ],
    })),
  );
  // The root as a folder URI: with the trailing slash, relative URIs resolve inside it.
  const rootUri = pathToFileURL(opts.root).href.replace(/\/?$/, '/');
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'jdlint', version: opts.version, informationUri: opts.repository, rules } },
          originalUriBaseIds: { '%SRCROOT%': { uri: rootUri } },
          results,
        },
      ],
    },
    null,
    2,
  );
}

/**
 * GitHub Actions workflow commands: one annotation per finding, shown on the pull request's diff.
 * Values are escaped as the runner reads them (% \r \n in the message; also : and , in properties).
 */
const GITHUB_LEVEL: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };
export const escapeGithubData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeGithubProperty = (s: string) => escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(reports: JsonReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    const file = r.file.split(path.sep).join('/');
    for (const d of r.diagnostics) {
      const props = [
        `file=${escapeGithubProperty(file)}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${d.endLine}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeGithubProperty(`jdlint ${d.rule}`)}`,
      ].join(',');
      lines.push(`::${GITHUB_LEVEL[d.severity]} ${props}::${escapeGithubData(d.message)}`);
    }
  }
  return lines.join('\n');
}

type Style = Parameters<typeof styleText>[0];
const STYLE: Record<'error' | 'warning' | 'info' | 'hint' | 'dim' | 'bold', Style> = {
  error: 'red',
  warning: 'yellow',
  info: 'cyan',
  hint: 'dim',
  dim: 'dim',
  bold: 'bold',
};

/**
 * The stylish report. `colour` is decided once by the caller (./colour.ts: the terminal, NO_COLOR,
 * FORCE_COLOR, TERM=dumb); Node's styleText does the styling, told not to decide again.
 */
function formatStylish(reports: JsonReport[], colour: boolean, notes: string[] = []): string {
  const c = (k: keyof typeof STYLE, s: string) => (colour ? styleText(STYLE[k], s, { validateStream: false }) : s);
  const out: string[] = [];
  const totals = { error: 0, warning: 0, info: 0, hint: 0 };
  let skipped = 0;
  for (const r of reports) {
    // Not a posting: counted once in the summary, not listed.
    if (r.posting === false) {
      skipped++;
      continue;
    }
    const j = r;
    const p = r.profile;
    const head = `${c('bold', j.file)}  ${c('dim', `DS ${percent(p.ds)} · MLE ${percent(p.mle)} · role: ${p.role}`)}`;
    out.push(head);
    if (j.diagnostics.length === 0) out.push(c('dim', '  no problems'));
    for (const d of j.diagnostics) {
      totals[d.severity]++;
      out.push(`  ${`${d.line}:${d.column}`.padEnd(7)} ${c(d.severity, d.severity.padEnd(7))} ${d.message}  ${c('dim', d.rule)}`);
      if (d.suggestions.length > 1) out.push(c('dim', `          other suggestions: ${d.suggestions.slice(1).join('; ')}`));
    }
    out.push('');
  }
  const n = totals.error + totals.warning + totals.info + totals.hint;
  out.push(
    `${reports.length - skipped} file(s) checked: ${n} problem(s) (${totals.error} error(s), ${totals.warning} warning(s), ${totals.info + totals.hint} info)` +
      (skipped > 0 ? `; ${skipped} file(s) skipped: not job postings` : ''),
  );
  out.push(...notes);
  return out.join('\n');
}

/** What a formatter may use besides the reports. */
export interface FormatContext extends SarifOptions {
  /** Colour the stylish report (./colour.ts decided). */
  colour: boolean;
  /** Lines for the end of the stylish report (fixes applied, files skipped). */
  notes: string[];
  /** The reports before --quiet hid findings, in the same order: the html report reads verdicts from them. */
  unfiltered?: JsonReport[];
}

/** Every --format, by name: a new format is one line here. */
export const FORMATTERS: Record<string, (reports: JsonReport[], ctx: FormatContext) => string> = {
  stylish: (reports, ctx) => formatStylish(reports, ctx.colour, ctx.notes),
  json: (reports) => formatJson(reports),
  sarif: (reports, ctx) => formatSarif(reports, ctx),
  github: (reports) => formatGithub(reports),
  html: (reports, ctx) => formatHtml(reports, { version: ctx.version, verdictsFrom: ctx.unfiltered }),
};
