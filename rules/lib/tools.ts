// Which tools a posting names, and where: shared by tool-soup, unicorn-posting and experience-vs-tool-age.
import tools from '../lexicons/tools.json';
import type { Item, Range, SectionKind } from '../../server/src/engine/types';
import { PhraseMatcher } from './phrases';

interface ToolDef {
  name: string;
  patterns: string[];
}

const DEFS = tools.tools as ToolDef[];
/** Tool name by pattern (lower-cased; "=R" patterns, exact spellings, as listed). */
const BY_PATTERN = new Map<string, string>();
const key = (p: string) => (p.startsWith('=') ? p : p.toLowerCase());
for (const t of DEFS) for (const p of t.patterns) BY_PATTERN.set(key(p), t.name);
const MATCHER = new PhraseMatcher([...BY_PATTERN.keys()]);

/** Sections whose tools are required: everything but nice-to-haves and non-duty text. */
export const REQUIRED_SECTIONS: ReadonlySet<SectionKind> = new Set(['responsibilities', 'requirements', 'tools', 'unknown']);

export interface ToolMention {
  name: string;
  range: Range;
  item: Item;
}

const requiredCache = new WeakMap<readonly Item[], ToolMention[]>();

/** Distinct tools required by the posting (first mention of each); computed once per posting. */
export function requiredTools(items: readonly Item[]): ToolMention[] {
  let tools = requiredCache.get(items);
  if (!tools) {
    const seen = new Map<string, ToolMention>();
    for (const item of items) {
      if (!REQUIRED_SECTIONS.has(item.section)) continue;
      for (const m of MATCHER.matchesInItem(item)) {
        const name = BY_PATTERN.get(key(m.pattern))!;
        if (seen.has(name)) continue;
        const start = item.range.start + m.range.start;
        seen.set(name, { name, range: { start, end: start + m.range.end - m.range.start }, item });
      }
    }
    requiredCache.set(items, (tools = [...seen.values()]));
  }
  return tools;
}
