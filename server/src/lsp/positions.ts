// The one place where engine offsets become LSP positions and back. Both are UTF-16, as LSP's
// default position encoding; ranges are clamped to the document so none ever points outside it.
import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range as OffsetRange } from '../engine/types';

export function toRange(doc: TextDocument, r: OffsetRange): Range {
  const len = doc.getText().length;
  const start = Math.max(0, Math.min(r.start, len));
  const end = Math.max(start, Math.min(r.end, len));
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

export function toOffset(doc: TextDocument, p: Position): number {
  return doc.offsetAt(p);
}
