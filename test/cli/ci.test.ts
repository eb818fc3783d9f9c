// The built `jdlint` command (dist/cli.js) as a CI job, a pre-commit hook or an editor plugin runs
// it, on real files: --max-warnings, --quiet, --format github, --output-file, --fix and
// --fix-dry-run, standard input, negated globs, --print-config and colours.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDist } from '../lsp/client';
import { PARALLEL_MIN_FILES } from '../../server/src/cli/run';
import { MISMATCH, MATCH } from './fixtures';

const root = path.resolve(__dirname, '../..');
const CLI = path.join(root, 'dist/cli.js');

/** Two warnings (vanity title, exclusionary wording), both fixable. */
const NINJA =
  '# Data Ninja\n\nJoin our young and dynamic analytics team.\n\n## What you will do\n\n- Design A/B tests and present insights to stakeholders\n- Build dashboards in Tableau\n- Model churn with statistical models\n\nPay: $120,000 - $140,000 per year.\n';

let dir: string;
beforeAll(() => {
  buildDist();
  dir = mkdtempSync(path.join(os.tmpdir(), 'jdlint-ci-'));
  mkdirSync(path.join(dir, 'postings/drafts'), { recursive: true });
  writeFileSync(path.join(dir, 'postings/mismatch.md'), MISMATCH);
  writeFileSync(path.join(dir, 'postings/match.md'), MATCH);
  writeFileSync(path.join(dir, 'postings/ninja.md'), NINJA);
  writeFileSync(path.join(dir, 'postings/drafts/draft.md'), MISMATCH);
  mkdirSync(path.join(dir, 'strict'));
  writeFileSync(path.join(dir, 'strict/.jdlintrc.json'), '{\n  // JSONC: comments and trailing commas\n  "rules": { "title-duty-mismatch": "error", },\n}\n');
  writeFileSync(path.join(dir, 'strict/mismatch.md'), MISMATCH);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function jdlint(args: string[], opts: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, JDLINT_CODE_CACHE: '0', ...opts.env };
  for (const k of ['FORCE_COLOR', 'NO_COLOR', 'NODE_DISABLE_COLORS']) if (!opts.env || !(k in opts.env)) delete env[k];
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? dir, input: opts.input ?? '', env, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A fresh copy of the postings folder, for the runs that write. */
function copy(): string {
  const to = mkdtempSync(path.join(os.tmpdir(), 'jdlint-ci-fix-'));
  cpSync(path.join(dir, 'postings'), to, { recursive: true });
  return to;
}

describe('--max-warnings and --quiet', () => {
  it('exits 1 when the warnings are more than --max-warnings, and says so on stderr', () => {
    const r = jdlint(['--max-warnings', '2', 'postings/mismatch.md', 'postings/ninja.md']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('jdlint: 3 warning(s), more than --max-warnings 2\n');
  });

  it('exits 0 at exactly --max-warnings warnings', () => {
    const r = jdlint(['--max-warnings', '3', 'postings/mismatch.md', 'postings/ninja.md']);
    expect([r.code, r.err]).toEqual([0, '']);
  });

  it('rejects a --max-warnings that is not a whole number', () => {
    const r = jdlint(['--max-warnings', 'many', 'postings']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--max-warnings takes a whole number/);
  });

  it('--quiet reports errors only, and the hidden warnings still count for --max-warnings', () => {
    const quiet = jdlint(['--quiet', '--format', 'json', 'strict/mismatch.md', 'postings/ninja.md']);
    expect(quiet.code).toBe(1);
    const [strict, ninja] = JSON.parse(quiet.out);
    expect(strict.diagnostics.map((d: { rule: string; severity: string }) => `${d.rule}:${d.severity}`)).toEqual(['title-duty-mismatch:error']);
    expect(ninja.diagnostics).toEqual([]);
    expect(jdlint(['--quiet', '--max-warnings', '0', 'postings/ninja.md']).code).toBe(1);
    expect(jdlint(['--quiet', 'postings/ninja.md']).code).toBe(0);
  });
});

describe('--format github', () => {
  it('prints one workflow command per finding with the file, range and rule', () => {
    const r = jdlint(['--format', 'github', 'postings/mismatch.md']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      '::warning file=postings/mismatch.md,line=1,col=3,endLine=1,endColumn=24,title=jdlint title-duty-mismatch::' +
        'Titled "Senior Data Scientist", but 3 of 3 duties are ML-engineering work (Kubernetes, CI/CD, latency, Docker); 100%25 of the duty evidence is ML-engineering. Consider "Senior Machine Learning Engineer".\n',
    );
  });

  it('escapes %, :, and , in the file name and maps info to notice', () => {
    const name = 'odd, name: 100%.md';
    writeFileSync(path.join(dir, name), MISMATCH.replace(/\n\nSalary.*\n/, '\n'));
    const lines = jdlint(['--format', 'github', name]).out.trim().split('\n');
    expect(lines[0]).toMatch(/^::notice file=odd%2C name%3A 100%25\.md,line=1,col=3,endLine=1,endColumn=24,title=jdlint missing-pay-range::No salary/);
    expect(lines[1]).toMatch(/^::warning file=odd%2C name%3A 100%25\.md,/);
  });

  it('prints nothing for postings without findings', () => {
    expect(jdlint(['--format', 'github', 'postings/match.md'])).toEqual({ code: 0, out: '', err: '' });
  });
});

describe('--output-file', () => {
  it('writes the report to the file (folders made), nothing to stdout, and keeps the exit code', () => {
    const r = jdlint(['--format', 'sarif', '--output-file', 'reports/ci/jdlint.sarif', '--max-warnings', '0', 'postings/mismatch.md']);
    expect([r.code, r.out]).toEqual([1, '']);
    const sarif = JSON.parse(readFileSync(path.join(dir, 'reports/ci/jdlint.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(['title-duty-mismatch']);
  });

  it('writes the stylish report without colour even when colour is forced', () => {
    jdlint(['-o', 'out.txt', 'postings/mismatch.md'], { env: { FORCE_COLOR: '1' } });
    const text = readFileSync(path.join(dir, 'out.txt'), 'utf8');
    expect(text).toMatch(/^postings\/mismatch\.md {2}DS/);
    expect(text).not.toMatch(/\x1b\[/);
  });

  it('exits 2 with a message when the file cannot be written', () => {
    writeFileSync(path.join(dir, 'a-file'), '');
    const r = jdlint(['-o', 'a-file/report.json', 'postings/match.md']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^jdlint: cannot write a-file\/report\.json: (ENOTDIR|EEXIST)/);
  });
});

describe('--fix', () => {
  it('writes every preferred fix, exactly, and reports what remains', () => {
    const folder = copy();
    const r = jdlint(['--fix', '--format', 'json', '.'], { cwd: folder });
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(folder, 'mismatch.md'), 'utf8')).toBe(MISMATCH.replace('# Senior Data Scientist', '# Senior Machine Learning Engineer'));
    expect(readFileSync(path.join(folder, 'ninja.md'), 'utf8')).toBe(NINJA.replace('# Data Ninja', '# Data Scientist').replace('young and dynamic', 'energetic'));
    expect(readFileSync(path.join(folder, 'match.md'), 'utf8')).toBe(MATCH);
    const remaining = JSON.parse(r.out).flatMap((x: { diagnostics: unknown[] }) => x.diagnostics);
    expect(remaining).toEqual([]);
  });

  it('is idempotent: a second --fix changes nothing', () => {
    const folder = copy();
    jdlint(['--fix', '.'], { cwd: folder });
    const once = ['mismatch.md', 'ninja.md', 'drafts/draft.md'].map((f) => readFileSync(path.join(folder, f), 'utf8'));
    const second = jdlint(['--fix', '.'], { cwd: folder });
    expect(second.out).not.toMatch(/fix\(es\) applied/);
    expect(['mismatch.md', 'ninja.md', 'drafts/draft.md'].map((f) => readFileSync(path.join(folder, f), 'utf8'))).toEqual(once);
  });

  it('keeps a byte order mark and CRLF line ends, and says how many fixes it applied', () => {
    const folder = copy();
    const crlf = '\uFEFF' + NINJA.replace(/\n/g, '\r\n');
    writeFileSync(path.join(folder, 'crlf.md'), crlf);
    const r = jdlint(['--fix', 'crlf.md'], { cwd: folder });
    expect(readFileSync(path.join(folder, 'crlf.md'), 'utf8')).toBe(crlf.replace('# Data Ninja', '# Data Scientist').replace('young and dynamic', 'energetic'));
    expect(r.out).toMatch(/^2 fix\(es\) applied in 1 file\(s\); what is listed above remains after them\.$/m);
  });

  it('fixes a folder large enough for worker threads the same way, whichever threads do it', () => {
    const fixed = NINJA.replace('# Data Ninja', '# Data Scientist').replace('young and dynamic', 'energetic');
    for (const workers of ['parse', '2']) {
      const folder = mkdtempSync(path.join(os.tmpdir(), 'jdlint-ci-many-'));
      for (let i = 0; i < PARALLEL_MIN_FILES + 10; i++) writeFileSync(path.join(folder, `${i}.md`), NINJA);
      const r = jdlint(['--fix', '.'], { cwd: folder, env: { JDLINT_WORKERS: workers } });
      expect([workers, r.code, r.err]).toEqual([workers, 0, '']);
      expect(r.out).toMatch(new RegExp(`^${2 * (PARALLEL_MIN_FILES + 10)} fix\\(es\\) applied in ${PARALLEL_MIN_FILES + 10} file\\(s\\)`, 'm'));
      for (let i = 0; i < PARALLEL_MIN_FILES + 10; i++) expect(readFileSync(path.join(folder, `${i}.md`), 'utf8')).toBe(fixed);
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('with --quiet fixes only error-severity findings, the ones it shows (as ESLint)', () => {
    const folder = copy();
    writeFileSync(path.join(folder, '.jdlintrc.json'), '{ "rules": { "vanity-title": "error" } }');
    const r = jdlint(['--fix', '--quiet', 'ninja.md'], { cwd: folder });
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(folder, 'ninja.md'), 'utf8')).toBe(NINJA.replace('# Data Ninja', '# Data Scientist'));
  });

  it('cannot fix standard input: a usage error that points at --fix-dry-run', () => {
    const r = jdlint(['--fix', '-'], { input: NINJA });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/use --fix-dry-run/);
  });
});

describe('--fix-dry-run', () => {
  it('writes nothing; the JSON carries each finding\'s fix edits and the text --fix would write', () => {
    const folder = copy();
    const r = jdlint(['--fix-dry-run', '--format', 'json', 'ninja.md', 'match.md'], { cwd: folder });
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(folder, 'ninja.md'), 'utf8')).toBe(NINJA);
    const [ninja, match] = JSON.parse(r.out);
    expect(ninja.diagnostics.map((d: { rule: string; fixes: unknown }) => [d.rule, d.fixes])).toEqual([
      ['vanity-title', [{ title: 'Retitle to "Data Scientist"', preferred: true, edits: [{ line: 1, column: 3, endLine: 1, endColumn: 13, newText: 'Data Scientist' }] }]],
      ['exclusionary-language', [{ title: 'Replace with "energetic"', preferred: true, edits: [{ line: 3, column: 10, endLine: 3, endColumn: 27, newText: 'energetic' }] }]],
    ]);
    expect(ninja.output).toBe(NINJA.replace('# Data Ninja', '# Data Scientist').replace('young and dynamic', 'energetic'));
    // Nothing to fix: no "output", and every other field as without the flag.
    expect(match).toEqual({ ...JSON.parse(jdlint(['--format', 'json', 'match.md'], { cwd: folder }).out)[0] });
    expect(match.output).toBeUndefined();
  });

  it('keeps the JSON contract otherwise: without the flag there are no fixes or output fields', () => {
    const [ninja] = JSON.parse(jdlint(['--format', 'json', 'postings/ninja.md']).out);
    expect(Object.keys(ninja)).toEqual(['file', 'title', 'profile', 'diagnostics']);
    expect(Object.keys(ninja.diagnostics[0])).toEqual(['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'suggestions']);
  });
});

describe('standard input', () => {
  it('lints - as <stdin> with the config of the working folder', () => {
    const r = jdlint(['--format', 'json', '-'], { input: MISMATCH });
    const [report] = JSON.parse(r.out);
    expect(report.file).toBe('<stdin>');
    expect(report.diagnostics.map((d: { rule: string }) => d.rule)).toEqual(['title-duty-mismatch']);
  });

  it('--stdin-filename names it in the report and picks the config of its folder', () => {
    const r = jdlint(['--stdin-filename', 'strict/new posting.md', '-'], { input: MISMATCH });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^strict\/new posting\.md {2}DS/);
    expect(r.out).toMatch(/1:3 +error +Titled "Senior Data Scientist"/);
  });

  it('--fix-dry-run on standard input gives the fixed text', () => {
    const [report] = JSON.parse(jdlint(['--fix-dry-run', '-f', 'json', '-'], { input: NINJA }).out);
    expect(report.output).toBe(NINJA.replace('# Data Ninja', '# Data Scientist').replace('young and dynamic', 'energetic'));
  });

  it('--stdin-filename of an ignored path lints nothing and says why', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'jdlint-ci-ignored-'));
    writeFileSync(path.join(folder, '.jdlintignore'), 'drafts/\n');
    const r = jdlint(['--format', 'json', '--stdin-filename', 'drafts/new.md', '-'], { cwd: folder, input: MISMATCH });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([]);
    expect(r.err).toBe('jdlint: drafts/new.md: ignored by .jdlintignore (drafts/): not checked\n');
    rmSync(folder, { recursive: true, force: true });
  });

  it('--stdin-filename without - is a usage error', () => {
    expect(jdlint(['--stdin-filename', 'a.md', 'postings']).code).toBe(2);
  });
});

describe('negated globs', () => {
  it('leave out what they match from folders and globs', () => {
    const files = (args: string[]) => JSON.parse(jdlint(['--format', 'json', ...args]).out).map((r: { file: string }) => r.file);
    expect(files(['postings', '!postings/drafts/**'])).toEqual(['postings/match.md', 'postings/mismatch.md', 'postings/ninja.md']);
    expect(files(['postings/**/*.md', '!**/drafts/**', '!postings/ninja.md'])).toEqual(['postings/match.md', 'postings/mismatch.md']);
  });

  it('leave out a file named one by one, and say so', () => {
    const r = jdlint(['--format', 'json', 'postings/drafts/draft.md', 'postings/match.md', '!postings/drafts/**']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).map((x: { file: string }) => x.file)).toEqual(['postings/match.md']);
    expect(r.err).toMatch(/postings\/drafts\/draft\.md: left out by a negated pattern \(!postings\/drafts\/\*\*\): not checked/);
  });

  it('alone are no files to lint', () => {
    expect(jdlint(['!drafts/**']).code).toBe(2);
  });
});

