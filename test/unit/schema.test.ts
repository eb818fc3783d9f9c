import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index';
import { buildSchema } from '../../server/src/node/schema';

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
});
