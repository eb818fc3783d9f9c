// The JSON schema of .jdlintrc.json / .jdlintrc.yaml, derived from the rule registry and the
// configuration defaults: the one schema the editor validates with (jsonValidation, yamlValidation)
// and the CLI and the language server check every config file against (compiled by ajv at build
// time: configSchema.ts). It says everything resolveConfig checks, so its messages are the same.
import { RULES } from '../linter';
import { DEFAULT_CONFIG, SEVERITIES } from '../engine/config';

const THRESHOLD_DOCS: Record<string, string> = {
  mismatchShare: "title-duty-mismatch: the other role's share of the duty evidence that flags a title (0-1).",
  minEvidence: 'Below this evidence mass the profile is unclear and nothing is judged.',
  hybridShare: 'Both shares at or above this make a posting hybrid (0-1).',
  minDutyItems: 'missing-duties: fewer duty items with evidence than this.',
  mleEvidenceScale: 'Calibration: ML-engineering evidence is multiplied by this before shares are taken.',
  maxRequiredTools: 'tool-soup: more distinct required tools than this.',
  maxRequirements: 'requirement-overload: more must-have requirement items than this.',
  unicornMinTools: 'unicorn-posting: a hybrid posting requiring at least this many tools.',
};

/** Whole-number settings and their ranges (as resolveConfig checks them). */
export const WHOLE_NUMBERS = { maxDocumentSize: [1, 100_000_000], year: [1950, 9999] } as const;

export function buildSchema(): object {
  const severity = { type: 'string', enum: [...SEVERITIES] };
  const patterns = (description: string) => ({ description, type: 'array', items: { type: 'string' } });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'JD Lint configuration (.jdlintrc.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      extends: {
        description:
          'A config file (or list of files) this one builds on: a path relative to this file, or an npm package (resolved from this folder) whose main file is JSON or YAML. Later files and this file win.',
        oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
      },
      rules: {
        description: 'Severity per rule: off, hint, info, warning or error.',
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          RULES.map((r) => [r.id, { ...severity, description: `${r.description} Default: ${r.defaultSeverity}.` }]),
        ),
      },
      thresholds: {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          Object.entries(DEFAULT_CONFIG.thresholds).map(([k, v]) => [
            k,
            // Shares are fractions of the duty evidence.
            { type: 'number', minimum: 0, ...(k.endsWith('Share') ? { maximum: 1 } : {}), default: v, description: THRESHOLD_DOCS[k] },
          ]),
        ),
      },
      sectionWeights: {
        description: 'How much evidence in each kind of section counts.',
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(Object.entries(DEFAULT_CONFIG.sectionWeights).map(([k, v]) => [k, { type: 'number', minimum: 0, default: v }])),
      },
      maxDocumentSize: {
        type: 'integer',
        minimum: WHOLE_NUMBERS.maxDocumentSize[0],
        maximum: WHOLE_NUMBERS.maxDocumentSize[1],
        default: DEFAULT_CONFIG.maxDocumentSize,
        description: 'Longer documents are not checked.',
      },
      year: {
        type: 'integer',
        minimum: WHOLE_NUMBERS.year[0],
        maximum: WHOLE_NUMBERS.year[1],
        description: 'The year experience-vs-tool-age checks against (default: the current year).',
      },
      files: patterns('.gitignore-style patterns, relative to this file, naming the postings: only these files are linted, and each is a posting without asking the text.'),
      ignores: patterns('.gitignore-style patterns, relative to this file, of files never to lint (as .jdlintignore).'),
    },
  };
}
