// Flags / does-not-flag tests for unicorn-posting, on postings written for these tests.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../server/src/engine/config';
import { lint } from '../../server/src/linter';

const PAY = '\n\nSalary: $140,000 - $170,000 per year.\n';
const of = (text: string, rule: string, year = 2026) => lint(text, { ...DEFAULT_CONFIG, year }).findings.filter((f) => f.rule === rule);

describe('unicorn-posting', () => {
  const duties = `- Design A/B tests, analyze results and present insights to stakeholders
- Build dashboards in Looker and report KPIs to leadership
- Deploy models as APIs on Kubernetes
- Own CI/CD and monitoring for models in production`;
  it('flags heavy duties of both roles plus a long tool list, saying which duty is which', () => {
    const text = `# Data Scientist\n\n${duties}\n\n## Requirements\n\n- Python, R, SQL, Spark, Airflow, Docker, Kubernetes, Terraform, AWS, Tableau, Looker, MLflow${PAY}`;
    const [f] = of(text, 'unicorn-posting');
    expect(f.message).toMatch(/^Two jobs in one posting: \d+ data-science duties .* and \d+ ML-engineering duties .* with 12 required tools/);
    expect(f.related.some((r) => r.message.startsWith('data-science duty'))).toBe(true);
    expect(f.related.some((r) => r.message.startsWith('ML-engineering duty'))).toBe(true);
  });
  it('does not flag the same duties with a short tool list', () => {
    expect(of(`# Data Scientist\n\n${duties}\n\n## Requirements\n\n- Python and SQL${PAY}`, 'unicorn-posting')).toEqual([]);
  });
});
