// Fixes are data; this applies them. Shared by the CLI, tests and anything that previews a fix.
import type { TextEdit } from './types';

/** Applies non-overlapping edits to text. Throws on overlapping or out-of-range edits: a fix must never corrupt. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.range.start < at || e.range.end < e.range.start || e.range.end > text.length) {
      throw new Error(`edit ${e.range.start}-${e.range.end} overlaps another edit or lies outside the text (length ${text.length})`);
    }
    out += text.slice(at, e.range.start) + e.newText;
    at = e.range.end;
  }
  return out + text.slice(at);
}
