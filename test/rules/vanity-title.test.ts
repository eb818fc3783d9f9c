// Flags / does-not-flag tests for vanity-title, on postings written for these tests.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../server/src/engine/config';
import { applyEdits } from '../../server/src/engine/fixes';
import { lint } from '../../server/src/linter';

const PAY = '\n\nSalary: $140,000 - $170,000 per year.\n';
const of = (text: string, rule: string, year = 2026) => lint(text, { ...DEFAULT_CONFIG, year }).findings.filter((f) => f.rule === rule);

describe('vanity-title', () => {
  it('flags "Data Ninja" and fixes it to Data Scientist', () => {
    const text = `# Senior Data Ninja\n\n- Design A/B tests and present insights to stakeholders${PAY}`;
    const [f] = of(text, 'vanity-title');
    expect(f.range).toEqual({ start: 2, end: 19 });
    expect(applyEdits(text, f.fixes[0].edits).split('\n')[0]).toBe('# Senior Data Scientist');
  });
  it('flags "ML Rockstar" and fixes it to Machine Learning Engineer', () => {
    const text = `# ML Rockstar (Remote)\n\n- Deploy models on Kubernetes${PAY}`;
    expect(applyEdits(text, of(text, 'vanity-title')[0].fixes[0].edits).split('\n')[0]).toBe('# Machine Learning Engineer (Remote)');
  });
  it('does not flag real titles', () => {
    expect(of(`# Data Scientist\n\n- Run A/B tests${PAY}`, 'vanity-title')).toEqual([]);
  });
});
