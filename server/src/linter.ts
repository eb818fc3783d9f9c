// JD Lint: the engine with its rules. The CLI, the language server, the scripts and the tests lint
// through here; the engine itself knows no rule (one direction: rules -> engine).
import { RULES, RULES_BY_ID } from '../../rules/index';
import { createLinter } from './engine/lint';

export const { lint, lintPosting } = createLinter(RULES);
export { INPUT_RULE, MAX_RELATED, unreadableInput, type LintResult } from './engine/lint';
export { RULES, RULES_BY_ID };
/** The ids of the rules, for checking the rule ids a configuration names. */
export const RULE_IDS: ReadonlySet<string> = new Set(RULES_BY_ID.keys());
