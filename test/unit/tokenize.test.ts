import { describe, expect, it } from 'vitest';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import { keepItemResults, matchesOf, memo, registerLexiconWords, TextLru, tokenize, wordTableUse } from '../../server/src/engine/text';
import type { Item } from '../../server/src/engine/types';

const words = (text: string) => tokenize(text).map((t) => [t.lower, t.stem, text.slice(t.start, t.end)]);

describe('tokenize', () => {
  it('gives each word lower-cased and stemmed, with the exact offsets of the word as written', () => {
    const text = 'Deploy models, Deploying MODELS; deployed.';
    expect(words(text)).toEqual([
      ['deploy', 'deploi', 'Deploy'],
      ['models', 'model', 'models'],
      ['deploying', 'deploi', 'Deploying'],
      ['models', 'model', 'MODELS'],
      ['deployed', 'deploi', 'deployed'],
    ]);
  });

  it('keeps c++ and c# whole, splits on / and -, and offsets by the given amount', () => {
    const t = tokenize('C++/C# and A/B-testing', 100);
    expect(t.map((x) => x.lower)).toEqual(['c++', 'c#', 'and', 'a', 'b', 'testing']);
    expect(t[0]).toMatchObject({ lower: 'c++', start: 100, end: 103 });
    expect(t[1]).toMatchObject({ lower: 'c#', start: 104, end: 106 });
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
      expect(text.slice(tok.start, tok.end)).toBe(vocab[k]);
      expect(tok.lower).toBe(lower);
      expect(tok.stem).toBe(PorterStemmer.stem(lower));
    });
    // The second time round every word is known: same answers.
    expect(tokenize(text).map((x) => x.stem)).toEqual(t.map((x) => x.stem));
  });

  it('stays right past the words its table holds, when it starts again', () => {
    // 70,000 distinct words (the table keeps 52,000), then the first of them again, which the
    // table no longer holds, and the last, which it does.
    const letters = (i: number) => [...i.toString(26)].map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('');
    const vocab = Array.from({ length: 70_000 }, (_, i) => `Q${letters(i)}Zing`);
    const early = vocab.slice(0, 50).join(' ');
    const late = vocab.slice(-50).join(' ');
    const before = tokenize(early);
    tokenize(vocab.join(' '));
    const use = wordTableUse();
    expect(use.words).toBeLessThan(52_000);
    expect(use.slots).toBe(use.words);
    for (const [text, first] of [[early, before], [late, null]] as const) {
      const again = tokenize(text);
      const second = tokenize(text);
      again.forEach((tok, k) => {
        const word = text.split(' ')[k];
        expect([text.slice(tok.start, tok.end), tok.lower, tok.stem]).toEqual([word, word.toLowerCase(), PorterStemmer.stem(word.toLowerCase())]);
        expect(second[k].lower).toBe(tok.lower);
        if (first) expect(first[k].stem).toBe(tok.stem);
      });
    }
  });

  it('tells apart words whose hashes are equal', () => {
    // Two pairs of six-letter words with the same 32-bit FNV-1a hash (found by a birthday search).
    const text = 'yaczfa glbppa GLBPPA Yaczfa geeppa yzfzfa';
    expect(tokenize(text).map((t) => t.lower)).toEqual(text.toLowerCase().split(' '));
  });

  it('marks the words where a lexicon registered by its words can start a match, known before or not', () => {
    // Words seen before the lexicon registers learn its bit then; new words get it when added.
    const before = tokenize('Qwvel qwvelt');
    const bit = registerLexiconWords(['qwvel', 'xqzr'], ['plorb', 'plor9']);
    const after = tokenize('Qwvel qwvelt XQZR xqz Plorbing plorb plor plor9x ploRB');
    expect(before.map((t) => t.lower)).toEqual(['qwvel', 'qwvelt']);
    expect(tokenize('Qwvel qwvelt').map((t) => (t.lexiconBits & bit) !== 0)).toEqual([true, false]);
    expect(after.map((t) => [t.lower, (t.lexiconBits & bit) !== 0])).toEqual([
      ['qwvel', true],
      ['qwvelt', false],
      ['xqzr', true],
      ['xqz', false],
      ['plorbing', true],
      ['plorb', true],
      ['plor', false],
      ['plor9x', true],
      ['plorb', true],
    ]);
    expect(() => registerLexiconWords([], ['pl'])).toThrow(/shorter than 3 letters/);
  });

  it('finds a word it has seen in any spelling, without adding it again', () => {
    // A word already in the table is found from its characters as read; one not found would be
    // added again (same results, a table that fills up). Words of the store's length and past it.
    const text = `Tq9x# tQ9X++ TQ9x ${'Zq'.repeat(32)} ${'Zq'.repeat(40)} R&D c++ C# 4gb`;
    const first = tokenize(text);
    const before = wordTableUse().words;
    const again = tokenize(text.toUpperCase() + ' ' + text.toLowerCase());
    expect(wordTableUse().words).toBe(before);
    expect(again.map((t) => t.lower)).toEqual([...first, ...first].map((t) => t.lower));
  });

  it('finds a word lower-cased from non-ASCII letters from its ASCII spelling, and long words', () => {
    // U+212A KELVIN SIGN lower-cases to the ASCII "k"; both spellings are one word, in either order.
    expect(tokenize('\u212Aelvin kelvin KELVIN \u212Aelvin').map((t) => [t.lower, t.stem])).toEqual(Array(4).fill(['kelvin', 'kelvin']));
    expect(tokenize('Kinase \u212Ainase').map((t) => t.lower)).toEqual(['kinase', 'kinase']);
    // Words too long for the table's character store are compared as strings.
    const long = 'Ab'.repeat(100);
    const text = `${long} ${long.toUpperCase()} ${long}x`;
    const t = tokenize(text);
    expect(t.map((x) => x.lower)).toEqual([long.toLowerCase(), long.toLowerCase(), `${long.toLowerCase()}x`]);
    expect(t.map((x) => text.slice(x.start, x.end))).toEqual([long, long.toUpperCase(), `${long}x`]);
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

describe('memo', () => {
  const item = (text: string, start = 0): Item => ({ text, range: { start, end: start + text.length }, section: 'responsibilities', kind: 'bullet' });

  it('computes once per text and owner, keeps undefined results, and shares them between items of the same text', () => {
    const calls: string[] = [];
    const owners = Array.from({ length: 12 }, (_, k) => ({ k }));
    const count = (w: { text: string; tokens: unknown[] }, o: { k: number }) => {
      calls.push(`${o.k}:${w.text}`);
      return o.k % 3 === 0 ? undefined : `${o.k}/${w.tokens.length}`;
    };
    const a = item('Deploy models to production');
    for (let round = 0; round < 2; round++) for (const o of owners) expect(memo(a, o, count)).toBe(o.k % 3 === 0 ? undefined : `${o.k}/4`);
    expect(calls).toHaveLength(12);
    // Another item with the same text, elsewhere in a document: the results are kept by text.
    for (const o of owners) memo(item('Deploy models to production', 500), o, count);
    expect(calls).toHaveLength(12);
    memo(item('Deploy models'), owners[1], count);
    expect(calls.at(-1)).toBe('1:Deploy models');
  });

  it('keeps nothing between items when results are not kept (the CLI)', () => {
    keepItemResults(false);
    try {
      let n = 0;
      const owner = {};
      const a = item('Run A/B tests');
      memo(a, owner, () => ++n);
      memo(a, owner, () => ++n);
      memo(item('Run A/B tests'), owner, () => ++n);
      expect(n).toBe(2);
    } finally {
      keepItemResults(true);
    }
  });
});
