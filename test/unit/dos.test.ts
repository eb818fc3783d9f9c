// Issue #16: no input shape makes linting super-linear. Each shape is timed at two sizes under the
// Markdown budget (where micromark reads it) and two above it (where the line reader does).
import { describe, expect, it } from 'vitest';
import { keepItemResults } from '../../server/src/engine/text';
import { lint } from '../../server/src/linter';
import { PATHOLOGICAL_SHAPES, scaling, shapeText, lintSeconds } from '../fuzz/shapes';

describe('linear time on pathological shapes', () => {
  for (const shape of Object.keys(PATHOLOGICAL_SHAPES)) {
    it(`10x "${shape}" takes under 30x the time (6 KB -> 60 KB, 100 KB -> 1 MB)`, () => {
      keepItemResults(false);
      try {
        for (const small of [6_000, 100_000]) {
          const s = scaling(shape, small);
          const figures = `${shape}: ${s.small} chars ${s.smallSeconds.toFixed(3)} s, ${s.large} chars ${s.largeSeconds.toFixed(3)} s`;
          expect(s.ratio, figures).toBeLessThan(30);
          // The CLI's budget for any shape above 1 MB is about 3 s, start-up included.
          expect(s.largeSeconds, figures).toBeLessThan(2.5);
        }
      } finally {
        keepItemResults(true);
      }
    });
  }

  it('reads 60 KB of setext headings (53 s before) in well under a second', () => {
    expect(lintSeconds(shapeText('a\n=\n', 60_000), 1)).toBeLessThan(1);
    expect(lintSeconds(shapeText('Title\n---\n', 59_000), 1)).toBeLessThan(1);
  });

  it('still reads a few setext headings as headings', () => {
    const r = lint('Data Scientist\n==============\n\nResponsibilities\n----------------\n\n- Build statistical models of churn\n');
    expect(r.title?.text).toBe('Data Scientist');
    expect(r.posting.sections.some((s) => s.kind === 'responsibilities')).toBe(true);
  });
});
