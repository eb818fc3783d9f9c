// The heart of JD Lint: the title names one role, the duties describe the other.
import { familyName, retitle } from '../server/src/engine/title';
import type { Fix, Role, TitleFamily } from '../server/src/engine/types';
import { percent, ROLE_WORK, termsOf, topLabels, topTerms } from '../server/src/engine/explain';
import { isOtherWork, otherWork } from './lib/other-work';
import type { Rule, RuleFinding } from './rule';

/** Evidence labels that say the engineering is operations more than modelling. */
const OPS_LABELS = new Set(['Kubernetes', 'CI/CD', 'MLOps', 'infrastructure', 'monitoring', 'Docker', 'MLflow']);
/** Evidence labels that say the data science is reporting more than modelling. */
const BI_LABELS = new Set(['dashboards and BI', 'communicate findings', 'insights']);

type Target = Exclude<TitleFamily, 'unknown'>;

function targets(found: Role, minorityShare: number, labels: string[]): Target[] {
  const out: Target[] = [found === 'mle' ? 'ml-engineer' : 'data-scientist'];
  const top = labels.slice(0, 3);
  if (found === 'mle' && top.filter((l) => OPS_LABELS.has(l)).length >= 2) out.push('mlops-engineer');
  if (found === 'ds' && top.filter((l) => BI_LABELS.has(l)).length >= 2) out.push('data-analyst');
  if (minorityShare >= 0.25) out.push('hybrid');
  return out.slice(0, 3);
}

const rule: Rule = {
  id: 'title-duty-mismatch',
  description: 'The title names one role (data scientist or ML engineer) but the duties describe the other.',
  defaultSeverity: 'warning',
  fixable: true,
  check({ title, profile, classified, config }) {
    if (!title || (title.expected !== 'ds' && title.expected !== 'mle')) return [];
    // A body that is two jobs gets hybrid-role, which says so, not a claim that the title is wrong.
    if (profile.role === 'unclear' || profile.role === 'hybrid') return [];
    // Work that is mainly neither role is other-role-duties' to report.
    if (isOtherWork(otherWork(classified, config))) return [];
    const claimed: Role = title.expected;
    const found: Role = claimed === 'ds' ? 'mle' : 'ds';
    const share = profile[found];
    if (share < config.thresholds.mismatchShare) return [];

    const foundItems = classified.filter((c) => c.cls === found);
    const labels = topLabels(classified, found, 5);
    const count = found === 'mle' ? profile.mleItems : profile.dsItems;
    const suggestions: string[] = [];
    const fixes: Fix[] = [];
    for (const family of targets(found, 1 - share, labels)) {
      const text = retitle(title, family) ?? familyName(family);
      if (suggestions.includes(text)) continue;
      suggestions.push(text);
      if (title.roleRange) {
        fixes.push({
          title: `Retitle to "${text}"`,
          edits: [{ range: title.roleRange, newText: familyName(family) }],
          ...(fixes.length === 0 ? { preferred: true } : {}),
        });
      }
    }
    const finding: RuleFinding = {
      message:
        `Titled "${title.text}", but ${count} of ${profile.dutyItems} duties are ${ROLE_WORK[found]} work ` +
        `(${topTerms(classified, found, 4).join(', ')}); ${percent(share)} of the duty evidence is ${ROLE_WORK[found]}. ` +
        `Consider "${suggestions[0]}".`,
      range: title.range,
      related: foundItems.slice(0, 10).map((c) => ({
        range: c.item.range,
        message: `${ROLE_WORK[found]} duty: ${termsOf(c, found).join(', ')}`,
      })),
      suggestions,
      fixes,
    };
    return [finding];
  },
};

export default rule;
