import { describe, expect, it } from 'vitest';
import { bestSwapWithin, lowestThresholdError } from '../../scripts/eval';

describe('evaluation: lowest one-threshold error', () => {
  it('finds the threshold that misreads the fewest postings against their title labels', () => {
    // DS-titled bodies read 0.1, 0.2, 0.6; ML-engineer-titled bodies 0.5, 0.8, 0.9.
    expect(lowestThresholdError([0.1, 0.2, 0.6], [0.5, 0.8, 0.9])).toEqual({ error: 1, at: 0.5 });
  });

  it('is zero when the profiles separate the titles', () => {
    expect(lowestThresholdError([0.1, 0.3], [0.7, 0.9]).error).toBe(0);
  });
});

describe('evaluation: the most swaps a profile allows', () => {
  // DS-titled bodies read 0.1, 0.2, 0.45, 0.7; ML-engineer-titled bodies 0.3, 0.55, 0.8, 0.9.
  const ds = [0.1, 0.2, 0.45, 0.7];
  const mle = [0.3, 0.55, 0.8, 0.9];

  it('flags no original when allowed none, and then only the clear swaps', () => {
    // Flagging DS titles from 0.8 up and MLE titles up to 0.2: no original, swaps 0.8, 0.9 (MLE) and 0.1, 0.2 (DS).
    expect(bestSwapWithin(ds, mle, 0)).toEqual({ swaps: 4, originals: 0, dsAt: 0.8, mleAt: 0.2 });
  });

  it('flags more swaps when one original may be flagged', () => {
    // DS titles flagged from 0.55 up (the DS body at 0.7 is the one original; swapped, the MLE
    // bodies at 0.55, 0.8 and 0.9) and MLE titles up to 0.2 (swapped, the DS bodies at 0.1, 0.2).
    expect(bestSwapWithin(ds, mle, 1)).toEqual({ swaps: 5, originals: 1, dsAt: 0.55, mleAt: 0.2 });
  });
});