describe('--print-config', () => {
  it('prints the configuration that applies to a file: every rule with its severity', () => {
    const r = jdlint(['--print-config', 'strict/any.md']);
    expect(r.code).toBe(0);
    const config = JSON.parse(r.out);
    expect(config.rules['title-duty-mismatch']).toBe('error');
    expect(config.rules['missing-pay-range']).toBe('info');
    expect(config.thresholds.mismatchShare).toBe(0.6);
    expect(Object.keys(config)).toEqual(['rules', 'thresholds', 'sectionWeights', 'maxDocumentSize', 'year']);
    expect(JSON.parse(jdlint(['--print-config', 'postings/match.md']).out).rules['title-duty-mismatch']).toBe('warning');
  });

  it('shows files / ignores, and with --config that file; a bad value is reported (exit 2) and left out', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'jdlint-ci-print-'));
    writeFileSync(path.join(folder, '.jdlintrc.yaml'), 'files: ["jobs/**"]\nignores: ["jobs/old/**"]\nthresholds:\n  hybridShare: 2\n');
    writeFileSync(path.join(folder, 'team.json'), '{ "rules": { "missing-pay-range": "off" } }');
    const r = jdlint(['--print-config', 'jobs/a.md'], { cwd: folder });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\.jdlintrc\.yaml: "thresholds\.hybridShare" is a share between 0 and 1, got 2/);
    const config = JSON.parse(r.out);
    expect([config.files, config.ignores, config.thresholds.hybridShare]).toEqual([['jobs/**'], ['jobs/old/**'], 0.4]);
    const named = jdlint(['--config', 'team.json', '--print-config', 'jobs/a.md'], { cwd: folder });
    expect([named.code, JSON.parse(named.out).rules['missing-pay-range']]).toEqual([0, 'off']);
    rmSync(folder, { recursive: true, force: true });
  });
});

