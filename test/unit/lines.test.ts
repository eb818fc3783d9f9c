import { describe, expect, it } from 'vitest';
import { lineStartOf, lineStarts, positionAt } from '../../server/src/engine/lines';

describe('lineStartOf', () => {
  it('finds the start of the line at every offset as lineStarts does, with \\n, \\r\\n and lone \\r', () => {
    const text = 'Title\r\n\r\n- Deploy models\n- Serve them\rlone CR line\r\n\nlast line';
    const starts = lineStarts(text);
    for (let offset = 0; offset <= text.length; offset++) {
      expect([offset, lineStartOf(text, offset)]).toEqual([offset, starts[positionAt(starts, offset).line]]);
    }
  });
});

describe('lineStarts', () => {
  it('starts a line after each \\n, \\r\\n and lone \\r, with or without \\r in the text', () => {
    expect(lineStarts('')).toEqual([0]);
    expect(lineStarts('a\nbc\n\nd\n')).toEqual([0, 2, 5, 6, 8]);
    expect(lineStarts('\n')).toEqual([0, 1]);
    expect(lineStarts('a\r\nbc\r\rd\ne')).toEqual([0, 3, 6, 7, 9]);
    // The same text with \n line breaks and with \r\n ones: the same lines, shifted by the \r.
    const lf = '# Title\n\n- Deploy models\n- Serve them\nlast';
    const crlf = lf.replace(/\n/g, '\r\n');
    expect(lineStarts(crlf)).toEqual(lineStarts(lf).map((s, line) => s + line));
  });
});
