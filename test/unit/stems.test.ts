import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import { describe, expect, it } from 'vitest';
import '../../server/src/engine/lint';
import table from '../../server/src/engine/generated/lexicon-stems.json';
import { stemmedWords } from '../../server/src/engine/text';

describe('build-time stems of the lexicon words', () => {
  const pairs = table as [string, string][];

  it('are exactly what the Porter stemmer gives', () => {
    expect(pairs.length).toBeGreaterThan(500);
    for (const [word, stem] of pairs) expect([word, PorterStemmer.stem(word)]).toEqual([word, stem]);
  });

  it('cover every word the lexicons stem when they are built', () => {
    // Run right after the engine is imported: only the lexicons have been read so far.
    const known = new Set(pairs.map(([w]) => w));
    expect(stemmedWords().filter((w) => !known.has(w))).toEqual([]);
  });
});
