// Files read through the client (the editor's workspace.fs): how a server reads what it cannot
// read itself, in a web worker or in a virtual workspace. Config files go through the same
// discovery and `extends` as on disk (node/configFile.ts), over the paths of the URIs.
import type { Connection } from 'vscode-languageserver';
import path from 'node:path';
import type { Config } from '../engine/config';
import { configFor, MAX_CONFIG_FILES, type ConfigFs } from '../node/configFile';
import { MAX_CONFIG_BYTES, postingByteLimit } from '../node/readFile';
import { createSelector, MAX_IGNORE_FILE_BYTES } from '../node/select';
import { READ_FILES_REQUEST, type ReadFileResult, type ReadFilesParams } from '../protocol';
import type { ConfigFileReport, PostingRead } from './host';

export type ReadFiles = (uris: string[], maxBytes: number) => Promise<ReadFileResult[]>;

export function readThroughClient(connection: Pick<Connection, 'sendRequest'>): ReadFiles {
  return async (uris, maxBytes) => {
    const params: ReadFilesParams = { uris, maxBytes };
    const results = await connection.sendRequest<ReadFileResult[] | null>(READ_FILES_REQUEST, params);
    // A client that does not answer as agreed reads nothing.
    return uris.map((_, i) => results?.[i] ?? { error: 'the editor did not read it' });
  };
}

/** A URI as the folder part (scheme and authority) and a POSIX path, and back. */
function split(uri: string): { base: string; path: string } | null {
  try {
    const u = new URL(uri);
    return { base: `${u.protocol}//${u.host}`, path: decodeURIComponent(u.pathname) || '/' };
  } catch {
    return null;
  }
}
const join = (base: string, p: string) => base + p.split('/').map(encodeURIComponent).join('/');

/** Where a posting is, as configFile.ts and select.ts take it: the folder part and POSIX paths. */
function placeOf(uri: string, roots: readonly string[]): { base: string; file: string; dir: string; rootPaths: string[] } | null {
  const at = split(uri);
  if (!at) return null;
  const dir = path.posix.dirname(at.path);
  const sameFolder = roots.map(split).filter((r): r is { base: string; path: string } => r !== null && r.base === at.base);
  // Without workspace folders (a single file open), the posting's own folder stands for one.
  return { base: at.base, file: at.path, dir, rootPaths: sameFolder.length > 0 ? sameFolder.map((r) => r.path) : [dir] };
}

/**
 * Runs code that reads files synchronously (configFile.ts, select.ts) over files read through the
 * client: against the files fetched so far, noting the ones it asked for that are not, and again
 * once they are: one request per level (the folders up, then each `extends`).
 */
async function withClientFiles<T>(read: ReadFiles, base: string, run: (fs: ConfigFs) => T): Promise<{ result: T; fetched: Map<string, ReadFileResult> }> {
  const fetched = new Map<string, ReadFileResult>();
  for (let round = 0; ; round++) {
    const missing = new Set<string>();
    const fs: ConfigFs = {
      exists(file) {
        const r = fetched.get(file);
        if (!r) missing.add(file);
        return r !== undefined && !('missing' in r && r.missing);
      },
      real: (file) => path.posix.resolve(file),
      read(file, maxBytes) {
        const r = fetched.get(file);
        if (!r) {
          missing.add(file);
          return { ok: false, error: 'not read yet' };
        }
        if (!('text' in r)) return { ok: false, error: r.error };
        // Fetched under the larger limit of the two kinds of file: each read keeps its own.
        const bytes = new TextEncoder().encode(r.text).length;
        return bytes > maxBytes ? { ok: false, error: `${bytes.toLocaleString('en-US')} bytes, over the limit of ${maxBytes.toLocaleString('en-US')}: not read` } : { ok: true, text: r.text };
      },
    };
    const result = run(fs);
    // Each round reads at least one file more (a config file, or a package's package.json and then
    // its file); a configuration reads at most MAX_CONFIG_FILES, so this bound is never reached by one.
    if (missing.size === 0 || round > 2 * MAX_CONFIG_FILES) return { result, fetched };
    const paths = [...missing];
    const results = await read(
      paths.map((p) => join(base, p)),
      Math.max(MAX_CONFIG_BYTES, MAX_IGNORE_FILE_BYTES),
    );
    paths.forEach((p, i) => fetched.set(p, results[i]));
  }
}

/** The project configuration of a posting, read through the client. */
export async function projectConfigThroughClient(
  read: ReadFiles,
  uri: string,
  base: Config,
  roots: readonly string[],
): Promise<{ config: Config; files: ConfigFileReport[] }> {
  const at = placeOf(uri, roots);
  if (!at) return { config: base, files: [] };
  const { result, fetched } = await withClientFiles(read, at.base, (fs) => configFor(at.dir, base, undefined, at.rootPaths, fs));
  const { config, loaded } = result;
  const files = loaded.files.map((file) => {
    const r = fetched.get(file);
    return {
      uri: join(at.base, file),
      problems: loaded.problems.filter((p) => p.file === file),
      text: async () => (r && 'text' in r ? r.text : ''),
    };
  });
  return { config, files };
}

/** Whether the team lints a posting (`files` / `ignores`, .gitignore, .jdlintignore), read through the client. */
export async function selectThroughClient(read: ReadFiles, uri: string, roots: readonly string[]): Promise<{ lint: boolean; declared: boolean }> {
  const at = placeOf(uri, roots);
  if (!at) return { lint: true, declared: false };
  const { result } = await withClientFiles(read, at.base, (fs) => createSelector({ roots: at.rootPaths, fs }).select(at.file));
  return result.lint ? { lint: true, declared: result.declared } : { lint: false, declared: false };
}

/** A posting that is not open, read through the client. */
export async function readPostingThroughClient(read: ReadFiles, uri: string, maxDocumentSize: number): Promise<PostingRead> {
  const [r] = await read([uri], postingByteLimit(maxDocumentSize));
  return 'text' in r ? { ok: true, text: r.text } : { ok: false, error: r.error };
}

/** Whether a URI is inside one of the folders (URIs compared as scheme, authority and path). */
export function insideFolders(uri: string, roots: readonly string[]): boolean {
  if (roots.length === 0) return true;
  const at = split(uri);
  if (!at) return false;
  return roots.some((root) => {
    const r = split(root);
    if (!r || r.base !== at.base) return false;
    const rel = path.posix.relative(r.path, path.posix.resolve(at.path));
    return rel === '' || (!rel.startsWith('..') && !path.posix.isAbsolute(rel));
  });
}
