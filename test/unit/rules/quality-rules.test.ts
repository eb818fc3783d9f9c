// Flags / does-not-flag tests for the job-ad quality rules, on postings written for these tests.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../server/src/engine/config';
import { applyEdits } from '../../../server/src/engine/fixes';
import { lint } from '../../../server/src/engine/lint';

const PAY = '\n\nSalary: $140,000 - $170,000 per year.\n';
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

describe('exclusionary-language', () => {
  it('flags hype and exclusionary terms with case-preserving, minimal, idempotent fixes', () => {
    const text = `# Data Scientist\n\n- Join our young and dynamic team of Rockstar analysts\n- Native English speaker required${PAY}`;
    const fs = of(text, 'exclusionary-language');
    expect(fs.map((f) => text.slice(f.range.start, f.range.end))).toEqual(['young and dynamic', 'Rockstar', 'Native English speaker']);
    expect(fs.map((f) => f.fixes[0].edits[0].newText)).toEqual(['energetic', 'Expert', 'Fluent in English']);
    let fixed = text;
    for (const f of [...fs].reverse()) fixed = applyEdits(fixed, f.fixes[0].edits);
    expect(fixed).toContain('- Join our energetic team of Expert analysts\n- Fluent in English required');
    expect(of(fixed, 'exclusionary-language')).toEqual([]);
  });
  it('does not flag allow-listed phrases: competitive salary, young company', () => {
    const text = `# Data Scientist\n\n- We offer a competitive salary at a young company\n- Present insights to stakeholders${PAY}`;
    expect(of(text, 'exclusionary-language')).toEqual([]);
  });
  it('summarises strongly masculine-coded wording in one finding', () => {
    const text = `# Data Scientist\n\n- Aggressive, fearless, dominant and decisive\n- Ambitious, assertive, headstrong, outspoken and stubborn\n- Competitive drive to win${PAY}`;
    const [f] = of(text, 'exclusionary-language');
    expect(f.message).toMatch(/^Masculine-coded wording outweighs feminine-coded wording \d+ to 0/);
    expect(f.related.length).toBeGreaterThanOrEqual(6);
  });
  it('does not read code blocks, HTML comments or URLs as prose', () => {
    const text = `# Data Scientist\n\n\`\`\`\nninja = rockstar()\n\`\`\`\n\n<!-- young and dynamic -->\n\n- Present insights to stakeholders, see [our team](https://example.invalid/ninja-rockstars) and https://example.invalid/young${PAY}`;
    expect(of(text, 'exclusionary-language')).toEqual([]);
  });
  it('still reads the prose around a link in the same item', () => {
    const text = `# Data Scientist\n\n- See https://example.invalid/ninja and join as our rockstar analyst${PAY}`;
    expect(of(text, 'exclusionary-language').map((f) => text.slice(f.range.start, f.range.end))).toEqual(['rockstar']);
  });
});

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

describe('requirement-overload and tool-soup', () => {
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
