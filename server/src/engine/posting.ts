// Text -> Posting: title, front matter, sections and duty items with exact source ranges.
// Markdown structure comes from mdast-util-from-markdown; what a real paste hides inside plain
// paragraphs (headings without '#', one duty per line, a whole posting flattened into one line)
// is recovered line by line in posting/segment.ts.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import { keepingItemResults, TextLru } from './text';
import { yaml } from './yaml';
import type { Nodes, Root } from 'mdast';
import type { FrontMatter, Item, ItemKind, Posting, PostingTitle, Section, SectionKind } from './types';
import { headingKind, isAboutCompany, isDebris } from './posting/headings';
import { payIn } from './posting/pay';
import { bulletGlyphsIn, fieldValueEnd, indexFrom, inlineHeadings, isBulletGlyph, isSpace, releaseText, sentenceStarts, wordCount } from './posting/segment';

/** A line of running text longer than this is split into sentences. */
const LONG_LINE = 200;
/** A bullet is long enough to split into sentences only past this (bullets are usually one duty). */
const LONG_BULLET = 400;
/** Headings are short: a line with more words is prose even if it ends in a colon. */
const MAX_HEADING_WORDS = 8;
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
/** Nesting deeper than this (container markers, indentation, open '[') is read line by line instead. */
const MAX_NESTING = 24;
const MAX_INDENT = 96;

const MARKDOWN_OPTIONS = {
  extensions: [frontmatter(['yaml'])],
  mdastExtensions: [frontmatterFromMarkdown(['yaml'])],
};

// While a posting is edited, only the run that holds the edit changes: the syntax trees of the
// others are kept by their text (a tree depends on nothing else; walk only reads it), so a
// keystroke in a long Markdown posting parses about 8,000 characters, not up to 64,000. The least
// recently used trees go first. A batch run (keepItemResults(false)) keeps none.
/** Kept trees, by run text: up to the Markdown budget of two postings. */
const trees = new TextLru<Root>(2 * 64_000);

function markdownTree(run: string): Root {
  if (!keepingItemResults()) return fromMarkdown(run, MARKDOWN_OPTIONS);
  let root = trees.get(run);
  if (!root) trees.set(run, (root = fromMarkdown(run, MARKDOWN_OPTIONS)));
  return root;
}

const LABEL_LINE = /^\s*(?:\*\*|__)?\s*(?:job\s+title|position\s+title|title|position|role\s+title)\s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*/i;

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);
}

function isUpperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isEmphasisMark(c: number): boolean {
  return c === 42 /* * */ || c === 95 /* _ */;
}


/**
 * What reading a block of lines did to the posting, offsets relative to the block's start: replayed
 * for the same block text (see keptRead), it rebuilds the same sections, items and titles.
 */
type Op =
  | { op: 'section'; kind: SectionKind; hs: number; he: number; at: number; field: boolean }
  | { op: 'item'; start: number; end: number; kind: ItemKind }
  | { op: 'headingTitle' | 'labelTitle'; start: number; end: number }
  | { op: 'resume'; at: number }
  | { op: 'yaml'; start: number; end: number };

class PostingBuilder {
  readonly sections: Section[] = [];
  readonly items: Item[] = [];
  private current: Section | null = null;
  /** While a block is read afresh: what it does, relative to `logBase` (see Op). */
  private log: Op[] | null = null;
  private logBase = 0;
  headingTitle: PostingTitle | null = null;
  labelTitle: PostingTitle | null = null;
  frontTitle: PostingTitle | null = null;
  frontMatter: FrontMatter | null = null;

  constructor(readonly text: string) {}

  startSection(kind: SectionKind, headingStart: number, headingEnd: number, sectionStart: number, field = false): void {
    if (this.log) this.log.push({ op: 'section', kind, hs: headingStart - this.logBase, he: headingEnd - this.logBase, at: sectionStart - this.logBase, field });
    const prev = this.current;
    if (prev) prev.range.end = sectionStart;
    // "Responsibilities" straight followed by "Job Description:" is one section with a generic
    // sub-heading, not a duty section emptied by an unknown one.
    if (kind === 'unknown' && prev && prev.heading !== null && prev.items.length === 0 && prev.kind !== 'unknown') kind = prev.kind;
    const section: Section = {
      kind,
      heading: this.text.slice(headingStart, headingEnd),
      headingRange: { start: headingStart, end: headingEnd },
      range: { start: sectionStart, end: this.text.length },
      items: [],
    };
    this.sections.push(section);
    this.current = section;
  }

