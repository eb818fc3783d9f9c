// The language server (dist/server-main.js, started by dist/server.js, see start.ts): --stdio for any
// LSP editor, --node-ipc when the VS Code extension starts it.
import { format } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { lint } from './linter';
import { readThroughClient } from './lsp/clientFiles';
import { startServer } from './lsp/server';
import { nodeServerHost } from './node/serverHost';

if (process.argv.includes('--stdio')) {
  // A header without Content-Length (`Foo: bar\r\n\r\n{}`) loses the message framing for good: the
  // reader then fails on every later message and the server sat alive answering nothing. Exiting
  // lets the editor see it and start a new server. Given its own reader, the library no longer
  // keeps console output off stdout or exits at the end of stdin: both are done here.
  for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    console[level] = (...args: unknown[]) => void process.stderr.write(format(...args) + '\n');
  }
  const reader = new StreamMessageReader(process.stdin);
  let shutdown = false;
  reader.onError((err) => {
    process.stderr.write(`jdlint-language-server: unreadable message on stdin (${err.message.split('\n')[0]}); exiting\n`);
    process.exit(1);
  });
  reader.onClose(() => process.exit(shutdown ? 0 : 1));
  const connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
  connection.onShutdown(() => {
    shutdown = true;
  });
  startServer(connection, nodeServerHost());
} else {
  // The VS Code extension (node-ipc) also reads files of virtual workspaces for the server.
  const connection = createConnection(ProposedFeatures.all);
  startServer(connection, nodeServerHost(undefined, readThroughClient(connection)));
}

// One lint of a small posting before the first message is read: the first real lint then runs in
// code that has been through once (measured: first diagnostics of an 800-word posting ~18 ms
// sooner, the initialize result no later).
lint(
  '# Data Scientist\n\n## What you will do\n\n- Deploy models on Kubernetes with CI/CD and monitor drift in production\n' +
    '- Design A/B tests and present insights to stakeholders\n\n## Requirements\n\n- 3+ years of Python and SQL\n',
);
