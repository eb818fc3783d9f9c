// Seed 004's one-person coverage: heavy data-science and heavy ML-engineering duties plus a long
// tool list. Says which duties belong to which role.
import { percent, termsOf } from '../server/src/engine/explain';
import { requiredTools } from './lib/tools';
import type { Rule } from './rule';

const rule: Rule = {
  id: 'unicorn-posting',
  description: 'Heavy data-science and heavy ML-engineering duties plus a long tool list: two jobs in one posting.',
  defaultSeverity: 'warning',
  fixable: false,
  check({ posting, profile, classified, config }) {
    if (profile.role !== 'hybrid') return [];
    const tools = requiredTools(posting.items);
    if (tools.length < config.thresholds.unicornMinTools) return [];
    const ds = classified.filter((c) => c.cls === 'ds' && c.item.section !== 'nonDuty');
    const mle = classified.filter((c) => c.cls === 'mle' && c.item.section !== 'nonDuty');
    const sample = (items: typeof ds, role: 'ds' | 'mle') =>
      items
        .slice(0, 3)
        .map((c) => termsOf(c, role).slice(0, 2).join('/'))
        .join('; ');
    return [
      {
        message:
          `Two jobs in one posting: ${ds.length} data-science duties (${percent(profile.ds)}; ${sample(ds, 'ds')}) and ` +
          `${mle.length} ML-engineering duties (${percent(profile.mle)}; ${sample(mle, 'mle')}), with ${tools.length} required tools. ` +
          'One person covering both becomes a single point of failure; split it into a data-scientist and an ML-engineer role.',
        range: posting.title?.range ?? ds[0]?.item.range ?? { start: 0, end: 0 },
        related: [
          ...ds.map((c) => ({ range: c.item.range, message: `data-science duty: ${termsOf(c, 'ds').join(', ')}` })),
          ...mle.map((c) => ({ range: c.item.range, message: `ML-engineering duty: ${termsOf(c, 'mle').join(', ')}` })),
        ],
      },
    ];
  },
};

export default rule;
