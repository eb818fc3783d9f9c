// The registry of rules, alphabetical by id.
import exclusionaryLanguage from './exclusionary-language';
import experienceVsToolAge from './experience-vs-tool-age';
import hybridRole from './hybrid-role';
import missingDuties from './missing-duties';
import missingPayRange from './missing-pay-range';
import missingTitle from './missing-title';
import otherRoleDuties from './other-role-duties';
import requirementOverload from './requirement-overload';
import type { Rule } from './rule';
import titleDutyMismatch from './title-duty-mismatch';
import toolSoup from './tool-soup';
import unicornPosting from './unicorn-posting';
import vanityTitle from './vanity-title';

export const RULES: readonly Rule[] = [
  exclusionaryLanguage,
  experienceVsToolAge,
  hybridRole,
  missingDuties,
  missingPayRange,
  missingTitle,
  otherRoleDuties,
  requirementOverload,
  titleDutyMismatch,
  toolSoup,
  unicornPosting,
  vanityTitle,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));
