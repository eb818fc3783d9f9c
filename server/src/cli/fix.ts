// jdlint --fix: every finding's preferred fix, applied as the engine gives it (text edits through
// applyEdits). Fixes that overlap an earlier one wait for the next pass over the fixed text, as in
// ESLint; a fix never touches text it was not computed on.
import type { Config } from '../engine/config';
import { applyEdits } from '../engine/fixes';
import type { Finding, TextEdit } from '../engine/types';
import { lint, type LintResult } from '../linter';

/** Passes over one file at most: a fix that keeps making new fixable text stops here. */
const MAX_FIX_PASSES = 10;

/** The non-overlapping preferred fixes of one lint, as one list of edits (earliest first). */
function preferredEdits(findings: readonly Finding[], errorsOnly = false): { edits: TextEdit[]; fixes: number } {
  const edits: TextEdit[] = [];
  let fixes = 0;
  let end = -1;
  const chosen = findings
    .filter((f) => !errorsOnly || f.severity === 'error')
    .map((f) => f.fixes.find((x) => x.preferred))
    .filter((x) => x !== undefined && x.edits.length > 0)
    .map((x) => [...x!.edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end))
    .sort((a, b) => a[0].range.start - b[0].range.start);
  for (const sorted of chosen) {
    // Two fixes of one span (two rules retitling the same words): the first one wins this pass.
    if (sorted[0].range.start < end) continue;
    if (sorted.some((e, i) => i > 0 && e.range.start < sorted[i - 1].range.end)) continue;
    edits.push(...sorted);
    end = sorted[sorted.length - 1].range.end;
    fixes++;
  }
  return { edits, fixes };
}

export interface Fixed {
  /** The text after every pass. */
  output: string;
  /** Fixes applied over all passes. */
  fixes: number;
  /** The lint of `output`: what remains. */
  result: LintResult;
}

/**
 * Applies preferred fixes until none is left (or MAX_FIX_PASSES); the same text twice is a no-op.
 * `errorsOnly` (--quiet, as in ESLint): only the fixes of error-severity findings, the ones shown.
 */
export function fixText(text: string, config: Config, first: LintResult = lint(text, config), errorsOnly = false): Fixed {
  let output = text;
  let result = first;
  let fixes = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const chosen = preferredEdits(result.findings, errorsOnly);
    if (chosen.fixes === 0) break;
    const next = applyEdits(output, chosen.edits);
    if (next === output) break;
    output = next;
    fixes += chosen.fixes;
    result = lint(output, config);
  }
  return { output, fixes, result };
}
