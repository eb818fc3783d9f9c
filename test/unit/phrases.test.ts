import { describe, expect, it } from 'vitest';
import { PhraseMatcher } from '../../rules/lib/phrases';
import type { Item } from '../../server/src/engine/types';

const item = (text: string, start = 0): Item => ({ text, range: { start, end: start + text.length }, section: 'responsibilities', kind: 'bullet' });

describe('PhraseMatcher', () => {
  it('finds phrases across whitespace and hyphens, prefixes and exact spellings, with document ranges', () => {
    const m = new PhraseMatcher(['feature store', 'aggress*', '=R']);
    const found = m.findInItem(item('Own the feature-store; aggressive goals; fluent in R, not r or R&D', 100));
    expect(found.map((f) => [f.pattern, f.text, f.range.start])).toEqual([
      ['feature store', 'feature-store', 108],
      ['aggress*', 'aggressive', 123],
      ['=R', 'R', 151],
    ]);
  });

  it('prefers the longest phrase at a word', () => {
    const m = new PhraseMatcher(['young', 'young and dynamic']);
    expect(m.find('a young and dynamic team').map((f) => f.text)).toEqual(['young and dynamic']);
  });

  it('a lexicon built after a text was read still finds its words in it', () => {
    const text = 'Tune the vector database and the quantum annealer';
    const early = new PhraseMatcher(['vector database']);
    expect(early.findInItem(item(text)).map((f) => f.text)).toEqual(['vector database']);
    const late = new PhraseMatcher(['quantum annealer']);
    expect(late.findInItem(item(text)).map((f) => f.text)).toEqual(['quantum annealer']);
    expect(early.findInItem(item(text)).map((f) => f.text)).toEqual(['vector database']);
  });

  it('matches nothing with no patterns', () => {
    expect(new PhraseMatcher([]).find('anything at all')).toEqual([]);
  });
});
