// The jdlint command (dist/cli.js). The same file is the worker of a parallel run.
import os from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { version } from '../../../package.json';
import { keepItemResults } from '../engine/text';
import { lintTask, runCli, type LintTask, type TaskResult } from './run';

// Each posting is linted once: nothing is kept for a next lint of the same text (an editor's case).
keepItemResults(false);

/** Splits tasks over worker threads, one per core; results come back in task order. */
function parallel(tasks: LintTask[]): Promise<TaskResult[]> {
  const n = Math.max(1, Math.min(Number(process.env.JDLINT_WORKERS) || (os.availableParallelism?.() ?? os.cpus().length), 8));
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

if (isMainThread) {
  void Promise.resolve(
    runCli(process.argv.slice(2), {
      cwd: process.cwd(),
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
      isTTY: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
      packageRoot: path.resolve(__dirname, '..'),
      version,
      // JDLINT_WORKERS=1 lints on the main thread only.
      parallel: process.env.JDLINT_WORKERS === '1' ? undefined : parallel,
    }),
  ).then((code) => {
    process.exitCode = code;
  });
} else {
  parentPort!.once('message', (chunk: [number, LintTask][]) => {
    parentPort!.postMessage(chunk.map(([i, t]) => [i, lintTask(t)]));
  });
}
