// Only postings are linted (#19 point 1): the built `jdlint` command on a repository that holds
// postings beside a README, a changelog, notes, ignored drafts and a team config.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDist } from '../lsp/client';

const root = path.resolve(__dirname, '../..');
const CLI = path.join(root, 'dist/cli.js');
const POSTING = readFileSync(path.join(root, 'test/fixtures/lsp/mismatch.md'), 'utf8');
const README = '# acme-postings\n\nThe postings of Acme, as Markdown.\n\n## Install\n\n```sh\nnpm install\n```\n\n## Requirements\n\nNode.js 20 is required.\n';
const CHANGELOG = '# Changelog\n\n## 1.1.0\n\n- New posting for the data team.\n\n## 1.0.0\n\n- First release.\n';
/** Too thin for the text to tell; a team's `files` pattern can still call it a posting. */
const THIN = '# Data Scientist\n\nBuild dashboards in Tableau.\n';

let dir: string;
const write = (rel: string, text: string) => {
  const f = path.join(dir, rel);
  mkdirSync(path.dirname(f), { recursive: true });
  writeFileSync(f, text);
};

beforeAll(() => {
  buildDist();
  dir = mkdtempSync(path.join(os.tmpdir(), 'jdlint-postings-'));
  write('repo/README.md', README);
  write('repo/CHANGELOG.md', CHANGELOG);
  write('repo/jobs/ds.md', POSTING);
  write('repo/jobs/marked.md', `<!-- jdlint-not-posting -->\n${POSTING}`);
  write('repo/.gitignore', 'build/\n');
  write('repo/build/ds.md', POSTING);
  write('repo/jobs/.jdlintignore', 'old-*.md\n');
  write('repo/jobs/old-ds.md', POSTING);
  write('team/.jdlintrc.json', JSON.stringify({ files: ['jobs/**/*.md'], ignores: ['jobs/drafts/'] }));
  write('team/jobs/thin.md', THIN);
  write('team/jobs/drafts/ds.md', POSTING);
  write('team/README.md', README);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function jdlint(args: string[], cwd: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, JDLINT_CODE_CACHE: '0' };
  for (const k of ['FORCE_COLOR', 'NO_COLOR', 'NODE_DISABLE_COLORS']) delete env[k];
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('jdlint lints only postings', () => {
  it('says "posting": false with why for a README, a changelog and a marked posting; ignored files are not listed', () => {
    const r = jdlint(['--format', 'json', '.'], path.join(dir, 'repo'));
    expect(r.err).toBe('');
    const reports = JSON.parse(r.out) as { file: string; posting?: boolean; reason?: string; diagnostics: unknown[] }[];
    expect(reports.map((x) => x.file.split(path.sep).join('/')).sort()).toEqual(['CHANGELOG.md', 'README.md', 'jobs/ds.md', 'jobs/marked.md']);
    const byFile = new Map(reports.map((x) => [x.file.split(path.sep).join('/'), x]));
    for (const f of ['README.md', 'CHANGELOG.md', 'jobs/marked.md']) {
      expect(byFile.get(f)).toMatchObject({ posting: false, diagnostics: [] });
      expect(byFile.get(f)!.reason).toMatch(/^not a posting: /);
    }
    expect(byFile.get('jobs/marked.md')!.reason).toBe('not a posting: a jdlint-not-posting comment says so');
    // A posting's element is as it always was: no "posting" key.
    expect(Object.keys(byFile.get('jobs/ds.md')!)).toEqual(['file', 'title', 'profile', 'diagnostics']);
    expect(byFile.get('jobs/ds.md')!.diagnostics.length).toBeGreaterThan(0);
  });

  it('counts the skipped files once, in the stylish summary, and lists only postings', () => {
    const r = jdlint(['.'], path.join(dir, 'repo'));
    expect(r.out).toContain(`jobs${path.sep}ds.md`);
    expect(r.out).not.toContain('README.md');
    expect(r.out).not.toContain('CHANGELOG.md');
    expect(r.out.trim().split('\n').pop()).toMatch(/^1 file\(s\) checked: \d+ problem\(s\) \(.*\); 3 file\(s\) skipped: not job postings$/);
    expect(r.out.match(/skipped/g)).toHaveLength(1);
  });

  it('says why a file named on the command line is not checked when an ignore file names it', () => {
    const r = jdlint(['build/ds.md', 'jobs/old-ds.md', 'jobs/ds.md'], path.join(dir, 'repo'));
    expect(r.err).toBe('jdlint: build/ds.md: ignored by .gitignore (build/): not checked\njdlint: jobs/old-ds.md: ignored by .jdlintignore (old-*.md): not checked\n');
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n').pop()).toMatch(/^1 file\(s\) checked/);
  });

  it('says so when a folder named on the command line holds only ignored files', () => {
    const r = jdlint(['build'], path.join(dir, 'repo'));
    expect(r.err).toBe('jdlint: build: 1 file(s) found, all left out (the first ignored by .gitignore (build/)): not checked\n');
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe('0 file(s) checked: 0 problem(s) (0 error(s), 0 warning(s), 0 info)');
  });

  it('lints what "files" names as a posting, even one too thin for the text to tell, and nothing else', () => {
    const r = jdlint(['--format', 'json', '.'], path.join(dir, 'team'));
    const reports = JSON.parse(r.out) as { file: string; posting?: boolean; diagnostics: { rule: string }[] }[];
    expect(reports.map((x) => x.file.split(path.sep).join('/'))).toEqual(['jobs/thin.md']);
    expect(reports[0].posting).toBeUndefined();
    expect(reports[0].diagnostics.map((d) => d.rule)).toContain('missing-pay-range');
  });
});
