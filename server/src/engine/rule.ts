// What a rule is: plain metadata plus a pure check over the classified posting. The engine runs
// whatever rules it is handed (lint.ts createLinter); the rules themselves live in rules/.
import type { Config } from './config';
import type { ClassifiedItem, Finding, Posting, Profile, Severity, TitleModel } from './types';

export interface RuleContext {
  posting: Posting;
  classified: ClassifiedItem[];
  profile: Profile;
  title: TitleModel | null;
  config: Config;
}

/**
 * A finding as a rule reports it; the engine adds the rule id and the configured severity, and
 * empty lists for what the rule leaves out.
 */
export type RuleFinding = Omit<Finding, 'rule' | 'severity' | 'related' | 'suggestions' | 'fixes'> & Partial<Pick<Finding, 'related' | 'suggestions' | 'fixes'>>;

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
