// argv paths -> posting files. Folders are searched for Markdown; globs go through tinyglobby.
import { statSync } from 'node:fs';
import path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';

const MARKDOWN = ['**/*.md', '**/*.markdown'];
const IGNORE = ['**/node_modules/**', '**/.git/**'];

export interface Expanded {
  files: string[];
  /** Arguments that named nothing readable, with why. */
  problems: string[];
}

export function expandPaths(args: string[], cwd: string): Expanded {
  const files: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    const abs = path.resolve(cwd, f);
    if (!seen.has(abs)) {
      seen.add(abs);
      files.push(abs);
    }
  };
  for (const arg of args) {
    let stat;
    try {
      stat = statSync(path.resolve(cwd, arg));
    } catch {
      stat = null;
    }
    if (stat?.isDirectory()) {
      const found = globSync(MARKDOWN, { cwd: path.resolve(cwd, arg), ignore: IGNORE, absolute: true }).sort();
      if (found.length === 0) problems.push(`${arg}: no Markdown files (*.md, *.markdown) in this folder`);
      found.forEach(add);
    } else if (stat) {
      add(arg);
    } else if (isDynamicPattern(arg)) {
      const found = globSync(arg, { cwd, ignore: IGNORE, absolute: true }).sort();
      if (found.length === 0) problems.push(`${arg}: no files match this pattern`);
      found.forEach(add);
    } else {
      problems.push(`${arg}: no such file or folder`);
    }
  }
  return { files, problems };
}
