// Caches by text: values kept by the text they were computed from, with copies of the text that
// keep no document alive.

/**
 * A copy of s that does not keep alive the string it was sliced from. V8 represents a slice of 13
 * or more characters as a view of its parent: a cache keyed by an item's text would otherwise hold
 * every version of the document that item was cut from (a few MB per minute of typing in a
 * 20,000-word posting). Concatenation flattens into a fresh string, the slice views only that.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * Values kept by the text they were computed from, the least recently used dropped once the kept
 * texts pass `maxChars` characters. Keys are detached copies: a kept value never keeps a document.
 */
export class TextLru<V> {
  private readonly map = new Map<string, { key: string; value: V }>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  get(text: string): V | undefined {
    const kept = this.map.get(text);
    if (!kept) return undefined;
    // Most recently used last, under the detached key (never the text asked with).
    this.map.delete(kept.key);
    this.map.set(kept.key, kept);
    return kept.value;
  }

  set(text: string, value: V): void {
    const old = this.map.get(text);
    if (old) {
      this.map.delete(old.key);
      this.chars -= old.key.length;
    }
    const entry = { key: detached(text), value };
    this.map.set(entry.key, entry);
    this.chars += entry.key.length;
    for (const oldest of this.map.keys()) {
      if (this.chars <= this.maxChars || oldest === entry.key) break;
      this.chars -= oldest.length;
      this.map.delete(oldest);
    }
  }

  /** Characters of text kept. */
  get size(): number {
    return this.chars;
  }
}
