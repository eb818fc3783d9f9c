// The third verdict: a data-science or ML-engineering title over work that is mainly something
// else (data engineering, BI reporting without modelling, general software). Say what the duties
// are, with the terms, and suggest that family's title when one family clearly leads.
import { retitleAs } from '../server/src/engine/title';
import type { Fix } from '../server/src/engine/types';
import { isOtherWork, otherWork } from './lib/other-work';
import type { Rule } from './rule';

const rule: Rule = {
  id: 'other-role-duties',
  description: 'The title names a data-science or ML-engineering role, but the duties are mainly other work: data engineering, BI reporting without modelling, or general software engineering.',
  defaultSeverity: 'warning',
  fixable: true,
  check({ title, classified, config }) {
    if (!title || (title.expected !== 'ds' && title.expected !== 'mle' && title.expected !== 'hybrid')) return [];
    const w = otherWork(classified, config);
    if (!isOtherWork(w)) return [];
    const { family } = w;
    const suggested = retitleAs(title, family.title) ?? family.title;
    const fixes: Fix[] = title.roleRange ? [{ title: `Retitle to "${suggested}"`, edits: [{ range: title.roleRange, newText: family.title }], preferred: true }] : [];
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

export default rule;
