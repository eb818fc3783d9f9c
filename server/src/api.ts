// dts-bundle-generator (scripts/api-types.mjs) compiles this file alone: natural's module types come with it.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../types/natural.d.ts" />
// The programmatic API (`require('jdlint')`, `import { lint } from 'jdlint'`): one posting's text in,
// the element of the CLI's JSON output (`jdlint --format json`) out, so scripts and the CLI agree.
// Pure: no file is read; pass the configuration as the object a .jdlintrc.json holds.
import { version as packageVersion } from '../../package.json';
import { DEFAULT_CONFIG, resolveConfig, type PartialConfig } from './engine/config';
import { toJson, type JsonDiagnostic, type JsonReport } from './cli/format';
import { lint as lintText, RULE_IDS, RULES } from './linter';
import type { Severity } from './engine/types';

export type { JsonDiagnostic, JsonReport, PartialConfig, Severity };

export interface LintOptions {
  /** The name the result carries in `file` (default `<text>`); nothing is read from it. */
  filePath?: string;
  /**
   * Settings as a .jdlintrc.json holds them: `rules` (id -> off/hint/info/warning/error),
   * `thresholds`, `sectionWeights`, `maxDocumentSize`, `year`. `extends` is not followed here.
   */
  config?: PartialConfig;
  /**
   * Whether the text is a job posting. By default the text decides, as `jdlint` decides for the
   * files it finds: what does not read as a posting gets `posting: false` and no findings. `true`
   * lints it as a posting whatever it reads like (as a team's `files` glob does in the CLI).
   */
  posting?: true;
}

export interface RuleInfo {
  id: string;
  description: string;
  defaultSeverity: Severity;
  fixable: boolean;
}

/** The installed version of JD Lint. */
export const version: string = packageVersion;

/** Every rule JD Lint has, in the order the docs list them. */
export const rules: readonly RuleInfo[] = RULES.map((r) => ({ id: r.id, description: r.description, defaultSeverity: r.defaultSeverity, fixable: r.fixable }));

/**
 * Lints one posting. Returns what `jdlint --format json` prints for a file (1-based lines and
 * columns). Throws a TypeError naming every problem when the text is not a string or the config
 * holds an unknown setting, an unknown rule id or a bad value: a script should hear of a typo.
 */
export function lint(text: string, options: LintOptions = {}): JsonReport {
  if (typeof text !== 'string') throw new TypeError(`jdlint: lint(text) needs the posting as a string, got ${text === null ? 'null' : typeof text}`);
  const { config, problems } = resolveConfig(options.config ?? {}, DEFAULT_CONFIG, RULE_IDS);
  if (problems.length > 0) throw new TypeError(`jdlint: bad config: ${problems.join('; ')}`);
  const file = options.filePath ?? '<text>';
  return toJson({ file, display: file, result: lintText(text, { ...config, detectPostings: options.posting !== true }) });
}
