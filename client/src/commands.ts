// *JD Lint: Restart server* and *JD Lint: Open configuration file*. Files go through workspace.fs,
// so both work in the desktop and the web extension.
import { commands, FileType, Uri, window, workspace, type Disposable, type WorkspaceFolder } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CONFIG_FILE_NAMES, OPEN_CONFIG_COMMAND, RESTART_SERVER_COMMAND } from '../../server/src/protocol';

/** What a new .jdlintrc.json starts with: the schema (completion in the editor) and an empty rules map. */
const NEW_CONFIG = `{
  "$schema": "https://raw.githubusercontent.com/jdlint/jdlint/HEAD/schemas/jdlintrc.schema.json",
  "rules": {}
}
`;

async function isFile(uri: Uri): Promise<boolean> {
  try {
    return ((await workspace.fs.stat(uri)).type & FileType.File) !== 0;
  } catch {
    return false;
  }
}

/**
 * The config file that applies to a posting in `dir`: the nearest .jdlintrc.* there or above, up to
 * the workspace folder (the server reads none above it), in the order the server looks for them.
 */
async function nearestConfig(dir: Uri, folder: WorkspaceFolder): Promise<Uri | null> {
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = Uri.joinPath(dir, name);
      if (await isFile(candidate)) return candidate;
    }
    if (!dir.path.startsWith(folder.uri.path + '/')) return null;
    dir = Uri.joinPath(dir, '..');
  }
}

/** Opens the config file of the active posting (or of the first workspace folder), or offers to create one. Returns what it opened. */
async function openConfig(): Promise<Uri | undefined> {
  const active = window.activeTextEditor?.document.uri;
  const own = active && workspace.getWorkspaceFolder(active);
  const folder = own ?? workspace.workspaceFolders?.[0];
  if (!folder) {
    void window.showInformationMessage('JD Lint: open a folder first; a configuration file lives in the folder of the postings it applies to.');
    return undefined;
  }
  const found = await nearestConfig(own ? Uri.joinPath(active, '..') : folder.uri, folder);
  if (found) {
    await window.showTextDocument(found);
    return found;
  }
  const target = Uri.joinPath(folder.uri, CONFIG_FILE_NAMES[0]);
  const create = 'Create .jdlintrc.json';
  const answer = await window.showInformationMessage(`JD Lint: no configuration file applies here. Create ${workspace.asRelativePath(target)}?`, create);
  if (answer !== create) return undefined;
  await workspace.fs.writeFile(target, new TextEncoder().encode(NEW_CONFIG));
  await window.showTextDocument(target);
  return target;
}

export function registerServerCommands(client: BaseLanguageClient): Disposable[] {
  return [
    commands.registerCommand(RESTART_SERVER_COMMAND, async () => {
      // The Node.js client restarts its server process; the web client has no restart of its own.
      const restart = (client as BaseLanguageClient & { restart?: () => Promise<void> }).restart;
      if (restart) await restart.call(client);
      else {
        await client.stop();
        await client.start();
      }
      return client.isRunning();
    }),
    commands.registerCommand(OPEN_CONFIG_COMMAND, openConfig),
  ];
}
