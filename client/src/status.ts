// Status bar: the role the active posting's duties describe.
import { StatusBarAlignment, window, workspace, type Disposable, type TextEditor } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { SHOW_BREAKDOWN_COMMAND } from '../../server/src/protocol';
import { fetchBreakdown } from './breakdown';

const ROLE = { ds: 'data science', mle: 'ML engineering', hybrid: 'hybrid', unclear: 'unclear' } as Record<string, string>;

export function registerStatus(client: BaseLanguageClient): Disposable {
  const item = window.createStatusBarItem(StatusBarAlignment.Right, 100);
  item.command = SHOW_BREAKDOWN_COMMAND;
  let timer: NodeJS.Timeout | undefined;

  async function update(editor: TextEditor | undefined): Promise<void> {
    if (!editor || editor.document.languageId !== 'markdown' || !client.isRunning()) {
      item.hide();
      return;
    }
    try {
      const b = await fetchBreakdown(client, editor.document.uri.toString());
      if (!b || b.dutyItems === 0) {
        item.hide();
        return;
      }
      item.text = `$(briefcase) ${ROLE[b.role] ?? b.role}`;
      item.tooltip = `JD Lint: DS ${b.dsPercent} · MLE ${b.mlePercent} of the duty evidence. Click for the breakdown.`;
      item.show();
    } catch {
      item.hide();
    }
  }
  // Typing changes the role rarely: refresh after a pause, not on every keystroke.
  const later = (editor: TextEditor | undefined) => {
    clearTimeout(timer);
    timer = setTimeout(() => void update(editor), 400);
  };
  const subs = [
    window.onDidChangeActiveTextEditor(later),
    workspace.onDidChangeTextDocument((e) => {
      if (e.document === window.activeTextEditor?.document) later(window.activeTextEditor);
    }),
    client.onDidChangeState(() => later(window.activeTextEditor)),
  ];
  later(window.activeTextEditor);
  return { dispose: () => [item, ...subs].forEach((d) => d.dispose()) };
}
