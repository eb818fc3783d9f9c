// path.relative for the common case of a CLI run: thousands of files under one folder.
import path from 'node:path';

/**
 * path.relative(dir, file) for absolute, normalised paths (as path.resolve gives them). A file
 * inside dir is the rest of its path, found without the work path.relative does for any two paths
 * (resolving both, comparing segment by segment); anything else goes to path.relative.
 */
export function relativePath(dir: string, file: string): string {
  if (file.length > dir.length + 1 && file.startsWith(dir) && file[dir.length] === path.sep && !dir.endsWith(path.sep)) return file.slice(dir.length + 1);
  return path.relative(dir, file);
}
