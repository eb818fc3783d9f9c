// The jdlint command (dist/cli.js). The same file is the worker of a parallel run.
import os from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { version } from '../../../package.json';
import { keepItemResults } from '../engine/text';
import { lintTask, runCli, type LintTask, type TaskResult } from './run';

// Each posting is linted once: nothing is kept for a next lint of the same text (an editor's case).
keepItemResults(false);

/**
 * Worker threads for a large folder: JDLINT_WORKERS if set, else one per core but one, at most 8.
 * Each worker compiles the engine's hot code anew, and V8's optimising compiler needs about a core
 * of its own while a run warms up: on two cores, two workers took longer than the main thread alone
 * in each of six alternating runs over 2,054 postings, with a third more CPU, so two cores lint on
 * the main thread.
 */
function workerCount(): number {
  const asked = Number(process.env.JDLINT_WORKERS);
  if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, 8);
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  return cores >= 3 ? Math.min(cores - 1, 8) : 1;
}

/** Splits tasks over `n` worker threads; results come back in task order. */
function parallel(tasks: LintTask[], n: number): Promise<TaskResult[]> {
  const results: TaskResult[] = new Array(tasks.length);
  const chunks = Array.from({ length: n }, (_, w) => tasks.map((t, i) => [i, t] as const).filter(([i]) => i % n === w));
  return Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<void>((resolve) => {
          const worker = new Worker(__filename);
          const finish = (done: [number, TaskResult][]) => {
            for (const [i, r] of done) results[i] = r;
            resolve();
          };
          worker.once('message', (done: [number, TaskResult][]) => {
            finish(done);
            void worker.terminate();
          });
          // A worker that dies leaves its files to the main thread: nothing is lost.
          worker.once('error', () => finish(chunk.map(([i, t]) => [i, lintTask(t)])));
          worker.postMessage(chunk);
        }),
    ),
  ).then(() => results);
}

/**
 * Output to a stream whose reader may go away (`jdlint ... | head`): a closed pipe (EPIPE) ends the
 * output quietly instead of crashing on an unhandled 'error' event; the exit code is the lint's.
 */
function output(stream: NodeJS.WriteStream): (s: string) => void {
  let closed = false;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    closed = true;
  });
  return (s) => {
    if (!closed) stream.write(s);
  };
}

if (isMainThread) {
  const workers = workerCount();
  void Promise.resolve(
    runCli(process.argv.slice(2), {
      cwd: process.cwd(),
      stdout: output(process.stdout),
      stderr: output(process.stderr),
      isTTY: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
      packageRoot: path.resolve(__dirname, '..'),
      version,
      // One worker would only add a thread: the main thread lints.
      parallel: workers > 1 ? (tasks) => parallel(tasks, workers) : undefined,
    }),
  ).then((code) => {
    process.exitCode = code;
  });
} else {
  parentPort!.once('message', (chunk: [number, LintTask][]) => {
    parentPort!.postMessage(chunk.map(([i, t]) => [i, lintTask(t)]));
  });
}
