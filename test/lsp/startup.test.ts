// What the built language server loads when it starts: a cold start pays for every module.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverEnv } from '../../client/src/serverEnv';
import { buildDist } from './client';

const root = path.resolve(__dirname, '../..');
let dir: string;

beforeAll(() => {
  buildDist();
  dir = mkdtempSync(path.join(os.tmpdir(), 'jdlint-startup-'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the language server at start', () => {
  it('does not load node:crypto (vscode-jsonrpc wants it only to name pipes; OpenSSL costs ~20 ms)', () => {
    // A preload that reports, as the process exits, the crypto modules Node loaded.
    const report = path.join(dir, 'report.cjs');
    writeFileSync(report, "process.on('exit', () => process.stderr.write('loaded: ' + process.moduleLoadList.filter((m) => m.endsWith(' crypto')).join(',') + '|\\n'));\n");
    // Its stdin closes at once: the server starts, sees the end of its input and exits.
    const run = spawnSync(process.execPath, ['-r', report, path.join(root, 'dist/server.js'), '--stdio'], {
      input: '',
      encoding: 'utf8',
      env: { ...process.env, JDLINT_CODE_CACHE: '0' },
      timeout: 20_000,
    });
    expect(run.stderr).toContain('loaded: |');
    // The check itself can see crypto when it is loaded.
    const control = spawnSync(process.execPath, ['-r', report, '-e', "require('node:crypto')"], { encoding: 'utf8' });
    expect(control.stderr).toMatch(/loaded: .*NativeModule crypto\|/);
  }, 30_000);

  it('is started without NODE_EXTRA_CA_CERTS, which makes Node.js read a certificate bundle before any code runs', () => {
    // Pointed at a missing file, Node.js says so on stderr as it starts, when it reads the variable.
    // (No code cache is written: the start without serverEnv would write it under the home folder.)
    const base = { ...process.env, JDLINT_CODE_CACHE: '0', NODE_EXTRA_CA_CERTS: path.join(dir, 'no-such-bundle.pem') };
    const start = (env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, [path.join(root, 'dist/server.js'), '--stdio'], { input: '', encoding: 'utf8', env, timeout: 20_000 });
    expect(start(serverEnv(base, dir)).stderr).not.toContain('extra certs');
    expect(start(base).stderr).toContain('Ignoring extra certs');
  }, 30_000);
});
