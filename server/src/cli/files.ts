// argv paths -> posting files. Folders are searched for Markdown; globs go through tinyglobby;
// negated globs ('!drafts/**', relative to the working folder) leave out what they match, from
// folders, globs and named files alike, as in markdownlint-cli2.
import { statSync } from 'node:fs';
import path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import type { Selector } from '../node/select';

const MARKDOWN = ['**/*.md', '**/*.markdown'];
const IGNORE = ['**/node_modules/**', '**/.git/**'];

export interface Expanded {
  files: string[];
  /** Arguments that named nothing readable, with why. */
  problems: string[];
  /** Files named one by one that `files` / `ignores` / ignore files leave alone, with why (../node/select.ts). */
  skipped: string[];
  /** Those of `files` that a config's `files` pattern declares postings: the selector's answer, kept so each file is selected once. */
  declared: Set<string>;
}

export function expandPaths(args: string[], cwd: string, selector?: Selector): Expanded {
  const files: string[] = [];
  const problems: string[] = [];
  const skipped: string[] = [];
  const declared = new Set<string>();
  const seen = new Set<string>();
  const negated = args.filter((a) => a.startsWith('!') && a.length > 1).map((a) => a.slice(1));
  // What the negated patterns match, found once: one walk, whatever found the files.
  const excluded = new Set(negated.length > 0 ? globSync(negated, { cwd, ignore: IGNORE, absolute: true, dot: true }).map((f) => path.resolve(f)) : []);
  /** Adds a file; returns why the selector left it out, if it did. */
  const add = (f: string, named = false): string | null => {
    const abs = path.resolve(cwd, f);
    if (excluded.has(abs)) {
      if (named) skipped.push(`${f}: left out by a negated pattern (!${negated.join(', !')})`);
      return null;
    }
    const chosen = selector?.select(abs);
    if (chosen && !chosen.lint) {
      // Found by a folder or a glob: left out as git leaves out what it ignores. Named: said why.
      if (named) skipped.push(`${f}: ${chosen.reason}`);
      return chosen.reason;
    }
    if (!seen.has(abs)) {
      seen.add(abs);
      files.push(abs);
      if (chosen?.declared) declared.add(abs);
    }
    return null;
  };
  /** A folder or glob the user named whose every file is left out is worth a line: it lints nothing. */
  const addAll = (arg: string, found: string[]) => {
    const reasons = found.map((f) => add(f));
    if (found.length > 0 && reasons.every((why) => why !== null)) skipped.push(`${arg}: ${found.length} file(s) found, all left out (the first ${reasons[0]})`);
  };
  for (const arg of args) {
    if (arg.startsWith('!') && arg.length > 1) continue;
    let stat;
    try {
      stat = statSync(path.resolve(cwd, arg));
    } catch {
      stat = null;
    }
    if (stat?.isDirectory()) {
      const found = globSync(MARKDOWN, { cwd: path.resolve(cwd, arg), ignore: IGNORE, absolute: true }).sort();
      if (found.length === 0) problems.push(`${arg}: no Markdown files (*.md, *.markdown) in this folder`);
      addAll(arg, found);
    } else if (stat) {
      add(arg, true);
    } else if (isDynamicPattern(arg)) {
      const found = globSync(arg, { cwd, ignore: IGNORE, absolute: true }).sort();
      if (found.length === 0) problems.push(`${arg}: no files match this pattern`);
      addAll(arg, found);
    } else {
      problems.push(`${arg}: no such file or folder`);
    }
  }
  return { files, problems, skipped, declared };
}
