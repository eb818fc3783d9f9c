// Workspace lint (every posting into the Problems panel, with progress) and fix all.
import { commands, ProgressLocation, Range, window, workspace, type CodeAction, type Disposable } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FIX_ALL_COMMAND, FIX_ALL_KIND, LINT_FILES_REQUEST, LINT_WORKSPACE_COMMAND } from '../../server/src/protocol';

const BATCH = 50;

export function registerWorkspaceCommands(client: BaseLanguageClient): Disposable[] {
  const lintWorkspace = commands.registerCommand(LINT_WORKSPACE_COMMAND, async () => {
    const files = await workspace.findFiles('**/*.{md,markdown}', '{**/node_modules/**,**/.git/**}');
    return window.withProgress(
      { location: ProgressLocation.Notification, title: 'JD Lint: linting postings', cancellable: true },
      async (progress, token) => {
        let done = 0;
        for (let i = 0; i < files.length && !token.isCancellationRequested; i += BATCH) {
          const batch = files.slice(i, i + BATCH).map((u) => u.toString());
          done += await client.sendRequest<number>(LINT_FILES_REQUEST, { uris: batch });
          progress.report({ increment: (100 * batch.length) / files.length, message: `${Math.min(i + BATCH, files.length)} of ${files.length}` });
        }
        void window.showInformationMessage(`JD Lint: linted ${done} posting(s); see the Problems panel.`);
        return done;
      },
    );
  });
  const fixAll = commands.registerCommand(FIX_ALL_COMMAND, async () => {
    const editor = window.activeTextEditor;
    if (!editor) return false;
    const doc = editor.document;
    const actions = await commands.executeCommand<CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      new Range(0, 0, doc.lineCount, 0),
      FIX_ALL_KIND,
    );
    const action = actions?.find((a) => a.kind?.value === FIX_ALL_KIND);
    if (!action?.edit) {
      void window.showInformationMessage('JD Lint: nothing to fix in this posting.');
      return false;
    }
    return workspace.applyEdit(action.edit);
  });
  return [lintWorkspace, fixAll];
}
