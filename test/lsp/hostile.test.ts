// Issue #16 items 2 and 6 in the language server: jdlint/lintFiles reads Markdown postings of the
// workspace only, regular files only, and never waits on a FIFO or a device.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LINT_FILES_REQUEST } from '../../server/src/protocol';
import { startInProcess, type InProcessClient } from '../fuzz/inProcess';

const unix = process.platform !== 'win32';
let client: InProcessClient;
let ws: string;
beforeAll(async () => {
  ws = mkdtempSync(path.join(os.tmpdir(), 'jdlint-ws-'));
  writeFileSync(path.join(ws, 'p.md'), '# Data Scientist\n\n- Build statistical models\n\n<!-- jdlint-posting -->\n');
  if (unix) {
    symlinkSync('/dev/zero', path.join(ws, 'zero.md'));
    execFileSync('mkfifo', [path.join(ws, 'fifo.md')]);
  }
  client = await startInProcess(null, [pathToFileURL(ws).href]);
});
afterAll(() => client?.stop());

describe.runIf(unix)('jdlint/lintFiles', () => {
  it('lints a posting of the workspace, and refuses /dev/zero, a FIFO and files outside the workspace at once', async () => {
    const uris = [path.join(ws, 'p.md'), path.join(ws, 'zero.md'), path.join(ws, 'fifo.md'), '/etc/passwd', '/etc/hostname.md'].map((f) => pathToFileURL(f).href);
    const n = await client.conn.sendRequest(LINT_FILES_REQUEST, { uris });
    expect(n).toBe(1);
    expect([...client.published.keys()].filter((u) => !u.endsWith('/p.md'))).toEqual([]);
  });

  it('lints postings of a workspace folder added later', async () => {
    const added = mkdtempSync(path.join(os.tmpdir(), 'jdlint-ws-added-'));
    writeFileSync(path.join(added, 'q.md'), '# Data Scientist\n\n- Build statistical models\n\n<!-- jdlint-posting -->\n');
    const uris = [pathToFileURL(path.join(added, 'q.md')).href];
    expect(await client.conn.sendRequest(LINT_FILES_REQUEST, { uris })).toBe(0);
    await client.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: pathToFileURL(added).href, name: 'added' }], removed: [] } });
    expect(await client.conn.sendRequest(LINT_FILES_REQUEST, { uris })).toBe(1);
  });
});

describe('a hostile config file in the workspace', () => {
  it('is a diagnostic on the config file, and its postings are still linted', async () => {
    const sub = path.join(ws, 'bomb');
    mkdirSync(sub);
    const rows = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [k, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e']]) rows.push(`${k}: &${k} [${Array(9).fill(`*${prev}`).join(',')}]`);
    rows.push('extends: /dev/zero');
    const rc = path.join(sub, '.jdlintrc.yaml');
    writeFileSync(rc, rows.join('\n') + '\n');
    const posting = client.open(pathToFileURL(path.join(sub, 'p.md')).href, '# Data Scientist\n\n- Build statistical models\n\n<!-- jdlint-posting -->\n');
    // Linted with the default settings: the findings a posting with one duty and no pay gets, at their default severity (3: information).
    expect((await posting).map((d) => [d.code, d.severity]).sort()).toEqual([['missing-duties', 3], ['missing-pay-range', 3]]);
    const onConfig = client.published.get(pathToFileURL(rc).href)?.diagnostics ?? [];
    expect(onConfig.map((d) => d.message)).toEqual(['JD Lint configuration: YAML aliases expand too far (over 100): not read. Postings are linted with the other settings until this is fixed.']);
  });
});

describe('a pathological posting over the protocol', () => {
  it('answers 20 KB of setext headings and each keystroke on it (43 s to first diagnostics before; the suite timeout bounds it, bench measures it)', async () => {
    const uri = 'file:///dos/setext.md';
    // Marked a posting: unmarked, detection turns it away and the rules never run on it.
    const text = 'a\n=\n'.repeat(5000) + '<!-- jdlint-posting -->\n';
    expect((await client.open(uri, text)).map((d) => d.code)).toEqual(['missing-title']);
    let last: Diagnostic[] = [];
    for (let k = 0; k < 5; k++) {
      last = await client.change(uri, k + 2, [{ range: { start: { line: 100 + k, character: 0 }, end: { line: 100 + k, character: 0 } }, text: 'x' }]);
    }
    // Each keystroke is linted: the last answer is that of the edited text (no title: a block of this many
    // setext underlines is read line by line, as text, see MAX_UNDERLINES in engine/posting).
    expect(last.map((d) => [d.code, d.range.start.line])).toEqual([['missing-title', 0]]);
    expect(await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } })).toBeNull();
  });
});
