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
    expect(f.message).toMatch(/^Two jobs in one posting: 2 data-science duties .* and \d+ ML-engineering duties .* with 12 required tools/);
    // Each duty line is pointed at with its own role: the first two data science, the last two ML engineering.
    const roleOf = (line: string) => {
      const start = text.indexOf(line);
      return f.related.filter((r) => r.range.start === start && r.range.end === start + line.length).map((r) => r.message.split(':')[0]);
    };
    expect(duties.split('\n').map((line) => roleOf(line.slice(2)))).toEqual([['data-science duty'], ['data-science duty'], ['ML-engineering duty'], ['ML-engineering duty']]);
  });
  it('does not flag the same duties with a short tool list', () => {
    expect(of(`# Data Scientist\n\n${duties}\n\n## Requirements\n\n- Python and SQL${PAY}`, 'unicorn-posting')).toEqual([]);
  });
});
