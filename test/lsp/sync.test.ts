// Incremental sync and versions at the protocol level (issue #16 items 5 and 7): whatever edits a
// client sends, the diagnostics and fixes are those of a fresh open of the same text.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startInProcess, type InProcessClient } from '../fuzz/inProcess';

let client: InProcessClient;
beforeAll(async () => {
  client = await startInProcess();
});
afterAll(() => client?.stop());

let n = 0;
/** Diagnostics without what differs between two opens of the same text (uri, version, revision). */
function comparable(ds: Diagnostic[]) {
  return ds.map((d) => ({
    ...d,
    data: { ...(d.data as object), revision: 0, version: 0 },
    relatedInformation: d.relatedInformation?.map((r) => ({ ...r, location: { ...r.location, uri: '' } })),
  }));
}
async function fresh(text: string): Promise<Diagnostic[]> {
  const uri = `file:///fresh/${n++}.md`;
  const d = await client.open(uri, text);
  await client.close(uri);
  return d;
}
async function actions(uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
  return (await client.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics },
  })) as CodeAction[];
}
const edited = (text: string, a: CodeAction) => TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 0, text), (a.edit!.documentChanges![0] as TextDocumentEdit).edits);
const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

// The toy postings below are too thin for the text to tell (engine/detect.ts): a marker says they are postings.
describe('incremental sync', () => {
  it('a "\\r" typed before a "\\n" moves nothing: findings and fixes as a fresh open', async () => {
    const uri = 'file:///sync/cr.md';
    await client.open(uri, '# Data Scientist\n- ninja\n<!-- jdlint-posting -->\n');
    const ds = await client.change(uri, 2, [{ range: range(0, 16, 0, 16), text: '\r' }]);
    expect(comparable(ds)).toEqual(comparable(await fresh('# Data Scientist\r\n- ninja\n<!-- jdlint-posting -->\n')));
    const ninja = ds.find((d) => d.range.start.line === 1)!;
    expect(ninja).toMatchObject({ code: 'exclusionary-language', range: range(1, 2, 1, 7) });
    // The fixes edit "ninja" where it is, not one character off: the word replaced, the comment on its own line.
    const text = '# Data Scientist\r\n- ninja\n<!-- jdlint-posting -->\n';
    expect((await actions(uri, [ninja])).map((a) => [a.title, edited(text, a)])).toEqual([
      ['Replace with "expert"', '# Data Scientist\r\n- expert\n<!-- jdlint-posting -->\n'],
      ['Disable exclusionary-language for this line', '# Data Scientist\r\n<!-- jdlint-disable-next-line exclusionary-language -->\r\n- ninja\n<!-- jdlint-posting -->\n'],
    ]);
  });

  it('a range past the end of the document appends, and positions stay numbers', async () => {
    const uri = 'file:///sync/past-end.md';
    await client.open(uri, '# Data Scientist');
    const ds = await client.change(uri, 2, [{ range: range(1, 0, 2, 0), text: '\n- ninja' }]);
    expect(comparable(ds)).toEqual(comparable(await fresh('# Data Scientist\n- ninja')));
    for (const d of ds) for (const p of [d.range.start, d.range.end]) expect(Number.isInteger(p.character) && Number.isInteger(p.line)).toBe(true);
  });

  it('a repeated version number is new text: diagnostics of the new text, no fix from the old one', async () => {
    const uri = 'file:///sync/repeat.md';
    await client.open(uri, '# Data Scientist\n');
    const first = await client.change(uri, 2, [{ text: '# Data Scientist\n- We need a ninja\n<!-- jdlint-posting -->\n' }]);
    const second = await client.change(uri, 2, [{ text: '# Data Scientist\n- ninja\n<!-- jdlint-posting -->\n' }]);
    expect(comparable(second)).toEqual(comparable(await fresh('# Data Scientist\n- ninja\n<!-- jdlint-posting -->\n')));
    const stale = first.filter((d) => (d.data as { fixes?: unknown[] })?.fixes?.length);
    expect(stale.length).toBeGreaterThan(0);
    expect(await actions(uri, stale)).toEqual([]);
    // The fix offered now is the new text's: "ninja" at 1:2, not where the old text had it (1:12).
    const replace = (await actions(uri, second)).find((a) => a.title === 'Replace with "expert"');
    expect(replace && edited('# Data Scientist\n- ninja\n<!-- jdlint-posting -->\n', replace)).toBe('# Data Scientist\n- expert\n<!-- jdlint-posting -->\n');
  });

  it('reopening an open uri lints the new text', async () => {
    const uri = 'file:///sync/reopen.md';
    await client.open(uri, '# Data Scientist\n');
    const again = await client.open(uri, '# Data Ninja\n- Build statistical models\n');
    expect(comparable(again)).toEqual(comparable(await fresh('# Data Ninja\n- Build statistical models\n')));
  });

  it('random edits (seeded): incremental always equals fresh, every range inside the document', async () => {
    const base = '# Data Scientist\n\n## Responsibilities\n- Deploy models on Kubernetes\n- We want a rockstar ninja\r\n- Build statistical models\n\nSalary: $100,000 per year\n';
    const pieces = ['a', ' ', '\n', '\r', '\r\n', '- ', '# ', 'ninja', 'Kubernetes', 'statistics', '<!-- jdlint-disable-next-line -->', '😀', ''];
    const pos = fc.record({ line: fc.integer({ min: -1, max: 14 }), character: fc.integer({ min: -1, max: 40 }) });
    const edit = fc.record({ start: pos, end: pos, text: fc.constantFrom(...pieces) });
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 8 }), async (edits) => {
        const uri = `file:///sync/random-${runs++}.md`;
        await client.open(uri, base);
        let model = TextDocument.create(uri, 'markdown', 1, base);
        let ds: Diagnostic[] = [];
        let version = 1;
        for (const e of edits) {
          ds = await client.change(uri, ++version, [{ range: { start: e.start, end: e.end }, text: e.text }]);
          // The model: clamp as LSP says, then a fresh document of the result.
          const text = model.getText();
          const clamp = (p: { line: number; character: number }) => {
            if (p.line < 0) return 0;
            if (p.line >= model.lineCount) return text.length;
            const lineEnd = model.offsetAt({ line: p.line + 1, character: 0 });
            let end = lineEnd;
            if (p.line + 1 < model.lineCount) end = text[lineEnd - 2] === '\r' && text[lineEnd - 1] === '\n' ? lineEnd - 2 : lineEnd - 1;
            return Math.min(model.offsetAt({ line: p.line, character: 0 }) + Math.max(0, p.character), end);
          };
          const [a, b] = [clamp(e.start), clamp(e.end)].sort((x, y) => x - y);
          model = TextDocument.create(uri, 'markdown', version, text.slice(0, a) + e.text + text.slice(b));
        }
        const text = model.getText();
        for (const d of ds) {
          for (const p of [d.range.start, d.range.end]) expect(model.offsetAt(p)).toBe(model.offsetAt(model.positionAt(model.offsetAt(p))));
          expect(model.offsetAt(d.range.end)).toBeLessThanOrEqual(text.length);
        }
        expect(comparable(ds)).toEqual(comparable(await fresh(text)));
        await client.close(uri);
      }),
      { seed: 16, numRuns: 60 },
    );
  });
});
