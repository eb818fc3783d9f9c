// Keeps the language server's heap near its live size while someone types in a large posting.
//
// Each lint of a 20,000-word posting leaves a few MB of garbage, and V8 lets the old generation
// grow to several times the live heap before it collects: typing for a minute took the server from
// 60 MB to 150 MB and more. When the heap has grown by more than `slackMb` since the last
// collection, a full collection runs right after the diagnostics are sent (a few ms for a heap of
// this size), instead of during the next lint. Needs node's --expose-gc (server/node-args.json);
// without it this does nothing and V8 collects on its own schedule.
import { getHeapStatistics } from 'node:v8';

export function memoryKeeper(slackMb = 4): () => void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== 'function') return () => {};
  const slack = slackMb * 1024 * 1024;
  let live = getHeapStatistics().used_heap_size;
  let scheduled = false;
  return () => {
    if (scheduled || getHeapStatistics().used_heap_size - live < slack) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      gc();
      live = getHeapStatistics().used_heap_size;
    });
  };
}
