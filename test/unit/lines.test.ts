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
