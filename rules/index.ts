// The registry of rules, alphabetical by id.
import hybridRole from './hybrid-role';
import missingDuties from './missing-duties';
import missingTitle from './missing-title';
import type { Rule } from './rule';
import titleDutyMismatch from './title-duty-mismatch';

export const RULES: readonly Rule[] = [hybridRole, missingDuties, missingTitle, titleDutyMismatch];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));
