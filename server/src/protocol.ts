// What the client and the server share: the settings shape and the custom method names.

/** The `jdlint` settings section, as the client sends it. Every field is optional: the server fills defaults. */
export interface JdlintSettings {
  enable?: boolean;
  /** Severity per rule id: off | hint | info | warning | error. */
  rules?: Record<string, 'off' | 'hint' | 'info' | 'warning' | 'error'>;
  /** The other role's share of the duty evidence that flags a title (thresholds.mismatchShare). */
  mismatchThreshold?: number;
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
}

/** Client command that shows the breakdown; the CodeLens on the title runs it. */
export const SHOW_BREAKDOWN_COMMAND = 'jdlint.showBreakdown';

/** Request: lint files from disk (not open in the editor) into the Problems panel. Params: { uris }. Returns the number linted. */
export const LINT_FILES_REQUEST = 'jdlint/lintFiles';

/** Code action kind of "fix all": every preferred fix of the document at once. */
export const FIX_ALL_KIND = 'source.fixAll.jdlint';

export const LINT_WORKSPACE_COMMAND = 'jdlint.lintWorkspace';
export const FIX_ALL_COMMAND = 'jdlint.fixAll';
