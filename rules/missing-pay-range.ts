// No pay in the posting. Information only: the message says why it matters, without legal claims.
// Where a posting states pay is part of the posting model (posting.pay, found with
// rules/lexicons/pay.json by server/src/engine/posting/pay.ts), read with the rest of the text.
import type { Rule } from './rule';

const rule: Rule = {
  id: 'missing-pay-range',
  description: 'The posting states no salary or pay range.',
  defaultSeverity: 'info',
  fixable: false,
  check({ posting }) {
    if (!posting.title || posting.items.length === 0) return [];
    if (posting.pay) return [];
    return [
      {
        message:
          'No salary or pay range found. Many candidates skip postings without pay, and pay transparency is expected, and in some places required, for job ads. Add a range such as "$120,000 - $150,000 per year".',
        range: posting.title.range,
      },
    ];
  },
};

export default rule;
