// Settings per document: the editor's `jdlint` section, then the project's config file over it.
// Problems in a config file are published as diagnostics on that file, and cleared when fixed.
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_CONFIG, resolveConfig, type Config } from '../engine/config';
import { RULE_IDS } from '../linter';
import type { JdlintSettings } from '../protocol';
import type { ConfigFileReport, ServerHost } from './host';
import { toRange } from './positions';

export interface Settings {
  enable: boolean;
  /** `jdlint.run`: lint open postings as they change, or only when opened and saved. */
  run: 'onType' | 'onSave';
  config: Config;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, run: 'onType', config: DEFAULT_CONFIG };

/** What made the server look at an open posting. */
export type LintTrigger = 'open' | 'change' | 'save' | 'settings';

/**
 * Whether a trigger publishes new diagnostics. With `jdlint.run: onSave` an edit does not: the
 * editor keeps showing the findings of the last save (moved along with the edits) until the next.
 */
export function lintsOn(trigger: LintTrigger, s: Settings): boolean {
  return trigger !== 'change' || s.run !== 'onSave';
}

/** Client settings -> engine configuration; anything missing or wrong falls back to the defaults. */
export function settingsFrom(raw: unknown, log: (m: string) => void): Settings {
  if (!raw || typeof raw !== 'object') return DEFAULT_SETTINGS;
  const s = raw as JdlintSettings;
  const overrides: Record<string, unknown> = {};
  if (s.rules && typeof s.rules === 'object') overrides.rules = s.rules;
  if (typeof s.mismatchThreshold === 'number') overrides.thresholds = { mismatchShare: s.mismatchThreshold };
  const { config, problems } = resolveConfig(overrides, DEFAULT_CONFIG, RULE_IDS);
  for (const p of problems) log(`jdlint settings: ${p} (default kept)`);
  if (s.run !== undefined && s.run !== 'onType' && s.run !== 'onSave') log(`jdlint settings: "run" must be "onType" or "onSave", got ${JSON.stringify(s.run)} (default kept)`);
  return { enable: s.enable !== false, run: s.run === 'onSave' ? 'onSave' : 'onType', config };
}

/** The problems of one config file, as diagnostics on that file. */
async function configDiagnostics(file: ConfigFileReport): Promise<Diagnostic[]> {
  if (file.problems.length === 0) return [];
  // Unreadable (or not a regular file): the ranges stay at the start.
  const doc = TextDocument.create(file.uri, 'json', 0, await file.text().catch(() => ''));
  return file.problems.map((p) => ({
    range: toRange(doc, p.range ?? { start: 0, end: 0 }),
    severity: DiagnosticSeverity.Error,
    source: 'jdlint',
    message: `JD Lint configuration: ${p.message}. Postings are linted with the other settings until this is fixed.`,
  }));
}

export interface SettingsStore {
  /** The settings of a document, fetched once and kept until forget/clear. */
  get(uri: string): Promise<Settings>;
  forget(uri: string): void;
  clear(): void;
}

type Client = Pick<Connection, 'sendDiagnostics' | 'workspace'>;

/**
 * `editorSettings()` says whether to ask the client (it declared workspace/configuration);
 * `roots()` gives the workspace folders' URIs at the time of asking.
 */
export function settingsStore(client: Client, host: ServerHost, log: (m: string) => void, editorSettings: () => boolean, roots: () => readonly string[]): SettingsStore {
  const cache = new Map<string, Promise<Settings>>();
  // Config files with problems, so that a fixed one gets its diagnostics cleared.
  const broken = new Set<string>();

  async function withConfigFile(uri: string, s: Settings): Promise<Settings> {
    let found;
    try {
      found = await host.projectConfig(uri, s.config, roots());
    } catch (err) {
      // Hosts report problems rather than throw; if one throws, the editor's settings still lint.
      log(`jdlint: could not read the configuration for ${uri}: ${(err as Error).message}`);
      return { ...s, config: { ...s.config, detectPostings: true } };
    }
    const { config, files } = found;
    // A file the team leaves out is not linted; one its `files` name is a posting without asking the text.
    const chosen = (await host.selectPosting?.(uri, roots())) ?? { lint: true, declared: false };
    for (const file of files) {
      if (file.problems.length === 0 && !broken.has(file.uri)) continue;
      if (file.problems.length > 0) broken.add(file.uri);
      else broken.delete(file.uri);
      void client.sendDiagnostics({ uri: file.uri, diagnostics: await configDiagnostics(file) });
    }
    return { ...s, enable: s.enable && chosen.lint, config: { ...config, detectPostings: !chosen.declared } };
  }

  return {
    get(uri) {
      let s = cache.get(uri);
      if (!s) {
        const editor = editorSettings()
          ? client.workspace
              .getConfiguration({ scopeUri: uri, section: 'jdlint' })
              .then((raw) => settingsFrom(raw, log))
              .catch(() => DEFAULT_SETTINGS)
          : Promise.resolve(DEFAULT_SETTINGS);
        s = editor.then((e) => withConfigFile(uri, e));
        cache.set(uri, s);
      }
      return s;
    },
    forget: (uri) => void cache.delete(uri),
    clear: () => cache.clear(),
  };
}
