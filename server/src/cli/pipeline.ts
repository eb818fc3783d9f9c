// Two threads on one folder of postings: a worker reads and parses files (the Markdown parse, the
// recovery of pasted structure and where pay is stated: about a third of a lint), the main thread lints the parsed postings
// (classification and rules). Unlike a split of the files over workers, no code runs in both
// threads, so V8 compiles each hot function once: on two cores, where a second linting thread
// loses to the time V8's optimising compiler needs, the two threads gain.
//
// The threads share a counter of the next file to take. The worker takes files one by one and posts
// them parsed in small batches; the main thread lints what has arrived, and when nothing has, takes
// the next file itself and lints it whole. So the main thread never waits while files remain
// (while the worker starts, it lints on its own), and if the worker dies, its files are linted by
// the main thread: nothing is lost.
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { finishParsed, lintTask, parseTask, type LintTask, type ParsedTask, type TaskResult } from './run';

/** What the parse worker is given when the run starts (it may have been started before: cli/threads.ts). */
export interface ParseWorkerData {
  tasks: LintTask[];
  /** [0] the next task to take, [1] batches posted so far. */
  shared: Int32Array;
  port: MessagePort;
}

/** Files parsed per message: a message costs about as much as parsing a short posting. */
const BATCH = 8;
/** NEXT and POSTED in ParseWorkerData.shared. */
const NEXT = 0;
const POSTED = 1;
/** How long the main thread waits for a batch before it checks whether the worker is still there. */
const WAIT_MS = 50;

type Batch = [number, ParsedTask][];

/** The parse worker's loop (in the worker thread). */
export function parseWorker({ tasks, shared, port }: ParseWorkerData): void {
  let batch: Batch = [];
  const post = () => {
    port.postMessage(batch);
    batch = [];
    Atomics.add(shared, POSTED, 1);
    Atomics.notify(shared, POSTED);
  };
  for (let i = Atomics.add(shared, NEXT, 1); i < tasks.length; i = Atomics.add(shared, NEXT, 1)) {
    batch.push([i, parseTask(tasks[i])]);
    if (batch.length >= BATCH) post();
  }
  if (batch.length > 0) post();
}

/**
 * Lints the tasks with a parse worker made by `start` (given its workerData, which it must pass on
 * with `transferList: [data.port]`); results in task order, each as lintTask(task) gives it.
 */
export async function pipeline(tasks: LintTask[], start: (data: ParseWorkerData, transferList: MessagePort[]) => Worker): Promise<TaskResult[]> {
  const results: (TaskResult | undefined)[] = new Array(tasks.length).fill(undefined);
  let done = 0;
  const shared = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  const { port1, port2 } = new MessageChannel();
  let gone = false;
  let worker: Worker | null = null;
  try {
    worker = start({ tasks, shared, port: port2 }, [port2]);
    worker.once('exit', () => (gone = true));
    // An error is followed by 'exit'; listening keeps it from being thrown in this thread.
    worker.on('error', () => (gone = true));
  } catch {
    gone = true;
  }
  let seen = 0;
  const take = (batch: Batch) => {
    seen++;
    // Each file is taken by one thread (the shared counter), so none arrives already linted.
    for (const [i, parsed] of batch) {
      results[i] = finishParsed(tasks[i], parsed);
      done++;
    }
  };
  while (done < tasks.length) {
    const message = receiveMessageOnPort(port1);
    if (message) {
      take(message.message as Batch);
      continue;
    }
    const i = Atomics.add(shared, NEXT, 1);
    if (i < tasks.length) {
      results[i] = lintTask(tasks[i]);
      done++;
      continue;
    }
    // All files are taken; the worker's last ones are on their way, unless it is gone.
    if (gone) break;
    const wait = Atomics.waitAsync(shared, POSTED, seen, WAIT_MS);
    if (wait.async) await wait.value;
  }
  // Whatever the worker took and did not deliver (it died): linted here.
  for (let message = receiveMessageOnPort(port1); message; message = receiveMessageOnPort(port1)) take(message.message as Batch);
  for (let i = 0; i < tasks.length; i++) results[i] ??= lintTask(tasks[i]);
  port1.close();
  if (worker && !gone) void worker.terminate();
  return results as TaskResult[];
}
