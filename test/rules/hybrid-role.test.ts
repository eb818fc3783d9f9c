import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/fixes';
import { lint } from '../../server/src/linter';

const HYBRID = `# Data Scientist

- Design A/B tests, analyze results and present insights to stakeholders
- Build dashboards in Looker and report KPIs to leadership
- Deploy the model as an API on Kubernetes
- Own CI/CD and monitoring for models in production
`;

describe('hybrid-role', () => {
  it('flags a posting heavy on both roles, naming both sides, with a hybrid retitle', () => {
    const f = lint(HYBRID).findings.find((x) => x.rule === 'hybrid-role')!;
    expect(f.severity).toBe('info');
    expect(f.range).toEqual({ start: 2, end: 16 });
    expect(f.message).toMatch(/data science \(\d+%, 2 duties: .*\) and ML engineering \(\d+%, 2 duties: .*\)/);
    expect(f.message).toMatch(/single point of failure/);
    expect(applyEdits(HYBRID, f.fixes[0].edits).split('\n')[0]).toBe('# Data Scientist / Machine Learning Engineer');
  });

  it('does not flag once the title says hybrid', () => {
    const fixed = HYBRID.replace('# Data Scientist', '# Data Scientist / Machine Learning Engineer');
    expect(lint(fixed).findings.filter((x) => x.rule === 'hybrid-role')).toEqual([]);
  });

  it('does not flag a one-role posting', () => {
    const ds = '# Data Scientist\n\n- Design A/B tests and present insights to stakeholders\n- Build dashboards in Tableau\n';
    expect(lint(ds).findings.filter((x) => x.rule === 'hybrid-role')).toEqual([]);
  });
});
