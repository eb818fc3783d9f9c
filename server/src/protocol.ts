// What the client and the server share: the settings shape and the custom method names.
import type { Verdict } from './report/verdict';

/** The `jdlint` settings section, as the client sends it. Every field is optional: the server fills defaults. */
export interface JdlintSettings {
  enable?: boolean;
  /** Severity per rule id: off | hint | info | warning | error. */
  rules?: Record<string, 'off' | 'hint' | 'info' | 'warning' | 'error'>;
  /** The other role's share of the duty evidence that flags a title (thresholds.mismatchShare). */
  mismatchThreshold?: number;
  /** When open postings are linted: as they change (default) or only when saved (and when opened). */
  run?: 'onType' | 'onSave';
}

/** Request: the DS/MLE breakdown of a posting. Params: { uri }. */
export const BREAKDOWN_REQUEST = 'jdlint/breakdown';

export interface Breakdown {
  uri: string;
  title: string | null;
  family: string | null;
  ds: number;
  mle: number;
  /** The shares as the server words them ("23%"), so every view shows the same figures. */
  dsPercent: string;
  mlePercent: string;
  role: string;
  dutyItems: number;
  dsItems: number;
  mleItems: number;
  /** The terms with most evidence for each role. */
  dsTerms: string[];
  mleTerms: string[];
  /** The verdict on the title, as the rules gave it (the HTML report shows the same). */
  verdict: Verdict;
  /** Which way each section's duties pulled, in document order (sections without duties left out). */
  sections: SectionPull[];
}

/** One section's pull towards each role: its section-weighted evidence, duties and terms. */
export interface SectionPull {
  heading: string | null;
  kind: string;
  /** The section's weight in the profile (config.sectionWeights). */
  weight: number;
  /** Section-weighted evidence mass of each role (each term once per section). */
  ds: number;
  mle: number;
  dsItems: number;
  mleItems: number;
  dsTerms: string[];
  mleTerms: string[];
}

/** Client command that shows the breakdown; the CodeLens on the title runs it. */
export const SHOW_BREAKDOWN_COMMAND = 'jdlint.showBreakdown';

/** Request: lint files from disk (not open in the editor) into the Problems panel. Params: { uris }. Returns the number linted. */
export const LINT_FILES_REQUEST = 'jdlint/lintFiles';

/** Code action kind of "fix all": every preferred fix of the document at once. */
export const FIX_ALL_KIND = 'source.fixAll.jdlint';

export const LINT_WORKSPACE_COMMAND = 'jdlint.lintWorkspace';
export const FIX_ALL_COMMAND = 'jdlint.fixAll';

/**
 * Request from the server to the client: read files through the editor's file system
 * (workspace.fs), for a server that cannot read them itself: the web worker, or any server in a
 * virtual workspace. Params: ReadFilesParams. Result: one ReadFileResult per uri, in order.
 */
export const READ_FILES_REQUEST = 'jdlint/readFiles';

export interface ReadFilesParams {
  uris: string[];
  /** Files larger than this are not read (an error says so). */
  maxBytes: number;
}

/** The text of a file (UTF-8, byte order mark removed), or why there is none. */
export type ReadFileResult = { text: string } | { error: string; missing?: boolean };

/** initializationOptions the extension passes: where the rule docs are, for a server that cannot know. */
export interface JdlintInitializationOptions {
  docsBase?: string;
}

/** Client commands: restart the language server; open (or create) the config file of the active posting. */
export const RESTART_SERVER_COMMAND = 'jdlint.restartServer';
export const OPEN_CONFIG_COMMAND = 'jdlint.openConfig';

/** Project config file names, in the order they are looked for in a folder (as server/src/node/configFile.ts). */
export const CONFIG_FILE_NAMES = ['.jdlintrc.json', '.jdlintrc.yaml', '.jdlintrc.yml'] as const;
