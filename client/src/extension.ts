// Starts the JD Lint language server and wires the few things only the editor can do.
import * as path from 'node:path';
import { ExtensionContext, window, workspace } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import nodeArgs from '../../server/node-args.json';
import { registerBreakdown } from './breakdown';
import { serverEnv } from './serverEnv';
import { registerStatus } from './status';
import { registerWorkspaceCommands } from './workspaceCommands';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  // The server keeps V8's compiled code in the extension's own storage (removed with the extension).
  const env = serverEnv(process.env, path.join(context.globalStorageUri.fsPath, 'code-cache'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: nodeArgs.args, env } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...nodeArgs.args, '--nolazy', '--inspect=6009'], env } },
  };
  const outputChannel = window.createOutputChannel('JD Lint');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'markdown' }],
    // Project config files (.jdlintrc.json/.yaml): a change re-lints open postings.
    synchronize: { configurationSection: 'jdlint', fileEvents: workspace.createFileSystemWatcher('**/.jdlintrc{.json,.yaml,.yml}') },
    outputChannel,
  };
  client = new LanguageClient('jdlint', 'JD Lint', serverOptions, clientOptions);
  context.subscriptions.push(outputChannel, registerBreakdown(client), registerStatus(client), ...registerWorkspaceCommands(client));
  await client.start();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
