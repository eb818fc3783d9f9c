// Helpers of the parser's tests (posting*.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Posting, SectionKind } from '../../server/src/engine/types';

export const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/parser', name), 'utf8');

/** Every item and the title must be exactly the document text at their ranges. */
export function expectExactRanges(p: Posting): void {
  for (const item of p.items) expect(p.text.slice(item.range.start, item.range.end)).toBe(item.text);
  if (p.title) expect(p.text.slice(p.title.range.start, p.title.range.end)).toBe(p.title.text);
  for (const s of p.sections) {
    if (s.headingRange) expect(p.text.slice(s.headingRange.start, s.headingRange.end)).toBe(s.heading);
  }
}

export function itemsOf(p: Posting, kind: SectionKind): string[] {
  return p.items.filter((i) => i.section === kind).map((i) => i.text);
}
