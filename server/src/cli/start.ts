// dist/cli.js, the `jdlint` command's entry and its worker threads': runs the CLI bundle
// (dist/cli-main.js) from V8's code cache, as dist/server.js does for the language server. A run
// over a few postings (a pre-commit hook, a CI step on a changed file) is mostly start-up, and
// about 40 ms of it is V8 compiling the bundle and the functions of the first lint.
//
// The cache is written by the first run that finds none, with the code that run compiled. A run
// that lints nothing (--help, --version, no arguments) would leave a cache without the linting
// code that later runs would then compile every time, so it does not use the cache at all.
import path from 'node:path';
import v8 from 'node:v8';
import { isMainThread } from 'node:worker_threads';
import { runWithCodeCache } from '../node/codeCache';
import { startEarlyParseWorker } from './threads';
import { CLI_V8_FLAGS } from './v8flags';

/** SHA-256 (24 hex digits) of dist/cli-main.js, put here by scripts/build.mjs. */
declare const JDLINT_BUNDLE_HASH: string;

const main = path.join(__dirname, 'cli-main.js');
const args = process.argv.slice(2);
// (A worker thread's argv holds no arguments: it is started to lint.)
const lintsNothing = isMainThread && (args.length === 0 || args.some((a) => a === '-h' || a === '--help' || a === '-v' || a === '--version'));
// The CLI's worker threads start here too (main.ts): the flags are the process's, already set, and
// the cache is the main thread's to write.
if (isMainThread) for (const flag of CLI_V8_FLAGS) v8.setFlagsFromString(flag);
// The parse worker, if the run will likely use one, starts now: it loads while this thread does.
if (isMainThread && !lintsNothing) startEarlyParseWorker(__filename, args, process.cwd());
if (lintsNothing) require(main);
else runWithCodeCache(main, JDLINT_BUNDLE_HASH, undefined, isMainThread);
