// Keeps the language server's heap near its live size while someone types in a large posting.
//
// A lint of a 20,000-word posting leaves about 2 MB of garbage, and much of it outlives the young
// generation (the lint takes longer than the scavenges between its allocations); V8 then lets the
// old generation grow to several times the live heap before it collects: typing for a minute took
// the server from 60 MB to 150 MB and more. So once the heap has grown by more than `slackMb` since
// the last collection, a full collection (about 10 ms here) runs right after the diagnostics are
// sent, instead of in the middle of a later lint. A small posting leaves little garbage that
// survives; forcing collections for it would only add pauses, so after a lint of fewer than
// `largeChars` characters the allowance is `smallSlackMb`. Needs node's --expose-gc
// (server/node-args.json); without it this does nothing and V8 collects on its own schedule.
import { getHeapStatistics } from 'node:v8';

export interface MemoryOptions {
  slackMb: number;
  smallSlackMb: number;
  largeChars: number;
}

// 3 MB: with 4 MB the server peaked at 78-79 MB in the 20,000-word typing benchmark once the
// posting model kept its blocks (about 0.3 MB); the extra collections cost no latency there.
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
