// startServer(connection, host): a thin LSP layer over the pure engine, the same for the Node.js
// server (server/src/main.ts) and the web worker (server/src/browser/main.ts). The entry makes the
// connection and the host (how files are read); each feature lives in its own module.
import { CodeActionKind, TextDocumentSyncKind, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { BREAKDOWN_REQUEST, FIX_ALL_KIND, LINT_FILES_REQUEST } from '../protocol';
import { breakdown, codeLenses } from './breakdown';
import { codeActions } from './codeActions';
import { createContext, type ServerContext } from './context';
import { publishDiagnostics } from './diagnostics';
import type { ServerHost } from './host';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hover } from './hover';
import { lintFiles } from './workspaceLint';

export function initializeResult(ctx: ServerContext, params: InitializeParams): InitializeResult {
  ctx.host.initialize?.(params);
  const caps = params.capabilities;
  ctx.client.configuration = Boolean(caps.workspace?.configuration);
  ctx.client.versionedEdits = Boolean(caps.workspace?.workspaceEdit?.documentChanges);
  ctx.client.workspaceFolders = Boolean(caps.workspace?.workspaceFolders);
  const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []);
  ctx.roots = folders.map((f) => f.uri);
  return {
    capabilities: {
      // Saves are reported for jdlint.run onSave.
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      hoverProvider: true,
      codeLensProvider: { resolveProvider: false },
      // Folders added later widen where config files and linted postings may be read from.
      ...(ctx.client.workspaceFolders ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
    },
    serverInfo: { name: 'jdlint-language-server' },
  };
}

/** Wires every feature to the connection and starts listening; returns the context (for tests). */
export function startServer(connection: Connection, host: ServerHost): ServerContext {
  const ctx = createContext(connection, host);
  const { documents } = ctx;
  const relintAll = () => {
    ctx.forgetAll();
    for (const doc of documents.all()) void publishDiagnostics(ctx, connection, doc, 'settings');
  };

  connection.onInitialize((params) => initializeResult(ctx, params));
  connection.onInitialized(() => {
    if (!ctx.client.workspaceFolders) return;
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const removed = new Set(e.removed.map((f) => f.uri));
      ctx.roots = [...ctx.roots.filter((r) => !removed.has(r)), ...e.added.map((f) => f.uri)];
      relintAll();
    });
  });
  connection.onDidChangeConfiguration(relintAll);
  // The client watches .jdlintrc files; any change re-reads them.
  connection.onDidChangeWatchedFiles(relintAll);

  // Fires on open (right after onDidOpen) as well as on every change.
  const opened = new WeakSet<TextDocument>();
  documents.onDidOpen((e) => void opened.add(e.document));
  documents.onDidChangeContent((e) => void publishDiagnostics(ctx, connection, e.document, opened.has(e.document) ? 'open' : 'change'));
  documents.onDidSave((e) => void publishDiagnostics(ctx, connection, e.document, 'save'));
  documents.onDidClose((e) => {
    ctx.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCodeAction((params) => codeActions(ctx, params));
  connection.onHover((params) => hover(ctx, params));
  connection.onCodeLens((params) => codeLenses(ctx, params));
  connection.onRequest(BREAKDOWN_REQUEST, (params: { uri: string }) => breakdown(ctx, params));
  connection.onRequest(LINT_FILES_REQUEST, (params: { uris?: string[] }) => lintFiles(ctx, connection, params));

  documents.listen(connection);
  connection.listen();
  return ctx;
}
