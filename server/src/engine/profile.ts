// ClassifiedItem[] -> Profile. The title is not an input: the profile is what the body says.
import type { Config } from './config';
import type { ClassifiedItem, Profile } from './types';

/** One item can add at most this much evidence mass to a role, so one long paragraph is not the posting. */
const ITEM_CAP = 6;

export function computeProfile(items: ClassifiedItem[], config: Pick<Config, 'sectionWeights' | 'thresholds'>): Profile {
  let ds = 0;
  let mle = 0;
  let dutyItems = 0;
  let dsItems = 0;
  let mleItems = 0;
  for (const c of items) {
    const w = config.sectionWeights[c.item.section] ?? 0;
    if (w === 0 || c.cls === 'none') continue;
    dutyItems++;
    if (c.cls === 'ds') dsItems++;
    else if (c.cls === 'mle') mleItems++;
    ds += w * Math.min(c.ds, ITEM_CAP);
    mle += w * Math.min(c.mle, ITEM_CAP);
  }
  const mass = ds + mle;
  const t = config.thresholds;
  const dsShare = mass > 0 ? ds / mass : 0;
  const mleShare = mass > 0 ? mle / mass : 0;
  let role: Profile['role'];
  if (mass < t.minEvidence) role = 'unclear';
  else if (dsShare >= t.hybridShare && mleShare >= t.hybridShare) role = 'hybrid';
  else role = mleShare > dsShare ? 'mle' : 'ds';
  return { ds: dsShare, mle: mleShare, role, dutyItems, dsItems, mleItems, evidenceMass: mass };
}
