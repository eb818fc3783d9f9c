// Where a posting states pay: the first match of any pattern of rules/lexicons/pay.json (currency
// amounts, k-ranges, hourly and yearly rates, the words for a pay range), anywhere in the text.
import pay from '../../../../rules/lexicons/pay.json';
import type { Range } from '../types';

// One pass over the text for all patterns; they are ASCII-case patterns, so no Unicode case folding.
const PAY = new RegExp(pay.patterns.map((p) => `(?:${p})`).join('|'), 'i');

export function payIn(text: string): Range | null {
  const m = PAY.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}
