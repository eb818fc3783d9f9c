import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/fixes';
import { DEFAULT_CONFIG } from '../../server/src/engine/config';
import { lint } from '../../server/src/linter';
import type { Severity } from '../../server/src/engine/types';

const MLE_DUTIES = `## What you'll do

- Deploy models as low-latency services on Kubernetes
- Build CI/CD pipelines for every model release
- Containerize training jobs with Docker
- Monitor drift and latency in production
`;

const DS_DUTIES = `## Responsibilities

- Design and analyze A/B tests for pricing
- Build dashboards in Tableau for the leadership team
- Present insights and recommendations to stakeholders
- Run causal inference studies on marketing spend
`;

const mismatch = (text: string) => lint(text).findings.filter((f) => f.rule === 'title-duty-mismatch');

describe('title-duty-mismatch', () => {
  it('flags a data-scientist title over ML-engineering duties, on the title text, with numbers and evidence', () => {
    const text = `# Senior Data Scientist\n\n${MLE_DUTIES}`;
    const [f] = mismatch(text);
    expect(f.severity).toBe('warning');
    expect(f.range).toEqual({ start: 2, end: 23 });
    expect(f.message).toMatch(/^Titled "Senior Data Scientist", but 4 of 4 duties are ML-engineering work \(.*Kubernetes.*\); \d+% of the duty evidence is ML-engineering\./);
    expect(f.suggestions[0]).toBe('Senior Machine Learning Engineer');
    expect(f.related).toHaveLength(4);
    expect(text.slice(f.related[0].range.start, f.related[0].range.end)).toBe('Deploy models as low-latency services on Kubernetes');
    expect(f.related[0].message).toMatch(/^ML-engineering duty: .*Kubernetes/);
  });

  it('offers an exact, minimal, preferred fix that replaces only the role name', () => {
    const text = `# Sr. Data Scientist, Search (Remote)\n\n${MLE_DUTIES}`;
    const [f] = mismatch(text);
    expect(f.fixes[0]).toEqual({
      title: 'Retitle to "Sr. Machine Learning Engineer, Search (Remote)"',
      edits: [{ range: { start: 6, end: 20 }, newText: 'Machine Learning Engineer' }],
      preferred: true,
    });
    expect(f.fixes.slice(1).every((x) => !x.preferred)).toBe(true);
  });

  it('is gone after the fix, and the fix does nothing more when applied twice', () => {
    const text = `# Senior Data Scientist\n\n${MLE_DUTIES}`;
    const fixed = applyEdits(text, mismatch(text)[0].fixes[0].edits);
    expect(fixed.startsWith('# Senior Machine Learning Engineer\n')).toBe(true);
    expect(mismatch(fixed)).toEqual([]);
    expect(lint(fixed).findings.filter((f) => f.fixes.length > 0 && f.rule === 'title-duty-mismatch')).toEqual([]);
  });

  it('flags an ML-engineer title over data-science duties and suggests Data Scientist', () => {
    const [f] = mismatch(`# ML Engineer - Growth\n\n${DS_DUTIES}`);
    expect(f.message).toMatch(/data-science work/);
    expect(f.suggestions[0]).toBe('Data Scientist - Growth');
  });

  it('keeps front-matter titles and fixes them in place', () => {
    const text = `---\ntitle: "Data Scientist"\n---\n\n${MLE_DUTIES}`;
    const [f] = mismatch(text);
    expect(text.slice(f.range.start, f.range.end)).toBe('Data Scientist');
    expect(applyEdits(text, f.fixes[0].edits)).toContain('title: "Machine Learning Engineer"');
  });

  it('does not flag a title that fits its duties', () => {
    expect(mismatch(`# Data Scientist\n\n${DS_DUTIES}`)).toEqual([]);
    expect(mismatch(`# Machine Learning Engineer\n\n${MLE_DUTIES}`)).toEqual([]);
  });

  it('does not judge families it has no expectation for (analyst, data engineer, unknown)', () => {
    expect(mismatch(`# Data Engineer\n\n${DS_DUTIES}`)).toEqual([]);
    expect(mismatch(`# Office Manager\n\n${MLE_DUTIES}`)).toEqual([]);
  });

  it('does not let the title change the profile', () => {
    expect(lint(`# Data Scientist\n\n${MLE_DUTIES}`).profile).toEqual(lint(`# Machine Learning Engineer\n\n${MLE_DUTIES}`).profile);
  });

  it('respects the configured severity, off, and threshold', () => {
    const text = `# Data Scientist\n\n${MLE_DUTIES}`;
    const withRules = (rules: Record<string, Severity>) => lint(text, { ...DEFAULT_CONFIG, rules });
    expect(withRules({ 'title-duty-mismatch': 'error' }).findings.find((f) => f.rule === 'title-duty-mismatch')?.severity).toBe('error');
    expect(withRules({ 'title-duty-mismatch': 'off' }).findings.some((f) => f.rule === 'title-duty-mismatch')).toBe(false);
    const lenient = lint(text, { ...DEFAULT_CONFIG, thresholds: { ...DEFAULT_CONFIG.thresholds, mismatchShare: 1.01 } });
    expect(lenient.findings.some((f) => f.rule === 'title-duty-mismatch')).toBe(false);
  });
});
