// More required tools than a person can hold: the posting describes a team's stack, not a hire.
import { requiredTools } from './lib/tools';
import type { Rule } from './rule';

const rule: Rule = {
  id: 'tool-soup',
  description: 'More required tools than one person can be expected to know.',
  defaultSeverity: 'warning',
  fixable: false,
  check({ posting, config }) {
    const max = config.thresholds.maxRequiredTools;
    const tools = requiredTools(posting.items);
    if (tools.length <= max) return [];
    const range = posting.title?.range ?? tools[0].range;
    return [
      {
        message:
          `${tools.length} tools are required (more than ${max}): ${tools.map((t) => t.name).join(', ')}. ` +
          'Few people know all of them; keep the ones the work needs daily and move the rest to a "Nice to have" section.',
        range,
        related: tools.map((t) => ({ range: t.range, message: `required tool: ${t.name}` })),
      },
    ];
  },
};

export default rule;
