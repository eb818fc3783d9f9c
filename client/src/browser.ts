// The web extension (vscode.dev, github.dev, a browser workbench): the language server runs in a
// web worker (dist/server-main.js, the bundle that also runs on Node.js). The same client
// features as the desktop (features.ts).
import { Uri, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { clientOptions, outputChannel, registerFeatures } from './features';

/** The worker API of the web extension host (the extension is built without the DOM's types). */
type WorkerLike = ConstructorParameters<typeof LanguageClient>[3];
declare const Worker: new (url: string) => WorkerLike;
declare const URL: { createObjectURL(blob: unknown): string };
declare const Blob: new (parts: unknown[], options: { type: string }) => unknown;

let client: LanguageClient | undefined;

/**
 * The server's worker. The web extension host starts workers from the extension's URL; for an
 * extension served by a remote server (code-server: a vscode-remote: URL) it refuses, so the
 * bundle is read through workspace.fs and started from a blob: URL instead.
 */
async function startWorker(bundle: Uri, log: (m: string) => void): Promise<WorkerLike> {
  try {
    const worker = new Worker(bundle.toString(true));
    log(`language server: a web worker of ${bundle.toString(true)}`);
    return worker;
  } catch (err) {
    const bytes = await workspace.fs.readFile(bundle);
    log(`language server: a web worker of the bundle's text (blob: URL); the host refused ${bundle.toString(true)}: ${(err as Error).message}`);
    return new Worker(URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' })));
  }
}

export async function activate(context: ExtensionContext): Promise<void> {
  const channel = outputChannel();
  const worker = await startWorker(Uri.joinPath(context.extensionUri, 'dist', 'server-main.js'), (m) => channel.appendLine(m));
  // The worker cannot find the rule docs itself: they ship in the extension, next to the bundle.
  const docsBase = Uri.joinPath(context.extensionUri, 'docs', 'rules').toString(true);
  client = new LanguageClient('jdlint', 'JD Lint', clientOptions(channel, { docsBase }), worker);
  registerFeatures(context, client, channel);
  await client.start();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
