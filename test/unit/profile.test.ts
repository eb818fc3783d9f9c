import { describe, expect, it } from 'vitest';
import { classifyItem } from '../../server/src/engine/classifier';
import { DEFAULT_CONFIG } from '../../server/src/engine/config';
import { computeProfile } from '../../server/src/engine/profile';
import type { ClassifiedItem, Item } from '../../server/src/engine/types';
import { percent } from '../../server/src/engine/explain';

let at = 0;
function classified(text: string, section: Item['section']): ClassifiedItem {
  const start = at;
  at += text.length + 1;
  return classifyItem({ text, range: { start, end: start + text.length }, section, kind: 'bullet' });
}

describe('computeProfile', () => {
  it('reads an ML-engineering posting as mle with shares that sum to one', () => {
    const p = computeProfile(
      [classified('Deploy models on Kubernetes', 'responsibilities'), classified('Own CI/CD and monitoring', 'responsibilities')],
      DEFAULT_CONFIG,
    );
    expect(p.role).toBe('mle');
    expect(p.mle).toBeGreaterThan(0.9);
    expect(p.ds + p.mle).toBeCloseTo(1, 10);
    expect(p).toMatchObject({ dutyItems: 2, mleItems: 2, dsItems: 0 });
  });

  it('ignores non-duty sections such as benefits and about us when duties carry evidence', () => {
    const duties = [classified('Design A/B tests and present insights to stakeholders', 'responsibilities')];
    const withAbout = [...duties, classified('Our platform deploys models on Kubernetes with CI/CD', 'nonDuty')];
    expect(computeProfile(withAbout, DEFAULT_CONFIG)).toEqual(computeProfile(duties, DEFAULT_CONFIG));
  });

  it('weights responsibilities above nice-to-haves', () => {
    const dsDuty = classified('Design A/B tests and present insights to stakeholders', 'responsibilities');
    const mleDuty = classified('Deploy models on Kubernetes with CI/CD', 'responsibilities');
    const mleBonus = classified('Deploy models on Kubernetes with CI/CD', 'niceToHave');
    expect(computeProfile([dsDuty, mleBonus], DEFAULT_CONFIG).mle).toBeLessThan(computeProfile([dsDuty, mleDuty], DEFAULT_CONFIG).mle);
  });

  it('counts a repeated term once', () => {
    const once = [classified('Deploy models on Kubernetes', 'responsibilities'), classified('Run A/B tests with stakeholders', 'responsibilities')];
    const twice = [...once, classified('Deploy more models on Kubernetes', 'responsibilities')];
    expect(computeProfile(twice, DEFAULT_CONFIG).mle).toBeCloseTo(computeProfile(once, DEFAULT_CONFIG).mle, 10);
  });

  it('is unclear, leaning neither way, without evidence', () => {
    const p = computeProfile([classified('Free lunch on Fridays', 'responsibilities')], DEFAULT_CONFIG);
    expect(p).toMatchObject({ role: 'unclear', ds: 0.5, mle: 0.5, evidenceMass: 0 });
  });

  it('is hybrid when both roles carry a large share', () => {
    const p = computeProfile(
      [
        classified('Design A/B tests, analyze results and present insights to stakeholders', 'responsibilities'),
        classified('Build dashboards in Looker and report KPIs to leadership', 'responsibilities'),
        classified('Deploy the model as an API on Kubernetes', 'responsibilities'),
        classified('Own CI/CD and monitoring for models in production', 'responsibilities'),
      ],
      DEFAULT_CONFIG,
    );
    expect(p.role).toBe('hybrid');
  });
});

describe('percent', () => {
  it('gives the two shares of a profile as percentages that add up to 100', () => {
    // 0.065 / 0.935 used to read "DS 7% · MLE 94%".
    for (let tenths = 0; tenths <= 1000; tenths++) {
      const ds = tenths / 1000;
      const mle = (1000 - tenths) / 1000;
      expect(parseInt(percent(ds), 10) + parseInt(percent(mle), 10)).toBe(100);
    }
    expect([percent(0.065), percent(0.935)]).toEqual(['6%', '94%']);
    expect([percent(0.075), percent(0.925)]).toEqual(['8%', '92%']);
    expect([percent(0.934), percent(0.936), percent(1)]).toEqual(['93%', '94%', '100%']);
  });
});
