// What a rule is is the engine's (server/src/engine/rule.ts); here, where a rule's docs live.
export type { Rule, RuleContext, RuleFinding } from '../server/src/engine/rule';

/** Where a rule's documentation lives, relative to the package root. */
export function ruleDocPath(id: string): string {
  return `docs/rules/${id}.md`;
}
