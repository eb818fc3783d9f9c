// Each feature module of the language server on its own: no connection, no process. An open
// document is made as the server makes one (SYNCED_DOCUMENTS), the rest by hand.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Connection, TextDocumentEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_CONFIG } from '../../server/src/engine/config';
import { lint } from '../../server/src/linter';
import { breakdownOf, titleLens } from '../../server/src/lsp/breakdown';
import { fixAllAction, quickFixes } from '../../server/src/lsp/codeActions';
import type { Analysis } from '../../server/src/lsp/context';
import { createContext } from '../../server/src/lsp/context';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { SYNCED_DOCUMENTS } from '../../server/src/lsp/documents';
import type { ServerHost } from '../../server/src/lsp/host';
import { hoverAt } from '../../server/src/lsp/hover';
import { DEFAULT_SETTINGS, settingsFrom, settingsStore } from '../../server/src/lsp/settings';
import { lintFiles } from '../../server/src/lsp/workspaceLint';
import { nodeServerHost } from '../../server/src/node/serverHost';

const MISMATCH = readFileSync(path.resolve(__dirname, '../fixtures/lsp/mismatch.md'), 'utf8');

function analysis(text = MISMATCH, version = 1): Analysis {
  const doc = SYNCED_DOCUMENTS.create('file:///p/posting.md', 'markdown', version, text);
  return { doc, settings: DEFAULT_SETTINGS, result: lint(text, DEFAULT_CONFIG) };
}

const host = (over: Partial<ServerHost> = {}): ServerHost => ({
  docsBase: 'https://example.test/rules',
  projectConfig: async (_uri, base) => ({ config: base, files: [] }),
  canReadPosting: () => true,
  insideWorkspace: () => true,
  readPosting: async () => ({ ok: false, error: 'no disk here' }),
  afterLint: () => {},
  ...over,
});

function fakeConnection(settings: unknown = null) {
  const sent: { uri: string; diagnostics: { message: string; range: unknown }[] }[] = [];
  const logs: string[] = [];
  const connection = {
    sendDiagnostics: async (p: (typeof sent)[number]) => void sent.push(p),
    workspace: { getConfiguration: async () => settings },
    console: { log: (m: string) => void logs.push(m) },
  } as unknown as Connection;
  return { connection, sent, logs };
}

describe('settings', () => {
  it('turns the editor settings into a configuration and keeps defaults for wrong values', () => {
    const logs: string[] = [];
    const s = settingsFrom({ enable: false, rules: { 'missing-duties': 'off' }, mismatchThreshold: 7 }, (m) => logs.push(m));
    expect(s.enable).toBe(false);
    expect(s.config.rules['missing-duties']).toBe('off');
    expect(s.config.thresholds.mismatchShare).toBe(DEFAULT_CONFIG.thresholds.mismatchShare);
    expect(logs.join('\n')).toMatch(/mismatchShare/);
    expect(settingsFrom(null, () => {})).toBe(DEFAULT_SETTINGS);
  });

  it('publishes a config file problem at its place in the file, and clears it once fixed', async () => {
    const { connection, sent } = fakeConnection({ enable: true });
    let problems = [{ message: 'not valid JSON at line 2, column 3', range: { start: 4, end: 5 } }];
    const store = settingsStore(
      connection,
      host({ projectConfig: async (_u, base) => ({ config: base, files: [{ uri: 'file:///p/.jdlintrc.json', problems, text: async () => '{\n  x\n}' }] }) }),
      () => {},
      () => true,
      () => ['file:///p'],
    );
    await store.get('file:///p/a.md');
    expect(sent).toHaveLength(1);
    expect(sent[0].uri).toBe('file:///p/.jdlintrc.json');
    expect(sent[0].diagnostics[0].range).toEqual({ start: { line: 1, character: 2 }, end: { line: 1, character: 3 } });
    expect(sent[0].diagnostics[0].message).toMatch(/^JD Lint configuration: not valid JSON at line 2, column 3\./);
    // Kept: asking again reads nothing.
    await store.get('file:///p/a.md');
    expect(sent).toHaveLength(1);
    problems = [];
    store.clear();
    await store.get('file:///p/a.md');
    expect(sent[1]).toEqual({ uri: 'file:///p/.jdlintrc.json', diagnostics: [] });
  });
});

describe('code actions', () => {
  it('offer the fixes a diagnostic carries, preferred first, pinned to the version', () => {
    const a = analysis();
    const diagnostics = a.result.findings.map((f) => toDiagnostic(a.doc, f, 'x'));
    const actions = quickFixes(a.doc, diagnostics, true);
    expect(actions[0]).toMatchObject({ title: 'Retitle to "Senior Machine Learning Engineer"', isPreferred: true });
    expect((actions[0].edit!.documentChanges![0] as TextDocumentEdit).textDocument).toEqual({ uri: a.doc.uri, version: 1 });
    expect(quickFixes(a.doc, diagnostics, false)[0].edit!.changes![a.doc.uri]).toHaveLength(1);
  });

  it('offer nothing for diagnostics of another text with the same version number', () => {
    const before = analysis();
    const diagnostics = before.result.findings.map((f) => toDiagnostic(before.doc, f, 'x'));
    const after = analysis(MISMATCH + '\n', 1);
    expect(quickFixes(after.doc, diagnostics, true)).toEqual([]);
  });

  it('fix all applies every preferred fix once; on the fixed text there is nothing left', () => {
    const a = analysis();
    const action = fixAllAction(a, false)!;
    expect(action.kind).toBe('source.fixAll.jdlint');
    const fixed = TextDocument.applyEdits(a.doc, action.edit!.changes![a.doc.uri]);
    expect(fixed.split('\n')[0]).toBe('# Senior Machine Learning Engineer');
    expect(fixAllAction(analysis(fixed), false)).toBeNull();
  });
});

