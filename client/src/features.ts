// What the desktop (extension.ts) and the web (browser.ts) extension share: the client's options
// and everything wired to a running client. Neither Node.js nor a browser API is used here.
import { window, workspace, type Disposable, type ExtensionContext, type OutputChannel } from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { CONFIG_FILE_NAMES, type JdlintInitializationOptions } from '../../server/src/protocol';
import { registerBreakdown } from './breakdown';
import { registerServerCommands } from './commands';
import { serveFileReads } from './readFiles';
import { registerStatus } from './status';
import { registerWorkspaceCommands } from './workspaceCommands';

export function clientOptions(outputChannel: OutputChannel, initializationOptions: JdlintInitializationOptions = {}): LanguageClientOptions {
  return {
    documentSelector: [{ language: 'markdown' }],
    // Project config files (.jdlintrc.json/.yaml) and the ignore files that say which files are
    // postings (.gitignore, .jdlintignore): a change re-lints open postings.
    synchronize: { configurationSection: 'jdlint', fileEvents: workspace.createFileSystemWatcher(`**/{${[...CONFIG_FILE_NAMES, '.jdlintignore', '.gitignore'].join(',')}}`) },
    outputChannel,
    initializationOptions,
  };
}

export function outputChannel(): OutputChannel {
  return window.createOutputChannel('JD Lint');
}

/** Commands, status bar and file reads for the server; disposed with the extension. */
export function registerFeatures(context: ExtensionContext, client: BaseLanguageClient, channel: OutputChannel): void {
  const subs: Disposable[] = [channel, serveFileReads(client), registerBreakdown(client), registerStatus(client), ...registerWorkspaceCommands(client), ...registerServerCommands(client)];
  context.subscriptions.push(...subs);
}
