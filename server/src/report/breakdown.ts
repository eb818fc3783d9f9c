// LintResult -> Breakdown: what the editor's breakdown view shows (the language server answers
// jdlint/breakdown with it). Reads the engine's result only; the pictures are drawn by render.ts.
import type { Config } from '../engine/config';
import { percent, topTerms } from '../engine/explain';
import { evidenceKey } from '../engine/profile';
import type { ClassifiedItem, Section } from '../engine/types';
import type { LintResult } from '../linter';
import type { Breakdown, SectionPull } from '../protocol';
import { verdictOf } from './verdict';

export function buildBreakdown(uri: string, r: LintResult, config: Config): Breakdown {
  return {
    uri,
    title: r.title?.text ?? null,
    family: r.title?.family ?? null,
    ds: r.profile.ds,
    mle: r.profile.mle,
    dsPercent: percent(r.profile.ds),
    mlePercent: percent(r.profile.mle),
    role: r.profile.role,
    dutyItems: r.profile.dutyItems,
    dsItems: r.profile.dsItems,
    mleItems: r.profile.mleItems,
    dsTerms: topTerms(r.classified, 'ds', 5),
    mleTerms: topTerms(r.classified, 'mle', 5),
    verdict: verdictOf({ findings: r.findings, expected: r.title?.expected ?? null, role: r.profile.role }),
    sections: sectionPulls(r.posting.sections, r.classified, config),
  };
}

/**
 * Each section's evidence for each role, weighed as the profile weighs it (term weight x section
 * weight, ML-engineering evidence scaled by mleEvidenceScale), each term counted once per section.
 * Sections with no duty item (weight 0, or nothing classified) are left out.
 */
export function sectionPulls(sections: readonly Section[], classified: readonly ClassifiedItem[], config: Config): SectionPull[] {
  const bySection = new Map<number, ClassifiedItem[]>();
  // Items and sections are both in document order: walk them together.
  let s = 0;
  for (const c of classified) {
    while (s < sections.length && c.item.range.start >= sections[s].range.end) s++;
    if (s >= sections.length) break;
    let list = bySection.get(s);
    if (!list) bySection.set(s, (list = []));
    list.push(c);
  }
  const out: SectionPull[] = [];
  sections.forEach((section, i) => {
    const items = bySection.get(i);
    const weight = config.sectionWeights[section.kind] ?? 0;
    if (!items || weight === 0) return;
    const strongest = new Map<string, { role: 'ds' | 'mle'; mass: number }>();
    let dsItems = 0;
    let mleItems = 0;
    for (const c of items) {
      if (c.cls === 'ds') dsItems++;
      else if (c.cls === 'mle') mleItems++;
      for (const e of c.terms) {
        if (e.role === 'shared') continue;
        const key = evidenceKey(e);
        if (!strongest.has(key)) strongest.set(key, { role: e.role, mass: e.weight * weight });
      }
    }
    let ds = 0;
    let mle = 0;
    for (const v of strongest.values()) {
      if (v.role === 'ds') ds += v.mass;
      else mle += v.mass * config.thresholds.mleEvidenceScale;
    }
    if (ds + mle === 0 && dsItems + mleItems === 0) return;
    out.push({
      heading: section.heading,
      kind: section.kind,
      weight,
      ds,
      mle,
      dsItems,
      mleItems,
      dsTerms: topTerms(items, 'ds', 6),
      mleTerms: topTerms(items, 'mle', 6),
    });
  });
  return out;
}

