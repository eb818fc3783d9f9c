// The open documents as the client sent them. Every change is applied to the text here, ranges
// clamped to the document as LSP asks ("a character past the line's end means the line's end"), and
// the result is a new TextDocument with a line table built from scratch: incremental sync then gives
// exactly the text and the positions a fresh open would. vscode-languageserver-textdocument 1.0.12
// patched its line table in place and broke it when a "\r" went in before a "\n" or a range reached
// past the end (line offsets [0, null, 17]; fixes written on the wrong line).
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/** A position as a client may send it: any numbers, even past the end, negative or not whole. */
interface LoosePosition {
  line: number;
  character: number;
}

/**
 * The offset of a position in a document whose line table is right (each is built fresh here):
 * past the last line is the end, past a line's end is that line's end before its line break, so
 * that no edit lands inside a "\r\n". The library clamps so once the numbers are whole.
 */
function clampedOffset(doc: TextDocument, p: LoosePosition): number {
  const line = Number.isFinite(p.line) ? Math.floor(p.line) : 0;
  const character = Number.isFinite(p.character) ? Math.max(0, Math.floor(p.character)) : 0;
  return doc.offsetAt({ line, character });
}

/**
 * The text after the changes, in order; a change without a range replaces the whole text. `doc`,
 * when given, holds `text` already: its line table (built for the last diagnostics) is reused.
 */
export function applyContentChanges(text: string, changes: readonly TextDocumentContentChangeEvent[], doc?: TextDocument): string {
  let current = doc && doc.getText() === text ? doc : null;
  for (const change of changes) {
    const newText = typeof change.text === 'string' ? change.text : '';
    if (!('range' in change) || !change.range) {
      text = newText;
      current = null;
      continue;
    }
    current ??= TextDocument.create('file:///', 'markdown', 0, text);
    let start = clampedOffset(current, change.range.start);
    let end = clampedOffset(current, change.range.end);
    if (end < start) [start, end] = [end, start];
    text = text.slice(0, start) + newText + text.slice(end);
    current = null;
  }
  return text;
}

// Each text the server holds gets its own revision: a client may send the same version number
// twice with different text, and a fix computed for one must never be applied to the other.
const revisions = new WeakMap<TextDocument, number>();
let lastRevision = 0;

function withRevision(doc: TextDocument): TextDocument {
  revisions.set(doc, ++lastRevision);
  return doc;
}

/** The revision of a document the server holds (0 for one it did not make). */
export function revisionOf(doc: TextDocument): number {
  return revisions.get(doc) ?? 0;
}

/** For TextDocuments: open and change documents as above. */
export const SYNCED_DOCUMENTS: TextDocumentsConfiguration<TextDocument> = {
  create: (uri, languageId, version, content) => withRevision(TextDocument.create(uri, languageId, version, typeof content === 'string' ? content : '')),
  update: (doc, changes, version) => withRevision(TextDocument.create(doc.uri, doc.languageId, version, applyContentChanges(doc.getText(), changes, doc))),
};
