// The jdlint.showBreakdown command (also run by the CodeLens on the title and the status bar): a
// webview beside the posting with its DS/MLE share bar, the verdict and which way each section
// pulled, drawn by the same module as the HTML report (server/src/report/render.ts). The page runs
// no script; its CSP allows only its own style, and colours come from the theme's chart colours.
// No Node API here: the web extension uses this file too.
import { commands, Uri, ViewColumn, window, workspace, type Disposable, type WebviewPanel } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { BREAKDOWN_REQUEST, SHOW_BREAKDOWN_COMMAND, type Breakdown } from '../../server/src/protocol';
import { breakdownBody, escapeHtml, PICTURE_CSS } from '../../server/src/report/render';

const BREAKDOWN_VIEW_TYPE = 'jdlint.breakdown';

export function fetchBreakdown(client: BaseLanguageClient, uri: string): Promise<Breakdown | null> {
  return client.sendRequest<Breakdown | null>(BREAKDOWN_REQUEST, { uri });
}

const CSS = `
body{--jd-ds:var(--vscode-charts-blue);--jd-mle:var(--vscode-charts-orange);--jd-hybrid:var(--vscode-charts-purple);
--jd-unclear:var(--vscode-disabledForeground);--jd-other:var(--vscode-charts-yellow);--jd-good:var(--vscode-charts-green);
--jd-bad:var(--vscode-charts-red);--jd-fg:var(--vscode-foreground);--jd-muted:var(--vscode-descriptionForeground);
--jd-track:var(--vscode-editorWidget-background);
font-family:var(--vscode-font-family);font-size:var(--vscode-font-size);color:var(--vscode-foreground);max-width:46em;padding:0 1em 1em}
h1{font-size:1.4em;margin:.8em 0 .3em}
h2{font-size:1.05em;margin:1.2em 0 .4em}
.jd-hint{color:var(--jd-muted);font-size:.9em;margin:0 0 .5em}
.jd-sugg{margin-left:.5em}
.jd-top{padding-left:1.2em}
${PICTURE_CSS}`;

function nonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The whole webview document for a breakdown. */
function breakdownPage(b: Breakdown): string {
  const n = nonce();
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${n}'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(b.title ?? 'Untitled posting')}</title><style nonce="${n}">${CSS}</style></head>
<body>${breakdownBody(b)}</body></html>`;
}

export function registerBreakdown(client: BaseLanguageClient): Disposable {
  let panel: WebviewPanel | undefined;
  let shown: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function render(uri: string): Promise<Breakdown | null> {
    const b = await fetchBreakdown(client, uri);
    if (!b) return null;
    const name = `JD Lint: ${b.title ?? Uri.parse(uri).path.split('/').pop()}`;
    if (!panel) {
      panel = window.createWebviewPanel(BREAKDOWN_VIEW_TYPE, name, { viewColumn: ViewColumn.Beside, preserveFocus: true }, { enableScripts: false, localResourceRoots: [] });
      panel.onDidDispose(() => {
        panel = undefined;
        shown = undefined;
      });
    } else {
      panel.title = name;
      panel.reveal(undefined, true);
    }
    shown = uri;
    panel.webview.html = breakdownPage(b);
    return b;
  }

  const command = commands.registerCommand(SHOW_BREAKDOWN_COMMAND, async (uri?: string) => {
    const target = uri ?? window.activeTextEditor?.document.uri.toString();
    if (!target) {
      void window.showInformationMessage('JD Lint: open a job posting (Markdown) to see its breakdown.');
      return undefined;
    }
    const b = await render(target);
    if (!b) void window.showInformationMessage('JD Lint: this document is not a posting JD Lint checks.');
    return b ?? undefined;
  });
  // The picture follows the posting as it is edited, after a pause in typing.
  const edits = workspace.onDidChangeTextDocument((e) => {
    const uri = e.document.uri.toString();
    if (!panel || uri !== shown) return;
    clearTimeout(timer);
    timer = setTimeout(() => void render(uri).catch(() => undefined), 400);
  });
  return {
    dispose() {
      clearTimeout(timer);
      command.dispose();
      edits.dispose();
      panel?.dispose();
    },
  };
}
