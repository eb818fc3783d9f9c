// A protocol test client for the language server as the web extension runs it: dist/server-main.js
// in a Web Worker. Debian's Chromium (playwright-core) opens a page that starts the worker and
// talks to it over BrowserMessageReader/Writer (page.ts); the messages are carried to a
// ProtocolConnection here, so
// the protocol tests of the Node.js server (test/lsp/protocolSuite.ts) run unchanged. Like the web
// extension, the client reads files for the server (jdlint/readFiles), here from the disk.
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createProtocolConnection,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver-protocol/node';
import type { ReadFileResult, ReadFilesParams } from '../../server/src/protocol';
import { initializeClient, type ClientOptions, type TestClient } from '../lsp/client';

const root = path.resolve(__dirname, '../..');
export const CHROMIUM = process.env.JDLINT_CHROMIUM ?? '/usr/bin/chromium';
export const SERVER_BUNDLE = path.join(root, 'dist/server-main.js');

let shared: Promise<{ browser: Browser; server: Server; origin: string }> | undefined;
const pages = new Set<Page>();

/** One Chromium and one local web server (the page, its script, the server bundle) for all clients. */
function environment() {
  shared ??= (async () => {
    const page = await build({ entryPoints: [path.join(__dirname, 'page.ts')], bundle: true, platform: 'browser', format: 'iife', write: false, logLevel: 'warning' });
    const pageJs = page.outputFiles[0].text;
    const files: Record<string, () => { type: string; body: string | Buffer }> = {
      '/': () => ({ type: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>JD Lint worker</title><script src="/page.js"></script>' }),
      '/page.js': () => ({ type: 'text/javascript', body: pageJs }),
      '/server.js': () => ({ type: 'text/javascript', body: readFileSync(SERVER_BUNDLE) }),
    };
    const server = createServer((req, res) => {
      const file = files[new URL(req.url ?? '/', 'http://x').pathname];
      if (!file) return void res.writeHead(404).end();
      const { type, body } = file();
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    return { browser, server, origin: `http://127.0.0.1:${port}` };
  })();
  return shared;
}

export async function closeEnvironment(): Promise<void> {
  if (!shared) return;
  const { browser, server } = await shared;
  await browser.close();
  await new Promise((resolve) => server.close(resolve));
  shared = undefined;
}

/** Messages the page hands over, to the connection here. */
class PageReader extends AbstractMessageReader implements MessageReader {
  private callback: DataCallback | undefined;
  private early: Message[] = [];
  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    for (const m of this.early.splice(0)) callback(m);
    return { dispose: () => (this.callback = undefined) };
  }
  deliver(m: Message): void {
    if (this.callback) this.callback(m);
    else this.early.push(m);
  }
  fail(message: string): void {
    this.fireError(new Error(message));
  }
}

/** Messages of the connection here, into the page, one at a time so they keep their order. */
class PageWriter extends AbstractMessageWriter implements MessageWriter {
  private last: Promise<void> = Promise.resolve();
  constructor(private readonly page: Page) {
    super();
  }
  write(m: Message): Promise<void> {
    this.last = this.last.then(() => this.page.evaluate((msg) => (globalThis as unknown as { jdlintToWorker(m: unknown): Promise<void> }).jdlintToWorker(msg), m));
    return this.last;
  }
  end(): void {}
}

/** Reads a file for the server from the disk, as the web extension reads it through workspace.fs. */
function readForServer(uri: string, maxBytes: number): ReadFileResult {
  try {
    const file = fileURLToPath(uri);
    const st = statSync(file);
    if (!st.isFile()) return { error: 'not a file' };
    if (st.size > maxBytes) return { error: `${st.size} bytes, over the limit of ${maxBytes}: not read` };
    return { text: readFileSync(file, 'utf8').replace(/^\uFEFF/, '') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { error: 'ENOENT', missing: true } : { error: code ?? String(err) };
  }
}

export interface WorkerClient extends Omit<TestClient, 'child'> {
  page: Page;
  /** The URIs the server asked the client to read, in order. */
  reads: string[];
  /** Errors in the page or the worker (uncaught exceptions, console errors). */
  errors: string[];
}

export async function startWorkerClient(opts: ClientOptions & { workspaceFolders?: string[] } = {}): Promise<WorkerClient> {
  const { browser, origin } = await environment();
  const page = await browser.newPage();
  pages.add(page);
  const reader = new PageReader();
  const errors: string[] = [];
  let log = '';
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.exposeBinding('jdlintFromWorker', (_source, m: Message) => reader.deliver(m));
  await page.exposeBinding('jdlintWorkerError', (_source, message: string) => {
    errors.push(`worker: ${message}`);
    reader.fail(message);
  });
  await page.goto(`${origin}/`);
  const conn = createProtocolConnection(reader, new PageWriter(page));
  const reads: string[] = [];
  conn.onRequest('jdlint/readFiles', (p: ReadFilesParams) =>
    p.uris.map((uri) => {
      reads.push(uri);
      return readForServer(uri, p.maxBytes);
    }),
  );
  const wired = await initializeClient(
    conn,
    { ...opts, initializationOptions: opts.initializationOptions ?? { docsBase: `${origin}/docs/rules` } },
    (m) => (log += m),
    opts.workspaceFolders,
  );
  // Settings are read from the client object at each request: extend that one object.
  const client: WorkerClient = Object.assign(wired, {
    page,
    reads,
    errors,
    stderr: () => log,
    stop: async () => {
      try {
        await conn.sendRequest('shutdown');
        await conn.sendNotification('exit');
      } catch {
        /* the page may already be gone */
      }
      conn.dispose();
      pages.delete(page);
      await page.close();
    },
  });
  return client;
}
