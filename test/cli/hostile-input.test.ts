// Issue #16: what an attacker or a careless user puts in front of the CLI ends with a clear message
// and exit 2, never a hang, a crash or an echo of a file's contents.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../server/src/cli/run';

const POSTING = '# Data Scientist\n\n- Design A/B tests and present insights to stakeholders\n\nPay: $120,000 - $140,000 per year.\n';
const unix = process.platform !== 'win32';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jdlint-hostile-'));
  mkdirSync(path.join(dir, 'folder'));
  writeFileSync(path.join(dir, 'folder/p.md'), POSTING);
  if (unix) {
    symlinkSync('/dev/zero', path.join(dir, 'folder/zero.md'));
    execFileSync('mkfifo', [path.join(dir, 'fifo.md')]);
  }
});

function run(cwd: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = runCli(argv, { cwd, home: cwd, stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: false, version: 't' });
  return { code, out, err };
}

describe.runIf(unix)('non-regular files', () => {
  it('refuses a symlink to /dev/zero in a folder, exits 2 and lints the rest', () => {
    const { code, out, err } = run(dir, '--format', 'json', 'folder');
    expect(code).toBe(2);
    expect(err).toMatch(/cannot read folder\/zero\.md: a device, not a regular file/);
    expect(JSON.parse(out).map((r: { file: string }) => r.file)).toEqual(['folder/p.md']);
  });

  it('refuses a FIFO named on the command line without waiting for a writer', () => {
    const { code, err } = run(dir, 'fifo.md');
    expect(code).toBe(2);
    expect(err).toMatch(/cannot read fifo\.md: a pipe \(FIFO\), not a regular file/);
  });

  it('refuses /dev/zero, a FIFO and /dev/stdin as what a config extends', () => {
    for (const target of ['/dev/zero', path.join(dir, 'fifo.md'), '/dev/stdin']) {
      const cfg = path.join(dir, `extends-${path.basename(target)}.json`);
      writeFileSync(cfg, JSON.stringify({ extends: target }));
      const { code, err } = run(dir, '--config', cfg, 'folder/p.md');
      expect(code, target).toBe(2);
      expect(err, target).toMatch(/cannot read \S+ \(extended\): .*(not a regular file|ENXIO|EACCES)/);
    }
  });
});

describe('config confined to the folder jdlint runs in and home', () => {
  it('uses no config above the working folder and extends nothing outside it', () => {
    const outer = mkdtempSync(path.join(os.tmpdir(), 'jdlint-outer-'));
    mkdirSync(path.join(outer, 'ws'));
    writeFileSync(path.join(outer, '.jdlintrc.json'), JSON.stringify({ rules: { 'missing-pay-range': 'error' } }));
    // Marked a posting: too thin for the text alone, it would not be linted and exit 0 whatever the config.
    writeFileSync(path.join(outer, 'ws/p.md'), '# Data Scientist\n\n- Build statistical models\n\n<!-- jdlint-posting -->\n');
    const ws = path.join(outer, 'ws');
    // Run from the outer folder, its config raises missing-pay-range to an error: exit 1.
    expect(run(outer, 'ws/p.md').code).toBe(1);
    // Run from ws, the config above is not read: missing-pay-range stays info, exit 0.
    const inWs = run(ws, '--format', 'json', 'p.md');
    expect(inWs.code).toBe(0);
    expect(JSON.parse(inWs.out)[0].diagnostics.map((d: { rule: string; severity: string }) => `${d.rule}:${d.severity}`)).toContain('missing-pay-range:info');
    writeFileSync(path.join(ws, '.jdlintrc.json'), JSON.stringify({ extends: '/etc/passwd' }));
    const { code, err } = run(ws, 'p.md');
    expect(code).toBe(2);
    expect(err).toMatch(/\.jdlintrc\.json: "extends" names a file outside the workspace and the home folder: not read/);
    expect(err).not.toMatch(/root/);
  });
});
