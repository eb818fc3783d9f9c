// Flags / does-not-flag tests for tool-soup, on postings written for these tests.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../server/src/engine/config';
import { lint } from '../../server/src/linter';

const PAY = '\n\nSalary: $140,000 - $170,000 per year.\n';
const of = (text: string, rule: string, year = 2026) => lint(text, { ...DEFAULT_CONFIG, year }).findings.filter((f) => f.rule === rule);

describe('tool-soup', () => {
  const stack = 'Python, SQL, Java, Scala, C++, Spark, Hadoop, Hive, Kafka, Airflow, Docker, Kubernetes, Terraform, AWS, GCP, Azure, Tableau, Looker';
  it('flags more required tools than one person holds, naming them', () => {
    const [f] = of(`# Data Scientist\n\n## Requirements\n\n- Expert in ${stack}${PAY}`, 'tool-soup');
    expect(f.message).toMatch(/^18 tools are required \(more than 15\): Python, SQL, Java/);
    expect(f.related).toHaveLength(18);
  });
  it('does not count nice-to-have tools', () => {
    expect(of(`# Data Scientist\n\n## Requirements\n\n- Python and SQL\n\n## Nice to have\n\n- ${stack}${PAY}`, 'tool-soup')).toEqual([]);
  });
});
