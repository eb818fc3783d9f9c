// The language server (dist/server-main.js, started by dist/server.js, see start.ts): --stdio for any
// LSP editor, --node-ipc when the VS Code extension starts it.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { lint } from './engine/lint';
import { startServer } from './lsp/server';

startServer(createConnection(ProposedFeatures.all));

// One lint of a small posting before the first message is read: the first real lint then runs in
// code that has been through once (measured: first diagnostics of an 800-word posting ~18 ms
// sooner, the initialize result no later).
lint(
  '# Data Scientist\n\n## What you will do\n\n- Deploy models on Kubernetes with CI/CD and monitor drift in production\n' +
    '- Design A/B tests and present insights to stakeholders\n\n## Requirements\n\n- 3+ years of Python and SQL\n',
);
