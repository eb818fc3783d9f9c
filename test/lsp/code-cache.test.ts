import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeCacheDir } from '../../server/src/node/codeCache';
import { buildDist, startClient } from './client';

const root = path.resolve(__dirname, '../..');
const POSTING = '# Senior Data Scientist\n\n## What you will do\n\n- Deploy models on Kubernetes with CI/CD\n- Serve models behind low-latency APIs\n- Monitor drift in production\n\n<!-- jdlint-posting -->\n';
let dir: string;

beforeAll(() => {
  buildDist();
  dir = mkdtempSync(path.join(os.tmpdir(), 'jdlint-code-cache-'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the built server with its code cache in `cacheDir`, lints the posting and stops it. */
async function lintOnce(env: NodeJS.ProcessEnv): Promise<string[]> {
  const client = await startClient({ env });
  const diagnostics = await client.open('file:///postings/cache.md', POSTING);
  await client.stop();
  return diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character} ${d.message}`);
}

const cacheFiles = (d: string) => readdirSync(d).filter((f) => f.endsWith('.v8cache'));

describe('code cache of the language server', () => {
  it('is written by the first start and used, unchanged, by the next', async () => {
    const first = await lintOnce({ JDLINT_CACHE_DIR: dir });
    expect(first.some((d) => d.startsWith('title-duty-mismatch 0:2'))).toBe(true);
    const [file] = cacheFiles(dir);
    expect(file).toMatch(/^server-main-[0-9a-f]{24}-\d+-\d+-[0-9a-f]{8}\.v8cache$/);
    const written = statSync(path.join(dir, file));
    expect(written.size).toBeGreaterThan(100_000);

    expect(await lintOnce({ JDLINT_CACHE_DIR: dir })).toEqual(first);
    expect(cacheFiles(dir)).toEqual([file]);
    expect(statSync(path.join(dir, file)).mtimeMs).toBe(written.mtimeMs);
  }, 60_000);

  it('survives a damaged cache file and replaces it', async () => {
    const expected = await lintOnce({ JDLINT_CACHE_DIR: dir });
    const [file] = cacheFiles(dir);
    const junk = Buffer.alloc(4096, 0x5a);
    writeFileSync(path.join(dir, file), junk);
    expect(await lintOnce({ JDLINT_CACHE_DIR: dir })).toEqual(expected);
    const now = readFileSync(path.join(dir, file));
    expect(now.length).toBeGreaterThan(100_000);
    expect(now.equals(junk)).toBe(false);
  }, 60_000);

  it('writes nothing when turned off', async () => {
    const off = mkdtempSync(path.join(os.tmpdir(), 'jdlint-code-cache-off-'));
    try {
      const diagnostics = await lintOnce({ JDLINT_CACHE_DIR: off, JDLINT_CODE_CACHE: '0' });
      expect(diagnostics.length).toBeGreaterThan(0);
      expect(readdirSync(off)).toEqual([]);
    } finally {
      rmSync(off, { recursive: true, force: true });
    }
  }, 60_000);

  it('lives in JDLINT_CACHE_DIR, else the user cache folder', () => {
    expect(codeCacheDir({ JDLINT_CACHE_DIR: '/x/cache' })).toBe('/x/cache');
    expect(codeCacheDir({ JDLINT_CODE_CACHE: '0', JDLINT_CACHE_DIR: '/x/cache' })).toBeNull();
    if (process.platform !== 'win32') {
      expect(codeCacheDir({ XDG_CACHE_HOME: '/x/xdg' })).toBe('/x/xdg/jdlint');
      expect(codeCacheDir({})).toBe(path.join(os.homedir(), '.cache', 'jdlint'));
    }
  });
});

describe('code cache of the jdlint command', () => {
  /** Runs the built CLI on one posting with its code cache in `cacheDir`; returns its JSON output. */
  const postings = mkdtempSync(path.join(os.tmpdir(), 'jdlint-cli-postings-'));
  const posting = path.join(postings, 'posting.md');
  writeFileSync(posting, POSTING);
  afterAll(() => rmSync(postings, { recursive: true, force: true }));
  const run = (cacheDir: string, env: NodeJS.ProcessEnv = {}): string =>
    execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), '--format', 'json', posting], {
      env: { ...process.env, JDLINT_CACHE_DIR: cacheDir, ...env },
      encoding: 'utf8',
    });

  it('is written by the first run and used, unchanged, by the next, with the same report', () => {
    const cliDir = mkdtempSync(path.join(os.tmpdir(), 'jdlint-cli-cache-'));
    try {
      const first = run(cliDir);
      expect(JSON.parse(first)[0].diagnostics.some((d: { rule: string }) => d.rule === 'title-duty-mismatch')).toBe(true);
      const [file] = cacheFiles(cliDir);
      expect(file).toMatch(/^cli-main-[0-9a-f]{24}-\d+-\d+-[0-9a-f]{8}\.v8cache$/);
      const written = statSync(path.join(cliDir, file));
      expect(written.size).toBeGreaterThan(100_000);
      expect(run(cliDir)).toBe(first);
      expect(cacheFiles(cliDir)).toEqual([file]);
      expect(statSync(path.join(cliDir, file)).mtimeMs).toBe(written.mtimeMs);
      // A damaged cache is rejected by V8: the report is the same and the file is written anew.
      writeFileSync(path.join(cliDir, file), Buffer.alloc(4096, 0x5a));
      expect(run(cliDir)).toBe(first);
      expect(statSync(path.join(cliDir, file)).size).toBeGreaterThan(100_000);
      // A run that lints nothing neither reads nor writes the cache.
      const idle = mkdtempSync(path.join(os.tmpdir(), 'jdlint-cli-cache-idle-'));
      try {
        expect(execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), '--version'], { env: { ...process.env, JDLINT_CACHE_DIR: idle }, encoding: 'utf8' })).toMatch(/^\d+\.\d+\.\d+/);
        expect(readdirSync(idle)).toEqual([]);
      } finally {
        rmSync(idle, { recursive: true, force: true });
      }
      // Turned off: nothing written.
      const off = mkdtempSync(path.join(os.tmpdir(), 'jdlint-cli-cache-off-'));
      try {
        expect(run(off, { JDLINT_CODE_CACHE: '0' })).toBe(first);
        expect(readdirSync(off)).toEqual([]);
      } finally {
        rmSync(off, { recursive: true, force: true });
      }
    } finally {
      rmSync(cliDir, { recursive: true, force: true });
    }
  }, 60_000);
});
