// The engine's public face: pure functions, no editor, no file system.
export * from './types';
export { createLinter, unreadableInput, INPUT_RULE, type Linter, type LintResult } from './lint';
export type { Rule, RuleContext, RuleFinding } from './rule';
export { DEFAULT_CONFIG, resolveConfig, SEVERITIES, type Config, type PartialConfig } from './config';
export { applyEdits } from './fixes';
export { lineStarts, positionAt, offsetAt, type Position } from './lines';
export { parsePosting } from './posting';
export { classifyItem, classifyPosting } from './classifier';
export { computeProfile } from './profile';
export { parseTitle, retitle, familyName } from './title';
export { percent, topLabels, topTerms, termsOf, ROLE_WORK } from './explain';
