// Every "Flagged:" / "Not flagged:" example in docs/rules/*.md is linted: the flagged one must get
// the page's rule, the other must not.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingsOf, ruleExamples } from '../../scripts/docs';
import { RULES } from '../../rules/index';

const docs = path.resolve(__dirname, '../../docs/rules');
const pages = readdirSync(docs).filter((f) => f.endsWith('.md')).sort();

describe.each(RULES.map((r) => r.id))('docs/rules/%s.md', (id) => {
  const file = path.join(docs, `${id}.md`);
  const examples = ruleExamples(readFileSync(file, 'utf8'));

  it('has an example that is flagged and one that is not', () => {
    expect(examples.some((e) => e.flagged)).toBe(true);
    expect(examples.some((e) => !e.flagged)).toBe(true);
  });
  it.each(examples.map((e) => [e.line, e.flagged ? 'flags' : 'does not flag', e] as const))(
    'line %i: %s the example',
    (_line, _verb, example) => {
      const found = findingsOf(example.text, id);
      if (example.flagged) expect(found.length, `${id} should flag:\n${example.text}`).toBeGreaterThan(0);
      else expect(found.map((f) => f.message)).toEqual([]);
    },
  );
});

it('every rule page belongs to a rule (or is the document-input page)', () => {
  const ids = new Set([...RULES.map((r) => r.id), 'document-input']);
  expect(pages.filter((p) => !ids.has(p.replace(/\.md$/, '')))).toEqual([]);
});
