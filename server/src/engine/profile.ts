// ClassifiedItem[] -> Profile. The title is not an input: the profile is what the body says.
//
// Each evidence term counts once per posting, at the weight of the most important section it
// appears in (responsibilities above requirements above nice-to-haves). Counting every repeat
// would let one long paragraph, or a posting that says "deploy" ten times, outweigh the range
// of the work; counting distinct terms mirrors how the lexicon weights were tuned (presence of
// a term in a posting, scripts/tune-lexicon.ts).
import type { Config } from './config';
import type { ClassifiedItem, Profile } from './types';

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
      const key = e.key ?? `${e.label}\u0000${e.pattern ?? e.term.toLowerCase()}`;
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
  const dsShare = mass > 0 ? ds / mass : 0.5;
  const mleShare = mass > 0 ? mle / mass : 0.5;
  let role: Profile['role'];
  if (mass < t.minEvidence) role = 'unclear';
  else if (dsShare >= t.hybridShare && mleShare >= t.hybridShare) role = 'hybrid';
  else role = mleShare > dsShare ? 'mle' : 'ds';
  return { ds: dsShare, mle: mleShare, role, dutyItems, dsItems, mleItems, evidenceMass: mass };
}
