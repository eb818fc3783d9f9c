// The block record/replay cache. While a posting is edited, the blocks the edit did not touch
// read as before: what reading each did (Op[], builder.ts) is kept by its text and by what it
// depends on besides (the line state it started in, and whether the posting had a heading title or
// a "Title:" line before it), and done again at its new offset. A keystroke in a long posting then
// reads one block of lines instead of all of them.
import { keepingItemResults, TextLru } from '../text';
import type { ItemKind } from '../types';
import type { Op, PostingBuilder } from './builder';

/**
 * What the line reader carries from one block to the next (a block starts after a blank line, so
 * nothing else is open): the open list's kind and an open code fence (its char code, or 0).
 */
export interface LineState {
  readonly list: ItemKind | null;
  readonly fence: number;
}
export const OPEN: LineState = { list: null, fence: 0 };

// The least recently used blocks go first; a batch run (keepItemResults(false)) keeps none.
interface ReadBlock {
  /** What the read depended on besides the text (blockFlags and the flags of keptRead). */
  flags: number;
  ops: Op[];
  after: LineState;
}
/** Kept reads, by block text: a 20,000-word posting (about 130,000 characters) and the edits typed into it. */
const readBlocks = new TextLru<ReadBlock>(256_000);

function blockFlags(b: PostingBuilder, state: LineState): number {
  const list = state.list === null ? 0 : state.list === 'bullet' ? 1 : state.list === 'numbered' ? 2 : 3;
  return list | (state.fence << 2) | (b.headingTitle ? 1 << 20 : 0) | (b.labelTitle ? 1 << 21 : 0);
}

/**
 * Flags of a kept block read by micromark, and of one at the start of the document (front matter
 * counts only there; blocks never start with a "-" line, so this only guards what blockStarts ensures).
 */
export const MARKDOWN_READ = 1 << 22;
const AT_START = 1 << 23;

/**
 * Reads [start, end) with `read` (given the line state before it, returning the state after), or
 * replays what an earlier read of the same text in the same circumstances (`flags`) did.
 */
export function keptRead(b: PostingBuilder, start: number, end: number, state: LineState, flags: number, read: (state: LineState) => LineState): LineState {
  if (!keepingItemResults()) return read(state);
  flags |= blockFlags(b, state) | (start === 0 ? AT_START : 0);
  const block = b.text.slice(start, end);
  const kept = readBlocks.get(block);
  if (kept && kept.flags === flags) {
    b.replay(kept.ops, start);
    return kept.after;
  }
  const done = b.record(start, () => read(state));
  readBlocks.set(block, { flags, ops: done.ops, after: done.value });
  return done.value;
}
