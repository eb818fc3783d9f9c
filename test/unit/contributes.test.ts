// What the extension contributes to VS Code (package.json): what a user sees in the Settings editor
// and the Command Palette.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index';

const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
const contributes = pkg.contributes;

interface Schema {
  enum?: string[];
  enumDescriptions?: string[];
  markdownEnumDescriptions?: string[];
  properties?: Record<string, Schema>;
}

/** Every schema with an enum, at any depth, by its path. */
function enums(schema: Schema, at: string): [string, Schema][] {
  const own: [string, Schema][] = schema.enum ? [[at, schema]] : [];
  return [...own, ...Object.entries(schema.properties ?? {}).flatMap(([k, s]) => enums(s, `${at}.${k}`))];
}

describe('contributes', () => {
  it('every enum setting (the severities of each rule too) describes each of its values', () => {
    const all = Object.entries(contributes.configuration.properties as Record<string, Schema>).flatMap(([k, s]) => enums(s, k));
    expect(all.map(([k]) => k)).toEqual(expect.arrayContaining(['jdlint.run', 'jdlint.trace.server', 'jdlint.rules.title-duty-mismatch']));
    for (const [key, s] of all) expect((s.enumDescriptions ?? s.markdownEnumDescriptions)?.length, key).toBe(s.enum!.length);
  });

  it('jdlint.rules knows every rule id and no other', () => {
    const rules = contributes.configuration.properties['jdlint.rules'];
    expect(Object.keys(rules.properties)).toEqual(RULES.map((r) => r.id));
    expect(rules.additionalProperties).toBe(false);
  });

  it('the commands about one posting show in the Command Palette only in a Markdown editor', () => {
    const when = new Map<string, string>(contributes.menus.commandPalette.map((m: { command: string; when: string }) => [m.command, m.when]));
    for (const id of ['jdlint.showBreakdown', 'jdlint.fixAll']) expect(when.get(id), id).toMatch(/^editorLangId == markdown\b/);
    for (const c of contributes.commands as { command: string; category: string }[]) {
      expect(c.category, c.command).toBe('JD Lint');
      // A command without a palette entry shows everywhere: only Restart server is meant to.
      if (!when.has(c.command)) expect(c.command).toBe('jdlint.restartServer');
    }
  });
});
