// Keeps the language server's heap near its live size while someone types in a large posting.
//
// Garbage of a large lint outlives the young generation, and V8 lets the old generation grow to
// several times the live heap before collecting; so once the heap grew `slackMb` since the last
// collection, a full collection runs right after the diagnostics are sent rather than mid-lint.
// Small postings get the larger `smallSlackMb` (forced collections would only add pauses). Needs
// --expose-gc (server/node-args.json); without it V8 collects on its own schedule.
import { getHeapStatistics } from 'node:v8';

export interface MemoryOptions {
  slackMb: number;
  smallSlackMb: number;
  largeChars: number;
}

// 3 MB keeps the 20,000-word typing benchmark under its 80 MB budget (docs/performance.md).
const DEFAULTS: MemoryOptions = { slackMb: 3, smallSlackMb: 16, largeChars: 50_000 };

/** Returns what to call after each lint, with the length of the text just linted. */
export function memoryKeeper(options: Partial<MemoryOptions> = {}): (linted: number) => void {
  const { slackMb, smallSlackMb, largeChars } = { ...DEFAULTS, ...options };
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== 'function') return () => {};
  let live = getHeapStatistics().used_heap_size;
  let scheduled = false;
  return (linted) => {
    const slack = (linted >= largeChars ? slackMb : smallSlackMb) * 1024 * 1024;
    if (scheduled || getHeapStatistics().used_heap_size - live < slack) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      gc();
      live = getHeapStatistics().used_heap_size;
    });
  };
}
