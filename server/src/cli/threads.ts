// How many threads a CLI run uses, and the parse worker that dist/cli.js starts before the bundle
// loads. Both dist/cli.js (start.ts) and the bundle (main.ts) read this module.
import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

export type Threading = { kind: 'main' } | { kind: 'parse' } | { kind: 'lint'; workers: number };

/**
 * How a large folder is linted: JDLINT_WORKERS if set (`1` the main thread alone, `parse` one parse
 * worker feeding the main thread, n >= 2 that many lint workers), else one lint worker per core but
 * one (at most 8) from three cores, a parse worker on two, the main thread alone on one.
 * Each lint worker compiles the hot code anew and V8's compiler needs about a core of its own, so on
 * two cores lint workers lose to one parse worker, which runs other code than the main thread
 * (pipeline.ts). Figures in docs/performance.md.
 */
export function threading(env: NodeJS.ProcessEnv = process.env): Threading {
  const asked = env.JDLINT_WORKERS?.trim();
  if (asked === 'parse') return { kind: 'parse' };
  const n = Number(asked);
  if (asked && Number.isInteger(n) && n >= 1) return n === 1 ? { kind: 'main' } : { kind: 'lint', workers: Math.min(n, 8) };
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  if (cores >= 3) return { kind: 'lint', workers: Math.min(cores - 1, 8) };
  return cores === 2 ? { kind: 'parse' } : { kind: 'main' };
}

/** A parse worker's workerData role: it waits for its files (ParseWorkerData, in a message). */
export const PARSE_ROLE = 'parse';

/** A parse worker running `entry` (dist/cli.js), waiting for its files. */
export function newParseWorker(entry: string): Worker {
  return new Worker(entry, { workerData: { role: PARSE_ROLE } });
}

/** Where dist/cli.js leaves the early worker for the bundle (another module system: a global). */
const EARLY = Symbol.for('jdlint.earlyParseWorker');
type Early = { worker: Worker; exited: boolean };
const holder = globalThis as { [EARLY]?: Early };

/**
 * Starts the parse worker at once when a run will likely use one: a Node.js worker takes about
 * 80 ms to start, which otherwise began only after the bundle had loaded and the files were listed.
 * Likely: the threading is `parse` and an argument is a folder. The worker waits for its files
 * (takeEarlyParseWorker); a run that does not use it ends it (endEarlyParseWorker).
 */
export function startEarlyParseWorker(entry: string, args: readonly string[], cwd: string): void {
  if (threading().kind !== 'parse' || !args.some((a) => !a.startsWith('-') && isFolder(a, cwd))) return;
  try {
    const worker = newParseWorker(entry);
    const early: Early = { worker, exited: false };
    // An error is followed by 'exit'; listening keeps it from being thrown in this thread.
    worker.on('error', () => {});
    worker.once('exit', () => (early.exited = true));
    // Until taken it does not keep the process alive.
    worker.unref();
    holder[EARLY] = early;
  } catch {
    // No early worker: the run starts one when it needs it.
  }
}

function isFolder(arg: string, cwd: string): boolean {
  try {
    return statSync(path.resolve(cwd, arg)).isDirectory();
  } catch {
    return false;
  }
}

/** The early parse worker, still running, for one run to use (null if there is none). */
export function takeEarlyParseWorker(): Worker | null {
  const early = holder[EARLY];
  holder[EARLY] = undefined;
  if (!early || early.exited) return null;
  early.worker.ref();
  return early.worker;
}

/** Ends the early parse worker if no run took it. */
export function endEarlyParseWorker(): void {
  const early = holder[EARLY];
  holder[EARLY] = undefined;
  if (early && !early.exited) void early.worker.terminate();
}
