// The language server in a web worker: the web extension (vscode.dev, github.dev) starts
// dist/server-main.js there (server/src/entry.ts). The same features as on Node.js; files come
// through the client.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from '../lsp/server';
import { browserServerHost } from './serverHost';

// The worker's global scope is where the client's messages arrive and where answers go.
const scope = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
startServer(connection, browserServerHost(connection));
