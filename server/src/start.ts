// dist/server.js, the language server's entry (the `jdlint-language-server` bin, and what the VS
// Code extension starts): runs the server bundle (dist/server-main.js) from V8's code cache.
// --help, --version and a start without a transport answer here, without loading the server.
import path from 'node:path';
import { version } from '../../package.json';
import { runWithCodeCache } from './node/codeCache';

/** SHA-256 (24 hex digits) of dist/server-main.js, put here by scripts/build.mjs. */
declare const JDLINT_BUNDLE_HASH: string;

const USAGE = `Usage: jdlint-language-server --stdio

The JD Lint language server (LSP) for editors: diagnostics, hovers, quick fixes and fix all for
job postings in Markdown. An editor starts it; it reads settings through workspace/configuration
(the "jdlint" section) and the nearest .jdlintrc.json / .jdlintrc.yaml.

Transports (one is required):
  --stdio                 LSP messages over stdin/stdout (Neovim, Helix, Emacs, Sublime, ...)
  --node-ipc              Node.js IPC (the VS Code extension)
  --socket=<port>         a TCP socket
  --pipe=<name>           a named pipe

Options:
  -h, --help              show this help
  -v, --version           show the version

Environment: JDLINT_CACHE_DIR (where compiled code is kept), JDLINT_CODE_CACHE=0 (keep none).
Setup for other editors: https://github.com/jdlint/jdlint#other-editors`;

const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${version}\n`);
} else if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${USAGE}\n`);
} else if (!args.some((a) => /^--(stdio|node-ipc|socket|pipe)(=|$)/.test(a))) {
  // Started by hand without a transport, the LSP library would throw a stack of minified code.
  process.stderr.write(`jdlint-language-server: no transport given (an editor starts this server)\n\n${USAGE}\n`);
  process.exitCode = 2;
} else {
  runWithCodeCache(path.join(__dirname, 'server-main.js'), JDLINT_BUNDLE_HASH);
}
