// Findings -> text. One shape per format; the JSON shape is a contract others rely on.
import { lineStarts, positionAt } from '../engine/lines';
import { RULES_BY_ID } from '../../../rules/index';
import { percent } from '../engine/explain';
import type { LintResult } from '../linter';
import type { Finding } from '../engine/types';

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
}

export interface JsonReport {
  file: string;
  title: { text: string; family: string } | null;
  profile: { ds: number; mle: number; role: string };
  diagnostics: JsonDiagnostic[];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** 1-based lines and columns, as editors and code-scanning tools show them. Every format starts from this. */
export function toJson(r: FileReport): JsonReport {
  const starts = lineStarts(r.result.posting.text);
  return {
    file: r.display,
    title: r.result.title ? { text: r.result.title.text, family: r.result.title.family } : null,
    profile: { ds: round(r.result.profile.ds), mle: round(r.result.profile.mle), role: r.result.profile.role },
    diagnostics: r.result.findings.map((f) => {
      const s = positionAt(starts, f.range.start);
      const e = positionAt(starts, f.range.end);
      return {
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        line: s.line + 1,
        column: s.character + 1,
        endLine: e.line + 1,
        endColumn: e.character + 1,
        suggestions: f.suggestions,
      };
    }),
  };
}

export function formatJson(reports: JsonReport[]): string {
  return JSON.stringify(reports, null, 2);
}

const SARIF_LEVEL: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(reports: JsonReport[], version: string, docsBase: string): string {
  const used = new Set(reports.flatMap((r) => r.diagnostics.map((d) => d.rule)));
  const ids = [...used].sort();
  const rules = ids.map((id) => ({
    id,
    shortDescription: { text: RULES_BY_ID.get(id)?.description ?? 'A problem with the document itself (unreadable, binary, too large).' },
    helpUri: `${docsBase}/${id}.md`,
    defaultConfiguration: { level: SARIF_LEVEL[RULES_BY_ID.get(id)?.defaultSeverity ?? 'warning'] },
  }));
  const results = reports.flatMap((r) =>
    r.diagnostics.map((d) => ({
      ruleId: d.rule,
      ruleIndex: ids.indexOf(d.rule),
      level: SARIF_LEVEL[d.severity],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: r.file.split('\\').join('/') },
            region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
          },
        },
      ],
    })),
  );
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'jdlint', version, informationUri: docsBase, rules } }, results }],
    },
    null,
    2,
  );
}

const COLOURS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };

export function formatStylish(reports: JsonReport[], colour: boolean): string {
  const c = (k: keyof typeof COLOURS, s: string) => (colour ? COLOURS[k] + s + COLOURS.reset : s);
  const out: string[] = [];
  const totals = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of reports) {
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
    `${reports.length} file(s) checked: ${n} problem(s) (${totals.error} error(s), ${totals.warning} warning(s), ${totals.info + totals.hint} info)`,
  );
  return out.join('\n');
}
