// The line reader: reads a run of the document line by line, as micromark would read it, for runs
// without Markdown block syntax (most pasted postings) and for input micromark cannot parse in time.
import { isDigit, isSpace, isSpaceOrTab } from '../chars';
import type { ItemKind } from '../types';
import { keptRead, OPEN, type LineState } from './blockCache';
import type { PostingBuilder } from './builder';

/**
 * Reads [start, end) line by line, as micromark would read it: for runs without Markdown block
 * syntax, and for input Markdown parsing cannot take in time. Container markers are stripped; a
 * list item ("- ", "* ", "+ ", "1. ", "1) ", nested ones too) keeps its lazy continuation lines, and
 * each line goes through the same heading, bullet and sentence logic as parsed Markdown.
 */
export function parseLines(b: PostingBuilder, start: number, end: number, state: LineState = OPEN): LineState {
  const text = b.text;
  let i = start;
  let fence = state.fence;
  let prevBlank = true;
  // A paragraph is open: a numbered line other than "1." continues it (CommonMark: only a list
  // starting at 1 interrupts a paragraph), unless it is the next item of an open numbered list.
  let paragraph = false;
  let list = state.list;
  // The open list item's text; lazy continuation lines extend it.
  let itemStart = -1;
  let itemEnd = -1;
  let itemKind: ItemKind = 'bullet';
  while (i < end) {
    let lineEnd = text.indexOf('\n', i);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    let j = i;
    while (j < lineEnd && isSpaceOrTab(text.charCodeAt(j))) j++;
    if (j >= lineEnd || (text.charCodeAt(j) === 13 && j + 1 >= lineEnd)) {
      if (itemStart >= 0) b.listItem(itemStart, itemEnd, itemKind, false);
      itemStart = -1;
      prevBlank = true;
      paragraph = false;
      i = lineEnd + 1;
      continue;
    }
    const indented = j > i;
    let marker: ItemKind | null = null;
    for (;;) {
      const c = text.charCodeAt(j);
      if (isSpaceOrTab(c) || c === 62) j++;
      else if ((c === 45 || c === 42 || c === 43) && isSpaceOrTab(text.charCodeAt(j + 1))) {
        marker = 'bullet';
        j += 2;
      } else if (isDigit(c)) {
        let d = j;
        let value = 0;
        while (d < lineEnd && d - j < 9 && isDigit(text.charCodeAt(d))) value = value * 10 + text.charCodeAt(d++) - 48;
        // Reads stay inside the text: one past the end would throw the optimised code away.
        const p = d < text.length ? text.charCodeAt(d) : -1;
        const q = d + 1 < text.length ? text.charCodeAt(d + 1) : -1;
        if ((p === 46 || p === 41) && isSpaceOrTab(q) && (marker !== null || !paragraph || list === 'numbered' || value === 1)) {
          marker = 'numbered';
          j = d + 2;
        } else break;
      } else break;
    }
    const c = text.charCodeAt(j);
    if ((c === 96 || c === 126) && text.charCodeAt(j + 1) === c && text.charCodeAt(j + 2) === c) {
      if (itemStart >= 0) b.listItem(itemStart, itemEnd, itemKind, false);
      itemStart = -1;
      fence = fence === c ? 0 : fence || c;
      paragraph = false;
      list = null;
    } else if (!fence) {
      let h = j;
      while (h < lineEnd && text.charCodeAt(h) === 35 /* # */) h++;
      const heading = h > j && h - j <= 6 && (h === lineEnd || isSpace(text.charCodeAt(h)));
      if (itemStart >= 0 && !heading && !marker) {
        itemEnd = lineEnd;
      } else {
        if (itemStart >= 0) b.listItem(itemStart, itemEnd, itemKind, false);
        itemStart = -1;
        if (heading) {
          b.heading(h - j, h, lineEnd, i);
          paragraph = false;
          list = null;
        } else if (marker) {
          itemStart = j;
          itemEnd = lineEnd;
          itemKind = marker;
          list = marker;
          paragraph = true;
        } else {
          // A line at the margin after a blank line closes the list.
          if (prevBlank && !indented) list = null;
          b.line(j, lineEnd, null, false);
          paragraph = true;
        }
      }
    }
    prevBlank = false;
    i = lineEnd + 1;
  }
  if (itemStart >= 0) b.listItem(itemStart, itemEnd, itemKind, false);
  return fence === state.fence && list === state.list ? state : { fence, list };
}

/** Reads [start, end) with the line reader one block at a time (blocks start at `starts`). */
export function readLines(b: PostingBuilder, start: number, end: number, starts: number[]): void {
  let state = OPEN;
  // The first block start after `start`, by binary search: a scan from the first block for each
  // run was quadratic in a document of many small runs (1.9 MB of setext headings: 1.3 s of 3).
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= start) lo = mid + 1;
    else hi = mid;
  }
  let k = lo;
  for (let bs = start; bs < end; k++) {
    const be = k < starts.length && starts[k] < end ? starts[k] : end;
    const from = bs;
    state = keptRead(b, bs, be, state, 0, (st) => parseLines(b, from, be, st));
    bs = be;
  }
}
