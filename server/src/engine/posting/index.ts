// Text -> Posting: title, front matter, sections and duty items with exact source ranges.
// Markdown structure comes from mdast-util-from-markdown; what a real paste hides inside plain
// paragraphs (headings without '#', one duty per line, a whole posting flattened into one line)
// is recovered line by line in segment.ts. This module cuts the text into runs and hands each to
// a reader: micromark for Markdown block syntax (markdownReader.ts), else the line reader
// (lineReader.ts); both add to one PostingBuilder (builder.ts).
import type { Posting } from '../types';
import { blockStarts, hasMarkdownSyntax, tooDeepForMarkdown, underlineLines } from './blocks';
import { PostingBuilder } from './builder';
import { unclosedFrontMatter } from './frontMatter';
import { readLines } from './lineReader';
import { readMarkdown } from './markdownReader';
import { payIn } from './pay';
import { releaseText } from './positions';

/** micromark's cost grows faster than linearly on long documents; chunks keep it linear. */
const CHUNK_TARGET = 8_000;
/**
 * Markdown parsed per document, in characters. micromark runs at roughly 200-400 KB/s here, so a
 * 1 MB paste would stall the editor; text past this budget is read line by line. Real postings
 * are far shorter (the longest of 2,054 is under 20,000 characters).
 */
const MARKDOWN_BUDGET = 64_000;
/**
 * micromark's cost grows with the square of the setext underlines ("Title" over "---" or "===")
 * it reads in one call (63 KB of "a\n=\n" took 53 s): a run holds at most this many, and a block
 * with more is read line by line.
 */
const MAX_UNDERLINES = 32;
/**
 * What a setext heading is charged, in characters of the Markdown budget. micromark spends about
 * 90 us on each (64 KB of "a\n=\n\n": 1.1 s) where ordinary Markdown costs it 3-5 us a character;
 * charged at 200, a document of nothing else has its first few hundred read by micromark.
 */
const UNDERLINE_COST = 200;
/**
 * A single block (no blank line) larger than this is read line by line: micromark's link and
 * label handling is super-linear in it ("[a](" repeated: 60 KB 1.9 s).
 */
const MAX_MARKDOWN_BLOCK = 16_000;

interface Run {
  start: number;
  end: number;
  /** Holds Markdown block syntax (or parsing was asked to use micromark everywhere). */
  markdown: boolean;
  /** Possible setext underlines in a Markdown run (see underlineLines). */
  underlines: number;
}

/**
 * The document as runs of blocks read the same way: blocks with Markdown block syntax go to
 * micromark, joined up to CHUNK_TARGET characters a run, and blocks without it to the line reader,
 * which reads them as micromark would at a fraction of the cost (micromark manages a few hundred
 * KB/s here). A pasted posting with one bold line costs micromark that line's block, not the posting.
 */
function runs(text: string, always: boolean, starts: number[]): Run[] {
  // Most pasted postings hold no block syntax at all: one run for the line reader.
  if (!always && !hasMarkdownSyntax(text, 0, text.length)) return [{ start: 0, end: text.length, markdown: false, underlines: 0 }];
  const out: Run[] = [];
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k];
    const end = k + 1 < starts.length ? starts[k + 1] : text.length;
    const markdown = always || hasMarkdownSyntax(text, start, end);
    const underlines = markdown ? underlineLines(text, start, end) : 0;
    const last = out.length > 0 ? out[out.length - 1] : null;
    if (last && last.markdown === markdown && (!markdown || (end - last.start <= CHUNK_TARGET && last.underlines + underlines <= MAX_UNDERLINES))) {
      last.end = end;
      last.underlines += underlines;
    } else out.push({ start, end, markdown, underlines });
  }
  return out;
}

/** Parses a posting. Never throws; a document Markdown cannot parse in time is read line by line. */
export interface ParseOptions {
  /** Parse every chunk with micromark, even one without Markdown syntax (to test the line reader against it). */
  alwaysMarkdown?: boolean;
}

export function parsePosting(text: string, options: ParseOptions = {}): Posting {
  if (typeof text !== 'string') text = '';
  const b = new PostingBuilder(text);
  try {
    let budget = MARKDOWN_BUDGET;
    const starts = blockStarts(text);
    for (const { start: cs, end: ce, markdown, underlines } of runs(text, options.alwaysMarkdown === true, starts)) {
      budget -= ce - cs + underlines * UNDERLINE_COST;
      if (!markdown || budget < 0 || underlines > MAX_UNDERLINES || ce - cs > MAX_MARKDOWN_BLOCK || tooDeepForMarkdown(text, cs, ce)) {
        readLines(b, cs, ce, starts);
        continue;
      }
      readMarkdown(b, cs, ce);
    }
    b.frontMatter = unclosedFrontMatter(text, b.frontMatter);
    return b.finish();
  } catch {
    // Last resort: a posting with no structure is better than a crashed language server.
    return { text, title: null, frontMatter: unclosedFrontMatter(text, null), sections: [], items: [], pay: payIn(text) };
  } finally {
    releaseText();
  }
}
