import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDist, startClient, type TestClient } from './client';

const root = path.resolve(__dirname, '../..');
const MISMATCH = readFileSync(path.join(root, 'test/fixtures/lsp/mismatch.md'), 'utf8');

let client: TestClient;
let dir: string;
beforeAll(async () => {
  buildDist();
  dir = mkdtempSync(path.join(os.tmpdir(), 'jdlint-lsp-rc-'));
  client = await startClient({ settings: { rules: { 'title-duty-mismatch': 'hint' } } });
}, 120_000);
afterAll(async () => {
  await client?.stop();
});

describe('project config file in the language server', () => {
  it('merges the nearest .jdlintrc.json over the editor settings, and re-reads it when it changes', async () => {
    const rc = path.join(dir, '.jdlintrc.json');
    writeFileSync(rc, JSON.stringify({ rules: { 'title-duty-mismatch': 'error', 'missing-pay-range': 'off' } }));
    const uri = pathToFileURL(path.join(dir, 'posting.md')).href;
    const diags = await client.open(uri, MISMATCH);
    expect(diags.map((d) => `${d.code}:${d.severity}`)).toEqual(['title-duty-mismatch:1']);

    writeFileSync(rc, JSON.stringify({ rules: { 'title-duty-mismatch': 'off' } }));
    const next = client.diagnostics(uri);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(rc).href, type: 2 }] });
    expect((await next).map((d) => d.code)).toEqual(['missing-pay-range']);
  });

  it('reports a broken config on the config file itself and keeps linting with the other settings', async () => {
    const sub = mkdtempSync(path.join(dir, 'broken-'));
    const rc = path.join(sub, '.jdlintrc.json');
    writeFileSync(rc, '{ "rules": { "title-duty-mismatch": "loud" } }');
    const rcDiags = client.diagnostics(pathToFileURL(rc).href);
    const diags = await client.open(pathToFileURL(path.join(sub, 'posting.md')).href, MISMATCH);
    // The editor setting (hint) applies, since the file's value was rejected.
    expect(diags.find((d) => d.code === 'title-duty-mismatch')?.severity).toBe(4);
    const [problem] = await rcDiags;
    expect(problem.message).toMatch(/"rules.title-duty-mismatch" must be one of off, hint, info, warning, error, got "loud"/);
    expect(problem.severity).toBe(1);
  });

  it('reads comments in .jdlintrc.json and puts a schema problem on the key it is about', async () => {
    const sub = mkdtempSync(path.join(dir, 'schema-'));
    const rc = path.join(sub, '.jdlintrc.json');
    writeFileSync(rc, '{\n  // the hiring team\'s settings\n  "rules": {\n    "title-duty-mismatch": "error",\n    "missing-pay-rnage": "off",\n  },\n}\n');
    const rcDiags = client.diagnostics(pathToFileURL(rc).href);
    const diags = await client.open(pathToFileURL(path.join(sub, 'posting.md')).href, MISMATCH);
    // The rest of the file applies: comments and trailing commas are fine.
    expect(diags.find((d) => d.code === 'title-duty-mismatch')?.severity).toBe(1);
    const problems = await rcDiags;
    expect(problems.map((p) => [p.message, p.range])).toEqual([
      [
        'JD Lint configuration: unknown rule "missing-pay-rnage" in "rules": it changes nothing (did you mean "missing-pay-range"?). Postings are linted with the other settings until this is fixed.',
        { start: { line: 4, character: 4 }, end: { line: 4, character: 23 } },
      ],
    ]);
  });
});