  addItem(start: number, end: number, kind: ItemKind): void {
    const text = this.text;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    let letters = 0;
    for (let i = start; i < end && letters < 2; i++) if (isLetter(text.charCodeAt(i))) letters++;
    if (letters < 2) return;
    const value = text.slice(start, end);
    if (end - start <= 40 && isDebris(value)) return;
    if (this.log) this.log.push({ op: 'item', start: start - this.logBase, end: end - this.logBase, kind });
    this.pushItem(start, end, value, kind);
  }

  private pushItem(start: number, end: number, value: string, kind: ItemKind): void {
    const text = this.text;
    if (!this.current) {
      this.current = { kind: 'unknown', heading: null, headingRange: null, range: { start, end: text.length }, items: [] };
      this.sections.push(this.current);
    }
    const item: Item = { text: value, range: { start, end }, section: this.current.kind, kind };
    this.current.items.push(item);
    this.items.push(item);
  }

  /** A Markdown heading (ATX or Setext); [start, end) is its text without markup. */
  heading(depth: number, start: number, end: number, nodeStart: number): void {
    const [hs, he] = this.headingCore(start, end);
    if (he <= hs) return;
    const kind = headingKind(this.text.slice(hs, he));
    if (!kind && depth <= 2 && !this.headingTitle) {
      this.title('headingTitle', hs, he);
      return;
    }
    this.startSection(kind ?? 'unknown', hs, he, nodeStart);
  }

