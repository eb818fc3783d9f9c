// The desktop extension: starts the JD Lint language server on Node.js (dist/server.js). The web
// extension is browser.ts; what both do once the client runs is in features.ts.
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import nodeArgs from '../../server/node-args.json';
import { clientOptions, outputChannel, registerFeatures } from './features';
import { serverEnv } from './serverEnv';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  // The server keeps V8's compiled code in the extension's own storage (removed with the extension).
  const env = serverEnv(process.env, path.join(context.globalStorageUri.fsPath, 'code-cache'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: nodeArgs.args, env } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...nodeArgs.args, '--nolazy', '--inspect=6009'], env } },
  };
  const channel = outputChannel();
  client = new LanguageClient('jdlint', 'JD Lint', serverOptions, clientOptions(channel));
  registerFeatures(context, client, channel);
  await client.start();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
