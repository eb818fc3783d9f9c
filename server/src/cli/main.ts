// The jdlint command (dist/cli.js). The same file is the worker of a parallel run (a lint worker or
// the parse worker of pipeline.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { version } from '../../../package.json';
import { keepItemResults } from '../engine/text';
import { parseWorker, pipeline, type ParseWorkerData } from './pipeline';
import { lintTask, runCli, type LintTask, type TaskResult } from './run';
import { useColour } from './colour';
import { endEarlyParseWorker, newParseWorker, PARSE_ROLE, takeEarlyParseWorker, threading } from './threads';

// Each posting is linted once: nothing is kept for a next lint of the same text (an editor's case).
keepItemResults(false);

/**
 * What a worker thread runs: dist/cli.js, which loads this bundle from V8's code cache (a worker
 * compiling the bundle anew costs a start of about 20 ms); this file when run on its own (tests).
 */
const WORKER_ENTRY = (() => {
  const start = path.join(__dirname, 'cli.js');
  return path.basename(__filename) === 'cli-main.js' && existsSync(start) ? start : __filename;
})();

/** Splits tasks over `n` worker threads; results come back in task order. */
function parallel(tasks: LintTask[], n: number): Promise<TaskResult[]> {
  const results: TaskResult[] = new Array(tasks.length);
  const chunks = Array.from({ length: n }, (_, w) => tasks.map((t, i) => [i, t] as const).filter(([i]) => i % n === w));
  return Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<void>((resolve) => {
          const worker = new Worker(WORKER_ENTRY);
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

/** All of a stream (standard input for `jdlint -`). */
async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

if (isMainThread) {
  const how = threading();
  // The parse worker dist/cli.js started while this bundle loaded, if any; else a new one.
  const startParser = (data: ParseWorkerData, transferList: MessagePort[]) => {
    const worker = takeEarlyParseWorker() ?? newParseWorker(WORKER_ENTRY);
    worker.postMessage(data, transferList);
    return worker;
  };
  // Exit 1 means error findings: anything unexpected is a message and exit 2, never a stack and 1.
  const failed = (err: unknown) => {
    process.stderr.write(`jdlint: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  };
  new Promise<number>((resolve) =>
    resolve(runCli(process.argv.slice(2), {
      cwd: process.cwd(),
      stdout: output(process.stdout),
      stderr: output(process.stderr),
      isTTY: useColour(process.stdout),
      version,
      readStdin: () => readAll(process.stdin),
      parallel: how.kind === 'lint' ? (tasks) => parallel(tasks, how.workers) : how.kind === 'parse' ? (tasks) => pipeline(tasks, startParser) : undefined,
    })),
  )
    .then((code) => {
      process.exitCode = code;
    }, failed)
    .finally(endEarlyParseWorker);
} else if ((workerData as { role?: string } | undefined)?.role === PARSE_ROLE) {
  parentPort!.once('message', (data: ParseWorkerData) => parseWorker(data));
} else {
  parentPort!.once('message', (chunk: [number, LintTask][]) => {
    parentPort!.postMessage(chunk.map(([i, t]) => [i, lintTask(t)]));
  });
}
