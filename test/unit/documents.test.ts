// Incremental sync: the text after a client's changes is the text a fresh open would give, with
// ranges past a line's end or the document's end clamped as LSP asks (issue #16 item 5).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyContentChanges, revisionOf, SYNCED_DOCUMENTS } from '../../server/src/lsp/documents';

const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

/** Lines of a text as LSP counts them (\n, \r\n, lone \r), each without its line break. */
function lines(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length });
  return out;
}

/** The reference model: a position's offset, clamped to its line's end and to the document's end. */
function offsetOf(text: string, p: { line: number; character: number }): number {
  const ls = lines(text);
  if (p.line < 0) return 0;
  if (p.line >= ls.length) return text.length;
  const l = ls[p.line];
  return Math.min(l.start + Math.max(0, p.character), l.end);
}

const textArb = fc.array(fc.constantFrom('a', 'b', ' ', '-', '#', '\n', '\r', '\r\n', 'é', '😀'), { maxLength: 40 }).map((a) => a.join(''));

describe('applyContentChanges', () => {
  it('inserting "\\r" before a "\\n" gives one line break, as a fresh open reads it', () => {
    const text = applyContentChanges('# Data Scientist\n- ninja\n', [{ range: range(0, 16, 0, 16), text: '\r' }]);
    expect(text).toBe('# Data Scientist\r\n- ninja\n');
    const doc = SYNCED_DOCUMENTS.update(SYNCED_DOCUMENTS.create('file:///a.md', 'markdown', 1, '# Data Scientist\n- ninja\n'), [{ range: range(0, 16, 0, 16), text: '\r' }], 2);
    expect(doc.positionAt(text.indexOf('- ninja'))).toEqual({ line: 1, character: 0 });
    expect(doc.lineCount).toBe(3);
  });

  it('a range past the end of the document appends at the end', () => {
    const doc = SYNCED_DOCUMENTS.update(SYNCED_DOCUMENTS.create('file:///a.md', 'markdown', 1, '# Data Scientist'), [{ range: range(1, 0, 2, 0), text: '\n- ninja' }], 2);
    expect(doc.getText()).toBe('# Data Scientist\n- ninja');
    expect(doc.positionAt(doc.getText().length)).toEqual({ line: 1, character: 7 });
  });

  it('a character past the line end stops before the line break, never inside "\\r\\n"', () => {
    expect(applyContentChanges('ab\r\ncd', [{ range: range(0, 99, 0, 99), text: 'X' }])).toBe('abX\r\ncd');
    expect(applyContentChanges('ab\r\ncd', [{ range: range(0, 3, 1, 0), text: '' }])).toBe('abcd');
  });

  it('negative, reversed and fractional positions are clamped, not thrown on', () => {
    expect(applyContentChanges('abc', [{ range: range(-1, -5, 0, 1), text: 'X' }])).toBe('Xbc');
    expect(applyContentChanges('abc', [{ range: range(0, 2, 0, 1), text: 'X' }])).toBe('aXc');
    expect(applyContentChanges('abc', [{ range: range(0, 1.5, 0, NaN), text: 'X' }])).toBe('Xbc');
  });

  it('a change without a range replaces the text; changes apply in order', () => {
    expect(applyContentChanges('abc', [{ text: 'xyz' }, { range: range(0, 1, 0, 2), text: 'Y' }])).toBe('xYz');
  });

  it('equals the reference model for random texts and random (also out-of-range) edits', () => {
    const pos = fc.record({ line: fc.integer({ min: -1, max: 8 }), character: fc.integer({ min: -1, max: 12 }) });
    const edit = fc.record({ start: pos, end: pos, text: textArb });
    fc.assert(
      fc.property(textArb, fc.array(edit, { maxLength: 5 }), (text, edits) => {
        let model = text;
        for (const e of edits) {
          let a = offsetOf(model, e.start);
          let b = offsetOf(model, e.end);
          if (b < a) [a, b] = [b, a];
          model = model.slice(0, a) + e.text + model.slice(b);
        }
        const got = applyContentChanges(text, edits.map((e) => ({ range: { start: e.start, end: e.end }, text: e.text })));
        expect(got).toBe(model);
      }),
      { seed: 16, numRuns: 2000 },
    );
  });

  it('in range, equals the library applying the same edits to a fresh document', () => {
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(), textArb, (text, x, y, insert) => {
        const fresh = TextDocument.create('file:///a.md', 'markdown', 1, text);
        const a = Math.min(x % (text.length + 1), y % (text.length + 1));
        const b = Math.max(x % (text.length + 1), y % (text.length + 1));
        // Offsets inside a "\r\n" or a surrogate pair are not positions a client can send.
        if (text[a - 1] === '\r' && text[a] === '\n') return;
        if (text[b - 1] === '\r' && text[b] === '\n') return;
        const r = { start: fresh.positionAt(a), end: fresh.positionAt(b) };
        expect(applyContentChanges(text, [{ range: r, text: insert }])).toBe(TextDocument.applyEdits(fresh, [{ range: r, newText: insert }]));
      }),
      { seed: 16, numRuns: 2000 },
    );
  });

  it('gives every text its own revision, even at a repeated version number', () => {
    const a = SYNCED_DOCUMENTS.create('file:///a.md', 'markdown', 2, 'one');
    const b = SYNCED_DOCUMENTS.update(a, [{ text: 'two' }], 2);
    expect(revisionOf(b)).toBeGreaterThan(revisionOf(a));
    expect(revisionOf(TextDocument.create('file:///a.md', 'markdown', 2, 'two'))).toBe(0);
  });
});
