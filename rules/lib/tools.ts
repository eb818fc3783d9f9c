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

/** Every tool mention in the items, in document order. */
export function toolMentions(items: readonly Item[]): ToolMention[] {
  const out: ToolMention[] = [];
  for (const item of items) {
    for (const m of MATCHER.findInItem(item)) out.push({ name: BY_PATTERN.get(key(m.pattern))!, range: m.range, item });
  }
  return out;
}

const requiredCache = new WeakMap<readonly Item[], ToolMention[]>();

/** Distinct tools required by the posting (first mention of each); computed once per posting. */
export function requiredTools(items: readonly Item[]): ToolMention[] {
  let tools = requiredCache.get(items);
  if (!tools) {
    const seen = new Map<string, ToolMention>();
    for (const m of toolMentions(items.filter((i) => REQUIRED_SECTIONS.has(i.section)))) if (!seen.has(m.name)) seen.set(m.name, m);
    requiredCache.set(items, (tools = [...seen.values()]));
  }
  return tools;
}
