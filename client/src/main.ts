// The extension's one client bundle (dist/client.js), package.json's `main` and `browser` both:
// on Node.js it starts the language server as a process (extension.ts), in a web extension host
// as a web worker (browser.ts). Each is loaded only where it runs (a dynamic import keeps the
// Node.js modules of extension.ts unloaded in a browser); one bundle keeps the .vsix small.
import type { ExtensionContext } from 'vscode';

type Entry = { activate(context: ExtensionContext): Promise<void>; deactivate(): Thenable<void> | undefined };

const onNode = typeof process === 'object' && typeof process.versions?.node === 'string';
let entry: Entry | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  entry = onNode ? await import('./extension') : await import('./browser');
  await entry.activate(context);
}

export function deactivate(): Thenable<void> | undefined {
  return entry?.deactivate();
}
