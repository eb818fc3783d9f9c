import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/fixes';
import { lint } from '../../server/src/linter';
import { suppressionFix } from '../../server/src/engine/suppress';

const BODY = '- Join our young and dynamic team\n- Work with a rockstar crew\n- Deploy models on Kubernetes\n\nSalary: $150,000 - $180,000 per year.\n';
const rules = (text: string) => lint(text).findings.map((f) => `${f.rule}@${text.slice(f.range.start, f.range.end)}`);

describe('inline suppression', () => {
  it('disable-next-line silences exactly the named rule on the next line', () => {
    const text = `# ML Engineer\n\n<!-- jdlint-disable-next-line exclusionary-language -->\n${BODY}`;
    expect(rules(text)).toEqual(['exclusionary-language@rockstar']);
  });

  it('disable ... enable silences the named rule in between', () => {
    const text = `# ML Engineer\n\n<!-- jdlint-disable exclusionary-language -->\n- Join our young and dynamic team\n<!-- jdlint-enable exclusionary-language -->\n\n- Work with a rockstar crew\n- Deploy models on Kubernetes\n\nSalary: $150,000 per year.\n`;
    expect(rules(text)).toEqual(['exclusionary-language@rockstar']);
  });

  it('disable-file with no rule silences everything; with a rule, only that rule', () => {
    expect(rules(`<!-- jdlint-disable-file -->\n# Data Scientist\n\n${BODY}`)).toEqual([]);
    const only = rules(`<!-- jdlint-disable-file exclusionary-language -->\n# Data Scientist\n\n${BODY}`);
    expect(only).toEqual(['title-duty-mismatch@Data Scientist']);
  });

  it('does not silence other rules or other lines', () => {
    const text = `# Data Scientist\n\n<!-- jdlint-disable-next-line missing-pay-range -->\n${BODY}`;
    expect(rules(text)).toContain('exclusionary-language@young and dynamic');
    expect(rules(text)).toContain('title-duty-mismatch@Data Scientist');
  });

  it('warns about a comment naming an unknown rule', () => {
    const text = `# ML Engineer\n\n<!-- jdlint-disable-next-line no-such-rule -->\n${BODY}`;
    expect(lint(text).findings.find((f) => f.rule === 'document-input')?.message).toMatch(/"no-such-rule", which is not a JD Lint rule/);
  });

  it('the suppression fix inserts a comment that silences exactly that finding', () => {
    const text = `# ML Engineer\n\n${BODY}`;
    const r = lint(text);
    const young = r.findings.find((f) => f.rule === 'exclusionary-language')!;
    const fixed = applyEdits(text, suppressionFix(r.posting, young).edits);
    expect(fixed).toContain('<!-- jdlint-disable-next-line exclusionary-language -->\n- Join our young');
    expect(rules(fixed)).toEqual(['exclusionary-language@rockstar']);
  });

  it('puts the comment after front matter when the finding is in it', () => {
    const text = `---\ntitle: Data Scientist\n---\n\n${BODY}`;
    const r = lint(text);
    const mismatch = r.findings.find((f) => f.rule === 'title-duty-mismatch')!;
    const fixed = applyEdits(text, suppressionFix(r.posting, mismatch).edits);
    expect(fixed.startsWith('---\ntitle: Data Scientist\n---\n<!-- jdlint-disable-file title-duty-mismatch -->\n')).toBe(true);
    expect(lint(fixed).findings.some((f) => f.rule === 'title-duty-mismatch')).toBe(false);
    expect(lint(fixed).title?.text).toBe('Data Scientist');
  });
});
