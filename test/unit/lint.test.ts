import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../server/src/engine/config';
import { lint } from '../../server/src/linter';

function inside(text: string) {
  for (const f of lint(text).findings) {
    expect(f.range.start).toBeGreaterThanOrEqual(0);
    expect(f.range.end).toBeLessThanOrEqual(text.length);
    expect(f.range.start).toBeLessThanOrEqual(f.range.end);
    for (const r of f.related) expect(r.range.end).toBeLessThanOrEqual(text.length);
  }
}

describe('lint on hostile input', () => {
  it('returns nothing for an empty document', () => {
    expect(lint('').findings).toEqual([]);
  });

  it('names a binary file instead of linting it', () => {
    const junk = Array.from({ length: 4000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    const r = lint(junk);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ rule: 'document-input', severity: 'warning' });
    expect(r.findings[0].message).toMatch(/binary/);
  });

  it('declines a document over the size limit with a clear message', () => {
    const big = '# Data Scientist\n' + 'Deploy models on Kubernetes. '.repeat(400_000);
    const r = lint(big);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0].message).toMatch(/JD Lint checks postings up to 2,000,000/);
    inside(big);
  });

  it('lints a large posting under the limit', () => {
    const text = '# Data Scientist\n\n' + '- Deploy models on Kubernetes with CI/CD\n'.repeat(20_000);
    expect(lint(text, { ...DEFAULT_CONFIG, maxDocumentSize: 10_000_000 }).findings.some((f) => f.rule === 'title-duty-mismatch')).toBe(true);
  });

  it('reports unclosed front matter and still lints the rest', () => {
    const text = '---\ntitle: Data Scientist\n\n# Data Scientist\n\n- Deploy models on Kubernetes\n- Own CI/CD and Docker images\n';
    const r = lint(text);
    expect(r.findings.find((f) => f.rule === 'document-input')?.message).toMatch(/Front matter is not closed/);
    inside(text);
  });

  it('survives CRLF, lone surrogates and 20,000 nested list levels with ranges inside the document', () => {
    const crlf = '# Data Scientist\r\n\r\n- Deploy models on Kubernetes\r\n- Own CI/CD\r\n';
    expect(lint(crlf).findings.find((f) => f.rule === 'title-duty-mismatch')?.range).toEqual({ start: 2, end: 16 });
    inside('# Data \uD800Scientist\n\n- Deploy \uDC00 models on Kubernetes\n');
    const nested = Array.from({ length: 20_000 }, (_, i) => ' '.repeat(i % 200) + '- Deploy models').join('\n');
    inside(nested);
  });
});
