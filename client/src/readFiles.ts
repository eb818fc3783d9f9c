// Reads files for the language server through the editor's file system (workspace.fs): config
// files and postings for a server in a web worker or in a virtual workspace, where it has no disk.
// The server asks only for files inside the workspace folders (server/src/lsp/clientFiles.ts).
import { FileSystemError, FileType, Uri, workspace, type Disposable } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { READ_FILES_REQUEST, type ReadFileResult, type ReadFilesParams } from '../../server/src/protocol';

async function readOne(uri: string, maxBytes: number): Promise<ReadFileResult> {
  let target: Uri;
  try {
    target = Uri.parse(uri, true);
  } catch {
    return { error: 'not a valid URI' };
  }
  try {
    const st = await workspace.fs.stat(target);
    if (st.type & FileType.Directory) return { error: 'a folder, not a file: not read' };
    const tooLarge = (size: number) => ({ error: `${size.toLocaleString('en-US')} bytes, over the limit of ${maxBytes.toLocaleString('en-US')}: not read` });
    if (st.size > maxBytes) return tooLarge(st.size);
    const bytes = await workspace.fs.readFile(target);
    if (bytes.byteLength > maxBytes) return tooLarge(bytes.byteLength);
    return { text: new TextDecoder().decode(bytes).replace(/^\uFEFF/, '') };
  } catch (err) {
    if (err instanceof FileSystemError && err.code === 'FileNotFound') return { error: 'ENOENT', missing: true };
    return { error: err instanceof FileSystemError ? err.code : (err as Error).message };
  }
}

export function serveFileReads(client: BaseLanguageClient): Disposable {
  return client.onRequest(READ_FILES_REQUEST, (p: ReadFilesParams) =>
    Promise.all((Array.isArray(p?.uris) ? p.uris : []).map((uri) => readOne(String(uri), Number(p.maxBytes) || 0))),
  );
}
