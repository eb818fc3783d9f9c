// ClassifiedItem[] -> Profile. The title is not an input: the profile is what the body says.
//
// Each evidence term counts once per posting, at the weight of the most important section it
// appears in (responsibilities above requirements above nice-to-haves). Counting every repeat
// would let one long paragraph, or a posting that says "deploy" ten times, outweigh the range
// of the work; counting distinct terms mirrors how the lexicon weights were tuned (presence of
// a term in a posting, scripts/tune-lexicon.ts).
//
// The shares are calibrated to how careful readers judge a body's mix of work (rules/training/
// calibration.json, fit by `npm run tune` to reader labels): the ML-engineering share is
// sigmoid(intercept + slope * ln(mle / ds)) of the evidence masses, which with intercept 0 and
// slope 1 is the plain mle / (ds + mle). A monotone map: the evidence and its order are unchanged.
import calibrationFile from '../../../rules/training/calibration.json';
import type { Config } from './config';
import type { ClassifiedItem, Evidence, Profile } from './types';

export interface Calibration {
  intercept: number;
  slope: number;
}

let CALIBRATION: Calibration = calibrationFile;

/** Sets the calibration (null: the shipped one). For the evaluation, which fits it on some folds and measures the others. */
export function useCalibration(c: Calibration | null): void {
  CALIBRATION = c ?? calibrationFile;
}

/** The calibrated ML-engineering share of two evidence masses (not both 0). */
export function calibratedShare(ds: number, mle: number, c: Calibration = CALIBRATION): number {
  const r = Math.log(mle) - Math.log(ds); // infinite when one mass is 0
  if (r === Infinity) return 1;
  if (r === -Infinity) return 0;
  return 1 / (1 + Math.exp(-(c.intercept + c.slope * r)));
}

/**
 * What counts once per posting: a lexicon term (label and pattern, made once per term as
 * Evidence.key), or for evidence of no pattern its label and words.
 */
export function evidenceKey(e: Evidence): string {
  return e.key ?? `${e.label}\u0000${e.pattern ?? e.term.toLowerCase()}`;
}

/**
 * Weight of non-duty sections when no duty section carries any evidence: a posting pasted so that
 * every line falls under "About us" still says what the job is, only less reliably.
 */
const FALLBACK_NON_DUTY_WEIGHT = 0.3;

export function computeProfile(items: ClassifiedItem[], config: Pick<Config, 'sectionWeights' | 'thresholds'>): Profile {
  const profile = weigh(items, config.sectionWeights, config.thresholds);
  if (profile.evidenceMass > 0) return profile;
  return weigh(items, { ...config.sectionWeights, nonDuty: FALLBACK_NON_DUTY_WEIGHT }, config.thresholds);
}

function weigh(items: ClassifiedItem[], weights: Config['sectionWeights'], t: Config['thresholds']): Profile {
  let dutyItems = 0;
  let dsItems = 0;
  let mleItems = 0;
  const strongest = new Map<string, { role: 'ds' | 'mle'; mass: number }>();
  for (const c of items) {
    const w = weights[c.item.section] ?? 0;
    if (w === 0 || c.cls === 'none') continue;
    dutyItems++;
    if (c.cls === 'ds') dsItems++;
    else if (c.cls === 'mle') mleItems++;
    for (const e of c.terms) {
      if (e.role === 'shared') continue;
      const key = evidenceKey(e);
      const mass = e.weight * w;
      const prev = strongest.get(key);
      if (!prev) strongest.set(key, { role: e.role, mass });
      else if (mass > prev.mass) prev.mass = mass;
    }
  }
  let ds = 0;
  let mle = 0;
  for (const v of strongest.values()) {
    if (v.role === 'ds') ds += v.mass;
    else mle += v.mass * t.mleEvidenceScale;
  }
  const mass = ds + mle;
  // With no evidence at all the body leans neither way: both shares are one half, role unclear.
  const mleShare = mass > 0 ? calibratedShare(ds, mle) : 0.5;
  const dsShare = 1 - mleShare;
  let role: Profile['role'];
  if (mass < t.minEvidence) role = 'unclear';
  else if (dsShare >= t.hybridShare && mleShare >= t.hybridShare) role = 'hybrid';
  else role = mleShare > dsShare ? 'mle' : 'ds';
  return { ds: dsShare, mle: mleShare, role, dutyItems, dsItems, mleItems, evidenceMass: mass };
}
