// The generated part of the extension's settings (package.json contributes.configuration): the
// schema of `jdlint.rules`, one property per rule of the registry with its severities described,
// so VS Code completes rule ids and severities in settings.json and warns on an unknown id.
// scripts/docs.ts writes it (`npm run docs`); test/docs/generated.test.ts fails when it drifts.
import { SEVERITIES } from '../server/src/engine/config';
import type { Rule } from '../rules/rule';

/** What each severity does, in the order of SEVERITIES. */
export const SEVERITY_DESCRIPTIONS: Record<(typeof SEVERITIES)[number], string> = {
  off: 'The rule does not run.',
  hint: 'Shown faintly in the editor (dots under the text), not in the Problems panel.',
  info: 'Shown as information.',
  warning: 'Shown as a warning.',
  error: 'Shown as an error; the CLI exits with status 1.',
};

/** Where a rule's page is on the web (package.json `repository`, the default branch). */
function ruleUrl(repository: string, id: string): string {
  return `${repository.replace(/^git\+/, '').replace(/\.git$/, '')}/blob/HEAD/docs/rules/${id}.md`;
}

/** `jdlint.rules`' property schemas, one per rule. */
export function ruleSettingsSchema(rules: readonly Rule[], repository: string): Record<string, unknown> {
  return Object.fromEntries(
    rules.map((r) => [
      r.id,
      {
        type: 'string',
        enum: [...SEVERITIES],
        enumDescriptions: SEVERITIES.map((s) => SEVERITY_DESCRIPTIONS[s]),
        markdownDescription: `${r.description} Default: \`${r.defaultSeverity}\`. [Rule page](${ruleUrl(repository, r.id)})`,
      },
    ]),
  );
}

interface Manifest {
  repository: { url: string };
  contributes: { configuration: { properties: Record<string, Record<string, unknown>> } };
}

/** package.json's text with the generated `jdlint.rules` schema (everything else as it was). */
export function withRuleSettings(packageJson: string, rules: readonly Rule[]): string {
  const manifest = JSON.parse(packageJson) as Manifest;
  const setting = manifest.contributes.configuration.properties['jdlint.rules'];
  setting.properties = ruleSettingsSchema(rules, manifest.repository.url);
  // An id that is no rule is flagged in settings.json (the server also logs it and ignores it).
  setting.additionalProperties = false;
  return JSON.stringify(manifest, null, 2) + '\n';
}
