// The jdlint.showBreakdown command: the posting's DS/MLE breakdown, also run by the CodeLens.
import { commands, window, type Disposable } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { BREAKDOWN_REQUEST, SHOW_BREAKDOWN_COMMAND, type Breakdown } from '../../server/src/protocol';

export function fetchBreakdown(client: LanguageClient, uri: string): Promise<Breakdown | null> {
  return client.sendRequest<Breakdown | null>(BREAKDOWN_REQUEST, { uri });
}

export function describe(b: Breakdown): string {
  const parts = [
    `${b.title ?? 'Untitled posting'}: DS ${b.dsPercent} · MLE ${b.mlePercent} · role ${b.role}`,
    `${b.dutyItems} duties (${b.dsItems} DS, ${b.mleItems} MLE)`,
  ];
  if (b.dsTerms.length) parts.push(`DS: ${b.dsTerms.join(', ')}`);
  if (b.mleTerms.length) parts.push(`MLE: ${b.mleTerms.join(', ')}`);
  return parts.join(' — ');
}

export function registerBreakdown(client: LanguageClient): Disposable {
  return commands.registerCommand(SHOW_BREAKDOWN_COMMAND, async (uri?: string) => {
    const target = uri ?? window.activeTextEditor?.document.uri.toString();
    if (!target) {
      void window.showInformationMessage('JD Lint: open a job posting (Markdown) to see its breakdown.');
      return undefined;
    }
    const b = await fetchBreakdown(client, target);
    if (!b) {
      void window.showInformationMessage('JD Lint: this document is not a posting JD Lint checks.');
      return undefined;
    }
    void window.showInformationMessage(describe(b));
    return b;
  });
}