  isShortLine(start: number, end: number): boolean {
    if (end - start > 120) return false;
    for (let i = start; i < end; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 10 || c === 13) return false;
    }
    return wordCount(this.text, start, end) <= 12;
  }

  /** Heading words without surrounding emphasis marks, a trailing colon or trailing dots. */
  private headingCore(start: number, end: number): [number, number] {
    const text = this.text;
    for (;;) {
      const before = [start, end];
      while (start < end && (isSpace(text.charCodeAt(start)) || isEmphasisMark(text.charCodeAt(start)))) start++;
      while (end > start) {
        const c = text.charCodeAt(end - 1);
        if (isSpace(c) || isEmphasisMark(c) || c === 58 /* : */ || c === 0xff1a || c === 46 /* . */ || c === 0x2026) end--;
        else break;
      }
      if (before[0] === start && before[1] === end) return [start, end];
    }
  }

  /** Every line of a paragraph. */
  paragraph(start: number, end: number, boldOnly: boolean): void {
    const text = this.text;
    let ls = start;
    for (let i = start; i <= end; i++) {
      const c = i < end ? text.charCodeAt(i) : 10;
      if (c === 10 || c === 13) {
        if (ls < i) this.line(ls, i, null, boldOnly);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        ls = i + 1;
      }
    }
  }

  /** The paragraph of a list item: one duty, unless it is really a heading or a flattened run. */
  listItem(start: number, end: number, kind: ItemKind, boldOnly: boolean): void {
    const text = this.text;
    let multiLine = false;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        multiLine = true;
        break;
      }
    }
    if (!multiLine) {
      this.line(start, end, kind, boldOnly);
      return;
    }
    // A pasted list keeps its glyph on the first line only: "- Python\nSQL\nSpark" reaches us as
    // one item with lazy continuation lines. A continuation at column 0 that starts with a capital
    // is its own line; an indented or lower-case one is the same duty wrapped.
    let pieceEnd = end;
    const breaks: number[] = [];
    for (let i = start; i < end; i++) {
      if (text.charCodeAt(i) !== 10) continue;
      const c = text.charCodeAt(i + 1);
      if (i + 1 < end && (isUpperAscii(c) || isBulletGlyph(c) || (c >= 48 && c <= 57))) breaks.push(i + 1);
    }
    if (breaks.length > 0) pieceEnd = breaks[0];
    this.line(start, pieceEnd, kind, boldOnly);
    for (let k = 0; k < breaks.length; k++) this.line(breaks[k], k + 1 < breaks.length ? breaks[k + 1] : end, null, false);
  }

  /**
   * One line of text: a label line, a heading without '#', or items (the whole line, its inline
   * bullets, or its sentences), with headings glued into it split off.
   */
  line(start: number, end: number, marker: ItemKind | null, boldOnly: boolean): void {
    const text = this.text;
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (s >= e) return;
    let kind: ItemKind = marker ?? 'line';
    if (!marker) {
      // Bullets that Markdown does not see: glyphs inside a paragraph, "o " and dashes after a
      // line that a list could not interrupt, "2." numbering after a paragraph line.
      const c = text.charCodeAt(s);
      const n = text.charCodeAt(s + 1);
      if (isBulletGlyph(c) || c === 0xb7 /* · */ || c === 0xf0a7 || ((c === 45 || c === 42 || c === 43 || c === 0x2013 || c === 0x2014 || c === 111 /* o */) && isSpace(n))) {
        s++;
        kind = 'bullet';
      } else if (c >= 48 && c <= 57) {
        let j = s;
        while (j < e && j - s < 3 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
        const d = text.charCodeAt(j);
        if ((d === 46 || d === 41) && isSpace(text.charCodeAt(j + 1))) {
          s = j + 1;
          kind = 'numbered';
        }
      }
      while (s < e && isSpace(text.charCodeAt(s))) s++;
      if (s >= e) return;
    }

    // "Job title: Senior Data Scientist" names the posting; it is not a duty.
    if (e - s < 200) {
      // LABEL_LINE needs a colon: most lines have none, and skip the slice and the match.
      let colon = s;
      while (colon < e && text.charCodeAt(colon) !== 58 /* : */) colon++;
      const label = colon < e ? LABEL_LINE.exec(text.slice(s, e)) : null;
      if (label) {
        const [ts, te] = this.headingCore(s + label[0].length, e);
        if (te > ts && !this.labelTitle) this.title('labelTitle', ts, te);
        if (te > ts) return;
      }
      const [hs, he] = this.headingCore(s, e);
      // Words are counted only on a line short enough to be a heading.
      const words = he > hs && he - hs <= 80 ? wordCount(text, hs, he) : Infinity;
      if (words <= MAX_HEADING_WORDS) {
        const last = text.charCodeAt(e - 1);
        const endsAsHeading = last === 58 || last === 0xff1a || text.endsWith('...', e) || last === 0x2026;
        const core = text.slice(hs, he);
        const found = headingKind(core);
        if (found && (endsAsHeading || boldOnly || (words <= 6 && last !== 46 /* . */))) {
          this.startSection(found, hs, he, start);
          return;
        }
        if (!found && (boldOnly || endsAsHeading || (words <= 5 && last !== 46)) && isAboutCompany(core) && looksLikeHeading(core)) {
          this.startSection('nonDuty', hs, he, start);
          return;
        }
        if (!found && (boldOnly || (endsAsHeading && words <= 5 && looksLikeHeading(core)))) {
          this.startSection('unknown', hs, he, start);
          return;
        }
      }
    }

    const splitSentences = e - s > (marker ? LONG_BULLET : LONG_LINE);
    const sentences = sentenceStarts(text, s, e);
    const headings = inlineHeadings(text, s, e, sentences);
    let pos = s;
    let sentenceIndex = 0;
    for (let k = 0; k < headings.length; k++) {
      const h = headings[k];
      sentenceIndex = this.emit(pos, h.start, kind, splitSentences, sentences, sentenceIndex);
      kind = marker ?? 'line';
      const resume = this.current?.kind;
      this.startSection(h.kind, h.start, h.end, h.start, h.field);
      pos = h.contentStart;
      if (h.field) {
        // "Location: Remote" interrupts a section; the text after the value belongs to what was
        // interrupted (or to no heading when that was not a duty section).
        const limit = k + 1 < headings.length ? headings[k + 1].start : e;
        const valueEnd = fieldValueEnd(text, pos, limit, sentences);
        sentenceIndex = this.emit(pos, valueEnd, kind, splitSentences, sentences, sentenceIndex);
        this.resumeAfterField(valueEnd, resume);
        pos = valueEnd;
      }
    }
    this.emit(pos, e, kind, splitSentences, sentences, sentenceIndex);
  }

  private title(which: 'headingTitle' | 'labelTitle', start: number, end: number): void {
    if (this.log) this.log.push({ op: which, start: start - this.logBase, end: end - this.logBase });
    this[which] = { text: this.text.slice(start, end), range: { start, end }, source: which === 'headingTitle' ? 'heading' : 'label' };
  }

  /** Reads [start, end) with `read`, noting what it does relative to start. */
  record<T>(start: number, read: () => T): { ops: Op[]; value: T } {
    const ops: Op[] = [];
    this.log = ops;
    this.logBase = start;
    try {
      return { ops, value: read() };
    } finally {
      this.log = null;
    }
  }

  /** Does again what a block with the same text did, the block now starting at `base`. */
  replay(ops: readonly Op[], base: number): void {
    let interrupted: SectionKind | undefined;
    for (const o of ops) {
      switch (o.op) {
        case 'section':
          if (o.field) interrupted = this.current?.kind;
          this.startSection(o.kind, o.hs + base, o.he + base, o.at + base, o.field);
          break;
        case 'item':
          this.pushItem(o.start + base, o.end + base, this.text.slice(o.start + base, o.end + base), o.kind);
          break;
        case 'headingTitle':
        case 'labelTitle':
          this.title(o.op, o.start + base, o.end + base);
          break;
        case 'resume':
          this.resumeAfterField(o.at + base, interrupted);
          break;
        case 'yaml':
          this.yaml(o.start + base, o.end + base);
          break;
      }
    }
  }

  private resumeAfterField(at: number, interrupted: SectionKind | undefined): void {
    if (this.log) this.log.push({ op: 'resume', at: at - this.logBase });
    const kind: SectionKind = interrupted && interrupted !== 'nonDuty' ? interrupted : 'unknown';
    if (this.current) this.current.range.end = at;
    this.current = { kind, heading: null, headingRange: null, range: { start: at, end: this.text.length }, items: [] };
    this.sections.push(this.current);
  }

  /** Items of [start, end): split at inline bullet glyphs, then at sentences when the line is long. */
  private emit(start: number, end: number, kind: ItemKind, splitSentences: boolean, sentences: number[], si: number): number {
    const text = this.text;
    let pieceStart = start;
    let pieceKind = kind;
    const glyphs = bulletGlyphsIn(text, start, end);
    for (let g = 0; g <= glyphs.length; g++) {
      const i = g < glyphs.length ? glyphs[g] : end;
      if (splitSentences) {
        while (si < sentences.length && sentences[si] <= pieceStart) si++;
        let a = pieceStart;
        let splitKind: ItemKind = pieceKind;
        while (si < sentences.length && sentences[si] < i) {
          this.addItem(a, sentences[si], splitKind === 'line' ? 'sentence' : splitKind);
          splitKind = 'sentence';
          a = sentences[si++];
        }
        this.addItem(a, i, a === pieceStart && splitKind !== 'line' ? splitKind : 'sentence');
      } else {
        this.addItem(pieceStart, i, pieceKind);
      }
      pieceStart = i + 1;
      pieceKind = 'bullet';
    }
    return si;
  }

  /** The YAML front matter node [start, end) including its fences. */
  yaml(start: number, end: number): void {
    if (this.log) this.log.push({ op: 'yaml', start: start - this.logBase, end: end - this.logBase });
    const text = this.text;
    let valueStart = start;
    while (valueStart < end && text.charCodeAt(valueStart) !== 10) valueStart++;
    valueStart++;
    let valueEnd = end;
    while (valueEnd > valueStart && text.charCodeAt(valueEnd - 1) !== 10) valueEnd--;
    const fm: FrontMatter = { range: { start, end }, data: null };
    this.frontMatter = fm;
    if (valueEnd <= valueStart) {
      fm.data = {};
      return;
    }
    const source = text.slice(valueStart, valueEnd);
    try {
      const { parseDocument, isMap, isScalar } = yaml();
      const doc = parseDocument(source, { prettyErrors: false });
      if (doc.errors.length > 0) fm.error = `Front matter is not valid YAML: ${doc.errors[0].message}`;
      else {
        const data: unknown = doc.toJS();
        if (data && typeof data === 'object' && !Array.isArray(data)) fm.data = data as Record<string, unknown>;
        else if (data == null) fm.data = {};
        else fm.error = 'Front matter is not a YAML mapping';
      }
      if (isMap(doc.contents)) {
        for (const pair of doc.contents.items) {
          if (!isScalar(pair.key) || pair.key.value !== 'title' || !isScalar(pair.value)) continue;
          const r = pair.value.range;
          if (!r) break;
          let ts = valueStart + r[0];
          let te = valueStart + r[1];
          if (pair.value.type === 'QUOTE_DOUBLE' || pair.value.type === 'QUOTE_SINGLE') {
            ts++;
            te--;
          }
          while (ts < te && isSpace(text.charCodeAt(ts))) ts++;
          while (te > ts && isSpace(text.charCodeAt(te - 1))) te--;
          if (te > ts) this.frontTitle = { text: text.slice(ts, te), range: { start: ts, end: te }, source: 'frontmatter' };
          break;
        }
      }
    } catch (err) {
      fm.error = `Front matter could not be read: ${err instanceof Error ? err.message : String(err)}`;
    }
  }

  finish(): Posting {
    const title = this.frontTitle ?? this.headingTitle ?? this.labelTitle;
    const sections = this.sections.filter((s) => s.heading !== null || s.items.length > 0);
    return { text: this.text, title, frontMatter: this.frontMatter, sections, items: this.items, pay: payIn(this.text) };
  }
}

