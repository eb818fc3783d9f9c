import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/linter';

describe('missing-duties', () => {
  it('flags a title over no duties', () => {
    const f = lint('# Data Scientist\n\nWe offer free lunch and a friendly team.\n').findings.find((x) => x.rule === 'missing-duties')!;
    expect(f.range).toEqual({ start: 2, end: 16 });
    expect(f.message).toMatch(/Too little about the work/);
  });
  it('does not flag a posting with duties', () => {
    expect(lint('# Data Scientist\n\n- Design A/B tests and present insights to stakeholders\n').findings.some((x) => x.rule === 'missing-duties')).toBe(false);
  });
});
