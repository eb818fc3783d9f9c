import { describe, expect, it } from 'vitest';
import { parsePosting } from '../../server/src/engine/posting';
import { expectExactRanges, fixture, itemsOf } from './posting-helpers';

describe('parsePosting: titles', () => {
  it('takes the title from front matter, range over the value without quotes', () => {
    const text = '---\ntitle: "Senior Data Scientist"\n---\n\n# Ignored heading\n';
    const p = parsePosting(text);
    expect(p.title).toEqual({ text: 'Senior Data Scientist', range: { start: 12, end: 33 }, source: 'frontmatter' });
    expect(p.frontMatter?.data).toEqual({ title: 'Senior Data Scientist' });
    expect(p.frontMatter?.range).toEqual({ start: 0, end: 38 });
  });

  it('takes an unquoted front matter title', () => {
    const p = parsePosting('---\ntitle: ML Engineer\nteam: Search\n---\nBody text here.\n');
    expect(p.title).toEqual({ text: 'ML Engineer', range: { start: 11, end: 22 }, source: 'frontmatter' });
  });

  it('takes the first H1 without the # markup', () => {
    const p = parsePosting('# Staff Machine Learning Engineer\n\nWe deploy models.\n');
    expect(p.title).toEqual({ text: 'Staff Machine Learning Engineer', range: { start: 2, end: 33 }, source: 'heading' });
  });

  it('takes an H2 when there is no H1 and skips section headings', () => {
    const p = parsePosting('## Responsibilities\n\n- Build models\n\n## Data Analyst, Growth\n');
    expect(p.title?.text).toBe('Data Analyst, Growth');
    expect(p.title?.range).toEqual({ start: 40, end: 60 });
  });

  it('takes a Setext heading', () => {
    const p = parsePosting('Applied Scientist\n=================\n\nWe run experiments.\n');
    expect(p.title).toEqual({ text: 'Applied Scientist', range: { start: 0, end: 17 }, source: 'heading' });
  });

  it('takes a "Job title:" label line and does not make it an item', () => {
    const text = 'Company: Acme\nJob title: Data Scientist II\nAnalyse churn for the retention team\n';
    const p = parsePosting(text);
    expect(p.title).toEqual({ text: 'Data Scientist II', range: { start: 25, end: 42 }, source: 'label' });
    expect(p.items.map((i) => i.text)).not.toContain('Job title: Data Scientist II');
  });

  it('takes a "Position:" label inside bold markup', () => {
    const p = parsePosting('**Position:** MLOps Engineer\n\nRun the model registry.\n');
    expect(p.title?.text).toBe('MLOps Engineer');
    expect(p.title?.source).toBe('label');
  });

  it('has no title when nothing names the posting', () => {
    expect(parsePosting('Build models.\nDeploy them.\n').title).toBeNull();
  });
});

describe('parsePosting: clean Markdown', () => {
  const text = fixture('clean-frontmatter.md');
  const p = parsePosting(text);

  it('reads front matter data and the title', () => {
    expect(p.title?.text).toBe('Senior Machine Learning Engineer');
    expect(p.title?.source).toBe('frontmatter');
    expect(p.frontMatter?.data).toEqual({ title: 'Senior Machine Learning Engineer', team: 'Ranking', remote: true });
    expect(p.frontMatter?.error).toBeUndefined();
  });

  it('sorts bullets and numbered items into sections by heading synonyms', () => {
    expect(p.sections.map((s) => [s.kind, s.heading])).toEqual([
      ['unknown', null],
      ['responsibilities', "What you'll do"],
      ['requirements', 'Requirements'],
      ['niceToHave', 'Nice to have'],
      ['tools', 'Tech stack'],
      ['nonDuty', 'Benefits'],
    ]);
    expect(itemsOf(p, 'responsibilities')).toEqual([
      'Deploy ranking models to production behind a low-latency API',
      'Build CI/CD pipelines for model training and release\n  on our Kubernetes clusters',
      'Monitor model drift and retrain when quality drops',
    ]);
    expect(p.items.filter((i) => i.section === 'responsibilities').map((i) => i.kind)).toEqual(['bullet', 'bullet', 'numbered']);
    expect(itemsOf(p, 'requirements')).toEqual(['4+ years of Python', 'Experience with Docker and Kubernetes']);
    expect(itemsOf(p, 'niceToHave')).toEqual(['Experience with Triton or TorchServe']);
    expect(itemsOf(p, 'tools')).toEqual(['PyTorch, Ray, Argo Workflows']);
  });

  it('keeps benefits in a nonDuty section and drops "Apply now" debris', () => {
    expect(itemsOf(p, 'nonDuty')).toEqual(['Health, dental and vision cover']);
  });

  it('never makes items of headings, code blocks, HTML comments or front matter', () => {
    const all = p.items.map((i) => i.text).join('\n');
    expect(all).not.toMatch(/replicas|internal note|team: Ranking|Acme Robotics is hiring|^Requirements$/m);
  });

  it('gives every item, heading and the title its exact source range', () => {
    expectExactRanges(p);
    const first = p.items.find((i) => i.section === 'responsibilities')!;
    const start = text.indexOf('Deploy ranking');
    expect(first.range).toEqual({ start, end: start + 'Deploy ranking models to production behind a low-latency API'.length });
  });
});