/** Title-like: few words, each capitalised or a small joining word ("Key Accountabilities"). */
function looksLikeHeading(core: string): boolean {
  const words = core.split(/\s+/);
  for (const w of words) {
    const c = w.charCodeAt(0);
    if (c >= 97 && c <= 122 && !/^(?:and|or|of|the|to|for|in|on|a|an|with|&)$/.test(w)) return false;
  }
  return true;
}

/** Walks one parsed chunk in document order without recursion (lists nest arbitrarily deep). */
function walk(b: PostingBuilder, root: Root, base: number): void {
  type Frame = { node: Nodes; listKind: ItemKind | null };
  const stack: Frame[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push({ node: root.children[i], listKind: null });
  while (stack.length > 0) {
    const { node, listKind } = stack.pop()!;
    const pos = node.position;
    if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) continue;
    const start = base + pos.start.offset;
    const end = base + pos.end.offset;
    switch (node.type) {
      case 'yaml':
        if (start === 0) b.yaml(start, end);
        break;
      case 'heading': {
        const first = node.children[0]?.position?.start.offset;
        const last = node.children[node.children.length - 1]?.position?.end.offset;
        if (first === undefined || last === undefined) break;
        // A pasted paragraph followed by a line of dashes becomes a Setext heading; a real
        // heading is one short line.
        const setext = b.text.charCodeAt(start) !== 35; /* # */
        if (setext && !b.isShortLine(base + first, base + last)) b.paragraph(base + first, base + last, false);
        else b.heading(node.depth, base + first, base + last, start);
        break;
      }
      case 'paragraph': {
        const boldOnly = node.children.length === 1 && node.children[0].type === 'strong';
        if (listKind) b.listItem(start, end, listKind, boldOnly);
        else b.paragraph(start, end, boldOnly);
        break;
      }
      case 'list': {
        const kind: ItemKind = node.ordered ? 'numbered' : 'bullet';
        for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], listKind: kind });
        break;
      }
      case 'listItem': {
        // Only the item's first paragraph is the item itself; later paragraphs and nested lists
        // are read as they are.
        for (let i = node.children.length - 1; i >= 0; i--) {
          const child = node.children[i];
          stack.push({ node: child, listKind: i === 0 && child.type === 'paragraph' ? listKind : null });
        }
        break;
      }
      case 'blockquote':
        for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], listKind: null });
        break;
      case 'table':
        for (const row of node.children) {
          const rs = row.position?.start.offset;
          const re = row.position?.end.offset;
          if (rs !== undefined && re !== undefined) b.addItem(base + rs, base + re, 'line');
        }
        break;
      default:
        // code, html (comments included), thematic breaks, definitions: never items.
        break;
    }
  }
}

