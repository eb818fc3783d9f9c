// The engine's public face: pure functions, no editor, no file system.
export * from './types';
export { lint, INPUT_RULE, type LintResult } from './lint';
export { DEFAULT_CONFIG, resolveConfig, SEVERITIES, type Config, type PartialConfig } from './config';
export { applyEdits } from './fixes';
export { lineStarts, positionAt, offsetAt, type Position } from './lines';
export { parsePosting } from './posting';
export { classifyItem, classifyPosting } from './classifier';
export { computeProfile } from './profile';
export { parseTitle, retitle, familyName } from './title';
export { RULES, RULES_BY_ID } from '../../../rules/index';
export type { Rule } from '../../../rules/rule';
