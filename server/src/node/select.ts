// Which Markdown files are the team's to lint: `files` / `ignores` in the nearest .jdlintrc,
// .gitignore and .jdlintignore. One answer for the CLI's file walker and the language server, so a
// file the editor leaves alone is one `jdlint .` leaves alone too. Patterns use .gitignore syntax
// (the `ignore` package, as git reads them); whether a selected file is a posting is the engine's
// call (engine/detect.ts) unless `files` declared it one.
import path from 'node:path';
import { relativePath } from './relativePath';
import ignore, { type Ignore } from 'ignore';
import { DISK, findConfigFile, loadConfigFile, type ConfigFs } from './configFile';

/** Ignore files read in every folder from the root down to a file's folder, later ones winning. */
const IGNORE_FILE_NAMES = ['.gitignore', '.jdlintignore'] as const;

export type Selection =
  /** Lint it. `declared`: a `files` pattern names it, so it is a posting without asking the text. */
  | { lint: true; declared: boolean }
  /** Leave it alone, and why ("ignored by .jdlintignore (drafts/)"). */
  | { lint: false; reason: string };

export interface SelectorOptions {
  /**
   * The folders whose ignore files apply (the CLI's working folder, the editor's workspace folders):
   * ignore files are read from the innermost root holding a file down to the file's folder.
   */
  roots: readonly string[];
  /** A config file named on the command line: its `files` / `ignores` apply, relative to `base`. */
  explicitConfig?: { file: string; base: string };
  /** Folders config files may be read from (as configFor's roots); default: `roots`. */
  configRoots?: readonly string[];
  /** How files are read (as configFor's): the disk, or the editor's file system for a server in a browser. */
  fs?: ConfigFs;
}

/** An ignore file larger than this is not read (a real one is a few KB). */
export const MAX_IGNORE_FILE_BYTES = 1_000_000;

export interface Selector {
  select(file: string): Selection;
}

interface Patterns {
  /** The folder patterns are relative to. */
  base: string;
  files: Ignore | null;
  ignores: Ignore | null;
  /** Where the patterns come from, for reasons. */
  source: string;
}

/** Patterns as `ignore` takes them, marked with where they come from. */
function rules(patterns: readonly string[], mark: string): Ignore {
  return ignore({ allowRelativePaths: true }).add(patterns.map((pattern) => ({ pattern, mark })));
}

/** A list of non-empty strings from config data, or null when absent or of another shape (resolveConfig reports that). */
function stringList(v: unknown): string[] | null {
  return Array.isArray(v) && v.every((s) => typeof s === 'string') ? (v as string[]).filter((s) => s.trim() !== '') : null;
}

/** `rel` as `ignore` reads it (forward slashes), or null when `file` is not inside `dir`. */
function relativeInside(dir: string, file: string): string | null {
  const rel = relativePath(dir, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return rel.split(path.sep).join('/');
}

export function createSelector(options: SelectorOptions): Selector {
  const roots = options.roots.map((r) => path.resolve(r));
  const configRoots = options.configRoots ?? roots;
  const fs = options.fs ?? DISK;
  const ignoreFiles = new Map<string, Ignore | null>();
  const patternsByConfig = new Map<string, Patterns | null>();
  // A selector lives for one CLI run or one editor question: each folder's config file is looked up once.
  const configByFolder = new Map<string, string | null>();

  /** The ignore rules of one folder (its .gitignore, then its .jdlintignore), or null when it has none. */
  function folderRules(dir: string): Ignore | null {
    if (ignoreFiles.has(dir)) return ignoreFiles.get(dir)!;
    let ig: Ignore | null = null;
    for (const name of IGNORE_FILE_NAMES) {
      const read = fs.read(path.join(dir, name), MAX_IGNORE_FILE_BYTES);
      if (!read.ok) continue;
      const lines = read.text.replace(/^\uFEFF/, '').split(/\r?\n/);
      ig = (ig ?? ignore({ allowRelativePaths: true })).add(lines.map((pattern) => ({ pattern, mark: name })));
    }
    ignoreFiles.set(dir, ig);
    return ig;
  }

  function patternsOf(configFile: string, base: string): Patterns | null {
    const key = `${configFile}\0${base}`;
    if (patternsByConfig.has(key)) return patternsByConfig.get(key)!;
    const { data } = loadConfigFile(configFile, options.explicitConfig ? undefined : configRoots, fs);
    const files = stringList(data.files);
    const ignores = stringList(data.ignores);
    const name = path.basename(configFile);
    const p = files || ignores ? { base, files: files ? rules(files, name) : null, ignores: ignores ? rules(ignores, name) : null, source: name } : null;
    patternsByConfig.set(key, p);
    return p;
  }

  function configPatterns(file: string): Patterns | null {
    if (options.explicitConfig) return patternsOf(options.explicitConfig.file, options.explicitConfig.base);
    const dir = path.dirname(file);
    let found = configByFolder.get(dir);
    if (found === undefined) configByFolder.set(dir, (found = findConfigFile(dir, configRoots, fs)));
    return found ? patternsOf(found, path.dirname(found)) : null;
  }

  /** The innermost root holding the file, or its own folder when none does. */
  function rootOf(file: string): string {
    let best: string | null = null;
    for (const r of roots) if (relativeInside(r, file) !== null && (best === null || r.length > best.length)) best = r;
    return best ?? path.dirname(file);
  }

  function ignoredByFiles(file: string): string | null {
    const root = rootOf(file);
    // Root first, the file's own folder last: a deeper ignore file may take back what a shallower one said.
    const dirs: string[] = [];
    for (let d = path.dirname(file); ; d = path.dirname(d)) {
      dirs.unshift(d);
      if (d === root || path.dirname(d) === d) break;
    }
    let ignoredBy: string | null = null;
    for (const dir of dirs) {
      const ig = folderRules(dir);
      const rel = ig && relativeInside(dir, file);
      if (!ig || !rel) continue;
      const t = ig.test(rel);
      if (t.ignored) ignoredBy = `${t.rule?.mark ?? 'an ignore file'} (${t.rule?.pattern})`;
      else if (t.unignored) ignoredBy = null;
    }
    return ignoredBy;
  }

  return {
    select(input: string): Selection {
      const file = path.resolve(input);
      const p = configPatterns(file);
      const rel = p ? relativeInside(p.base, file) : null;
      if (p?.ignores && rel && p.ignores.ignores(rel)) return { lint: false, reason: `ignored by "ignores" in ${p.source}` };
      const byFile = ignoredByFiles(file);
      if (byFile) return { lint: false, reason: `ignored by ${byFile}` };
      if (p?.files) {
        if (rel && p.files.ignores(rel)) return { lint: true, declared: true };
        return { lint: false, reason: `not named by "files" in ${p.source}` };
      }
      return { lint: true, declared: false };
    },
  };
}