/**
 * Offsets where the document may be cut into independently parsed blocks: the start of a line at
 * column 0 after a blank line (not a "-" line, which may continue a list or close front matter),
 * outside fenced code, HTML comments and front matter. Such a line closes every open container,
 * so parsing the pieces apart changes nothing we read.
 */
function blockStarts(text: string): number[] {
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
    while (j < lineEnd && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
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
 * at a fraction of the cost (test/unit/posting.test.ts compares the two on every paste shape).
 */
function hasMarkdownSyntax(text: string, start: number, end: number): boolean {
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
function tooDeepForMarkdown(text: string, start: number, end: number): boolean {
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
      else if ((c === 45 || c === 42 || c === 43) && (text.charCodeAt(j + 1) === 32 || text.charCodeAt(j + 1) === 9)) markers++;
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
function underlineLines(text: string, start: number, end: number): number {
  let n = 0;
  let i = start;
  while (i < end) {
    while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 62)) i++;
    const mark = i < end ? text.charCodeAt(i) : 0;
    let j = i;
    if (mark === 61 /* = */ || mark === 45 /* - */) {
      while (j < end && text.charCodeAt(j) === mark) j++;
      while (j < end && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
      if (j >= end || text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13) n++;
    }
    while (j < end && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
    i = j + 1;
  }
  return n;
}

/**
 * Reads [start, end) line by line, as micromark would read it: for runs without Markdown block
 * syntax, and for input Markdown parsing cannot take in time. Container markers are stripped; a
 * list item ("- ", "* ", "+ ", "1. ", "1) ", nested ones too) keeps its lazy continuation lines, and
 * each line goes through the same heading, bullet and sentence logic as parsed Markdown.
 */
function parseLines(b: PostingBuilder, start: number, end: number, state: LineState = OPEN): LineState {
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
    while (j < lineEnd && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
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
      if (c === 32 || c === 9 || c === 62) j++;
      else if ((c === 45 || c === 42 || c === 43) && (text.charCodeAt(j + 1) === 32 || text.charCodeAt(j + 1) === 9)) {
        marker = 'bullet';
        j += 2;
      } else if (c >= 48 && c <= 57) {
        let d = j;
        let value = 0;
        while (d < lineEnd && d - j < 9 && text.charCodeAt(d) >= 48 && text.charCodeAt(d) <= 57) value = value * 10 + text.charCodeAt(d++) - 48;
        // Reads stay inside the text: one past the end would throw the optimised code away.
        const p = d < text.length ? text.charCodeAt(d) : -1;
        const q = d + 1 < text.length ? text.charCodeAt(d + 1) : -1;
        if ((p === 46 || p === 41) && (q === 32 || q === 9) && (marker !== null || !paragraph || list === 'numbered' || value === 1)) {
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

/**
 * What the line reader carries from one block to the next (a block starts after a blank line, so
 * nothing else is open): the open list's kind and an open code fence (its char code, or 0).
 */
interface LineState {
  readonly list: ItemKind | null;
  readonly fence: number;
}
const OPEN: LineState = { list: null, fence: 0 };

// While a posting is edited, the blocks the edit did not touch read as before: what reading each
// did (Op[]) is kept by its text and by what it depends on besides (the line state it started in,
// and whether the posting had a heading title or a "Title:" line before it), and done again at its
// new offset. A keystroke in a long posting then reads one block of lines instead of all of them.
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
const MARKDOWN_READ = 1 << 22;
const AT_START = 1 << 23;

/**
 * Reads [start, end) with `read` (given the line state before it, returning the state after), or
 * replays what an earlier read of the same text in the same circumstances (`flags`) did.
 */
function keptRead(b: PostingBuilder, start: number, end: number, state: LineState, flags: number, read: (state: LineState) => LineState): LineState {
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

/** Reads [start, end) with the line reader one block at a time (blocks start at `starts`). */
function readLines(b: PostingBuilder, start: number, end: number, starts: number[]): void {
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

/** Reads a run with Markdown block syntax through micromark (line by line if it cannot parse it). */
function readMarkdown(b: PostingBuilder, start: number, end: number): void {
  keptRead(b, start, end, OPEN, MARKDOWN_READ, () => {
    const text = b.text;
    let root: Root | null = null;
    try {
      root = markdownTree(start === 0 && end === text.length ? text : text.slice(start, end));
    } catch {
      root = null;
    }
    if (root) walk(b, root, start);
    else parseLines(b, start, end);
    return OPEN;
  });
}

function unclosedFrontMatter(text: string, fm: FrontMatter | null): FrontMatter | null {
  if (fm) return fm;
  const m = /^---[ \t]*(?:\r?\n|$)/.exec(text.slice(0, 8));
  if (!m) return null;
  let end = 3;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return {
    range: { start: 0, end },
    data: null,
    error: 'Front matter is not closed: the --- on line 1 has no closing --- line',
  };
}

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
