// The built jdlint command over a folder large enough for worker threads (lint workers, or a parse
// worker feeding the main thread): the same report as the main thread alone, in the same order.
// And over examples/: what the README shows.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDist } from '../lsp/client';
import { PARALLEL_MIN_FILES } from '../../server/src/cli/run';

const root = path.resolve(__dirname, '../..');
let dir: string;

const TITLES = ['Senior Data Scientist', 'Machine Learning Engineer', 'Data Scientist II', 'ML Engineer (Remote)', 'Data Analyst'];
const DUTIES = [
  'Deploy models as services on Kubernetes and own their CI/CD pipelines',
  'Design A/B tests and present the results to stakeholders',
  'Monitor drift and latency of the models in production',
  'Build Tableau dashboards that track churn',
  'Train ranking models with PyTorch and serve them behind an API',
];

beforeAll(() => {
  buildDist();
  dir = mkdtempSync(path.join(os.tmpdir(), 'jdlint-workers-'));
  for (let i = 0; i < PARALLEL_MIN_FILES + 10; i++) {
    const duties = DUTIES.filter((_, k) => (i >> k) & 1 || k === i % DUTIES.length);
    writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}.md`), `# ${TITLES[i % TITLES.length]}\n\n## What you will do\n\n${duties.map((d) => `- ${d}`).join('\n')}\n`);
  }
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lintFolder = (workers: string, cache: Record<string, string> = { JDLINT_CODE_CACHE: '0' }): string =>
  execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), '--format', 'json', dir], {
    env: { ...process.env, JDLINT_WORKERS: workers, ...cache },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });

describe('jdlint over a large folder', () => {
  it('gives with worker threads exactly the report of the main thread alone', () => {
    const alone = lintFolder('1');
    const reports = JSON.parse(alone) as { file: string; diagnostics: { rule: string }[] }[];
    expect(reports).toHaveLength(PARALLEL_MIN_FILES + 10);
    expect(reports.map((r) => path.basename(r.file))).toEqual([...reports.map((r) => path.basename(r.file))].sort());
    expect(reports.some((r) => r.diagnostics.some((d) => d.rule === 'title-duty-mismatch'))).toBe(true);
    expect(lintFolder('3')).toBe(alone);
  }, 60_000);

  it('gives with a parse worker feeding the main thread exactly the report of the main thread alone', () => {
    expect(lintFolder('parse')).toBe(lintFolder('1'));
  }, 60_000);

  it('gives the same report from a parse worker started by the run (files named by a glob, not a folder: none is started early)', () => {
    const byGlob = execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), '--format', 'json', '*.md'], {
      cwd: dir,
      env: { ...process.env, JDLINT_WORKERS: 'parse', JDLINT_CODE_CACHE: '0' },
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    const alone = JSON.parse(lintFolder('1')) as { file: string }[];
    const parsed = JSON.parse(byGlob) as { file: string }[];
    expect(parsed).toHaveLength(PARALLEL_MIN_FILES + 10);
    // The same reports, file names relative to where each run started.
    expect(parsed.map((r) => ({ ...r, file: path.basename(r.file) }))).toEqual(alone.map((r) => ({ ...r, file: path.basename(r.file) })));
  }, 60_000);

  it("gives the same report when its worker threads load the bundle from the main thread's code cache", () => {
    const alone = lintFolder('1');
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'jdlint-workers-cache-'));
    try {
      const cache = { JDLINT_CACHE_DIR: cacheDir };
      // The first run writes the cache (the main thread, at exit); the later ones start from it.
      for (const workers of ['parse', 'parse', '3']) expect([workers, lintFolder(workers, cache)]).toEqual([workers, alone]);
      expect(readdirSync(cacheDir).filter((f) => f.startsWith('cli-main-'))).toHaveLength(1);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('ends, with the report of the main thread alone, when the parse worker it started early is not used (a small folder)', () => {
    // A folder argument starts the parse worker before the files are listed; examples/ is too small
    // for it, so the run must end it rather than wait for it.
    const run = (workers: string) =>
      spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), '--format', 'json', 'examples/'], { cwd: root, env: { ...process.env, JDLINT_WORKERS: workers }, encoding: 'utf8', timeout: 30_000 });
    const early = run('parse');
    const alone = run('1');
    expect([early.status, early.signal, early.stderr]).toEqual([alone.status, null, '']);
    expect(early.stdout).toBe(alone.stdout);
    expect(JSON.parse(early.stdout)).toHaveLength(readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.md')).length);
  }, 60_000);

  it('ends quietly when the reader of its output goes away (jdlint ... | head)', () => {
    // A shell pipe into head: the JSON report of this folder is several times a pipe's buffer, so
    // the writes meet a closed pipe. The shell prints jdlint's own exit status.
    const cli = path.join(root, 'dist/cli.js');
    const result = spawnSync('bash', ['-c', `"$0" "$1" --format json "$2" | head -c 100 > /dev/null; echo "\${PIPESTATUS[0]}"`, process.execPath, cli, dir], {
      env: { ...process.env, JDLINT_WORKERS: '1', JDLINT_CODE_CACHE: '0' },
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    // The lint's own exit code (0: nothing of error severity), not a crash's.
    expect(result.stdout.trim()).toBe('0');
  }, 60_000);
});

describe('jdlint examples/', () => {
  it("prints the README's sample output (npm run docs writes it)", () => {
    const out = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'examples/'], { cwd: root, encoding: 'utf8' }).stdout;
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const sample = readme.match(/<!-- sample-output:start -->\n```console\n\$ jdlint examples\/\n([\s\S]*?)```\n<!-- sample-output:end -->/);
    expect(sample?.[1]).toBe(out);
  }, 60_000);
});
