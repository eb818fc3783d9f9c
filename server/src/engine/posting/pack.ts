// A posting model as numbers, for handing it from one thread to another. Structured cloning a
// Posting copies each of its objects through a generic path (about 40 ms per 2,000 postings on
// each side) and gives the receiving thread objects of other shapes than the parser makes, so
// code optimised for one meets the other. A packed posting is its text, its title, front matter
// and pay statement (a few small objects, cloned) and one Int32Array; unpacking rebuilds sections
// and items as the parser builds them, their texts cut from the posting text.
import { SECTION_KINDS } from './headings';
import type { TitleReading } from '../title';
import type { FrontMatter, ItemKind, Posting, PostingTitle, Range } from '../types';

export interface PackedPosting {
  text: string;
  title: PostingTitle | null;
  frontMatter: FrontMatter | null;
  pay: Range | null;
  /**
   * Section count, then per section [kind, heading start or -1, heading end, start, end, items],
   * then per item [start, end, kind, section kind].
   */
  numbers: Int32Array;
  /** The title's reading, when the thread that packed it read the title too (title.ts). */
  titleReading?: TitleReading;
}

const ITEM_KINDS: readonly ItemKind[] = ['bullet', 'numbered', 'line', 'sentence'];
const SECTION_FIELDS = 6;
const ITEM_FIELDS = 4;

/**
 * The posting as numbers, or null when it is not the parser's own shape (an item whose text is not
 * its range of the document, a heading that is not its range, items that are not the sections'
 * items in order): such a posting is handed over as it is.
 */
export function packPosting(p: Posting): PackedPosting | null {
  const { text, sections, items } = p;
  const numbers = new Int32Array(1 + sections.length * SECTION_FIELDS + items.length * ITEM_FIELDS);
  numbers[0] = sections.length;
  let at = 1;
  let next = 0;
  for (const s of sections) {
    const kind = SECTION_KINDS.indexOf(s.kind);
    if (kind < 0) return null;
    if ((s.heading === null) !== (s.headingRange === null)) return null;
    if (s.headingRange && text.slice(s.headingRange.start, s.headingRange.end) !== s.heading) return null;
    for (const item of s.items) if (items[next++] !== item) return null;
    numbers[at++] = kind;
    numbers[at++] = s.headingRange ? s.headingRange.start : -1;
    numbers[at++] = s.headingRange ? s.headingRange.end : -1;
    numbers[at++] = s.range.start;
    numbers[at++] = s.range.end;
    numbers[at++] = s.items.length;
  }
  if (next !== items.length) return null;
  for (const item of items) {
    const kind = ITEM_KINDS.indexOf(item.kind);
    const section = SECTION_KINDS.indexOf(item.section);
    if (kind < 0 || section < 0 || text.slice(item.range.start, item.range.end) !== item.text) return null;
    numbers[at++] = item.range.start;
    numbers[at++] = item.range.end;
    numbers[at++] = kind;
    numbers[at++] = section;
  }
  return { text, title: p.title, frontMatter: p.frontMatter, pay: p.pay, numbers };
}

/** The posting packPosting packed: equal to it, field for field. */
export function unpackPosting(packed: PackedPosting): Posting {
  const { text, numbers } = packed;
  const sectionCount = numbers[0];
  let at = 1;
  let itemAt = 1 + sectionCount * SECTION_FIELDS;
  const sections: Posting['sections'] = [];
  const items: Posting['items'] = [];
  for (let k = 0; k < sectionCount; k++) {
    const hs = numbers[at + 1];
    const he = numbers[at + 2];
    // The same fields in the same order as the parser's objects (builder.ts), so they share a shape.
    const section: Posting['sections'][number] = {
      kind: SECTION_KINDS[numbers[at]],
      heading: hs < 0 ? null : text.slice(hs, he),
      headingRange: hs < 0 ? null : { start: hs, end: he },
      range: { start: numbers[at + 3], end: numbers[at + 4] },
      items: [],
    };
    for (let n = numbers[at + 5]; n > 0; n--, itemAt += ITEM_FIELDS) {
      const start = numbers[itemAt];
      const end = numbers[itemAt + 1];
      const item = { text: text.slice(start, end), range: { start, end }, section: SECTION_KINDS[numbers[itemAt + 3]], kind: ITEM_KINDS[numbers[itemAt + 2]] };
      section.items.push(item);
      items.push(item);
    }
    sections.push(section);
    at += SECTION_FIELDS;
  }
  return { text, title: packed.title, frontMatter: packed.frontMatter, sections, items, pay: packed.pay };
}
