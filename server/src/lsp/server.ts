// startServer(connection): a thin LSP layer over the pure engine. No judgement lives here.
import { memoryKeeper } from './memory';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  TextDocumentEdit,
  type Diagnostic,
  type TextEdit,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CodeLens,
  type Connection,
  type Hover,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { percent, topTerms } from '../engine/explain';
import { DEFAULT_CONFIG, resolveConfig, type Config } from '../engine/config';
import { INPUT_RULE, lint, type LintResult } from '../linter';
import { RULES_BY_ID } from '../../../rules/index';
import { suppressionFix } from '../engine/suppress';
import { configFor, insideRoots, type ConfigProblem } from '../node/configFile';
import { MAX_CONFIG_BYTES, postingByteLimit, readRegularFile } from '../node/readFile';
import { BREAKDOWN_REQUEST, FIX_ALL_KIND, LINT_FILES_REQUEST, SHOW_BREAKDOWN_COMMAND, type Breakdown, type JdlintSettings } from '../protocol';
import { toDiagnostic, type DiagnosticData } from './convert';
import { explainItem, explainTitle } from './hover';
import { revisionOf, SYNCED_DOCUMENTS } from './documents';
import { toOffset, toRange } from './positions';

interface Settings {
  enable: boolean;
  config: Config;
}

const DEFAULT_SETTINGS: Settings = { enable: true, config: DEFAULT_CONFIG };
const KNOWN_RULE_IDS: ReadonlySet<string> = new Set(RULES_BY_ID.keys());

/** Rule docs ship inside the package next to the bundle: dist/server.js -> docs/rules/<id>.md. */
export function defaultDocsBase(): string {
  return pathToFileURL(path.resolve(__dirname, '..', 'docs', 'rules')).href;
}

function isPosting(doc: TextDocument): boolean {
  return doc.languageId === 'markdown' || /\.(md|markdown)$/i.test(doc.uri);
}

/** Client settings -> engine configuration; anything missing or wrong falls back to the defaults. */
export function settingsFrom(raw: unknown, log: (m: string) => void): Settings {
  if (!raw || typeof raw !== 'object') return DEFAULT_SETTINGS;
  const s = raw as JdlintSettings;
  const overrides: Record<string, unknown> = {};
  if (s.rules && typeof s.rules === 'object') overrides.rules = s.rules;
  if (typeof s.mismatchThreshold === 'number') overrides.thresholds = { mismatchShare: s.mismatchThreshold };
  const { config, problems } = resolveConfig(overrides, DEFAULT_CONFIG, KNOWN_RULE_IDS);
  for (const p of problems) log(`jdlint settings: ${p} (default kept)`);
  return { enable: s.enable !== false, config };
}

/** A problem in a config file, as a diagnostic on that file. */
function configDiagnostic(file: string, p: ConfigProblem): Diagnostic {
  // Unreadable (or not a regular file): the range stays at the start.
  const read = readRegularFile(file, MAX_CONFIG_BYTES);
  const text = read.ok ? read.bytes.toString('utf8').replace(/^\uFEFF/, '') : '';
  const doc = TextDocument.create(pathToFileURL(file).href, 'json', 0, text);
  return {
    range: toRange(doc, p.range ?? { start: 0, end: 0 }),
    severity: DiagnosticSeverity.Error,
    source: 'jdlint',
    message: `JD Lint configuration: ${p.message}. Postings are linted with the other settings until this is fixed.`,
  };
}