describe('colours', () => {
  const ESC = /\x1b\[/;
  it('FORCE_COLOR colours a pipe; FORCE_COLOR=0 and none leave it plain', () => {
    expect(jdlint(['postings/mismatch.md'], { env: { FORCE_COLOR: '1' } }).out).toMatch(ESC);
    expect(jdlint(['postings/mismatch.md'], { env: { FORCE_COLOR: '0' } }).out).not.toMatch(ESC);
    expect(jdlint(['postings/mismatch.md']).out).not.toMatch(ESC);
  });

  it('colours a terminal unless NO_COLOR or TERM=dumb', async () => {
    const { useColour } = await import('../../server/src/cli/colour');
    const tty = await import('node:tty');
    const terminal = Object.create(tty.WriteStream.prototype, { isTTY: { value: true } });
    expect(useColour(terminal, { TERM: 'xterm-256color' })).toBe(true);
    expect(useColour(terminal, { TERM: 'xterm-256color', NO_COLOR: '1' })).toBe(false);
    expect(useColour(terminal, { TERM: 'dumb' })).toBe(false);
    expect(useColour({ isTTY: false }, { TERM: 'xterm-256color' })).toBe(false);
    expect(useColour({ isTTY: false }, { FORCE_COLOR: '1', TERM: 'dumb' })).toBe(true);
  });
});

describe('files this suite wrote', () => {
  it('are inside its temporary folder', () => {
    expect(existsSync(path.join(root, 'reports'))).toBe(false);
  });
});
