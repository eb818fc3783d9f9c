// One test file per rule: every rule in the registry has test/rules/<id>.test.ts.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { RULES } from '../../rules/index';

it('every rule has its own test file', () => {
  const missing = RULES.map((r) => `test/rules/${r.id}.test.ts`).filter((f) => !existsSync(path.resolve(__dirname, '../..', f)));
  expect(missing).toEqual([]);
});
