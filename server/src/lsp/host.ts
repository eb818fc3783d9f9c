// What the language server needs from where it runs, injected by its entry: Node.js reads the disk
// (server/src/node/serverHost.ts), a web worker asks the editor (server/src/browser/serverHost.ts).
// The feature modules know only this interface, so the same code serves both.
import type { InitializeParams } from 'vscode-languageserver';
import type { Config } from '../engine/config';

/** A config file that was read, with its problems (empty: fixed, its diagnostics are cleared). */
export interface ConfigFileReport {
  uri: string;
  problems: { message: string; range?: { start: number; end: number } }[];
  /** The file's text, for the problems' positions; read only when there are problems. */
  text(): Promise<string>;
}

export type PostingRead = { ok: true; text: string } | { ok: false; error: string };

export interface ServerHost {
  /** Where the rule docs are: `${docsBase}/<rule id>.md` is each finding's link. */
  docsBase: string;
  /** Sees the client's initialize request first (a host may learn where things are from it). */
  initialize?(params: InitializeParams): void;
  /**
   * The project configuration for a posting: its nearest config file (and what that extends)
   * merged over `base`; `roots` are the workspace folders' URIs, outside which nothing is read.
   */
  projectConfig(uri: string, base: Config, roots: readonly string[]): Promise<{ config: Config; files: ConfigFileReport[] }>;
  /** Whether a posting that is not open can be read from here at all (its scheme); others are skipped. */
  canReadPosting(uri: string): boolean;
  /** Whether a file is inside the workspace folders (or no folder is open). */
  insideWorkspace(uri: string, roots: readonly string[]): boolean;
  /** Reads a posting that is not open in the editor, up to a size that covers maxDocumentSize. */
  readPosting(uri: string, maxDocumentSize: number): Promise<PostingRead>;
  /** Called after each lint with the length of the text linted (memory upkeep on Node). */
  afterLint(chars: number): void;
  /**
   * Whether a file is the team's to lint (`files` / `ignores`, .gitignore, .jdlintignore:
   * node/select.ts), and whether `files` declared it a posting. Absent: every file is linted, and
   * the text says whether it is a posting.
   */
  selectPosting?(uri: string, roots: readonly string[]): { lint: boolean; declared: boolean } | Promise<{ lint: boolean; declared: boolean }>;
}
