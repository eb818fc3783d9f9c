// The one place that converts between document offsets and line/column positions.
// Offsets and characters are UTF-16 code units, as in JavaScript strings and LSP's default encoding.

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
}

/** Offsets at which each line starts. Lines end at \n, \r\n or a lone \r. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  // Most texts break lines with \n alone: the native search finds them without a visit per character.
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Offset at which the line holding `offset` starts, found without reading the whole text. */
export function lineStartOf(text: string, offset: number): number {
  let k = Math.max(0, Math.min(offset, text.length));
  while (k > 0) {
    const c = text.charCodeAt(k - 1);
    // A \r right before the \n at `offset` is the same line break: the line started before it.
    if (c === 10 || (c === 13 && text.charCodeAt(k) !== 10)) break;
    k--;
  }
  return k;
}

export function positionAt(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

export function offsetAt(starts: number[], position: Position, textLength: number): number {
  if (position.line >= starts.length) return textLength;
  if (position.line < 0) return 0;
  const lineStart = starts[position.line];
  const nextStart = position.line + 1 < starts.length ? starts[position.line + 1] : textLength;
  return Math.max(lineStart, Math.min(lineStart + position.character, nextStart));
}
