// dist/server.js, the language server's entry (the `jdlint-language-server` bin, and what the VS
// Code extension starts): runs the server bundle (dist/server-main.js) from V8's code cache.
import path from 'node:path';
import { runWithCodeCache } from './node/codeCache';

/** SHA-256 (24 hex digits) of dist/server-main.js, put here by scripts/build.mjs. */
declare const JDLINT_BUNDLE_HASH: string;

runWithCodeCache(path.join(__dirname, 'server-main.js'), JDLINT_BUNDLE_HASH);
