import { describe, expect, it } from 'vitest';
import { figures, readerFamily, rocAuc, type Outcome } from '../../scripts/eval';
import { fitCalibration, foldOf, tunePatternWeights } from '../../scripts/tuning';

const outcome = (id: string, family: 'ds' | 'mle', label: string, share: number, mle: number, original: string[] = [], swapped: string[] = []): Outcome => ({
  id,
  family,
  reader: { label: label as Outcome['reader']['label'], mleShare: share },
  mle,
  original: new Set(original),
  swapped: new Set(swapped),
});

describe('evaluation against reader labels', () => {
  const outs = [
    outcome('a', 'ds', 'DS', 10, 0.1, [], ['title-duty-mismatch']),
    outcome('b', 'ds', 'DS', 30, 0.5, ['title-duty-mismatch'], []),
    outcome('c', 'mle', 'MLE', 80, 0.9, [], ['title-duty-mismatch']),
    outcome('d', 'ds', 'MLE', 70, 0.8, ['title-duty-mismatch'], []),
    outcome('e', 'mle', 'HYBRID', 50, 0.5, [], ['title-duty-mismatch']),
    outcome('f', 'mle', 'HYBRID', 50, 0.55, ['hybrid-role'], ['hybrid-role']),
    outcome('g', 'ds', 'NEITHER', 20, 0.2),
  ];
  const f = figures(outs);

  it('counts swapped clear titles flagged and names the ones missed', () => {
    expect(f[0].value).toBe('66.7%');
    expect(f[0].misses).toEqual(['b']);
  });

  it('counts false alarms on clear originals', () => {
    expect(f[1].value).toBe('33.3%');
    expect(f[1].misses).toEqual(['b']);
  });

  it('counts honest mismatches flagged under their own title', () => {
    expect(f[2].value).toBe('100.0%');
  });

  it('counts hybrids warned as mismatches under either title, not those told hybrid-role', () => {
    expect(f[3].value).toBe('50.0%');
    expect(f[3].misses).toEqual(['e']);
  });

  it('scores the profile against reader DS vs MLE bodies and reader shares', () => {
    expect(f[4].value).toBe('1.0000');
    // |10-10| + |50-30| + |90-80| + |80-70| + |50-50| + |55-50| over 6 bodies (NEITHER left out).
    expect(f[5].value).toBe('7.50 points');
  });
});

describe('evaluation helpers', () => {
  it('ROC AUC counts ties as half', () => {
    expect(rocAuc([0.9, 0.5], [0.1, 0.5])).toBe(0.875);
  });

  it('folds by id are stable and spread', () => {
    const ids = Array.from({ length: 500 }, (_, i) => `posting-${i}`);
    const counts = [0, 0, 0, 0, 0];
    for (const id of ids) counts[foldOf(id, 5)]++;
    expect(foldOf('posting-7', 5)).toBe(foldOf('posting-7', 5));
    for (const c of counts) expect(c).toBeGreaterThan(60);
  });

  it('reads the family a NEITHER reason names', () => {
    expect(readerFamily('ETL pipelines and warehouse modelling')).toBe('Data Engineer');
    expect(readerFamily('BI dashboards and recurring reports')).toBe('Data Analyst');
    expect(readerFamily('backend web services')).toBe('Software Engineer');
    expect(readerFamily('lab research')).toBeNull();
  });
});

describe('tuning', () => {
  it('fits a calibration that recovers a known logistic map', () => {
    const samples = [];
    for (let x = -3; x <= 3; x += 0.25) {
      const share = 100 / (1 + Math.exp(-(0.5 + 0.7 * x)));
      samples.push({ ds: 1, mle: Math.exp(x), mleShare: share });
    }
    const c = fitCalibration(samples);
    expect(c.intercept).toBeCloseTo(0.5, 3);
    expect(c.slope).toBeCloseTo(0.7, 3);
  });

  it('keeps the identity calibration without bodies that hold both roles', () => {
    expect(fitCalibration([{ ds: 0, mle: 3, mleShare: 90 }])).toEqual({ intercept: 0, slope: 1 });
  });

  it('weighs a pattern by how much more ML-engineering bodies hold it, only in the lexicon direction', () => {
    const terms = [
      { label: 'deploy', role: 'mle', patterns: ['deploy', 'ship'] },
      { label: 'insights', role: 'ds', patterns: ['insights'] },
    ];
    const body = (label: string, share: number, ...patterns: string[]) => ({ reader: { label: label as 'DS', mleShare: share }, patterns: new Set(patterns) });
    const postings = [
      ...Array.from({ length: 10 }, () => body('MLE', 90, 'deploy\u0000deploy', 'insights\u0000insights')),
      ...Array.from({ length: 10 }, () => body('DS', 10, 'insights\u0000insights', 'deploy\u0000ship')),
      ...Array.from({ length: 5 }, () => body('NEITHER', 10, 'deploy\u0000ship')),
    ];
    const tuned = tunePatternWeights(terms, postings, { smoothing: 1, minPostings: 5, scale: 2, maxWeight: 4 });
    expect(tuned.deploy.deploy).toBeGreaterThan(1);
    // "ship" is held by data-science bodies: pointing against its lexicon role, it weighs 0.
    expect(tuned.deploy.ship).toBe(0);
    // Held by both alike, "insights" carries nothing.
    expect(tuned.insights.insights).toBe(0);
  });
});
