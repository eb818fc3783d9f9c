import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/linter';

describe('missing-title', () => {
  it('flags a posting with duties but no title, on its first line', () => {
    const text = 'We are hiring.\n\n- Deploy models on Kubernetes\n';
    const f = lint(text).findings.find((x) => x.rule === 'missing-title')!;
    expect(f.range).toEqual({ start: 0, end: 14 });
    expect(f.message).toMatch(/No title found/);
  });
  it('does not flag a titled posting or an empty document', () => {
    expect(lint('# Data Scientist\n\n- Run A/B tests\n').findings.some((x) => x.rule === 'missing-title')).toBe(false);
    expect(lint('').findings).toEqual([]);
  });
});
