// The breakdown the editor's view draws: the linter's verdict, and which way each section pulled.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../server/src/engine/config';
import { lint } from '../../server/src/linter';
import { buildBreakdown } from '../../server/src/report/breakdown';
import { breakdownBody, escapeHtml, sectionPulls } from '../../server/src/report/render';

const POSTING = `# Senior Data Scientist

Intro text about the company and its couriers.

## What you'll do

- Deploy our delivery-time models as low-latency REST services on Kubernetes
- Build and maintain CI/CD pipelines that release every model version
- Monitor models in production for latency and drift

## What you bring

- Experience designing A/B tests and presenting insights to stakeholders

## Benefits

- A learning budget and a bike to work
`;

describe('buildBreakdown', () => {
  const r = lint(POSTING);
  const b = buildBreakdown('file:///p.md', r, DEFAULT_CONFIG);

  it("carries the linter's verdict with its suggested title", () => {
    const mismatch = r.findings.find((f) => f.rule === 'title-duty-mismatch')!;
    expect(b.verdict).toEqual({ kind: 'mismatch', rule: 'title-duty-mismatch', suggestions: mismatch.suggestions });
  });

  it('lists the duty sections in document order, each pulling the way its duties go', () => {
    expect(b.sections.map((s) => s.heading)).toEqual(["What you'll do", 'What you bring']);
    const [does, brings] = b.sections;
    expect(does.kind).toBe('responsibilities');
    expect(does.mleItems).toBe(3);
    expect(does.mle).toBeGreaterThan(0);
    expect(does.ds).toBe(0);
    expect(does.mleTerms).toEqual(expect.arrayContaining(['Kubernetes']));
    expect(brings.dsItems).toBe(1);
    expect(brings.ds).toBeGreaterThan(brings.mle);
  });

  it('weighs a section by its section weight, as the profile does', () => {
    const [does, brings] = b.sections;
    expect(does.weight).toBe(DEFAULT_CONFIG.sectionWeights.responsibilities);
    expect(brings.weight).toBe(DEFAULT_CONFIG.sectionWeights.requirements);
    const half = buildBreakdown('file:///p.md', r, { ...DEFAULT_CONFIG, sectionWeights: { ...DEFAULT_CONFIG.sectionWeights, responsibilities: DEFAULT_CONFIG.sectionWeights.responsibilities / 2 } });
    expect(half.sections[0].mle).toBeCloseTo(does.mle / 2, 9);
  });

  it('gives the shares as the engine words them', () => {
    expect(`${b.dsPercent} ${b.mlePercent}`).toMatch(/^\d+% \d+%$/);
    expect(b.ds + b.mle).toBeCloseTo(1, 9);
  });
});

describe('sectionPulls (the picture)', () => {
  it('draws data science to the left of the centre and ML engineering to the right, on one scale', () => {
    const svg = sectionPulls([
      { heading: 'Do <this>', kind: 'responsibilities', weight: 1, ds: 1, mle: 4, dsItems: 1, mleItems: 3, dsTerms: ['A/B tests'], mleTerms: ['Kubernetes & Docker'] },
      { heading: null, kind: 'unknown', weight: 0.5, ds: 2, mle: 0, dsItems: 1, mleItems: 0, dsTerms: [], mleTerms: [] },
    ]);
    expect(svg).toContain('<rect class="jd-ds" x="37.5" width="12.5" height="8"/><rect class="jd-mle" x="50" width="50" height="8"/>');
    expect(svg).toContain('<rect class="jd-ds" x="25" width="25" height="8"/><rect class="jd-mle" x="50" width="0" height="8"/>');
    expect(svg).toContain(`<h3>${escapeHtml('Do <this>')} <small>weight 1 · pulls to ML engineering</small></h3>`);
    expect(svg).toContain('Kubernetes &amp; Docker');
    expect(svg).toContain('<h3>Before the first section heading <small>weight 0.5 · pulls to data science</small></h3>');
  });
});

describe('breakdownBody (the editor view)', () => {
  it('shows the title as text, the verdict with its suggestion, the bar and one row per section', () => {
    const b = buildBreakdown('file:///p.md', lint(POSTING.replace('Senior Data Scientist', 'Senior Data Scientist <i>&</i>')), DEFAULT_CONFIG);
    const html = breakdownBody(b);
    expect(html).toContain('<h1>Senior Data Scientist &lt;i&gt;&amp;&lt;/i&gt;</h1>');
    expect(html).toContain(`<span class="jd-verdict jd-v-mismatch"`);
    expect(html).toContain(`Suggested: <q>${escapeHtml(b.verdict.suggestions[0])}</q>`);
    expect(html.match(/<svg class="jd-bar"/g)).toHaveLength(1);
    expect(html.match(/<section class="jd-section">/g)).toHaveLength(b.sections.length);
    expect(html).toContain(`${b.dutyItems} duties: ${b.dsItems} data science, ${b.mleItems} ML engineering`);
  });
});
