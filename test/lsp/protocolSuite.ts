// The protocol tests, run against the Node.js server over stdio (server.test.ts) and against the
// web worker server in Chromium (test/web/server.test.ts): the same requests, the same answers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, Hover, MarkupContent, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { percent } from '../../server/src/engine/explain';
import type { Breakdown } from '../../server/src/protocol';
import type { TestClient } from './client';

const root = path.resolve(__dirname, '../..');
const MISMATCH = readFileSync(path.join(root, 'test/fixtures/lsp/mismatch.md'), 'utf8');

/** What the suite needs of a client: a connection, its settings answer and diagnostics waited on. */
export type SuiteClient = Pick<TestClient, 'conn' | 'settings' | 'diagnostics' | 'open' | 'stop'>;
export type StartClient = (opts?: { settings?: unknown; versionedEdits?: boolean }) => Promise<SuiteClient>;

const mismatchOf = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'title-duty-mismatch');

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), edits);
}

/** `docsLink`: what each diagnostic's rule docs link looks like for this server. */
export function protocolSuite(kind: string, start: StartClient, docsLink: RegExp, prepare: () => void = () => {}): void {
  let client: SuiteClient;
  beforeAll(async () => {
    prepare();
    client = await start();
  }, 120_000);
  afterAll(async () => {
    await client?.stop();
  });

  describe(`language server (${kind})`, () => {
    it('publishes the mismatch on the title with source, rule id, docs link and evidence locations', async () => {
      const uri = 'file:///postings/mismatch.md';
      const [d] = mismatchOf(await client.open(uri, MISMATCH));
      expect(d.source).toBe('jdlint');
      expect(d.severity).toBe(2);
      expect(d.range).toEqual({ start: { line: 0, character: 2 }, end: { line: 0, character: 23 } });
      expect(d.codeDescription?.href).toMatch(docsLink);
      expect(d.message).toMatch(/^Titled "Senior Data Scientist", but \d+ of \d+ duties are ML-engineering work/);
      expect(d.relatedInformation!.length).toBeGreaterThan(2);
      const firstDuty = d.relatedInformation!.find((r) => r.location.range.start.line === 7)!;
      expect(firstDuty.location).toEqual({ uri, range: { start: { line: 7, character: 2 }, end: { line: 7, character: 76 } } });
      expect(firstDuty.message).toBe('ML-engineering duty: Deploy, low-latency, REST services, Kubernetes');
    });

    it('explains the title and a duty line on hover', async () => {
      const uri = 'file:///postings/hover.md';
      await client.open(uri, MISMATCH);
      const title = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } })) as Hover;
      const t = (title.contents as MarkupContent).value;
      expect(t).toMatch(/ML engineering \d+% of the duty evidence/);
      expect(t).toMatch(/Suggested: Senior Machine Learning Engineer/);
      const duty = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 7, character: 10 } })) as Hover;
      const v = (duty.contents as MarkupContent).value;
      expect(v).toMatch(/ML-engineering duty \(score \d\.\d\d\)/);
      expect(v).toMatch(/`Kubernetes` \(Kubernetes/);
    });

    it('offers the preferred retitle first; applying it clears the warning', async () => {
      const uri = 'file:///postings/fix.md';
      const diags = await client.open(uri, MISMATCH);
      const actions = (await client.conn.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: mismatchOf(diags)[0].range,
        context: { diagnostics: diags },
      })) as CodeAction[];
      expect(actions[0]).toMatchObject({ title: 'Retitle to "Senior Machine Learning Engineer"', kind: 'quickfix', isPreferred: true });
      const last = actions[actions.length - 1];
      expect(last).toMatchObject({ title: 'Disable title-duty-mismatch for this line', isPreferred: false });
      const silenced = apply(MISMATCH, (last.edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[]);
      expect(silenced.startsWith('<!-- jdlint-disable-next-line title-duty-mismatch -->\n# Senior Data Scientist\n')).toBe(true);
      const change = actions[0].edit!.documentChanges![0] as TextDocumentEdit;
      expect(change.textDocument).toEqual({ uri, version: 1 });
      expect(change.edits).toEqual([{ range: { start: { line: 0, character: 9 }, end: { line: 0, character: 23 } }, newText: 'Machine Learning Engineer' }]);
      const fixed = apply(MISMATCH, change.edits as TextEdit[]);
      const after = client.diagnostics(uri, 2);
      await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
      expect(mismatchOf(await after)).toEqual([]);
    });

    it('returns no edit for a diagnostic computed for an older version', async () => {
      const uri = 'file:///postings/stale.md';
      const diags = await client.open(uri, MISMATCH);
      const next = client.diagnostics(uri, 2);
      await client.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' }],
      });
      await next;
      const actions = (await client.conn.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: diags[0].range,
        context: { diagnostics: diags },
      })) as CodeAction[];
      expect(actions).toEqual([]);
    });

    it('gives the same diagnostics after incremental edits as a fresh open of the final text', async () => {
      const uri = 'file:///postings/incremental.md';
      await client.open(uri, MISMATCH);
      let text = MISMATCH;
      let version = 1;
      const doc = TextDocument.create(uri, 'markdown', 1, text);
      const typed = '\n- Tune Kubernetes autoscaling for inference';
      const at = doc.positionAt(MISMATCH.indexOf('## What you bring') - 1);
      let last: Promise<Diagnostic[]> = Promise.resolve([]);
      for (let i = 0; i < typed.length; i++) {
        version++;
        const pos = TextDocument.create(uri, 'markdown', version, text).positionAt(doc.offsetAt(at) + i);
        text = apply(text, [{ range: { start: pos, end: pos }, newText: typed[i] }]);
        last = client.diagnostics(uri, version);
        await client.conn.sendNotification('textDocument/didChange', {
          textDocument: { uri, version },
          contentChanges: [{ range: { start: pos, end: pos }, text: typed[i] }],
        });
      }
      const incremental = await last;
      const fresh = await client.open('file:///postings/fresh.md', text);
      const strip = (ds: Diagnostic[]) => ds.map(({ data: _data, relatedInformation, ...d }) => ({ ...d, related: relatedInformation?.map((r) => r.location.range) }));
      expect(strip(incremental)).toEqual(strip(fresh));
    });

    it('re-lints with new settings: a rule turned off, a severity raised', async () => {
      const c = await start({ settings: { rules: { 'title-duty-mismatch': 'error' } } });
      try {
        const uri = 'file:///postings/settings.md';
        expect(mismatchOf(await c.open(uri, MISMATCH))[0].severity).toBe(1);
        c.settings = { rules: { 'title-duty-mismatch': 'off' } };
        const next = c.diagnostics(uri);
        await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
        expect(mismatchOf(await next)).toEqual([]);
        c.settings = { enable: false };
        const none = c.diagnostics(uri);
        await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
        expect(await none).toEqual([]);
      } finally {
        await c.stop();
      }
    });

    it('uses plain changes for clients without versioned edits and defaults for null settings', async () => {
      const c = await start({ versionedEdits: false, settings: null });
      try {
        const uri = 'file:///postings/plain.md';
        const diags = await c.open(uri, MISMATCH);
        expect(mismatchOf(diags)).toHaveLength(1);
        const actions = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diags[0].range, context: { diagnostics: diags } })) as CodeAction[];
        expect(actions[0].edit!.changes![uri]).toHaveLength(1);
      } finally {
        await c.stop();
      }
    });

    it('serves a CodeLens with the breakdown on the title', async () => {
      const uri = 'file:///postings/lens.md';
      await client.open(uri, MISMATCH);
      const lenses = (await client.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as { command: { title: string; command: string } }[];
      expect(lenses).toHaveLength(1);
      expect(lenses[0].command.title).toMatch(/^DS \d+% · MLE \d+% · role: mle$/);
      expect(lenses[0].command.command).toBe('jdlint.showBreakdown');
      const b = (await client.conn.sendRequest('jdlint/breakdown', { uri })) as { role: string; mleTerms: string[]; ds: number; mle: number };
      expect(b.role).toBe('mle');
      expect(b.mleTerms).toContain('Kubernetes');
      // The same percentages as the CLI and the messages, adding up to 100.
      const [ds, mle] = /^DS (\d+)% · MLE (\d+)%/.exec(lenses[0].command.title)!.slice(1).map(Number);
      expect(ds + mle).toBe(100);
      expect(`${mle}%`).toBe(percent(b.mle));
      // What the breakdown view draws: the verdict the rules gave, and each duty section's pull.
      const view = b as unknown as Breakdown;
      expect(view.verdict).toMatchObject({ kind: 'mismatch', rule: 'title-duty-mismatch' });
      expect(view.verdict.suggestions[0]).toBe('Senior Machine Learning Engineer');
      expect(view.sections.map((s) => s.heading)).toEqual([null, "What you'll do", 'What you bring']);
      for (const s of view.sections.slice(1)) expect(s.mle).toBeGreaterThan(s.ds);
    });

    it('survives hostile documents and never sends a range outside the document', async () => {
      const hostile: Record<string, string> = {
        empty: '',
        binary: Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join(''),
        huge: '# Data Scientist\n' + '- Deploy models on Kubernetes\n'.repeat(350_000),
        nested: Array.from({ length: 20_000 }, (_, i) => ' '.repeat(i % 300) + '- Deploy models').join('\n'),
        crlf: MISMATCH.replace(/\n/g, '\r\n'),
        // Marked: too thin for the text alone to say it is a posting, and it must be linted to be checked.
        surrogates: '# Data \uD800Scientist\n\n- Deploy \uDC00 models on Kubernetes\n\n<!-- jdlint-posting -->\n',
        unclosed: '---\ntitle: Data Scientist\n\n' + MISMATCH,
      };
      // What each gets: the ranges below are checked on these, not on an empty list.
      const expected: Record<string, string[]> = {
        empty: [],
        binary: ['document-input'],
        huge: ['document-input'],
        nested: ['document-input'],
        crlf: ['missing-pay-range', 'title-duty-mismatch'],
        surrogates: ['missing-pay-range', 'title-duty-mismatch'],
        unclosed: ['document-input', 'missing-pay-range', 'title-duty-mismatch'],
      };
      for (const [name, text] of Object.entries(hostile)) {
        const uri = `file:///postings/hostile-${name}.md`;
        const diags = await client.open(uri, text);
        expect(diags.map((d) => d.code).sort(), name).toEqual(expected[name]);
        const doc = TextDocument.create(uri, 'markdown', 1, text);
        for (const d of diags) {
          for (const r of [d.range, ...(d.relatedInformation ?? []).map((x) => x.location.range)]) {
            // offsetAt clamps a position past a line's end: a position inside the document reads back unchanged.
            for (const p of [r.start, r.end]) expect(doc.positionAt(doc.offsetAt(p)), `${name}: ${d.code} ${JSON.stringify(r)}`).toEqual(p);
            expect(doc.offsetAt(r.start), name).toBeLessThanOrEqual(doc.offsetAt(r.end));
          }
        }
      }
      // Still alive and answering.
      expect(mismatchOf(await client.open('file:///postings/after.md', MISMATCH))).toHaveLength(1);
    });
  });

  describe(`workspace lint and fix all (${kind})`, () => {
    it('lints postings from disk into diagnostics without opening them', async () => {
      const { mkdtempSync, writeFileSync } = await import('node:fs');
      const os = await import('node:os');
      const { pathToFileURL } = await import('node:url');
      const dir = mkdtempSync(path.join(os.tmpdir(), 'jdlint-ws-'));
      writeFileSync(path.join(dir, 'a.md'), MISMATCH);
      const uri = pathToFileURL(path.join(dir, 'a.md')).href;
      const published = client.diagnostics(uri);
      expect(await client.conn.sendRequest('jdlint/lintFiles', { uris: [uri] })).toBe(1);
      expect(mismatchOf(await published)).toHaveLength(1);
    });

    it('fix all applies every preferred fix at once', async () => {
      const uri = 'file:///postings/fixall.md';
      const text = `# Data Ninja\n\n- Join our young and dynamic team\n- Design A/B tests and present insights to stakeholders\n\nSalary: $100,000 - $120,000 per year.\n`;
      await client.open(uri, text);
      const [action] = (await client.conn.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll.jdlint'] },
      })) as CodeAction[];
      const fixed = apply(text, (action.edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[]);
      expect(fixed.split('\n').slice(0, 3)).toEqual(['# Data Scientist', '', '- Join our energetic team']);
    });
  });
}
