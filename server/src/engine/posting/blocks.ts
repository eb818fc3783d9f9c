// Quick scans of the raw text that decide how it is read: where it may be cut into blocks parsed
// apart, and whether a run holds Markdown block syntax, setext underlines or deep nesting (each
// makes micromark slow or is read by it; posting/index.ts weighs them).
import { isSpaceOrTab } from '../chars';
import { indexFrom } from './positions';

/** Nesting deeper than this (container markers, indentation, open '[') is read line by line instead. */
const MAX_NESTING = 24;
const MAX_INDENT = 96;

/**
 * Offsets where the document may be cut into independently parsed blocks: the start of a line at
 * column 0 after a blank line (not a "-" line, which may continue a list or close front matter),
 * outside fenced code, HTML comments and front matter. Such a line closes every open container,
 * so parsing the pieces apart changes nothing we read.
 */
export function blockStarts(text: string): number[] {
  const starts = [0];
  let i = 0;
  // Front matter may hold blank lines; never cut inside it.
  if (/^---[ \t]*\r?\n/.test(text.slice(0, 8))) {
    const close = /\r?\n---[ \t]*(?:\r?\n|$)/g;
    close.lastIndex = 3;
    const m = close.exec(text);
    if (m) i = m.index + m[0].length;
  }
  let fence = 0; // char code of the open fence (` or ~), 0 when none
  // The next HTML comment at or after i, and where it closes (text.length when it does not).
  let commentOpen = text.indexOf('<!--', i);
  let commentClose = commentOpen < 0 ? -1 : closeOf(text, commentOpen);
  let prevBlank = false;
  while (i < text.length) {
    let lineEnd = text.indexOf('\n', i);
    if (lineEnd < 0) lineEnd = text.length;
    // Comments that closed before this line are done with; one opened inside a fence is no comment.
    while (commentOpen >= 0 && (commentClose <= i || (fence && commentOpen < i))) {
      commentOpen = text.indexOf('<!--', Math.max(commentOpen + 4, fence ? i : commentClose));
      commentClose = commentOpen < 0 ? -1 : closeOf(text, commentOpen);
    }
    const inComment = commentOpen >= 0 && commentOpen < i;
    let j = i;
    while (j < lineEnd && isSpaceOrTab(text.charCodeAt(j))) j++;
    const blank = j >= lineEnd || (text.charCodeAt(j) === 13 && j + 1 >= lineEnd);
    const c = j < lineEnd ? text.charCodeAt(j) : 10;
    if (!blank && prevBlank && !fence && !inComment && j === i && c !== 45 /* - */) starts.push(i);
    if (!inComment && j - i <= 3 && (c === 96 || c === 126) && text.charCodeAt(j + 1) === c && text.charCodeAt(j + 2) === c) {
      if (!fence) fence = c;
      else if (fence === c) fence = 0;
    }
    prevBlank = blank;
    i = lineEnd + 1;
  }
  return starts;
}

/** Where the HTML comment opened at `open` ends (after its "-->"), or text.length when it is not closed. */
function closeOf(text: string, open: number): number {
  const close = text.indexOf('-->', open + 4);
  return close < 0 ? text.length : close + 3;
}

/**
 * True when a chunk holds anything Markdown would read as block structure we use: a line opening
 * with a heading, list, quote, fence, HTML block, link definition, emphasis (a bold line reads as
 * a heading) or Setext mark, or indented code. Inline syntax inside a line (a link, `code`, a
 * snake_case word, a <br>) changes nothing we read: items keep their source text either way. Most
 * pasted postings hold no such line, and then the line reader gives the same posting as micromark
 * at a fraction of the cost (test/unit/posting-readers.test.ts compares the two on every paste shape).
 */
export function hasMarkdownSyntax(text: string, start: number, end: number): boolean {
  // Only line starts matter: jump from one line break (\n or \r) to the next.
  let nextLf = indexFrom(text, '\n', start);
  let nextCr = indexFrom(text, '\r', start);
  let i = start;
  while (i < end) {
    let indent = 0;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 32) {
        if (++indent >= 4) return true;
        continue;
      }
      if (c === 9) return true;
      // * _ ` ~ > < [ = and "--": emphasis or bullets, fences, quotes, HTML, definitions, Setext.
      // ATX headings and flat "- " / "+ " bullets the line reader reads as micromark does.
      if (c === 42 || c === 95 || c === 96 || c === 126 || c === 62 || c === 60 || c === 91 || c === 61) return true;
      if (c === 45 && text.charCodeAt(i + 1) === 45) return true;
      break;
    }
    if (nextLf >= 0 && nextLf < i) nextLf = indexFrom(text, '\n', i);
    if (nextCr >= 0 && nextCr < i) nextCr = indexFrom(text, '\r', i);
    const br = nextLf < 0 ? nextCr : nextCr < 0 ? nextLf : Math.min(nextLf, nextCr);
    if (br < 0) return false;
    i = br + 1;
  }
  return false;
}

/** Whether a run holds nesting that makes micromark slow (its container handling is super-linear in depth). */
export function tooDeepForMarkdown(text: string, start: number, end: number): boolean {
  let i = start;
  // Unclosed '[' pile up as possible link labels that micromark re-examines at every ']'.
  let brackets = 0;
  while (i < end) {
    let j = i;
    let markers = 0;
    let indent = 0;
    for (;;) {
      const c = text.charCodeAt(j);
      if (c === 32) indent++;
      else if (c === 9) indent += 4;
      else if (c === 62 /* > */) markers++;
      else if ((c === 45 || c === 42 || c === 43) && isSpaceOrTab(text.charCodeAt(j + 1))) markers++;
      else break;
      j++;
    }
    if (markers > MAX_NESTING || indent > MAX_INDENT) return true;
    let nl = j;
    while (nl < end && text.charCodeAt(nl) !== 10) {
      const c = text.charCodeAt(nl++);
      if (c === 91 /* [ */) {
        if (++brackets > MAX_NESTING) return true;
      } else if (c === 93 /* ] */ && brackets > 0) brackets--;
    }
    i = nl + 1;
  }
  return false;
}

/**
 * Lines in [start, end) that could be setext underlines: after spaces and '>' markers, only '=' or
 * only '-' (spaces after). Lines end at \n, \r\n or a lone \r, as micromark reads them.
 */
export function underlineLines(text: string, start: number, end: number): number {
  let n = 0;
  let i = start;
  while (i < end) {
    while (i < end && (isSpaceOrTab(text.charCodeAt(i)) || text.charCodeAt(i) === 62)) i++;
    const mark = i < end ? text.charCodeAt(i) : 0;
    let j = i;
    if (mark === 61 /* = */ || mark === 45 /* - */) {
      while (j < end && text.charCodeAt(j) === mark) j++;
      while (j < end && isSpaceOrTab(text.charCodeAt(j))) j++;
      if (j >= end || text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13) n++;
    }
    while (j < end && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
    i = j + 1;
  }
  return n;
}
