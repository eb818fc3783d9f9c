// Issue #16 item 7: "Disable <rule> for this line" silences exactly its finding wherever the finding
// sits (first line without a title, under an existing comment), and names document-input too.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/fixes';
import { lint } from '../../server/src/linter';
import { suppressionFix } from '../../server/src/engine/suppress';

const key = (f: { rule: string; message: string }) => `${f.rule}: ${f.message}`;

const lineOf = (text: string, offset: number) => text.slice(0, offset).split(/\r\n|\r|\n/).length;

/**
 * Applies the suppression fix of each finding in turn: the findings of that rule on that line go
 * (or in the file, for a file comment), every other one stays.
 */
function checkEveryFix(text: string): number {
  const r = lint(text);
  let checked = 0;
  for (const f of r.findings) {
    if (f.rule === 'document-input') continue;
    const fix = suppressionFix(r.posting, f);
    const fixed = applyEdits(text, fix.edits);
    const wholeFile = fix.title.endsWith('for this file');
    const silenced = (x: typeof f) => x.rule === f.rule && (wholeFile || lineOf(text, x.range.start) === lineOf(text, f.range.start));
    const after = lint(fixed).findings.map(key).sort();
    const expected = r.findings.filter((x) => !silenced(x)).map(key).sort();
    // Messages quote counts and words, not places: the multiset of findings is what must match.
    expect(after, `${f.rule} in:\n${text.slice(0, 200)}`).toEqual(expected);
    checked++;
  }
  return checked;
}

describe('suppression quick fix', () => {
  it('silences missing-title on the first line with a disable-file comment, which does not stack', () => {
    const text = 'We need someone who will deploy models on Kubernetes and build CI/CD pipelines\n- Monitor drift\n';
    const r = lint(text);
    const f = r.findings.find((x) => x.rule === 'missing-title')!;
    const fix = suppressionFix(r.posting, f);
    expect(fix.title).toBe('Disable missing-title for this file');
    const fixed = applyEdits(text, fix.edits);
    expect(fixed.startsWith('<!-- jdlint-disable-file missing-title -->\n')).toBe(true);
    expect(lint(fixed).findings.some((x) => x.rule === 'missing-title')).toBe(false);
  });

  it('names the rule in a disable-next-line comment already above the line instead of adding one', () => {
    const text = '# ML Engineer\n\n<!-- jdlint-disable-next-line exclusionary-language -->\n- Join our young and dynamic rockstar team\n';
    const r = lint(text);
    const other = r.findings.find((x) => x.rule !== 'exclusionary-language' && text.slice(0, x.range.start).split('\n').length === 4);
    const extra = { ...(other ?? r.findings[0]), range: { start: text.indexOf('- Join'), end: text.indexOf('- Join') + 6 }, rule: 'vanity-title' };
    const fixed = applyEdits(text, suppressionFix(r.posting, extra).edits);
    expect(fixed).toBe('# ML Engineer\n\n<!-- jdlint-disable-next-line exclusionary-language vanity-title -->\n- Join our young and dynamic rockstar team\n');
    expect(lint(fixed).findings.filter((x) => x.rule === 'exclusionary-language')).toEqual([]);
  });

  it('accepts document-input in a comment (no "not a JD Lint rule" warning)', () => {
    const text = '<!-- jdlint-disable-file document-input -->\n---\ntitle: Data Scientist\n\n- Build statistical models\n';
    expect(lint(text).findings.filter((f) => /not a JD Lint rule/.test(f.message))).toEqual([]);
  });

  it('every fix on the examples and on postings without a title silences exactly its finding', () => {
    const root = path.resolve(__dirname, '../..');
    const texts = readdirSync(path.join(root, 'examples'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(path.join(root, 'examples', f), 'utf8'));
    texts.push(
      'Deploy models on Kubernetes. Build CI/CD for training. Monitor drift.\n',
      '\n\n- young and dynamic rockstar\n',
      '# Data Ninja\r\n\r\n- Deploy models on Kubernetes\r\n- Native English speaker\r\n',
    );
    let checked = 0;
    for (const t of texts) checked += checkEveryFix(t);
    expect(checked).toBeGreaterThan(15);
  });
});
