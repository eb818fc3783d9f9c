// Runs in the test page (bundled by workerClient.ts): starts the language server's bundle in a
// Web Worker and carries LSP messages over BrowserMessageReader/Writer, as the web extension's
// client does. The test drives the protocol from Node.js through two bindings.
import { BrowserMessageReader, BrowserMessageWriter, createProtocolConnection, type Message } from 'vscode-languageserver-protocol/browser';

interface Page {
  /** Bound by the test (page.exposeBinding): a message from the worker. */
  jdlintFromWorker(message: Message): void;
  jdlintWorkerError(message: string): void;
  /** Called by the test: a message to the worker. */
  jdlintToWorker(message: Message): Promise<void>;
  /** A client wholly in the page, for the smoke test: initialize, open, wait for diagnostics, hover. */
  jdlintPageClient(text: string): Promise<{ codes: string[]; hover: string }>;
}
declare const window: Page & typeof globalThis;
declare const Worker: new (url: string) => ConstructorParameters<typeof BrowserMessageReader>[0] & {
  addEventListener(type: 'error', listener: (e: { message: string }) => void): void;
};

function startWorker() {
  const worker = new Worker('/server.js');
  worker.addEventListener('error', (e: { message: string }) => window.jdlintWorkerError(e.message));
  return worker;
}

const worker = startWorker();
const reader = new BrowserMessageReader(worker);
const writer = new BrowserMessageWriter(worker);
reader.listen((m) => window.jdlintFromWorker(m));
reader.onError((e) => window.jdlintWorkerError(String(e)));
window.jdlintToWorker = (m) => writer.write(m);

window.jdlintPageClient = async (text) => {
  const own = startWorker();
  const conn = createProtocolConnection(new BrowserMessageReader(own), new BrowserMessageWriter(own));
  const uri = 'file:///page/posting.md';
  const diagnostics = new Promise<{ code?: string | number }[]>((resolve) =>
    conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: { code?: string | number }[] }) => {
      if (p.uri === uri) resolve(p.diagnostics);
    }),
  );
  conn.listen();
  await conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
  await conn.sendNotification('initialized', {});
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const codes = (await diagnostics).map((d) => String(d.code));
  const hover = (await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 4 } })) as { contents: { value: string } } | null;
  conn.dispose();
  (own as unknown as { terminate(): void }).terminate();
  return { codes, hover: hover?.contents.value ?? '' };
};
