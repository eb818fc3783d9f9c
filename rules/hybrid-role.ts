// Seed 004's warning: one person covering both roles becomes fragile. Say so, with the split.
import { retitle } from '../server/src/engine/title';
import { percent, topTerms } from '../server/src/engine/explain';
import { isOtherWork, otherWork } from './lib/other-work';
import type { Rule } from './rule';

const HYBRID_TITLE = 'Data Scientist / Machine Learning Engineer';

const rule: Rule = {
  id: 'hybrid-role',
  description: 'The duties are heavy on both data science and ML engineering: one person asked to cover two roles.',
  defaultSeverity: 'info',
  fixable: true,
  check({ title, profile, classified, posting, config }) {
    if (profile.role !== 'hybrid' || title?.expected === 'hybrid') return [];
    // Work that is mainly neither role is other-role-duties' to report.
    if (isOtherWork(otherWork(classified, config))) return [];
    const ds = topTerms(classified, 'ds', 3).join(', ');
    const mle = topTerms(classified, 'mle', 3).join(', ');
    const suggested = title ? (retitle(title, 'hybrid') ?? HYBRID_TITLE) : HYBRID_TITLE;
    return [
      {
        message:
          `Duties split between data science (${percent(profile.ds)}, ${profile.dsItems} duties: ${ds}) and ML engineering ` +
          `(${percent(profile.mle)}, ${profile.mleItems} duties: ${mle}). One person covering both becomes a single point of ` +
          `failure; consider two roles, or say so in the title ("${suggested}").`,
        range: title?.range ?? { start: 0, end: Math.min(posting.text.indexOf('\n') >>> 0, posting.text.length) },
        related: classified
          .filter((c) => c.cls === 'ds' || c.cls === 'mle')
          .slice(0, 10)
          .map((c) => ({ range: c.item.range, message: c.cls === 'ds' ? 'data-science duty' : 'ML-engineering duty' })),
        suggestions: [suggested],
        fixes: title?.roleRange
          ? [{ title: `Retitle to "${suggested}"`, edits: [{ range: title.roleRange, newText: HYBRID_TITLE }], preferred: true }]
          : [],
      },
    ];
  },
};

export default rule;
