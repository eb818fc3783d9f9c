import type { Rule } from './rule';

const rule: Rule = {
  id: 'missing-duties',
  description: 'The posting has a title but too few duties to say what the work is.',
  defaultSeverity: 'info',
  fixable: false,
  check({ posting, profile, config }) {
    if (!posting.title) return [];
    if (profile.dutyItems >= config.thresholds.minDutyItems && profile.evidenceMass >= config.thresholds.minEvidence) return [];
    return [
      {
        message:
          `Too little about the work to check the title: ${profile.dutyItems} duty item(s) with role evidence ` +
          `(evidence ${profile.evidenceMass.toFixed(1)}, at least ${config.thresholds.minEvidence} needed). ` +
          'Add a "Responsibilities" section listing what the person will do and with which tools.',
        range: posting.title.range,
      },
    ];
  },
};

export default rule;
