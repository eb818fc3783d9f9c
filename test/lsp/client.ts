// A real LSP client over stdio for protocol tests: spawns the built server and waits on events.
import nodeArgs from '../../server/node-args.json';
import { serverEnv } from '../../client/src/serverEnv';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const SERVER = path.resolve(__dirname, '../../dist/server.js');

/** Builds dist/ (server, CLI, their bundles) as `npm run build` does: protocol tests run the built code. */
export function buildDist(): void {
  const root = path.resolve(__dirname, '../..');
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'ignore' });
}

export interface TestClient {
  conn: ProtocolConnection;
  child: ChildProcess;
  /** The settings the client answers workspace/configuration with. */
  settings: unknown;
  /** Resolves with the next diagnostics for uri at (or after) the given version. */
  diagnostics(uri: string, version?: number): Promise<Diagnostic[]>;
  open(uri: string, text: string, version?: number): Promise<Diagnostic[]>;
  stop(): Promise<void>;
  stderr(): string;
}

/** Compiled code of the test servers is kept here, not in the user's cache folder. */
export const TEST_CODE_CACHE = path.join(os.tmpdir(), 'jdlint-test-code-cache');

export interface ClientOptions {
  settings?: unknown;
  versionedEdits?: boolean;
  initializationOptions?: unknown;
}

/** What every test client does over its connection: answers settings, collects diagnostics, initializes. */
export async function initializeClient(
  conn: ProtocolConnection,
  opts: ClientOptions,
  log: (m: string) => void,
  workspaceFolders?: string[],
): Promise<Pick<TestClient, 'conn' | 'settings' | 'diagnostics' | 'open'>> {
  const client: Pick<TestClient, 'conn' | 'settings' | 'diagnostics' | 'open'> = {
    conn,
    settings: opts.settings ?? null,
    diagnostics: () => Promise.reject(new Error('not listening')),
    open: () => Promise.reject(new Error('not listening')),
  };
  const waiting: { uri: string; version?: number; resolve: (d: Diagnostic[]) => void }[] = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    for (let i = waiting.length - 1; i >= 0; i--) {
      const w = waiting[i];
      if (w.uri === p.uri && (w.version === undefined || (p.version ?? 0) >= w.version)) {
        waiting.splice(i, 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => client.settings));
  conn.onNotification('window/logMessage', (m: { message: string }) => log(m.message + '\n'));
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    ...(workspaceFolders ? { workspaceFolders: workspaceFolders.map((uri, i) => ({ uri, name: `folder${i}` })) } : {}),
    capabilities: {
      workspace: { configuration: true, workspaceEdit: { documentChanges: opts.versionedEdits !== false } },
      textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true } },
    },
    ...(opts.initializationOptions ? { initializationOptions: opts.initializationOptions } : {}),
  });
  await conn.sendNotification('initialized', {});
  client.diagnostics = (uri, version) => new Promise((resolve) => waiting.push({ uri, version, resolve }));
  client.open = async (uri, text, version = 1) => {
    const d = client.diagnostics(uri, version);
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    return d;
  };
  return client;
}

export async function startClient(opts: ClientOptions & { env?: NodeJS.ProcessEnv } = {}): Promise<TestClient> {
  const env = { ...serverEnv(process.env, TEST_CODE_CACHE), ...opts.env };
  const child = spawn(process.execPath, [...nodeArgs.args, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const wired = await initializeClient(conn, opts, (m) => (err += m));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Settings are read from the client object at each request: extend that one object.
  const client: TestClient = Object.assign(wired, {
    child,
    stderr: () => err,
    stop: async () => {
      try {
        await conn.sendRequest('shutdown');
        await conn.sendNotification('exit');
        // A server that exits as asked runs its exit handlers (the code cache is written then).
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      } catch {
        /* the server may already be gone */
      }
      conn.dispose();
      child.kill();
    },
  });
  return client;
}
