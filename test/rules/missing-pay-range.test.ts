// Flags / does-not-flag tests for missing-pay-range, on postings written for these tests.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../server/src/engine/config';
import { lint } from '../../server/src/linter';

const of = (text: string, rule: string, year = 2026) => lint(text, { ...DEFAULT_CONFIG, year }).findings.filter((f) => f.rule === rule);

describe('missing-pay-range', () => {
  const posting = '# Data Scientist\n\n- Design A/B tests and present insights to stakeholders\n';
  it('flags a posting with no pay, on the title, saying why it matters', () => {
    const [f] = of(posting, 'missing-pay-range');
    expect(f.range).toEqual({ start: 2, end: 16 });
    expect(f.message).toMatch(/No salary or pay range found. Many candidates skip postings without pay/);
  });
  it.each(['$140,000 - $170,000 per year', '120k-150k', '120k – 150k', '€60.000 per year', 'Salary range: see below', '90,000 to 110,000'])(
    'does not flag a posting that states pay (case %#)',
    (pay) => expect(of(`${posting}\n${pay}\n`, 'missing-pay-range')).toEqual([]),
  );
});
