// Issue #16 item 7: a message header the server cannot frame makes it exit (the editor then starts
// a new one) instead of living on and answering nothing.
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import nodeArgs from '../../server/node-args.json';
import { buildDist, SERVER } from './client';

beforeAll(() => buildDist(), 120_000);

function runServer(input: string): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeArgs.args, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, JDLINT_CODE_CACHE: '0' } });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => (stdout += d));
    const timer = setTimeout(() => child.kill(), 15_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
    // stdin stays open: only the malformed header may end the server.
    child.stdin.write(input);
  });
}

describe('message framing', () => {
  it('exits with a message on a header without Content-Length', async () => {
    const r = await runServer('Foo: bar\r\n\r\n{}');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unreadable message on stdin \(Header must provide a Content-Length property\.\); exiting/);
    expect(r.stdout).toBe('');
  }, 30_000);

  it('still answers a well-formed initialize, and exits 0 after shutdown and exit', async () => {
    const msg = (m: object) => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...m });
      return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    };
    const r = await runServer(
      msg({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }) + msg({ id: 2, method: 'shutdown' }) + msg({ method: 'exit' }),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/"serverInfo":\{"name":"jdlint-language-server"\}/);
  }, 30_000);
});
