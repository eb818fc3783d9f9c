import { describe, expect, it } from 'vitest';
import { parseTitle, retitle, isJuniorTitle } from '../../server/src/engine/title';
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
