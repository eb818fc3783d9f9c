// The generated parts of the docs (README rule table and sample output, rule page headers) say
// what the code says: this fails when they drift. `npm run docs` rewrites them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedDocs } from '../../scripts/docs';

const root = path.resolve(__dirname, '../..');

describe('generated docs', async () => {
  const expected = await expectedDocs(root);
  it.each([...expected.keys()])('%s matches what `npm run docs` writes', (file) => {
    const actual = readFileSync(path.join(root, file), 'utf8');
    expect(actual, `${file} differs from the code: run \`npm run docs\``).toBe(expected.get(file));
  });
});
