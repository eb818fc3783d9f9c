import { describe, expect, it } from 'vitest';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import { matchesOf, TextLru, tokenize } from '../../server/src/engine/text';

const words = (text: string) => tokenize(text).map((t) => [t.raw, t.lower, t.stem, text.slice(t.start, t.end)]);

describe('tokenize', () => {
  it('gives each word as written, lower-cased and stemmed, with its exact offsets', () => {
    const text = 'Deploy models, Deploying MODELS; deployed.';
    expect(words(text)).toEqual([
      ['Deploy', 'deploy', 'deploi', 'Deploy'],
      ['models', 'models', 'model', 'models'],
      ['Deploying', 'deploying', 'deploi', 'Deploying'],
      ['MODELS', 'models', 'model', 'MODELS'],
      ['deployed', 'deployed', 'deploi', 'deployed'],
    ]);
  });

  it('keeps c++ and c# whole, splits on / and -, and offsets by the given amount', () => {
    const t = tokenize('C++/C# and A/B-testing', 100);
    expect(t.map((x) => x.lower)).toEqual(['c++', 'c#', 'and', 'a', 'b', 'testing']);
    expect(t[0]).toMatchObject({ raw: 'C++', start: 100, end: 103 });
    expect(t[1]).toMatchObject({ raw: 'C#', start: 104, end: 106 });
  });

  it('lower-cases words outside ASCII, including letters beyond the BMP', () => {
    const text = 'Über ÜBER über Ωmega 𝐀lpha';
    const t = tokenize(text);
    expect(t.map((x) => x.lower)).toEqual(['über', 'über', 'über', 'ωmega', '𝐀lpha'.toLowerCase()]);
    expect(t.map((x) => text.slice(x.start, x.end))).toEqual(['Über', 'ÜBER', 'über', 'Ωmega', '𝐀lpha']);
  });

  it('skips the names of HTML entities but not the same words standing alone', () => {
    expect(tokenize('R&amp;D and amp').map((x) => x.lower)).toEqual(['r', 'd', 'and', 'amp']);
  });

  it('agrees with a plain split, lower-case and Porter stem on thousands of distinct words', () => {
    // Enough distinct words to fill many slots of the word table, in mixed case.
    const vocab: string[] = [];
    for (let i = 0; i < 5000; i++) {
      let w = '';
      let n = i;
      do {
        w += String.fromCharCode(97 + (n % 26));
        n = Math.floor(n / 26);
      } while (n > 0);
      vocab.push(`${w}ing`, `${w.toUpperCase()}ed`, `x${w}`);
    }
    const text = vocab.join(' ');
    const t = tokenize(text);
    expect(t.length).toBe(vocab.length);
    t.forEach((tok, k) => {
      const lower = vocab[k].toLowerCase();
      expect(tok.raw).toBe(vocab[k]);
      expect(tok.lower).toBe(lower);
      expect(tok.stem).toBe(PorterStemmer.stem(lower));
    });
    // The second time round every word is known: same answers.
    expect(tokenize(text).map((x) => x.stem)).toEqual(t.map((x) => x.stem));
  });
});

describe('matchesOf', () => {
  const cases: [RegExp, string][] = [
    [/(\d{1,2})\s*\+?\s*years/gi, '5+ years of Python, 10 YEARS of SQL, 3 years'],
    [/x*/g, 'axxb'],
    [/\p{L}*/gu, '😀ab😀c'],
    [/q/g, 'no such letter'],
  ];
  it('finds what matchAll finds, in order, with indexes and groups, and leaves the expression reusable', () => {
    for (const [re, text] of cases) {
      const got = matchesOf(re, text).map((m) => [m.index, ...m]);
      expect(got).toEqual([...text.matchAll(re)].map((m) => [m.index, ...m]));
      expect(re.lastIndex).toBe(0);
    }
  });
  it('refuses an expression that is not global', () => {
    expect(() => matchesOf(/a/, 'a')).toThrow(/global/);
  });
});

describe('TextLru', () => {
  it('keeps values by text, dropping the least recently used past its characters', () => {
    const lru = new TextLru<number>(10);
    lru.set('aaaa', 1);
    lru.set('bbbb', 2);
    expect(lru.get('aaaa')).toBe(1); // now bbbb is the least recently used
    lru.set('cccc', 3); // 12 characters: bbbb goes
    expect(lru.get('bbbb')).toBeUndefined();
    expect([lru.get('aaaa'), lru.get('cccc'), lru.size]).toEqual([1, 3, 8]);
    // A new value for a kept text replaces it, counted once.
    lru.set('aaaa', 4);
    expect([lru.get('aaaa'), lru.size]).toEqual([4, 8]);
    // A text longer than the bound is kept alone until the next one.
    lru.set('x'.repeat(20), 5);
    expect([lru.get('aaaa'), lru.get('cccc'), lru.get('x'.repeat(20)), lru.size]).toEqual([undefined, undefined, 5, 20]);
  });
});
