// The language server's browser bundle in a Web Worker in Chromium: the same protocol tests as the
// Node.js server, then what only the browser server does (files through the client).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { buildDist } from '../lsp/client';
import { protocolSuite } from '../lsp/protocolSuite';
import { closeEnvironment, startWorkerClient } from './workerClient';

const MISMATCH = readFileSync(path.resolve(__dirname, '../fixtures/lsp/mismatch.md'), 'utf8');
const mismatchOf = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'title-duty-mismatch');

afterAll(closeEnvironment);

// Rule docs: where the client said they are (the extension's own folder in the web extension).
protocolSuite('web worker in Chromium', startWorkerClient, /^http:\/\/127\.0\.0\.1:\d+\/docs\/rules\/title-duty-mismatch\.md$/, buildDist);

describe('web worker: files through the client', () => {
  function workspace(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jdlint-web-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    return dir;
  }
  const uriOf = (dir: string, name: string) => pathToFileURL(path.join(dir, name)).href;

  it('applies the project config file and what it extends, read through the client', async () => {
    const dir = workspace({
      '.jdlintrc.json': JSON.stringify({ extends: './team/base.yaml', rules: { 'title-duty-mismatch': 'error' } }),
      'team/base.yaml': 'rules:\n  missing-duties: off\n',
    });
    const c = await startWorkerClient({ workspaceFolders: [pathToFileURL(dir).href] });
    try {
      const diags = await c.open(uriOf(dir, 'postings/a.md'), MISMATCH);
      expect(mismatchOf(diags)[0].severity).toBe(1);
      expect(c.reads).toContain(uriOf(dir, '.jdlintrc.json'));
      expect(c.reads).toContain(uriOf(dir, 'team/base.yaml'));
      // Nothing above the workspace folder is asked for.
      expect(c.reads.every((u) => u.startsWith(pathToFileURL(dir).href + '/'))).toBe(true);
      expect(c.errors).toEqual([]);
    } finally {
      await c.stop();
    }
  });

  it('reports a broken config file on the file itself, and lints with the other settings', async () => {
    const dir = workspace({ '.jdlintrc.json': '{\n  "rules": { "title-duty-mismatch": "error" \n' });
    const c = await startWorkerClient({ workspaceFolders: [pathToFileURL(dir).href] });
    try {
      const onConfig = c.diagnostics(uriOf(dir, '.jdlintrc.json'));
      const diags = await c.open(uriOf(dir, 'a.md'), MISMATCH);
      expect(mismatchOf(diags)[0].severity).toBe(2);
      const [problem] = await onConfig;
      // Where the JSON breaks off (the end of the file, line 3) and why, as an error on the file.
      expect(problem.message).toBe('JD Lint configuration: not valid JSON at line 3, column 1 (CloseBraceExpected). Postings are linted with the other settings until this is fixed.');
      expect(problem.range).toEqual({ start: { line: 2, character: 0 }, end: { line: 2, character: 0 } });
      expect(problem.severity).toBe(1);
    } finally {
      await c.stop();
    }
  });

  it('leaves alone what the team leaves out (.gitignore, .jdlintignore, "ignores"), read through the client', async () => {
    const dir = workspace({
      '.gitignore': 'build/\n',
      '.jdlintignore': 'drafts/\n',
      '.jdlintrc.json': JSON.stringify({ ignores: ['archive/**'] }),
    });
    const c = await startWorkerClient({ workspaceFolders: [pathToFileURL(dir).href] });
    try {
      for (const name of ['build/a.md', 'drafts/a.md', 'archive/2020/a.md']) {
        expect(await c.open(uriOf(dir, name), MISMATCH), name).toEqual([]);
      }
      expect(mismatchOf(await c.open(uriOf(dir, 'open/a.md'), MISMATCH))).toHaveLength(1);
      expect(c.reads).toContain(uriOf(dir, '.jdlintignore'));
    } finally {
      await c.stop();
    }
  });

  it('a client wholly in the page: diagnostics and hover from the worker', async () => {
    const c = await startWorkerClient();
    try {
      const r = await c.page.evaluate((text) => (globalThis as unknown as { jdlintPageClient(t: string): Promise<{ codes: string[]; hover: string }> }).jdlintPageClient(text), MISMATCH);
      expect(r.codes).toContain('title-duty-mismatch');
      expect(r.hover).toMatch(/Suggested: Senior Machine Learning Engineer/);
      expect(c.errors).toEqual([]);
    } finally {
      await c.stop();
    }
  });
});
