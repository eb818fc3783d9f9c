// jdlint.run (#19 point 6) over the protocol: with "onSave" a posting is linted when opened and when
// saved, never on an edit; with the default ("onType") every edit is linted.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { createContext } from '../../server/src/lsp/context';
import { initializeResult } from '../../server/src/lsp/server';
import { settingsFrom } from '../../server/src/lsp/settings';
import { buildDist, startClient, type TestClient } from './client';

const MISMATCH = readFileSync(path.resolve(__dirname, '../fixtures/lsp/mismatch.md'), 'utf8');
const TITLE = '# Senior Data Scientist';
const mismatches = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'title-duty-mismatch');

/** Replaces the first line's title text. */
function retitle(client: TestClient, uri: string, version: number, title: string): Promise<void> {
  return client.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: TITLE.length } }, text: title }],
  });
}

/** Whether `p` settles within `ms` after the server has answered a request sent now (so it has read every earlier message). */
async function settlesSoon(client: TestClient, uri: string, p: Promise<unknown>, ms: number): Promise<boolean> {
  await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
  return Promise.race([p.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);
}

describe('jdlint.run', () => {
  let onSave: TestClient;
  let onType: TestClient;
  beforeAll(async () => {
    buildDist();
    [onSave, onType] = await Promise.all([startClient({ settings: { run: 'onSave' } }), startClient({ settings: {} })]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([onSave?.stop(), onType?.stop()]);
  });

  it('onSave: lints on open, not on an edit, and lints the edited text on save', async () => {
    const uri = 'file:///postings/on-save.md';
    expect(mismatches(await onSave.open(uri, MISMATCH))).toHaveLength(1);
    const afterEdit = onSave.diagnostics(uri, 2);
    await retitle(onSave, uri, 2, '# Senior Machine Learning Engineer');
    expect(await settlesSoon(onSave, uri, afterEdit, 500)).toBe(false);
    await onSave.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
    // The saved text is the retitled one: the mismatch is gone.
    expect(mismatches(await afterEdit)).toEqual([]);
  });

  it('onType (the default): an edit is linted at once', async () => {
    const uri = 'file:///postings/on-type.md';
    expect(mismatches(await onType.open(uri, MISMATCH))).toHaveLength(1);
    const afterEdit = onType.diagnostics(uri, 2);
    await retitle(onType, uri, 2, '# Senior Machine Learning Engineer');
    expect(await settlesSoon(onType, uri, afterEdit, 5000)).toBe(true);
    expect(mismatches(await afterEdit)).toEqual([]);
  });
});

describe('jdlint.run, read by the server', () => {
  it('is onType unless the editor says onSave; a wrong value is logged and the default kept', () => {
    const logs: string[] = [];
    expect(settingsFrom({}, (m) => logs.push(m)).run).toBe('onType');
    expect(settingsFrom({ run: 'onSave' }, (m) => logs.push(m)).run).toBe('onSave');
    expect(logs).toEqual([]);
    expect(settingsFrom({ run: 'sometimes' }, (m) => logs.push(m)).run).toBe('onType');
    expect(logs).toEqual(['jdlint settings: "run" must be "onType" or "onSave", got "sometimes" (default kept)']);
  });

  it('asks the client for save notifications (without the text: the server has it)', () => {
    const connection = { sendDiagnostics: async () => {}, workspace: {}, console: { log: () => {} } };
    const host = { docsBase: '', projectConfig: async () => ({ config: undefined, files: [] }), canReadPosting: () => true, insideWorkspace: () => true, readPosting: async () => ({ ok: false, error: '' }), afterLint: () => {} };
    const ctx = createContext(connection as never, host as never);
    const sync = initializeResult(ctx, { processId: null, rootUri: null, capabilities: {} }).capabilities.textDocumentSync;
    expect(sync).toMatchObject({ openClose: true, change: 2, save: { includeText: false } });
  });
});
