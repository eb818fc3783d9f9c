import { afterEach, describe, expect, it } from 'vitest';
import { memoryKeeper } from '../../server/src/node/memory';

const g = globalThis as { gc?: () => void };
const original = g.gc;
afterEach(() => {
  g.gc = original;
});
const tick = () => new Promise((r) => setImmediate(r));

/** A stand-in for node's gc() that counts its calls. */
function countingGc(): { calls: number } {
  const counter = { calls: 0 };
  g.gc = () => counter.calls++;
  return counter;
}

/**
 * Grows the heap by about 15 MB, well past the 1 MB slack even when a collection of earlier tests'
 * garbage runs meanwhile; keep the result alive until the assertions are done.
 */
const garbage = () => Array.from({ length: 200_000 }, (_, i) => ({ i, s: `item ${i}` }));

describe('memory keeper of the language server', () => {
  it('does nothing when node was started without --expose-gc', () => {
    g.gc = undefined;
    expect(() => memoryKeeper({ slackMb: 0 })(1_000_000)).not.toThrow();
  });

  it('collects once, after the current turn, when the heap grew past the slack', async () => {
    const gc = countingGc();
    const afterLint = memoryKeeper({ slackMb: 1, largeChars: 1000 });
    const kept = garbage();
    afterLint(5000);
    afterLint(5000); // a second lint before the collection ran does not schedule another
    expect(gc.calls).toBe(0);
    await tick();
    expect(gc.calls).toBe(1);
    expect(kept.length).toBe(200_000);
  });

  it('allows a small posting the larger slack', async () => {
    const gc = countingGc();
    const afterLint = memoryKeeper({ slackMb: 1, smallSlackMb: 512, largeChars: 1000 });
    const kept = garbage();
    afterLint(999);
    await tick();
    expect(gc.calls).toBe(0);
    afterLint(1000);
    await tick();
    expect(gc.calls).toBe(1);
    expect(kept.length).toBe(200_000);
  });

  it('leaves a heap within the slack alone', async () => {
    const gc = countingGc();
    const afterLint = memoryKeeper({ slackMb: 512 });
    afterLint(1_000_000);
    await tick();
    expect(gc.calls).toBe(0);
  });
});
