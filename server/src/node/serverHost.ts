// The language server's host on Node.js: config files and postings are read from the disk, only
// inside the workspace folders and the home folder (see configFile.ts and readFile.ts). Files of
// other schemes (a virtual workspace) are read through the client when it can (lsp/clientFiles.ts).
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { insideFolders, projectConfigThroughClient, readPostingThroughClient, selectThroughClient, type ReadFiles } from '../lsp/clientFiles';
import type { ServerHost } from '../lsp/host';
import { configFor, DISK, insideRoots, type ConfigProblem } from './configFile';
import { memoryKeeper } from './memory';
import { createSelector } from './select';
import { MAX_CONFIG_BYTES, postingByteLimit } from './readFile';

/** Rule docs ship inside the package next to the bundle: dist/server.js -> docs/rules/<id>.md. */
function defaultDocsBase(): string {
  return pathToFileURL(path.resolve(__dirname, '..', 'docs', 'rules')).href;
}

/** The workspace folders on disk (folders of other schemes hold no config file of ours). */
const folders = (roots: readonly string[]) => roots.filter((r) => r.startsWith('file:')).map((r) => fileURLToPath(r));

/** The folders on disk; without any (a single file open), the posting's own folder stands for one. */
const foldersOr = (roots: readonly string[], dir: string) => {
  const onDisk = folders(roots);
  return onDisk.length > 0 ? onDisk : [dir];
};

const readText = (file: string, maxBytes: number) => {
  const read = DISK.read(file, maxBytes);
  return read.ok ? { ok: true as const, text: read.text.replace(/^\uFEFF/, '') } : read;
};

/** `throughClient`: how to read files of other schemes than file: (none when not given). */
export function nodeServerHost(docsBase = defaultDocsBase(), throughClient?: ReadFiles): ServerHost {
  return {
    docsBase,
    async projectConfig(uri, base, roots) {
      if (!uri.startsWith('file:')) return throughClient ? projectConfigThroughClient(throughClient, uri, base, roots) : { config: base, files: [] };
      const dir = path.dirname(fileURLToPath(uri));
      const { config, loaded } = configFor(dir, base, undefined, [...foldersOr(roots, dir), os.homedir()]);
      const byFile = new Map<string, ConfigProblem[]>();
      for (const p of loaded.problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
      const files = loaded.files.map((file) => ({
        uri: pathToFileURL(file).href,
        problems: byFile.get(file) ?? [],
        text: async () => {
          const read = readText(file, MAX_CONFIG_BYTES);
          return read.ok ? read.text : '';
        },
      }));
      return { config, files };
    },
    canReadPosting: (uri) => uri.startsWith('file:') || throughClient !== undefined,
    insideWorkspace(uri, roots) {
      if (!uri.startsWith('file:')) return insideFolders(uri, roots);
      const onDisk = folders(roots);
      return onDisk.length === 0 || insideRoots(fileURLToPath(uri), onDisk);
    },
    async readPosting(uri, maxDocumentSize) {
      if (!uri.startsWith('file:')) return throughClient ? readPostingThroughClient(throughClient, uri, maxDocumentSize) : { ok: false, error: 'not a file on disk' };
      return readText(fileURLToPath(uri), postingByteLimit(maxDocumentSize));
    },
    afterLint: memoryKeeper(),
    selectPosting(uri, roots) {
      if (!uri.startsWith('file:')) return throughClient ? selectThroughClient(throughClient, uri, roots) : { lint: true, declared: false };
      const file = fileURLToPath(uri);
      const own = foldersOr(roots, path.dirname(file));
      // A selector per question: the answer is kept with the document's settings, and is asked
      // again when they are dropped (an ignore file or config file changed).
      const chosen = createSelector({ roots: own, configRoots: [...own, os.homedir()] }).select(file);
      return chosen.lint ? { lint: true, declared: chosen.declared } : { lint: false, declared: false };
    },
  };
}
