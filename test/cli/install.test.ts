// The npm package as a user gets it (#19 point 5): `npm pack` (which builds the bundles and the API
// types), then the tarball installed globally into a temporary prefix and into a temporary project.
// Checks what ships, that the bins run from the install with nothing else installed, and that the
// programmatic API returns the CLI's JSON element, from require, import and TypeScript.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const MISMATCH = readFileSync(path.join(root, 'examples/ds-title-mle-duties.md'), 'utf8');

let tmp: string;
let tarball: string;
let packed: { files: { path: string; size: number }[]; size: number; unpackedSize: number };
let bin: string;
let project: string;

/** npm with the user's registry settings but no network need: the package has no dependencies. */
function npm(args: string[], cwd: string): string {
  return execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function folderSize(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    n += e.isDirectory() ? folderSize(p) : e.isFile() ? statSync(p).size : 0;
  }
  return n;
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'jdlint-install-'));
  // `npm pack` runs prepack (the API types) and prepare (the build), as `npm publish` does.
  const json = npm(['pack', '--json', '--pack-destination', tmp], root);
  packed = JSON.parse(json.slice(json.indexOf('[')))[0];
  tarball = path.join(tmp, path.basename((packed as unknown as { filename: string }).filename));
  npm(['install', '-g', '--prefix', path.join(tmp, 'global'), tarball], tmp);
  bin = path.join(tmp, 'global/bin');
  project = path.join(tmp, 'project');
  mkdirSync(project);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  npm(['install', tarball], project);
  mkdirSync(path.join(project, 'postings'));
  writeFileSync(path.join(project, 'postings/senior-ds.md'), MISMATCH);
}, 240_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('ships the bundles, the API types, the schema and the docs a package page shows, nothing else', () => {
    const files = packed.files.map((f) => f.path).sort();
    expect(files).toEqual(
      [
        'CHANGELOG.md',
        'LICENSE',
        'README.md',
        'dist/api.d.ts',
        'dist/api.js',
        'dist/cli-main.js',
        'dist/cli.js',
        'dist/server-main.js',
        'dist/server.js',
        'package.json',
        'schemas/jdlintrc.schema.json',
      ].sort(),
    );
    console.log(`npm pack: ${files.length} files, ${(packed.size / 1024).toFixed(0)} KB packed, ${(packed.unpackedSize / 1024).toFixed(0)} KB unpacked`);
  });

  it('declares no runtime dependencies: everything it runs is bundled', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    const installed = path.join(tmp, 'global/lib/node_modules/jdlint');
    expect(readdirSync(installed).sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'dist', 'package.json', 'schemas']);
    const size = folderSize(installed);
    console.log(`global install: ${(size / 1024).toFixed(0)} KB`);
    expect(size).toBeLessThan(3 * 1024 * 1024);
  });

  it('jdlint runs from a global install: --version, and a posting linted with the documented exit status', () => {
    const version = spawnSync(path.join(bin, 'jdlint'), ['--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toBe(pkg.version);
    const r = spawnSync(path.join(bin, 'jdlint'), ['--format', 'json', 'postings'], { cwd: project, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const [report] = JSON.parse(r.stdout);
    expect(report.file).toBe(path.join('postings', 'senior-ds.md'));
    expect(report.diagnostics.map((d: { rule: string }) => d.rule)).toContain('title-duty-mismatch');
  });

  it('jdlint-language-server prints its version and help instead of starting, and refuses to start without a transport', () => {
    const ls = path.join(bin, 'jdlint-language-server');
    const version = spawnSync(ls, ['--version'], { encoding: 'utf8', timeout: 10_000 });
    expect(version.status).toBe(0);
    expect(version.stdout).toBe(`${pkg.version}\n`);
    const help = spawnSync(ls, ['--help'], { encoding: 'utf8', timeout: 10_000 });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: jdlint-language-server --stdio\n/);
    expect(help.stdout).toContain('--node-ipc');
    expect(help.stdout.length).toBeLessThan(2000);
    const bare = spawnSync(ls, [], { encoding: 'utf8', timeout: 10_000, input: '' });
    expect(bare.status).toBe(2);
    expect(bare.stderr).toMatch(/^jdlint-language-server: no transport given/);
    expect(bare.stderr.length).toBeLessThan(2000);
  });

  it("require('jdlint').lint returns the element `jdlint --format json` prints for the same file", () => {
    const cli = spawnSync(path.join(bin, 'jdlint'), ['--format', 'json', 'postings/senior-ds.md'], { cwd: project, encoding: 'utf8' });
    const script = `
      const { lint, rules, version } = require('jdlint');
      const fs = require('node:fs');
      const file = 'postings/senior-ds.md';
      process.stdout.write(JSON.stringify({ report: lint(fs.readFileSync(file, 'utf8'), { filePath: file }), rules: rules.length, version }));`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: project, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.report).toEqual(JSON.parse(cli.stdout)[0]);
    expect(out.rules).toBeGreaterThan(5);
    expect(out.version).toBe(pkg.version);
  });

  it("import('jdlint') gives the same named exports; options.config works like a .jdlintrc.json, options.posting like `files`", () => {
    const script = `
      import { lint } from 'jdlint';
      import { readFileSync } from 'node:fs';
      const text = readFileSync('postings/senior-ds.md', 'utf8');
      const strict = lint(text, { config: { rules: { 'title-duty-mismatch': 'error' } } });
      let message = '';
      try { lint(text, { config: { rules: { 'no-such-rule': 'error' } } }); } catch (e) { message = e.message; }
      const changelog = '# Changelog\\n\\n## 1.0.0\\n\\n- Fixed a crash when the config file is empty\\n';
      const skipped = lint(changelog);
      const forced = lint(changelog, { posting: true });
      process.stdout.write(JSON.stringify({
        severity: strict.diagnostics.find((d) => d.rule === 'title-duty-mismatch').severity, file: strict.file, message,
        skipped: [skipped.posting, skipped.diagnostics.length], forced: [forced.posting, forced.diagnostics.length > 0],
      }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out).toEqual({
      severity: 'error',
      file: '<text>',
      message: expect.stringMatching(/unknown rule "no-such-rule"/),
      // Not a posting: skipped as the CLI skips it, unless the caller says it is one.
      skipped: [false, 0],
      forced: [null, true],
    });
  });

  it('the API is typed: a TypeScript consumer compiles, and a wrong use does not', { timeout: 120_000 }, () => {
    const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
    const opts = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--typeRoots', path.join(root, 'node_modules/@types'), '--skipLibCheck'];
    writeFileSync(
      path.join(project, 'good.ts'),
      [
        "import { lint, rules, type JsonReport } from 'jdlint';",
        "const report: JsonReport = lint('# Data Scientist', { filePath: 'a.md', config: { rules: { 'missing-pay-range': 'off' } } });",
        'const lines: number[] = report.diagnostics.map((d) => d.line);',
        "const ids: string[] = rules.filter((r) => r.fixable).map((r) => r.id);",
        'console.log(lines, ids, report.profile.role);',
      ].join('\n'),
    );
    writeFileSync(path.join(project, 'bad.ts'), "import { lint } from 'jdlint';\nlint('# x', { config: { rules: { 'missing-pay-range': 'loud' } } });\n");
    // One compiler run for both (it takes seconds): the errors must all be bad.ts's one.
    const r = spawnSync(process.execPath, [tsc, ...opts, 'good.ts', 'bad.ts'], { cwd: project, encoding: 'utf8' });
    const errors = r.stdout.split('\n').filter((l) => /error TS/.test(l));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^bad\.ts\(2,.*"loud"/);
  });
});
