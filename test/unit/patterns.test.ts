import { describe, expect, it } from 'vitest';
import { longestMatches, readPattern, tokenize, type Token, type WordMatch } from '../../server/src/engine/text';

describe('word patterns', () => {
  it('reads "=Word" as one exact spelling', () => {
    expect(readPattern('=R')).toEqual({ exact: 'R', words: null });
  });

  it('reads words with the text between them and a trailing "*"', () => {
    const read = readPattern('  A/B test* plan ');
    expect(read.exact).toBeNull();
    expect(read.words?.map((w) => [w.token.lower, w.gap, w.prefix])).toEqual([
      ['a', '', false],
      ['b', '/', false],
      ['test', ' ', true],
      ['plan', '* ', false],
    ]);
  });

  it('takes the longest match at each word and goes on after it', () => {
    // A toy trie: "data", "data science" and "science fiction".
    const phrases = [['data'], ['data', 'science'], ['science', 'fiction']];
    const trie = {
      longestAt(tokens: Token[], i: number): WordMatch | null {
        let best: WordMatch | null = null;
        for (const p of phrases) if (p.every((w, k) => tokens[i + k]?.lower === w) && (!best || i + p.length > best.to)) best = { from: i, to: i + p.length };
        return best;
      },
    };
    const tokens = tokenize('Data science fiction and data');
    expect(longestMatches(trie, tokens, 0, '', 0).map((m) => tokens.slice(m.from, m.to).map((t) => t.lower).join(' '))).toEqual(['data science', 'data']);
  });
});
