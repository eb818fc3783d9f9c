// No pay in the posting. Information only: the message says why it matters, without legal claims.
import pay from './lexicons/pay.json';
import type { Rule } from './rule';

// One pass over the text for all patterns; they are ASCII-case patterns, so no Unicode case folding.
const PAY = new RegExp(pay.patterns.map((p) => `(?:${p})`).join('|'), 'i');

const rule: Rule = {
  id: 'missing-pay-range',
  description: 'The posting states no salary or pay range.',
  defaultSeverity: 'info',
  fixable: false,
  check({ posting }) {
    if (!posting.title || posting.items.length === 0) return [];
    const text = posting.text;
    if (PAY.test(text)) return [];
    return [
      {
        message:
          'No salary or pay range found. Many candidates skip postings without pay, and pay transparency is expected, and in some places required, for job ads. Add a range such as "$120,000 - $150,000 per year".',
        range: posting.title.range,
        related: [],
        suggestions: [],
        fixes: [],
      },
    ];
  },
};

export default rule;
