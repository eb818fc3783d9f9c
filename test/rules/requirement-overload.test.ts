// Flags / does-not-flag tests for requirement-overload, on postings written for these tests.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../server/src/engine/config';
import { lint } from '../../server/src/linter';

const PAY = '\n\nSalary: $140,000 - $170,000 per year.\n';
const of = (text: string, rule: string, year = 2026) => lint(text, { ...DEFAULT_CONFIG, year }).findings.filter((f) => f.rule === rule);

describe('requirement-overload', () => {
  const reqs = (n: number) => Array.from({ length: n }, (_, i) => `- Requirement number ${i + 1} about statistics`).join('\n');
  it('flags more must-haves than the threshold, counting them', () => {
    const text = `# Data Scientist\n\n## Requirements\n\n${reqs(14)}${PAY}`;
    const [f] = of(text, 'requirement-overload');
    expect(f.message).toMatch(/^14 must-have requirements/);
    expect(text.slice(f.range.start, f.range.end)).toBe('Requirements');
  });
  it('does not flag a short list or nice-to-haves', () => {
    expect(of(`# Data Scientist\n\n## Requirements\n\n${reqs(8)}\n\n## Nice to have\n\n${reqs(8)}${PAY}`, 'requirement-overload')).toEqual([]);
  });
});
