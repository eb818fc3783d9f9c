// The third verdict: a data-science or ML-engineering title over work that is mainly something
// else (data engineering, BI reporting without modelling, general software). Say what the duties
// are, with the terms, and suggest that family's title when one family clearly leads.
import { familyName, retitle } from '../server/src/engine/title';
import type { Fix, Range, TitleFamily } from '../server/src/engine/types';
import { isOtherWork, otherWork } from './lib/other-work';
import type { Rule } from './rule';

const rule: Rule = {
  id: 'other-role-duties',
  description: 'The title names a data-science or ML-engineering role, but the duties are mainly other work: data engineering, BI reporting without modelling, or general software engineering.',
  defaultSeverity: 'warning',
  fixable: true,
  check({ title, posting, classified, config }) {
    if (!title || (title.expected !== 'ds' && title.expected !== 'mle' && title.expected !== 'hybrid')) return [];
    const w = otherWork(posting.items, classified, config);
    if (!isOtherWork(w)) return [];
    const { family } = w;
    const known = family.family === 'data-analyst' || family.family === 'data-engineer' ? (family.family as Exclude<TitleFamily, 'unknown'>) : null;
    const roleName = known ? familyName(known) : family.title;
    const suggested = known ? (retitle(title, known) ?? roleName) : title.roleRange ? replaceRole(title.text, title.range, title.roleRange, roleName) : roleName;
    const fixes: Fix[] = title.roleRange ? [{ title: `Retitle to "${suggested}"`, edits: [{ range: title.roleRange, newText: roleName }], preferred: true }] : [];
    const modelling = w.modelling === 0 ? 'no modelling or ML work' : `little modelling or ML work (${w.modellingTerms.slice(0, 4).join(', ')})`;
    return [
      {
        message:
          `Titled "${title.text}", but the duties are mainly ${family.work} (${w.terms.slice(0, 5).join(', ')}) with ${modelling}. ` +
          `Consider "${suggested}", or add the modelling work the role does.`,
        range: title.range,
        related: w.ranges.slice(0, 10).map((range, i) => ({ range, message: `${family.work}: ${w.terms[i]}` })),
        suggestions: [suggested],
        fixes,
      },
    ];
  },
};

function replaceRole(text: string, range: Range, role: Range, name: string): string {
  return text.slice(0, role.start - range.start) + name + text.slice(role.end - range.start);
}

export default rule;
