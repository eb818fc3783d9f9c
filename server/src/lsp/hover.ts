// Hover: the verdict on the title, and the class of a duty line, with the terms that decided.
import type { Hover, HoverParams, Position } from 'vscode-languageserver';
import { percent, topTerms } from '../engine/explain';
import type { Config } from '../engine/config';
import type { LintResult } from '../linter';
import type { ClassifiedItem } from '../engine/types';
import type { Analysis, ServerContext } from './context';
import { toOffset, toRange } from './positions';

const ROLE_NAME = { ds: 'data science', mle: 'ML engineering', hybrid: 'both roles (hybrid)', unclear: 'unclear (too little evidence)' };
const CLASS_NAME = { ds: 'data-science duty', mle: 'ML-engineering duty', shared: 'shared ground (either role)', none: 'no role evidence' };
const SECTION_NAME: Record<string, string> = {
  responsibilities: 'responsibilities',
  requirements: 'requirements',
  niceToHave: 'nice to have',
  tools: 'tools',
  nonDuty: 'not duties (about us, benefits, ...)',
  unknown: 'no recognised heading',
};

export function explainTitle(r: LintResult, config: Config): string {
  const p = r.profile;
  const t = r.title!;
  const lines = [
    `**JD Lint** · title family: **${t.family}**${t.seniority ? ` (seniority: ${t.seniority})` : ''}`,
    '',
    `Duties read as **${ROLE_NAME[p.role]}**: data science ${percent(p.ds)} · ML engineering ${percent(p.mle)} of the duty evidence.`,
    `${p.dutyItems} duty items: ${p.dsItems} data-science, ${p.mleItems} ML-engineering, ${p.dutyItems - p.dsItems - p.mleItems} shared.`,
  ];
  const ds = topTerms(r.classified, 'ds', 5);
  const mle = topTerms(r.classified, 'mle', 5);
  if (ds.length) lines.push('', `Data-science evidence: ${ds.join(', ')}`);
  if (mle.length) lines.push('', `ML-engineering evidence: ${mle.join(', ')}`);
  const mismatch = r.findings.find((f) => f.rule === 'title-duty-mismatch');
  lines.push(
    '',
    mismatch
      ? `Verdict: the title does not match the duties (threshold ${percent(config.thresholds.mismatchShare)}). Suggested: ${mismatch.suggestions.join(' · ')}`
      : t.expected === 'ds' || t.expected === 'mle'
        ? 'Verdict: the title fits the duties.'
        : `Verdict: titles of this family are not checked against DS/MLE duties.`,
  );
  return lines.join('\n');
}

export function explainItem(c: ClassifiedItem, config: Config): string {
  const weight = config.sectionWeights[c.item.section] ?? 0;
  const lines = [`**JD Lint** · ${CLASS_NAME[c.cls]}${c.cls === 'ds' || c.cls === 'mle' ? ` (score ${c.score.toFixed(2)})` : ''}`];
  lines.push('', `Section: ${SECTION_NAME[c.item.section]} (weight ${weight})`);
  const byRole = (role: string) => c.terms.filter((e) => e.role === role).map((e) => `\`${e.term}\` (${e.label}, ${e.weight.toFixed(1)})`);
  const ds = byRole('ds');
  const mle = byRole('mle');
  const shared = byRole('shared');
  if (ds.length) lines.push('', `Data science: ${ds.join(', ')}`);
  if (mle.length) lines.push('', `ML engineering: ${mle.join(', ')}`);
  if (shared.length) lines.push('', `Shared ground (counts for neither): ${c.terms.filter((e) => e.role === 'shared').map((e) => `\`${e.term}\``).join(', ')}`);
  if (c.terms.length === 0) lines.push('', 'No term in this line points to either role.');
  return lines.join('\n');
}

/** The title's verdict or a duty line's class, whichever the position is on. */
export function hoverAt({ doc, settings, result }: Analysis, position: Position): Hover | null {
  const offset = toOffset(doc, position);
  const t = result.title;
  if (t && offset >= t.range.start && offset <= t.range.end) {
    return { contents: { kind: 'markdown', value: explainTitle(result, settings.config) }, range: toRange(doc, t.range) };
  }
  const c = result.classified.find((x) => offset >= x.item.range.start && offset <= x.item.range.end);
  if (!c) return null;
  return { contents: { kind: 'markdown', value: explainItem(c, settings.config) }, range: toRange(doc, c.item.range) };
}

export async function hover(ctx: ServerContext, params: HoverParams): Promise<Hover | null> {
  try {
    const a = await ctx.analyse(params.textDocument.uri);
    return a ? hoverAt(a, params.position) : null;
  } catch (err) {
    ctx.log(`jdlint: hover failed: ${(err as Error).message}`);
    return null;
  }
}
