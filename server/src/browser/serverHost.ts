// The language server's host in a web worker: no disk. Config files and postings that are not
// open are read through the client (workspace.fs); the rule docs are where the client says.
import type { Connection } from 'vscode-languageserver';
import type { ServerHost } from '../lsp/host';
import { insideFolders, projectConfigThroughClient, readPostingThroughClient, readThroughClient, selectThroughClient } from '../lsp/clientFiles';
import type { JdlintInitializationOptions } from '../protocol';

export function browserServerHost(connection: Pick<Connection, 'sendRequest'>): ServerHost {
  const read = readThroughClient(connection);
  const host: ServerHost = {
    // Until the client says (initialize), links point to the rules' docs in the package.
    docsBase: 'docs/rules',
    initialize(params) {
      const docsBase = (params.initializationOptions as JdlintInitializationOptions | undefined)?.docsBase;
      if (typeof docsBase === 'string' && docsBase) host.docsBase = docsBase.replace(/\/+$/, '');
    },
    projectConfig: (uri, base, roots) => projectConfigThroughClient(read, uri, base, roots),
    canReadPosting: () => true,
    insideWorkspace: insideFolders,
    readPosting: (uri, maxDocumentSize) => readPostingThroughClient(read, uri, maxDocumentSize),
    afterLint: () => {},
    selectPosting: (uri, roots) => selectThroughClient(read, uri, roots),
  };
  return host;
}
