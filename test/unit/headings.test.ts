import { describe, expect, it } from 'vitest';
import { exactHeadingKind, headingKind, isDebris, isFieldHeading } from '../../server/src/engine/posting/headings';

// Most lines are not headings and are turned away on their raw words, before normalisation: these
// cases are the ones normalisation rewrites into other words, which must still be recognised.
describe('heading words', () => {
  it('reads headings whatever their case, quotes, ampersands and dropped apostrophes', () => {
    expect(headingKind('KEY RESPONSIBILITIES')).toBe('responsibilities');
    expect(headingKind('What You’ll Do')).toBe(headingKind("What you'll do"));
    expect(headingKind("What you'll do")).not.toBeNull();
    expect(headingKind('What youll do')).toBe(headingKind("What you'll do"));
    expect(headingKind('Duties & Responsibilities')).toBe('responsibilities');
    expect(headingKind('Duties &amp; Responsibilities')).toBe('responsibilities');
    expect(exactHeadingKind('Tech Stack')).toBe('tools');
    expect(exactHeadingKind('Tech-Stack:')).toBe('tools');
  });

  it('turns away ordinary lines', () => {
    expect(headingKind('Build and deploy ranking models')).toBeNull();
    expect(exactHeadingKind('Partner with product teams')).toBeNull();
    expect(headingKind('Über uns')).toBeNull();
    expect(headingKind('')).toBeNull();
  });

  it('knows job-board debris, including lines without a word, and field labels', () => {
    expect(isDebris('Show more')).toBe(true);
    expect(isDebris('SHOW MORE')).toBe(true);
    expect(isDebris('---')).toBe(true);
    expect(isDebris('Show the model to users')).toBe(false);
    expect(isDebris('Deploy models')).toBe(false);
    expect(isFieldHeading('Job Location')).toBe(true);
    expect(isFieldHeading('Location')).toBe(true);
    expect(isFieldHeading('Responsibilities')).toBe(false);
  });
});
