// What every fuzzed document must satisfy, shared by the unit suite's short run and `npm run fuzz`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../server/src/cli/run';
import { lint } from '../../server/src/linter';
import { suppressionFix } from '../../server/src/engine/suppress';
import type { Range } from '../../server/src/engine/types';

export interface LintCheck {
  seconds: number;
  /** What was wrong; empty when all is well. */
  problems: string[];
}

/** Lints a document and checks that nothing throws and every range (findings, evidence, fixes) is inside it. */
export function checkLint(text: string): LintCheck {
  const problems: string[] = [];
  const t = performance.now();
  try {
    const r = lint(text);
    const inside = (what: string, x: Range) => {
      if (!(Number.isInteger(x.start) && Number.isInteger(x.end) && x.start >= 0 && x.start <= x.end && x.end <= text.length)) {
        problems.push(`${what} range ${x.start}-${x.end} outside 0-${text.length}`);
      }
    };
    for (const f of r.findings) {
      inside(f.rule, f.range);
      for (const rel of f.related) inside(`${f.rule} related`, rel.range);
      for (const fix of f.fixes) for (const e of fix.edits) inside(`${f.rule} fix`, e.range);
      if (f.rule !== 'document-input') for (const e of suppressionFix(r.posting, f).edits) inside(`${f.rule} suppression`, e.range);
    }
    for (const item of r.posting.items) inside('item', item.range);
  } catch (err) {
    problems.push(`crash: ${(err as Error).stack ?? err}`);
  }
  return { seconds: (performance.now() - t) / 1000, problems };
}

/**
 * Runs the CLI (in process) over documents written to a folder and checks the exit code against
 * the report: 1 exactly when an error-severity finding is printed, 0 otherwise, JSON that parses,
 * 1-based positions. `codes`, when given, collects the exit codes seen.
 */
export function checkCli(texts: string[], config: object | null, codes?: number[]): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jdlint-fuzz-'));
  try {
    texts.forEach((t, i) => writeFileSync(path.join(dir, `p${i}.md`), t));
    const argv = ['--format', 'json', '.'];
    // As a project file: a broken one is reported (exit 2) and the postings linted all the same.
    if (config) writeFileSync(path.join(dir, '.jdlintrc.json'), JSON.stringify(config));
    let out = '';
    let err = '';
    const code = runCli(argv, { cwd: dir, home: dir, stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: false, version: 'fuzz' });
    if (typeof code !== 'number') return ['runCli returned a promise for a small run'];
    codes?.push(code);
    const problems: string[] = [];
    let reports: { diagnostics: { severity: string; line: number; column: number; endLine: number; endColumn: number }[] }[];
    try {
      reports = JSON.parse(out);
    } catch {
      return [`exit ${code}: output is not JSON (${err.slice(0, 200)})`];
    }
    if (reports.length !== texts.length) problems.push(`${reports.length} reports for ${texts.length} files`);
    const anyError = reports.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
    const expected = err ? 2 : anyError ? 1 : 0;
    if (code !== expected) problems.push(`exit ${code}, expected ${expected} (stderr: ${err.slice(0, 200)})`);
    for (const r of reports)
      for (const d of r.diagnostics) {
        if (!(d.line >= 1 && d.column >= 1 && (d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column)))) problems.push(`bad position ${JSON.stringify(d)}`);
      }
    return problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
