// Issue #16: no input shape makes linting super-linear. Each shape is timed at two sizes under the
// Markdown budget (where micromark reads it) and two above it (where the line reader does); only the
// ratio is asserted: 10x the text may not cost 40x the time (linear is 10x, quadratic 100x; the margin
// is for a machine under load). Absolute times are machine figures:
// `npm run fuzz` prints them and fails on a hang.
import { describe, expect, it } from 'vitest';
import { keepItemResults } from '../../server/src/engine/text';
import { lint } from '../../server/src/linter';
import { PATHOLOGICAL_SHAPES, scaling, shapeText, lintSeconds } from '../fuzz/shapes';

describe('linear time on pathological shapes', () => {
  for (const shape of Object.keys(PATHOLOGICAL_SHAPES)) {
    it(`10x "${shape}" takes under 40x the time (6 KB -> 60 KB, 100 KB -> 1 MB)`, () => {
      keepItemResults(false);
      try {
        for (const small of [6_000, 100_000]) {
          const s = scaling(shape, small);
          const figures = `${shape}: ${s.small} chars ${s.smallSeconds.toFixed(3)} s, ${s.large} chars ${s.largeSeconds.toFixed(3)} s`;
          expect(s.ratio, figures).toBeLessThan(40);
        }
      } finally {
        keepItemResults(true);
      }
    });
  }

  it('reads setext headings in linear time (60 KB of them took 53 s before)', () => {
    for (const unit of ['a\n=\n', 'Title\n---\n']) {
      const small = lintSeconds(shapeText(unit, 6_000), 3);
      const large = lintSeconds(shapeText(unit, 60_000), 1);
      expect(large / Math.max(small, 0.01), `${JSON.stringify(unit)}: 6 KB ${small.toFixed(3)} s, 60 KB ${large.toFixed(3)} s`).toBeLessThan(40);
    }
  });

  it('still reads a few setext headings as headings', () => {
    const r = lint('Data Scientist\n==============\n\nResponsibilities\n----------------\n\n- Build statistical models of churn\n');
    expect(r.title?.text).toBe('Data Scientist');
    expect(r.posting.sections.map((s) => [s.kind, s.heading, s.items.map((i) => i.text)])).toEqual([['responsibilities', 'Responsibilities', ['Build statistical models of churn']]]);
  });
});
