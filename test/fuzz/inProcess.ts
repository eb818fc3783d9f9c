// A language server and a client in one process, joined by in-memory streams: protocol-level
// checks (incremental sync against fresh opens) without a child process, fast enough to run
// thousands of edits.
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { startServer } from '../../server/src/lsp/server';
import { nodeServerHost } from '../../server/src/node/serverHost';

export interface InProcessClient {
  conn: ProtocolConnection;
  /** The diagnostics last published for a uri, with their version. */
  published: Map<string, PublishDiagnosticsParams>;
  open(uri: string, text: string, version?: number): Promise<Diagnostic[]>;
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<Diagnostic[]>;
  close(uri: string): Promise<void>;
  stop(): void;
}

export async function startInProcess(settings: unknown = null, workspaceFolders: string[] | null = null): Promise<InProcessClient> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startServer(server, nodeServerHost('file:///docs/rules'));
  const conn = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const published = new Map<string, PublishDiagnosticsParams>();
  const waiting: { uri: string; resolve: (d: Diagnostic[]) => void }[] = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.set(p.uri, p);
    for (let i = waiting.length - 1; i >= 0; i--) {
      if (waiting[i].uri === p.uri) waiting.splice(i, 1)[0].resolve(p.diagnostics);
    }
  });
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
  conn.onNotification('window/logMessage', () => {});
  conn.listen();
  // processId null: the server must not watch (and exit with) a parent process.
  await conn.sendRequest('initialize', {
    processId: null,
    rootUri: null,
    workspaceFolders: workspaceFolders?.map((uri, i) => ({ uri, name: `ws${i}` })) ?? null,
    capabilities: {
      workspace: { configuration: true, workspaceEdit: { documentChanges: true }, workspaceFolders: true },
      textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true } },
    },
  });
  await conn.sendNotification('initialized', {});
  const next = (uri: string) => new Promise<Diagnostic[]>((resolve) => waiting.push({ uri, resolve }));
  return {
    conn,
    published,
    async open(uri, text, version = 1) {
      const d = next(uri);
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
      return d;
    },
    async change(uri, version, changes) {
      const d = next(uri);
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
      return d;
    },
    async close(uri) {
      const d = next(uri);
      await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
      await d;
    },
    stop() {
      conn.dispose();
      server.dispose();
      toServer.destroy();
      toClient.destroy();
    },
  };
}
