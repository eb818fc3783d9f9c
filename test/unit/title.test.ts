import { describe, expect, it } from 'vitest';
import JaroWinklerDistance from 'natural/lib/natural/distance/jaro-winkler_distance';
import { jaroWinklerBound, parseTitle, retitle, isJuniorTitle } from '../../server/src/engine/title';
import type { PostingTitle } from '../../server/src/engine/types';

/** A title as the parser gives it, placed at `offset` in a document ("# " before it, say). */
function title(text: string, offset = 2): PostingTitle {
  return { text, range: { start: offset, end: offset + text.length }, source: 'heading' };
}

describe('parseTitle', () => {
  it.each([
    ['Senior Data Scientist', 'data-scientist', 'ds', 'Senior'],
    ['Sr. Data Scientist - Remote', 'data-scientist', 'ds', 'Sr'],
    ['Data Scientist II', 'data-scientist', 'ds', 'II'],
    ['Staff ML Engineer (Hybrid)', 'ml-engineer', 'mle', 'Staff'],
    ['MLE, Search Ranking', 'ml-engineer', 'mle', null],
    ['Machine Learning Engineer Jobs', 'ml-engineer', 'mle', null],
    ['Software Engineer, Machine Learning', 'ml-engineer', 'mle', null],
    ['AI/ML Engineer', 'ml-engineer', 'mle', null],
    ['Lead MLOps Engineer', 'mlops-engineer', 'mle', 'Lead'],
    ['Generative AI Engineer', 'ai-engineer', 'mle', null],
    ['Applied Scientist, Ads', 'applied-scientist', 'hybrid', null],
    ['Junior Data Analyst', 'data-analyst', 'other', 'Junior'],
    ['Data Engineer III', 'data-engineer', 'other', 'III'],
    ['Data Scientist / ML Engineer', 'hybrid', 'hybrid', null],
    ['Full-Stack Data Scientist', 'hybrid', 'hybrid', null],
    ['Office Manager', 'unknown', 'other', null],
  ])('reads "%s" as %s', (text, family, expected, seniority) => {
    const model = parseTitle(title(text));
    expect(model.family).toBe(family);
    expect(model.expected).toBe(expected);
    expect(model.seniority).toBe(seniority);
  });

  it('gives the document range of the role name only', () => {
    const model = parseTitle(title('Senior Data Scientist, Ads Ranking - Remote', 2));
    expect(model.roleRange).toEqual({ start: 2 + 7, end: 2 + 21 });
  });

  it('reads a misspelt role name through string distance', () => {
    const model = parseTitle(title('Senior Data Scienist'));
    expect(model.family).toBe('data-scientist');
    expect(model.corrected).toBe(true);
    expect(model.roleRange).toEqual({ start: 9, end: 22 });
  });

  it('does not read "3D" or a team number as a level', () => {
    expect(parseTitle(title('3D Vision Data Scientist')).seniority).toBeNull();
  });
});

describe('retitle', () => {
  it('replaces the role name and keeps seniority, qualifiers and noise', () => {
    const model = parseTitle(title('Sr. Data Scientist, Ads Ranking (Hybrid)'));
    expect(retitle(model, 'ml-engineer')).toBe('Sr. Machine Learning Engineer, Ads Ranking (Hybrid)');
  });
  it('is a no-op when the family is already the title family name', () => {
    const model = parseTitle(title('Machine Learning Engineer'));
    expect(retitle(model, 'ml-engineer')).toBe('Machine Learning Engineer');
  });
});

describe('isJuniorTitle', () => {
  it('flags junior seniority words', () => {
    expect(isJuniorTitle(parseTitle(title('Junior Data Scientist')))).toBe(true);
    expect(isJuniorTitle(parseTitle(title('Entry-Level ML Engineer')))).toBe(true);
    expect(isJuniorTitle(parseTitle(title('Senior Data Scientist')))).toBe(false);
  });
});

describe('the bound that prunes typo matching', () => {
  it('is never below the Jaro-Winkler similarity it stands for', () => {
    // Role-like phrases and their misspellings: swapped, dropped, doubled and changed letters, and case.
    const phrases = ['data scientist', 'machine learning engineer', 'mlops engineer', 'applied scientist', 'Data Scienist', 'Machine Lerning Engineer', 'ml engneer', 'reserach scientist', 'anayltics engineer', 'Ingénieur données'];
    let seed = 11;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const mutate = (s: string) => {
      const at = rand(s.length);
      const c = 'abcdeilmnorst é'[rand(15)];
      return [s.slice(0, at) + s.slice(at + 1), s.slice(0, at) + c + s.slice(at), s.slice(0, at) + c + s.slice(at + 1), s.slice(0, at) + s.slice(at + 1, at + 2) + s.slice(at, at + 1) + s.slice(at + 2)][rand(4)];
    };
    let pairs = 0;
    let pruned = 0;
    for (const a of phrases) {
      for (let k = 0; k < 400; k++) {
        let b = a;
        for (let m = rand(4); m >= 0; m--) b = mutate(b);
        const jw = JaroWinklerDistance(a, b, { ignoreCase: true });
        const bound = jaroWinklerBound(a, b);
        expect(bound, `${a} / ${b}`).toBeGreaterThanOrEqual(jw - 1e-12);
        pairs++;
        if (bound < 0.93) pruned++;
      }
    }
    expect(pairs).toBe(4000);
    // And it does prune: pairs with different letters cannot reach a typo's similarity.
    expect(jaroWinklerBound('data scientist', 'software engineer')).toBeLessThan(0.93);
    expect(pruned).toBeGreaterThan(0);
  });

  it('leaves misspelt titles read as before', () => {
    expect(parseTitle(title('Senior Data Scienist')).family).toBe('data-scientist');
    expect(parseTitle(title('Machine Lerning Engineer II')).family).toBe('ml-engineer');
    expect(parseTitle(title('Software Enginer')).family).toBe(parseTitle(title('Software Engineer')).family);
  });
});
