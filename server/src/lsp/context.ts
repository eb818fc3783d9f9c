// What every feature shares: the open documents, their settings, one lint result per text, and the
// preamble each request starts with (the open posting, its settings, its lint) written once here.
import { TextDocuments, type Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Config } from '../engine/config';
import { lint, type LintResult } from '../linter';
import { SYNCED_DOCUMENTS } from './documents';
import type { ServerHost } from './host';
import { settingsStore, type Settings, type SettingsStore } from './settings';

/** An open posting, ready for a feature: the text as the server holds it, its settings and lint. */
export interface Analysis {
  doc: TextDocument;
  settings: Settings;
  result: LintResult;
}

export interface ServerContext {
  host: ServerHost;
  documents: TextDocuments<TextDocument>;
  settings: SettingsStore;
  /** What the client declared it can do (set on initialize). */
  client: { configuration: boolean; versionedEdits: boolean; workspaceFolders: boolean };
  /** The workspace folders' URIs: config files and postings are read only inside them. */
  roots: string[];
  log(message: string): void;
  /** The lint result for the document's current text, computed once per text. */
  resultFor(doc: TextDocument, config: Config): LintResult;
  /** The preamble: null when the document is not open, not a posting, or JD Lint is off for it. */
  analyse(uri: string): Promise<Analysis | null>;
  /** Forgets what is kept for a document (closed) or for all (settings or config files changed). */
  forget(uri: string): void;
  forgetAll(): void;
}

export function isPosting(doc: TextDocument): boolean {
  return doc.languageId === 'markdown' || /\.(md|markdown)$/i.test(doc.uri);
}

type Client = Pick<Connection, 'sendDiagnostics' | 'workspace' | 'console'>;

export function createContext(connection: Client, host: ServerHost): ServerContext {
  const documents = new TextDocuments(SYNCED_DOCUMENTS);
  // Kept by document object: each text the client sends is a new one (see documents.ts), even when
  // the client repeats a version number or reopens a document.
  const results = new Map<string, { doc: TextDocument; result: LintResult }>();
  const log = (m: string) => connection.console.log(m);
  const ctx: ServerContext = {
    host,
    documents,
    settings: settingsStore(connection, host, log, () => ctx.client.configuration, () => ctx.roots),
    client: { configuration: false, versionedEdits: false, workspaceFolders: false },
    roots: [],
    log,
    resultFor(doc, config) {
      const cached = results.get(doc.uri);
      if (cached && cached.doc === doc) return cached.result;
      const result = lint(doc.getText(), config);
      results.set(doc.uri, { doc, result });
      return result;
    },
    async analyse(uri) {
      const doc = documents.get(uri);
      if (!doc || !isPosting(doc)) return null;
      const settings = await ctx.settings.get(uri);
      if (!settings.enable) return null;
      const result = ctx.resultFor(doc, settings.config);
      // Not a posting (engine/detect.ts): nothing to show, as for a file JD Lint is off for.
      return result.detection.posting ? { doc, settings, result } : null;
    },
    forget(uri) {
      ctx.settings.forget(uri);
      results.delete(uri);
    },
    forgetAll() {
      ctx.settings.clear();
      results.clear();
    },
  };
  return ctx;
}
