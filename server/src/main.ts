// The language server (dist/server-main.js, started by dist/server.js, see start.ts): --stdio for any
// LSP editor, --node-ipc when the VS Code extension starts it.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

startServer(createConnection(ProposedFeatures.all));