describe('hover, breakdown and CodeLens', () => {
  it('hover explains the title and a duty line, and nothing on a blank line', () => {
    const a = analysis();
    const title = hoverAt(a, { line: 0, character: 5 })!;
    expect((title.contents as { value: string }).value).toMatch(/Suggested: Senior Machine Learning Engineer/);
    expect((hoverAt(a, { line: 7, character: 10 })!.contents as { value: string }).value).toMatch(/ML-engineering duty/);
    expect(hoverAt(a, { line: 1, character: 0 })).toBeNull();
  });

  it('breakdown and lens give the same shares', () => {
    const a = analysis();
    const b = breakdownOf(a);
    expect(b.role).toBe('mle');
    const [lens] = titleLens(a);
    expect(lens.command!.title).toBe(`DS ${b.dsPercent} · MLE ${b.mlePercent} · role: mle`);
    expect(lens.command!.arguments).toEqual([a.doc.uri]);
    expect(titleLens(analysis('no title, no duties\n'))).toEqual([]);
  });
});

describe('the preamble and workspace lint', () => {
  it('analyses open postings only, and none when JD Lint is off for it', async () => {
    let enable = true;
    const { connection } = fakeConnection();
    (connection.workspace as { getConfiguration: unknown }).getConfiguration = async () => ({ enable });
    const ctx = createContext(connection, host());
    ctx.client.configuration = true;
    // The documents' own notification handlers, as the connection would call them.
    let open: (p: unknown) => void = () => {};
    const ignore = () => ({ dispose() {} });
    ctx.documents.listen({
      onDidOpenTextDocument: (h: typeof open) => ((open = h), ignore()),
      onDidChangeTextDocument: ignore,
      onDidCloseTextDocument: ignore,
      onWillSaveTextDocument: ignore,
      onWillSaveTextDocumentWaitUntil: ignore,
      onDidSaveTextDocument: ignore,
    } as unknown as Connection);
    open({ textDocument: { uri: 'file:///p/a.md', languageId: 'markdown', version: 3, text: MISMATCH } });
    open({ textDocument: { uri: 'file:///p/a.json', languageId: 'json', version: 1, text: '{}' } });
    const a = await ctx.analyse('file:///p/a.md');
    expect(a?.doc.version).toBe(3);
    expect(a?.result.title?.text).toBe('Senior Data Scientist');
    expect(await ctx.analyse('file:///p/a.json')).toBeNull();
    expect(await ctx.analyse('file:///p/not-open.md')).toBeNull();
    enable = false;
    ctx.forgetAll();
    expect(await ctx.analyse('file:///p/a.md')).toBeNull();
  });

  it('reads postings through the host, inside the workspace only, and reports what it cannot read', async () => {
    const { connection, sent, logs } = fakeConnection();
    const ctx = createContext(
      connection,
      host({
        insideWorkspace: (uri) => uri.startsWith('file:///ws/'),
        readPosting: async (uri) => (uri.endsWith('gone.md') ? { ok: false, error: 'ENOENT' } : { ok: true, text: MISMATCH }),
      }),
    );
    const n = await lintFiles(ctx, connection, { uris: ['file:///ws/a.md', 'file:///etc/b.md', 'file:///ws/gone.md', 'file:///ws/c.txt'] });
    expect(n).toBe(1);
    expect(sent.map((s) => s.uri)).toEqual(['file:///ws/a.md']);
    expect(sent[0].diagnostics.some((d) => /^Titled "Senior Data Scientist"/.test(d.message))).toBe(true);
    expect(logs).toEqual([
      'jdlint: not linting file:///etc/b.md: not a Markdown file inside the workspace',
      'jdlint: could not lint file:///ws/gone.md: ENOENT',
      'jdlint: not linting file:///ws/c.txt: not a Markdown file inside the workspace',
    ]);
  });
});

describe('a virtual workspace on Node.js', () => {
  it('reads the config file of a non-file: posting through the client, inside the workspace folder only', async () => {
    const asked: string[] = [];
    const files: Record<string, string> = {
      'vscode-vfs://github/team/postings/.jdlintrc.yaml': 'extends: ./shared/base.json\nrules:\n  title-duty-mismatch: error\n',
      'vscode-vfs://github/team/postings/shared/base.json': '{ "rules": { "missing-duties": "off" } }',
    };
    const host = nodeServerHost('file:///docs', async (uris) =>
      uris.map((u) => {
        asked.push(u);
        return u in files ? { text: files[u] } : { error: 'ENOENT', missing: true };
      }),
    );
    const { config, files: read } = await host.projectConfig('vscode-vfs://github/team/postings/jobs/a.md', DEFAULT_CONFIG, ['vscode-vfs://github/team/postings']);
    expect(config.rules['title-duty-mismatch']).toBe('error');
    expect(config.rules['missing-duties']).toBe('off');
    expect(read.map((f) => f.uri)).toEqual(['vscode-vfs://github/team/postings/.jdlintrc.yaml', 'vscode-vfs://github/team/postings/shared/base.json']);
    // The search went up to the workspace folder and no further.
    expect(asked.every((u) => u.startsWith('vscode-vfs://github/team/postings/'))).toBe(true);
    expect(host.insideWorkspace('vscode-vfs://github/team/postings/jobs/a.md', ['vscode-vfs://github/team/postings'])).toBe(true);
    expect(host.insideWorkspace('vscode-vfs://github/other/x.md', ['vscode-vfs://github/team/postings'])).toBe(false);
  });
});
