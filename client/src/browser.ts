// The web extension (vscode.dev, github.dev, a browser workbench): the language server runs in a
// web worker (dist/server-main.js, the bundle that also runs on Node.js). The same client
// features as the desktop (features.ts).
import { Uri, workspace, type ExtensionContext, type OutputChannel } from 'vscode';
import { BaseLanguageClient, BrowserMessageReader, BrowserMessageWriter, type LanguageClientOptions, type MessageTransports } from 'vscode-languageclient/browser';
import { clientOptions, outputChannel, registerFeatures } from './features';

/** The worker API of the web extension host (the extension is built without the DOM's types). */
type WorkerLike = ConstructorParameters<typeof BrowserMessageReader>[0] & { terminate(): void };
declare const Worker: new (url: string) => WorkerLike;
declare const URL: { createObjectURL(blob: unknown): string };
declare const Blob: new (parts: unknown[], options: { type: string }) => unknown;

/**
 * The server's worker. The web extension host starts workers from the extension's URL; for an
 * extension served by a remote server (code-server: a vscode-remote: URL) it refuses, so the
 * bundle is read through workspace.fs and started from a blob: URL instead.
 */
// One blob: URL per activation, reused by every restart (a new one each time would never be freed).
let bundleBlobUrl: string | undefined;

async function startWorker(bundle: Uri, channel: OutputChannel): Promise<WorkerLike> {
  if (bundleBlobUrl) return new Worker(bundleBlobUrl);
  try {
    const worker = new Worker(bundle.toString(true));
    channel.appendLine(`language server: a web worker of ${bundle.toString(true)}`);
    return worker;
  } catch (err) {
    const bytes = await workspace.fs.readFile(bundle);
    channel.appendLine(`language server: a web worker of the bundle's text (blob: URL); the host refused ${bundle.toString(true)}: ${(err as Error).message}`);
    bundleBlobUrl = URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
    return new Worker(bundleBlobUrl);
  }
}

/**
 * A client whose every start (the first, and each restart) runs the server in a new worker, and
 * ends the one before: a restart gives a fresh server, as a new process does on the desktop.
 */
class WorkerLanguageClient extends BaseLanguageClient {
  private worker: WorkerLike | undefined;

  constructor(
    options: LanguageClientOptions,
    private readonly newWorker: () => Promise<WorkerLike>,
  ) {
    super('jdlint', 'JD Lint', options);
  }

  protected async createMessageTransports(): Promise<MessageTransports> {
    this.worker?.terminate();
    const worker = await this.newWorker();
    this.worker = worker;
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  }

  async dispose(timeout?: number): Promise<void> {
    await super.dispose(timeout);
    this.worker?.terminate();
    this.worker = undefined;
  }
}

let client: WorkerLanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const channel = outputChannel();
  const bundle = Uri.joinPath(context.extensionUri, 'dist', 'server-main.js');
  // The worker cannot find the rule docs itself: they ship in the extension, next to the bundle.
  const docsBase = Uri.joinPath(context.extensionUri, 'docs', 'rules').toString(true);
  client = new WorkerLanguageClient(clientOptions(channel, { docsBase }), () => startWorker(bundle, channel));
  registerFeatures(context, client, channel);
  await client.start();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.dispose();
}
