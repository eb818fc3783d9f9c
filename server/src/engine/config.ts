// The one configuration of the engine. Every threshold has its documented default here and in
// docs/configuration.md; the CLI, the language server and tests pass partial overrides.
import JaroWinklerDistance from 'natural/lib/natural/distance/jaro-winkler_distance';
import type { Severity } from './types';

export interface Thresholds {
  /** title-duty-mismatch: the other role's share of duty evidence at or above which a title is flagged. */
  mismatchShare: number;
  /** Minimum section-weighted evidence mass before a posting's profile is trusted at all. */
  minEvidence: number;
  /** hybrid-role: both roles at or above this share make a posting hybrid. */
  hybridShare: number;
  /** missing-duties: fewer classified duty items than this. */
  minDutyItems: number;
  /**
   * ML-engineering evidence is multiplied by this before shares are taken. ML-engineering terms
   * are rarer in posting prose than data-science terms (analysis, stakeholders, statistics), so
   * without it a typical ML-engineering posting reads as 60% MLE and a data-science one as 15%.
   * Calibrated with `npm run eval` so that the mismatch threshold sits between the two.
   */
  mleEvidenceScale: number;
  /** tool-soup: more distinct required tools than this. */
  maxRequiredTools: number;
  /** requirement-overload: more must-have requirement items than this. */
  maxRequirements: number;
  /** unicorn-posting: a hybrid posting requiring at least this many tools. */
  unicornMinTools: number;
}

export interface SectionWeights {
  responsibilities: number;
  unknown: number;
  tools: number;
  requirements: number;
  niceToHave: number;
  nonDuty: number;
}

export interface Config {
  /** Severity per rule id; 'off' does not run the rule. Rules not listed use their default. */
  rules: Record<string, Severity>;
  thresholds: Thresholds;
  sectionWeights: SectionWeights;
  /** Documents larger than this (UTF-16 code units, about bytes for ASCII) are not parsed. */
  maxDocumentSize: number;
  /** The year that "years of experience" are checked against; rules never read the clock. */
  year: number;
  /**
   * Ask the text whether it is a posting (detect.ts), and lint nothing when it is not. The CLI and
   * the editor ask; a caller handing the engine a posting (a `files` pattern, tests, eval) need not.
   * A marker in the document settles it either way.
   */
  detectPostings: boolean;
}

export type PartialConfig = {
  rules?: Record<string, Severity>;
  thresholds?: Partial<Thresholds> & Record<string, number | undefined>;
  sectionWeights?: Partial<SectionWeights>;
  maxDocumentSize?: number;
  year?: number;
};

export const DEFAULT_THRESHOLDS: Thresholds = {
  mismatchShare: 0.6,
  minEvidence: 2,
  hybridShare: 0.4,
  minDutyItems: 1,
  mleEvidenceScale: 2,
  maxRequiredTools: 15,
  maxRequirements: 12,
  unicornMinTools: 10,
};

export const DEFAULT_SECTION_WEIGHTS: SectionWeights = {
  responsibilities: 1,
  unknown: 0.8,
  tools: 0.6,
  requirements: 0.5,
  niceToHave: 0.25,
  nonDuty: 0,
};

export const DEFAULT_CONFIG: Config = {
  rules: {},
  thresholds: DEFAULT_THRESHOLDS,
  sectionWeights: DEFAULT_SECTION_WEIGHTS,
  maxDocumentSize: 2_000_000,
  year: new Date().getUTCFullYear(),
  detectPostings: false,
};

export const SEVERITIES: readonly Severity[] = ['off', 'hint', 'info', 'warning', 'error'];

// files / ignores say which files are postings; they are read where files are (server/src/node/select.ts),
// and checked here so a wrong value is reported like any other.
export const KNOWN_KEYS: ReadonlySet<string> = new Set(['rules', 'thresholds', 'sectionWeights', 'maxDocumentSize', 'year', 'files', 'ignores']);

