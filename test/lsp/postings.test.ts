// Only postings are linted (#19 point 1), over the protocol: a README gets an empty diagnostics
// list, a team's ignore files and `files` patterns are read as the CLI reads them.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDist, startClient, type TestClient } from './client';

const root = path.resolve(__dirname, '../..');
const MISMATCH = readFileSync(path.join(root, 'test/fixtures/lsp/mismatch.md'), 'utf8');
const README = `# csv-stream

A streaming CSV parser.

## Install

\`\`\`sh
npm install csv-stream
\`\`\`

## Requirements

Node.js 18 or later is required. You are welcome to open an issue.
`;
/** A posting too thin for the text to tell (a title, one line): a team's `files` can still say it is one. */
const THIN = '# Data Scientist\n\nBuild dashboards in Tableau.\n';

let client: TestClient;
let dir: string;
const uriOf = (rel: string) => {
  const f = path.join(dir, rel);
  mkdirSync(path.dirname(f), { recursive: true });
  return pathToFileURL(f).href;
};

beforeAll(async () => {
  buildDist();
  dir = mkdtempSync(path.join(os.tmpdir(), 'jdlint-lsp-postings-'));
  client = await startClient();
}, 120_000);
afterAll(async () => {
  await client?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('only postings get diagnostics', () => {
  it('publishes an empty list for a README, and findings for a posting', async () => {
    expect(await client.open(uriOf('docs/README.md'), README)).toEqual([]);
    expect((await client.open(uriOf('docs/posting.md'), MISMATCH)).map((d) => d.code)).toContain('title-duty-mismatch');
  });

  it('publishes an empty list for a posting marked jdlint-not-posting, and clears it when the marker goes', async () => {
    const uri = uriOf('marked/posting.md');
    expect(await client.open(uri, `<!-- jdlint-not-posting -->\n${MISMATCH}`)).toEqual([]);
    const next = client.diagnostics(uri, 2);
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: MISMATCH }] });
    expect((await next).map((d) => d.code)).toContain('title-duty-mismatch');
  });

  it('shows no hover on a document that is not a posting', async () => {
    const uri = uriOf('hover/README.md');
    await client.open(uri, README);
    expect(await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } })).toBeNull();
  });

  it('leaves out a posting that .jdlintignore names', async () => {
    mkdirSync(path.join(dir, 'team'), { recursive: true });
    writeFileSync(path.join(dir, 'team', '.jdlintignore'), 'old-*.md\n');
    expect(await client.open(uriOf('team/old-ds.md'), MISMATCH)).toEqual([]);
    expect((await client.open(uriOf('team/ds.md'), MISMATCH)).map((d) => d.code)).toContain('title-duty-mismatch');
  });

  it('lints what "files" in .jdlintrc.json names as a posting, and nothing else', async () => {
    mkdirSync(path.join(dir, 'declared'), { recursive: true });
    writeFileSync(path.join(dir, 'declared', '.jdlintrc.json'), JSON.stringify({ files: ['jobs-*.md'] }));
    expect((await client.open(uriOf('declared/jobs-ds.md'), THIN)).map((d) => d.code)).toContain('missing-pay-range');
    expect(await client.open(uriOf('declared/other.md'), MISMATCH)).toEqual([]);
  });
});
