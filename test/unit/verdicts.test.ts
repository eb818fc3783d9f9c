// The three verdicts on a DS or MLE title: the other role (title-duty-mismatch), both roles
// (hybrid-role), neither role (other-role-duties). At most one of them speaks.
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/linter';
import { BOTH, DATA_SCIENCE, ML_ENGINEERING, NEITHER } from '../fixtures/verdict-bodies';

const VERDICTS = ['title-duty-mismatch', 'hybrid-role', 'other-role-duties'];
const verdicts = (md: string) => lint(md).findings.filter((f) => VERDICTS.includes(f.rule)).map((f) => f.rule);

describe('three verdicts', () => {
  it('a clear body under its own title: none', () => {
    expect(verdicts(`# Machine Learning Engineer\n${ML_ENGINEERING}`)).toEqual([]);
    expect(verdicts(`# Data Scientist\n${DATA_SCIENCE}`)).toEqual([]);
  });

  it('a clear body under the other role: the mismatch, alone', () => {
    expect(verdicts(`# Data Scientist\n${ML_ENGINEERING}`)).toEqual(['title-duty-mismatch']);
    expect(verdicts(`# Machine Learning Engineer\n${DATA_SCIENCE}`)).toEqual(['title-duty-mismatch']);
  });

  it('a body that is two jobs: hybrid-role under either title, never a mismatch', () => {
    expect(verdicts(`# Data Scientist\n${BOTH}`)).toEqual(['hybrid-role']);
    expect(verdicts(`# Machine Learning Engineer\n${BOTH}`)).toEqual(['hybrid-role']);
  });

  it('a body that is neither role: other-role-duties under either title', () => {
    expect(verdicts(`# Data Scientist\n${NEITHER}`)).toEqual(['other-role-duties']);
    expect(verdicts(`# Machine Learning Engineer\n${NEITHER}`)).toEqual(['other-role-duties']);
  });

  it('the profile is calibrated: a clear body reads well past the middle, a mixed one near it', () => {
    const mle = lint(`# Machine Learning Engineer\n${ML_ENGINEERING}`).profile.mle;
    const ds = lint(`# Data Scientist\n${DATA_SCIENCE}`).profile.mle;
    const both = lint(`# Data Scientist\n${BOTH}`).profile.mle;
    expect(mle).toBeGreaterThan(0.8);
    expect(ds).toBeLessThan(0.2);
    expect(both).toBeGreaterThan(0.4);
    expect(both).toBeLessThan(0.6);
  });
});
