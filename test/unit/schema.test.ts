import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index';
import { buildSchema } from '../../server/src/node/schema';
import { CONFIG_FILE_NAMES } from '../../server/src/node/configFile';

describe('the .jdlintrc.json schema', () => {
  it('is current: regenerate it with npm run schema when rules or defaults change', () => {
    const committed = JSON.parse(readFileSync(path.resolve(__dirname, '../../schemas/jdlintrc.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildSchema())));
  });
  it('lists every rule with its severities', () => {
    const props = (buildSchema() as { properties: { rules: { properties: Record<string, { enum: string[] }> } } }).properties.rules.properties;
    expect(Object.keys(props)).toEqual(RULES.map((r) => r.id));
    expect(props['title-duty-mismatch'].enum).toEqual(['off', 'hint', 'info', 'warning', 'error']);
  });
  it('is the one VS Code validates every config file name with (JSON, and YAML through the YAML extension)', () => {
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
    const { jsonValidation, yamlValidation, languages } = pkg.contributes;
    const validated = [...jsonValidation, ...yamlValidation].flatMap((v: { fileMatch: string | string[]; url: string }) => {
      expect(v.url).toBe('./schemas/jdlintrc.schema.json');
      return Array.isArray(v.fileMatch) ? v.fileMatch : [v.fileMatch];
    });
    expect(validated.sort()).toEqual([...CONFIG_FILE_NAMES].sort());
    // .jdlintrc.json may hold comments: VS Code opens it as JSON with comments.
    expect(languages).toContainEqual({ id: 'jsonc', filenames: ['.jdlintrc.json'] });
  });
});