describe('parsePosting: pay', () => {
  it('finds where pay is first stated, wherever it stands', () => {
    const text = '# Data Scientist\n\n## Compensation\n\nBase salary of $150,000 plus equity; up to $180,000.\n\n- Run A/B tests\n';
    const { pay } = parsePosting(text);
    expect(pay).not.toBeNull();
    expect(text.slice(pay!.start, pay!.end)).toBe('Base salary of $150,000');
    // A rate in a heading and a k-range in a pasted line count as much as a sentence.
    const heading = '# Data Scientist\n\n## Pay range 120k-150k\n\n- Run A/B tests\n';
    expect(parsePosting(heading).pay).toEqual({ start: heading.indexOf('Pay range'), end: heading.indexOf('Pay range') + 'Pay range'.length });
  });

  it('finds none where no amount, rate or pay range is named', () => {
    expect(parsePosting('# Data Scientist\n\nCompetitive pay and 3+ years of Python.\n\n- Run A/B tests\n').pay).toBeNull();
  });
});

describe('parsePosting: bad input', () => {
  it('does not throw on an empty document', () => {
    expect(parsePosting('')).toEqual({ text: '', title: null, frontMatter: null, sections: [], items: [], pay: null });
  });

  it('does not throw on binary junk with NUL bytes and lone surrogates', () => {
    const junk = '\u0000\u0001\ud800abc\udfff\u0000PNG\r\n\u001a\n' + String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 65536));
    const p = parsePosting(junk);
    expectExactRanges(p);
  });

  it('reports unclosed front matter and still parses the rest as Markdown', () => {
    const p = parsePosting('---\ntitle: Data Scientist\n\n## Responsibilities\n\n- Run experiments\n');
    expect(p.frontMatter?.data).toBeNull();
    expect(p.frontMatter?.error).toMatch(/not closed/);
    expect(p.frontMatter?.range).toEqual({ start: 0, end: 3 });
    expect(itemsOf(p, 'responsibilities')).toEqual(['Run experiments']);
  });

  it('reports invalid YAML in front matter and keeps parsing', () => {
    const p = parsePosting('---\ntitle: [unclosed\n---\n\n# ML Engineer\n');
    expect(p.frontMatter?.error).toMatch(/YAML/);
    expect(p.title?.text).toBe('ML Engineer');
  });

  it('does not throw or stall on 20,000 nested list levels', () => {
    const deep = '- '.repeat(20_000) + 'deploy models\n';
    const staircase = Array.from({ length: 3000 }, (_, i) => ' '.repeat(i * 2) + '- monitor drift').join('\n');
    const a = parsePosting(deep);
    const b = parsePosting(staircase);
    expect(a.items.map((i) => i.text)).toEqual(['deploy models']);
    expect(b.items).toHaveLength(3000);
    expectExactRanges(b);
  });

  // Time is measured in the benchmarks (npm run bench), not asserted here.
  it('parses a 1 MB posting of each shape completely', () => {
    const unit = '## Responsibilities\n\n- Deploy models *fast* & [well](https://example.invalid)\n- Monitor drift\n\nA plain line.\nAnother line.\n\n';
    const big = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const flat = 'Build models for demand.What you will do:Serve them. '.repeat(20_000);
    const p = parsePosting(big);
    const q = parsePosting(flat);
    expect(p.items.length).toBeGreaterThan(30_000);
    expect(q.items.length).toBeGreaterThan(20_000);
  });
});
