// What a rule is: plain metadata plus a pure check over the classified posting.
import type { Config } from '../server/src/engine/config';
import type { ClassifiedItem, Finding, Posting, Profile, Severity, TitleModel } from '../server/src/engine/types';

export interface RuleContext {
  posting: Posting;
  classified: ClassifiedItem[];
  profile: Profile;
  title: TitleModel | null;
  config: Config;
}

/** A finding as a rule reports it; the engine adds the rule id and the configured severity. */
export type RuleFinding = Omit<Finding, 'rule' | 'severity'>;

export interface Rule {
  /** Kebab-case name of the problem; never changes. */
  id: string;
  /** One line, shown in docs and SARIF. */
  description: string;
  defaultSeverity: Exclude<Severity, 'off'>;
  /** True when the rule's findings carry text-edit fixes. */
  fixable: boolean;
  /** Synchronous, deterministic, no I/O. */
  check(ctx: RuleContext): RuleFinding[];
}

/** Where a rule's documentation lives, relative to the package root. */
export function ruleDocPath(id: string): string {
  return `docs/rules/${id}.md`;
}
