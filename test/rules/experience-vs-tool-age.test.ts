// Flags / does-not-flag tests for experience-vs-tool-age, on postings written for these tests.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../server/src/engine/config';
import { lint } from '../../server/src/linter';

const PAY = '\n\nSalary: $140,000 - $170,000 per year.\n';
const of = (text: string, rule: string, year = 2026) => lint(text, { ...DEFAULT_CONFIG, year }).findings.filter((f) => f.rule === rule);

describe('experience-vs-tool-age', () => {
  it('flags more years of a tool than it has existed, on the demand', () => {
    const text = `# ML Engineer\n\n- 15+ years of Kubernetes in production\n- 5 years of Python${PAY}`;
    const [f] = of(text, 'experience-vs-tool-age', 2026);
    expect(text.slice(f.range.start, f.range.end)).toBe('15+ years of Kubernetes');
    expect(f.message).toMatch(/Kubernetes was first released in 2014: nobody has more than 12 years of it in 2026/);
  });
  it('does not flag years a tool allows', () => {
    expect(of(`# ML Engineer\n\n- 5+ years of Kubernetes${PAY}`, 'experience-vs-tool-age', 2026)).toEqual([]);
  });
  it('flags a junior title asking for many years', () => {
    const text = `# Junior Data Scientist\n\n- 6+ years of experience in analytics${PAY}`;
    expect(of(text, 'experience-vs-tool-age')[0].message).toMatch(/The title says "Junior", but this asks for 6\+ years/);
    expect(of(text.replace('Junior ', 'Senior '), 'experience-vs-tool-age')).toEqual([]);
  });
});
