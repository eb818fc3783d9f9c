import { describe, expect, it } from 'vitest';
import { lowestThresholdError } from '../../scripts/eval';

describe('evaluation: lowest one-threshold error', () => {
  it('finds the threshold that misreads the fewest postings against their title labels', () => {
    // DS-titled bodies read 0.1, 0.2, 0.6; ML-engineer-titled bodies 0.5, 0.8, 0.9.
    expect(lowestThresholdError([0.1, 0.2, 0.6], [0.5, 0.8, 0.9])).toEqual({ error: 1, at: 0.5 });
  });

  it('is zero when the profiles separate the titles', () => {
    expect(lowestThresholdError([0.1, 0.3], [0.7, 0.9]).error).toBe(0);
  });
});
