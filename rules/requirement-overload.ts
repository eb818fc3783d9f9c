// Long must-have lists discourage qualified people who meet most, not all, of them.
import type { Rule } from './rule';

const rule: Rule = {
  id: 'requirement-overload',
  description: 'More must-have requirements than good practice (about 7-10).',
  defaultSeverity: 'info',
  fixable: false,
  check({ posting, config }) {
    const max = config.thresholds.maxRequirements;
    const sections = posting.sections.filter((s) => s.kind === 'requirements');
    const items = sections.flatMap((s) => s.items);
    if (items.length <= max) return [];
    const heading = sections.find((s) => s.headingRange)?.headingRange ?? items[0].range;
    return [
      {
        message:
          `${items.length} must-have requirements (good practice is about 7-10; this check flags more than ${max}). ` +
          'Long lists put off qualified people who meet most but not all of them: keep the essentials and move the rest to "Nice to have".',
        range: heading,
        related: items.map((i, n) => ({ range: i.range, message: `requirement ${n + 1} of ${items.length}` })),
      },
    ];
  },
};

export default rule;
