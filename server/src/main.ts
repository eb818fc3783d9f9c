// The language server's entry (dist/server.js, the `jdlint-language-server` bin): --stdio for any
// LSP editor, --node-ipc when the VS Code extension starts it.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

startServer(createConnection(ProposedFeatures.all));
