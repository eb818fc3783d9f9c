// The posting as it is read: sections, items and titles, added by the readers (lineReader.ts,
// markdownReader.ts) with exact offsets. What a real paste hides inside plain text (headings
// without '#', inline bullets, a whole posting flattened into one line) is recovered here, one line
// at a time, with segment.ts; what reading a block did can be recorded and replayed (blockCache.ts).
import { isAsciiUpper, isBulletGlyph, isDigit, isEmphasisMark, isLatinLetter, isSpace } from '../chars';
import type { FrontMatter, Item, ItemKind, Posting, PostingTitle, Section, SectionKind } from '../types';
import { readFrontMatter } from './frontMatter';
import { headingKind, isAboutCompany, isDebris, looksLikeHeading } from './headings';
import { payIn } from './pay';
import { bulletGlyphsIn } from './positions';
import { fieldValueEnd, inlineHeadings, sentenceStarts, wordCount } from './segment';

/** A line of running text longer than this is split into sentences. */
const LONG_LINE = 200;
/** A bullet is long enough to split into sentences only past this (bullets are usually one duty). */
const LONG_BULLET = 400;
/** Headings are short: a line with more words is prose even if it ends in a colon. */
const MAX_HEADING_WORDS = 8;

const LABEL_LINE = /^\s*(?:\*\*|__)?\s*(?:job\s+title|position\s+title|title|position|role\s+title)\s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*/i;

/**
 * What reading a block of lines did to the posting, offsets relative to the block's start: replayed
 * for the same block text (see keptRead), it rebuilds the same sections, items and titles.
 */
export type Op =
  | { op: 'section'; kind: SectionKind; hs: number; he: number; at: number; field: boolean }
  | { op: 'item'; start: number; end: number; kind: ItemKind }
  | { op: 'headingTitle' | 'labelTitle'; start: number; end: number }
  | { op: 'resume'; at: number }
  | { op: 'yaml'; start: number; end: number };

export class PostingBuilder {
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
    for (let i = start; i < end && letters < 2; i++) if (isLatinLetter(text.charCodeAt(i))) letters++;
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
      if (i + 1 < end && (isAsciiUpper(c) || isBulletGlyph(c) || isDigit(c))) breaks.push(i + 1);
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
      } else if (isDigit(c)) {
        let j = s;
        while (j < e && j - s < 3 && isDigit(text.charCodeAt(j))) j++;
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
    const { frontMatter, title } = readFrontMatter(this.text, start, end);
    this.frontMatter = frontMatter;
    if (title) this.frontTitle = title;
  }

  finish(): Posting {
    const title = this.frontTitle ?? this.headingTitle ?? this.labelTitle;
    const sections = this.sections.filter((s) => s.heading !== null || s.items.length > 0);
    return { text: this.text, title, frontMatter: this.frontMatter, sections, items: this.items, pay: payIn(this.text) };
  }
}