export function startServer(connection: Connection, docsBase = defaultDocsBase()): void {
  const documents = new TextDocuments(SYNCED_DOCUMENTS);
  const settings = new Map<string, Promise<Settings>>();
  // Kept by document object: each text the client sends is a new one (see documents.ts), even when
  // the client repeats a version number or reopens a document.
  const results = new Map<string, { doc: TextDocument; result: LintResult }>();
  const afterLint = memoryKeeper();
  let hasConfiguration = false;
  let hasVersionedEdits = false;
  /** The workspace folders: config files and linted files are read only inside them (and home). */
  let workspaceRoots: string[] = [];
  let hasWorkspaceFolders = false;

  const log = (m: string) => connection.console.log(m);

  // Config files with problems, reported as diagnostics on the file itself (cleared when fixed).
  const brokenConfigFiles = new Set<string>();

  /** Merges the nearest .jdlintrc over the editor's settings and reports its problems. */
  function withConfigFile(uri: string, s: Settings): Settings {
    if (!uri.startsWith('file:')) return s;
    const dir = path.dirname(fileURLToPath(uri));
    // Without workspace folders (a single file open), the posting's own folder stands for one.
    const { config, loaded } = configFor(dir, s.config, undefined, [...(workspaceRoots.length > 0 ? workspaceRoots : [dir]), os.homedir()]);
    const byFile = new Map<string, ConfigProblem[]>();
    for (const p of loaded.problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
    for (const file of loaded.files) {
      const problems = byFile.get(file) ?? [];
      const fileUri = pathToFileURL(file).href;
      if (problems.length === 0 && !brokenConfigFiles.has(fileUri)) continue;
      if (problems.length > 0) brokenConfigFiles.add(fileUri);
      else brokenConfigFiles.delete(fileUri);
      void connection.sendDiagnostics({ uri: fileUri, diagnostics: problems.map((p) => configDiagnostic(file, p)) });
    }
    return { ...s, config };
  }

  function settingsFor(uri: string): Promise<Settings> {
    let s = settings.get(uri);
    if (!s) {
      const editor = hasConfiguration
        ? connection.workspace
            .getConfiguration({ scopeUri: uri, section: 'jdlint' })
            .then((raw) => settingsFrom(raw, log))
            .catch(() => DEFAULT_SETTINGS)
        : Promise.resolve(DEFAULT_SETTINGS);
      s = editor.then((e) => withConfigFile(uri, e));
      settings.set(uri, s);
    }
    return s;
  }

  /** The lint result for the document's current text, computed once per text. */
  function resultFor(doc: TextDocument, config: Config): LintResult {
    const cached = results.get(doc.uri);
    if (cached && cached.doc === doc) return cached.result;
    const result = lint(doc.getText(), config);
    results.set(doc.uri, { doc, result });
    return result;
  }

  async function validate(doc: TextDocument): Promise<void> {
    if (!isPosting(doc)) return;
    try {
      const s = await settingsFor(doc.uri);
      const current = documents.get(doc.uri);
      // The document changed while settings were fetched: its own change event validates it.
      if (current !== doc) return;
      const result = s.enable ? resultFor(doc, s.config) : null;
      const diagnostics = result
        ? result.findings.map((f) => toDiagnostic(doc, f, docsBase, f.rule === INPUT_RULE ? undefined : suppressionFix(result.posting, f)))
        : [];
      await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
      afterLint(doc.getText().length);
    } catch (err) {
      log(`jdlint: could not lint ${doc.uri}: ${(err as Error).stack ?? err}`);
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    hasConfiguration = Boolean(caps.workspace?.configuration);
    hasVersionedEdits = Boolean(caps.workspace?.workspaceEdit?.documentChanges);
    hasWorkspaceFolders = Boolean(caps.workspace?.workspaceFolders);
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []);
    workspaceRoots = folders.filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        // Folders added later widen where config files and linted postings may be read from.
        ...(hasWorkspaceFolders ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
      },
      serverInfo: { name: 'jdlint-language-server' },
    };
  });

  const relintAll = () => {
    settings.clear();
    results.clear();
    for (const doc of documents.all()) void validate(doc);
  };
  connection.onDidChangeConfiguration(relintAll);
  connection.onInitialized(() => {
    if (!hasWorkspaceFolders) return;
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const removed = new Set(e.removed.filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri)));
      const kept = workspaceRoots.filter((r) => !removed.has(r));
      workspaceRoots = [...kept, ...e.added.filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri))];
      relintAll();
    });
  });
  // The client watches .jdlintrc files; any change re-reads them.
  connection.onDidChangeWatchedFiles(relintAll);

  // Fires on open as well as on every change.
  documents.onDidChangeContent((e) => void validate(e.document));
  documents.onDidClose((e) => {
    settings.delete(e.document.uri);
    results.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCodeAction(async (params) => {
    try {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const only = params.context.only;
      if (only && only.some((k) => FIX_ALL_KIND.startsWith(k) || k === CodeActionKind.SourceFixAll)) {
        const fixAll = await fixAllAction(doc);
        return fixAll ? [fixAll] : [];
      }
      const actions: CodeAction[] = [];
      for (const d of params.context.diagnostics) {
        if (d.source !== 'jdlint' || !d.data) continue;
        const data = d.data as DiagnosticData;
        // Never offer an edit computed for a text of the document the server no longer has (a
        // version number alone can repeat with other text).
        if (data.version !== doc.version || data.revision !== revisionOf(doc)) continue;
        for (const fix of [...(data.fixes ?? []), ...(data.suppress ? [data.suppress] : [])]) {
          const edits = fix.edits.map((e) => ({ range: toRange(doc, e.range), newText: e.newText }));
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            isPreferred: fix.preferred === true,
            edit: hasVersionedEdits
              ? { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, edits)] }
              : { changes: { [doc.uri]: edits } },
          });
        }
      }
      // The preferred fix first, as editors list them in order.
      return actions.sort((a, b) => Number(b.isPreferred) - Number(a.isPreferred));
    } catch (err) {
      log(`jdlint: code actions failed: ${(err as Error).message}`);
      return [];
    }
  });

  /** Every preferred fix of the current version at once; overlapping fixes are left for a second run. */
  async function fixAllAction(doc: TextDocument): Promise<CodeAction | null> {
    const s = await settingsFor(doc.uri);
    if (!s.enable) return null;
    const chosen: TextEdit[] = [];
    let end = -1;
    const fixes = resultFor(doc, s.config)
      .findings.flatMap((f) => f.fixes.filter((x) => x.preferred))
      .sort((a, b) => a.edits[0].range.start - b.edits[0].range.start);
    for (const fix of fixes) {
      const sorted = [...fix.edits].sort((a, b) => a.range.start - b.range.start);
      if (sorted[0].range.start < end) continue;
      end = sorted[sorted.length - 1].range.end;
      chosen.push(...sorted.map((e) => ({ range: toRange(doc, e.range), newText: e.newText })));
    }
    if (chosen.length === 0) return null;
    return {
      title: `Fix all JD Lint problems (${chosen.length} edit${chosen.length === 1 ? '' : 's'})`,
      kind: FIX_ALL_KIND,
      edit: hasVersionedEdits
        ? { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, chosen)] }
        : { changes: { [doc.uri]: chosen } },
    };
  }

  // Postings on disk that are not open: linted into the Problems panel (workspace lint).
  connection.onRequest(LINT_FILES_REQUEST, async (params: { uris: string[] }): Promise<number> => {
    let n = 0;
    for (const uri of params.uris ?? []) {
      if (documents.get(uri) || !uri.startsWith('file:')) continue;
      // Postings of the workspace only: never /etc/passwd because a client asked.
      if (!/\.(md|markdown)$/i.test(uri) || (workspaceRoots.length > 0 && !insideRoots(fileURLToPath(uri), workspaceRoots))) {
        log(`jdlint: not linting ${uri}: not a Markdown file inside the workspace`);
        continue;
      }
      try {
        const s = await settingsFor(uri);
        const read = readRegularFile(fileURLToPath(uri), postingByteLimit(s.config.maxDocumentSize));
        if (!read.ok) {
          log(`jdlint: could not lint ${uri}: ${read.error}`);
          settings.delete(uri);
          continue;
        }
        const text = read.bytes.toString('utf8').replace(/^\uFEFF/, '');
        const doc = TextDocument.create(uri, 'markdown', 0, text);
        const r = s.enable ? lint(text, s.config) : null;
        const diagnostics = r ? r.findings.map((f) => toDiagnostic(doc, f, docsBase)) : [];
        await connection.sendDiagnostics({ uri, diagnostics });
        settings.delete(uri);
        n++;
      } catch (err) {
        log(`jdlint: could not lint ${uri}: ${(err as Error).message}`);
      }
    }
    return n;
  });

  connection.onHover(async (params): Promise<Hover | null> => {
    try {
      const doc = documents.get(params.textDocument.uri);
      if (!doc || !isPosting(doc)) return null;
      const s = await settingsFor(doc.uri);
      if (!s.enable) return null;
      const result = resultFor(doc, s.config);
      const offset = toOffset(doc, params.position);
      const t = result.title;
      if (t && offset >= t.range.start && offset <= t.range.end) {
        return { contents: { kind: 'markdown', value: explainTitle(result, s.config) }, range: toRange(doc, t.range) };
      }
      const c = result.classified.find((x) => offset >= x.item.range.start && offset <= x.item.range.end);
      if (!c) return null;
      return { contents: { kind: 'markdown', value: explainItem(c, s.config) }, range: toRange(doc, c.item.range) };
    } catch (err) {
      log(`jdlint: hover failed: ${(err as Error).message}`);
      return null;
    }
  });

  function breakdown(doc: TextDocument, config: Config): Breakdown {
    const r = resultFor(doc, config);
    return {
      uri: doc.uri,
      title: r.title?.text ?? null,
      family: r.title?.family ?? null,
      ds: r.profile.ds,
      mle: r.profile.mle,
      dsPercent: percent(r.profile.ds),
      mlePercent: percent(r.profile.mle),
      role: r.profile.role,
      dutyItems: r.profile.dutyItems,
      dsItems: r.profile.dsItems,
      mleItems: r.profile.mleItems,
      dsTerms: topTerms(r.classified, 'ds', 5),
      mleTerms: topTerms(r.classified, 'mle', 5),
    };
  }

  connection.onCodeLens(async (params): Promise<CodeLens[]> => {
    try {
      const doc = documents.get(params.textDocument.uri);
      if (!doc || !isPosting(doc)) return [];
      const s = await settingsFor(doc.uri);
      if (!s.enable) return [];
      const r = resultFor(doc, s.config);
      if (!r.title || r.posting.items.length === 0) return [];
      const p = r.profile;
      const title = `DS ${percent(p.ds)} · MLE ${percent(p.mle)} · role: ${p.role}`;
      return [{ range: toRange(doc, r.title.range), command: { title, command: SHOW_BREAKDOWN_COMMAND, arguments: [doc.uri] } }];
    } catch (err) {
      log(`jdlint: code lens failed: ${(err as Error).message}`);
      return [];
    }
  });

  connection.onRequest(BREAKDOWN_REQUEST, async (params: { uri: string }): Promise<Breakdown | null> => {
    try {
      const doc = documents.get(params.uri);
      if (!doc) return null;
      return breakdown(doc, (await settingsFor(doc.uri)).config);
    } catch (err) {
      log(`jdlint: breakdown failed: ${(err as Error).message}`);
      return null;
    }
  });

  documents.listen(connection);
  connection.listen();
}