export interface ResolvedConfig {
  config: Config;
  /** Problems found while reading the overrides; the offending values were ignored. */
  problems: string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A key or value from a settings file as a message may show it: names that look like setting names
 * and short plain values, nothing else. A file that is not a config at all ("extends": "/etc/shadow")
 * must not have its lines copied into CI logs and diagnostics.
 */
export function shown(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return JSON.stringify(v);
  if (typeof v === 'string') return /^[\w .-]{0,24}$/.test(v) ? JSON.stringify(v) : 'a string';
  return Array.isArray(v) ? 'a list' : `a ${typeof v === 'object' ? 'mapping' : typeof v}`;
}
export const shownKey = (k: string) => (/^[A-Za-z][\w-]{0,39}$/.test(k) ? `"${k}"` : '[name not shown]');

/** An id in "rules" that is no rule, with the rule it most likely misspells (as title.ts reads titles). */
export function unknownRuleMessage(id: string, knownRules: ReadonlySet<string>): string {
  let best: string | null = null;
  let bestScore = 0.9;
  if (/^[A-Za-z][\w-]{0,39}$/.test(id))
    for (const rule of knownRules) {
      const score = JaroWinklerDistance(id.toLowerCase(), rule);
      if (score > bestScore) [best, bestScore] = [rule, score];
    }
  return `unknown rule ${shownKey(id)} in "rules": it changes nothing${best ? ` (did you mean "${best}"?)` : ''}`;
}

function mergeNumbers<T extends object>(base: T, over: unknown, where: string, problems: string[]): T {
  if (over === undefined) return base;
  if (!isRecord(over)) {
    problems.push(`"${where}" must be an object`);
    return base;
  }
  const out: Record<string, number> = { ...(base as Record<string, number>) };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) continue;
    if (!Object.prototype.hasOwnProperty.call(base, k)) {
      problems.push(`unknown setting ${shownKey(k)} in "${where}" (known: ${Object.keys(base).join(', ')})`);
      continue;
    }
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      problems.push(`"${where}.${k}" must be a non-negative number, got ${shown(v)}`);
      continue;
    }
    // Shares are fractions of the duty evidence.
    if (k.endsWith('Share') && v > 1) {
      problems.push(`"${where}.${k}" is a share between 0 and 1, got ${shown(v)}`);
      continue;
    }
    out[k] = v;
  }
  return out as T;
}

/**
 * Merges overrides over the defaults (or over `base`). Never throws: a bad value is reported in
 * `problems` and the default kept, so a typo in a settings file never stops linting.
 */
export function resolveConfig(overrides: unknown, base: Config = DEFAULT_CONFIG, knownRules?: ReadonlySet<string>): ResolvedConfig {
  const problems: string[] = [];
  if (overrides === undefined || overrides === null) return { config: base, problems };
  if (!isRecord(overrides)) return { config: base, problems: ['configuration must be an object'] };
  const unknown = Object.keys(overrides).filter((key) => !KNOWN_KEYS.has(key));
  // A file that is no config at all has thousands: name a few.
  for (const key of unknown.slice(0, 5)) problems.push(`unknown setting ${shownKey(key)} (known: ${[...KNOWN_KEYS].join(', ')})`);
  if (unknown.length > 5) problems.push(`${unknown.length - 5} more unknown settings`);
  const rules: Record<string, Severity> = { ...base.rules };
  if (overrides.rules !== undefined) {
    if (!isRecord(overrides.rules)) problems.push('"rules" must be an object of rule id -> severity');
    else
      for (const [id, sev] of Object.entries(overrides.rules)) {
        if (knownRules && !knownRules.has(id)) problems.push(unknownRuleMessage(id, knownRules));
        else if (typeof sev === 'string' && (SEVERITIES as readonly string[]).includes(sev)) rules[id] = sev as Severity;
        else problems.push(`${/^[A-Za-z][\w-]{0,39}$/.test(id) ? `"rules.${id}"` : 'a rule'} must be one of ${SEVERITIES.join(', ')}, got ${shown(sev)}`);
      }
  }
  // Whole numbers: a year of 0.5 or a size of 1e-9 is a typo, not a setting.
  const int = (key: 'maxDocumentSize' | 'year', min: number, max: number): number => {
    const v = overrides[key];
    if (v === undefined) return base[key];
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
    problems.push(`"${key}" must be a whole number from ${min} to ${max}, got ${shown(v)}`);
    return base[key];
  };
  for (const key of ['files', 'ignores'] as const) {
    const v = overrides[key];
    if (v !== undefined && !(Array.isArray(v) && v.every((p) => typeof p === 'string'))) problems.push(`"${key}" must be a list of .gitignore-style patterns, got ${shown(v)}`);
  }
  return {
    config: {
      rules,
      thresholds: mergeNumbers(base.thresholds, overrides.thresholds, 'thresholds', problems),
      sectionWeights: mergeNumbers(base.sectionWeights, overrides.sectionWeights, 'sectionWeights', problems),
      maxDocumentSize: int('maxDocumentSize', 1, 100_000_000),
      year: int('year', 1950, 9999),
      detectPostings: base.detectPostings,
    },
    problems,
  };
}
