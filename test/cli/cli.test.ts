import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../server/src/cli/run';
import { CLI_V8_FLAGS } from '../../server/src/cli/v8flags';
import { MISMATCH, MATCH } from './fixtures';


let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jdlint-cli-'));
  mkdirSync(path.join(dir, 'postings/nested'), { recursive: true });
  writeFileSync(path.join(dir, 'postings/mismatch.md'), MISMATCH);
  writeFileSync(path.join(dir, 'postings/nested/match.markdown'), MATCH);
  writeFileSync(path.join(dir, 'postings/notes.txt'), MISMATCH);
  writeFileSync(path.join(dir, 'empty.md'), '');
  writeFileSync(path.join(dir, 'binary.md'), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 31) % 256)));
  writeFileSync(path.join(dir, 'big.md'), '# Data Scientist\n' + '- Deploy models on Kubernetes\n'.repeat(400_000));
  writeFileSync(path.join(dir, 'unclosed.md'), '---\ntitle: Data Scientist\n\n' + MISMATCH);
  writeFileSync(path.join(dir, 'strict.json'), JSON.stringify({ rules: { 'title-duty-mismatch': 'error' } }));
  writeFileSync(path.join(dir, 'broken.json'), '{ "rules": ');
});

function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = runCli(argv, {
    cwd: dir,
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    isTTY: false,
    version: '0.0.0-test',
  });
  return { code, out, err };
}

describe('jdlint CLI', () => {
  it('lints a folder recursively (Markdown only) and prints JSON in the documented shape', () => {
    const { code, out, err } = run('--format', 'json', 'postings');
    expect(err).toBe('');
    expect(code).toBe(0);
    const reports = JSON.parse(out);
    expect(reports.map((r: { file: string }) => r.file)).toEqual(['postings/mismatch.md', 'postings/nested/match.markdown']);
    const [m, ok] = reports;
    expect(Object.keys(m)).toEqual(['file', 'title', 'profile', 'diagnostics']);
    expect(m.title).toEqual({ text: 'Senior Data Scientist', family: 'data-scientist' });
    expect(m.profile.role).toBe('mle');
    expect(m.profile.ds + m.profile.mle).toBeCloseTo(1, 2);
    expect(m.diagnostics[0]).toMatchObject({
      rule: 'title-duty-mismatch',
      severity: 'warning',
      line: 1,
      column: 3,
      endLine: 1,
      endColumn: 24,
      suggestions: ['Senior Machine Learning Engineer', 'Senior MLOps Engineer'],
    });
    expect(ok.diagnostics).toEqual([]);
  });

  it('exits 1 when a finding has error severity through --config', () => {
    const { code } = run('--config', 'strict.json', 'postings/mismatch.md');
    expect(code).toBe(1);
  });

  it('exits 2 with a clear message for a broken config', () => {
    const { code, err, out } = run('--config', 'broken.json', 'postings');
    expect(code).toBe(2);
    expect(err).toMatch(/config broken.json: not valid JSON/);
    expect(out).toBe('');
  });

  it('reports a missing path on stderr, exits 2 and still lints the other files', () => {
    const { code, out, err } = run('--format', 'json', 'nope.md', 'postings/mismatch.md');
    expect(code).toBe(2);
    expect(err).toMatch(/nope.md: no such file or folder/);
    expect(JSON.parse(out)).toHaveLength(1);
  });

  it('handles empty, binary, 10 MB and unclosed-front-matter files without crashing', () => {
    const { code, out } = run('--format', 'json', 'empty.md', 'binary.md', 'big.md', 'unclosed.md');
    expect(code).toBe(0);
    const [empty, binary, big, unclosed] = JSON.parse(out);
    expect(empty.diagnostics).toEqual([]);
    expect(binary.diagnostics[0].message).toMatch(/binary/);
    expect(big.diagnostics[0].message).toMatch(/Nothing was checked/);
    expect(unclosed.diagnostics.map((d: { rule: string }) => d.rule)).toContain('document-input');
  });

  it('expands globs', () => {
    const { out } = run('--format', 'json', 'postings/**/*.markdown');
    expect(JSON.parse(out).map((r: { file: string }) => r.file)).toEqual(['postings/nested/match.markdown']);
  });

  it('prints SARIF 2.1.0 with rule metadata and regions', () => {
    const sarif = JSON.parse(run('--format', 'sarif', 'postings/mismatch.md').out);
    expect(sarif.version).toBe('2.1.0');
    const runObj = sarif.runs[0];
    expect(runObj.tool.driver.name).toBe('jdlint');
    expect(runObj.tool.driver.rules[0].id).toBe('title-duty-mismatch');
    expect(runObj.tool.driver.rules[0].helpUri).toBe('https://github.com/jdlint/jdlint/blob/HEAD/docs/rules/title-duty-mismatch.md');
    expect(runObj.results[0].locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 3, endLine: 1, endColumn: 24 });
    expect(runObj.results[0].level).toBe('warning');
  });

  it('prints a stylish report with a summary line', () => {
    const { out } = run('postings/mismatch.md');
    expect(out).toMatch(/postings\/mismatch.md {2}DS \d+% · MLE \d+% · role: mle/);
    expect(out).toMatch(/1:3 +warning +Titled "Senior Data Scientist"/);
    expect(out).toMatch(/1 file\(s\) checked: 1 problem\(s\) \(0 error\(s\), 1 warning\(s\), 0 info\)/);
  });

  it('rejects an unknown format and no files as usage errors', () => {
    expect(run('--format', 'xml', 'postings').code).toBe(2);
    expect(run().code).toBe(2);
    expect(run('--help').out).toMatch(/Usage: jdlint/);
  });
});

describe('project config files', () => {
  let proj: string;
  beforeAll(() => {
    proj = mkdtempSync(path.join(os.tmpdir(), 'jdlint-rc-'));
    mkdirSync(path.join(proj, 'team/postings'), { recursive: true });
    writeFileSync(path.join(proj, 'shared.yaml'), 'rules:\n  title-duty-mismatch: error\n  missing-pay-range: "off"\n');
    writeFileSync(path.join(proj, 'team/.jdlintrc.json'), JSON.stringify({ extends: '../shared.yaml', rules: { 'title-duty-mismatch': 'info' } }));
    writeFileSync(path.join(proj, 'team/postings/p.md'), MISMATCH.replace(/\n\nSalary.*\n/, '\n'));
    writeFileSync(path.join(proj, 'p.md'), MISMATCH.replace(/\n\nSalary.*\n/, '\n'));
  });
  const runIn = (cwd: string, ...argv: string[]) => {
    let out = '';
    let err = '';
    const code = runCli(argv, { cwd, stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: false, version: 't' });
    return { code, out, err };
  };

  it('uses the nearest .jdlintrc.json above each posting, merged over what it extends', () => {
    const { code, out } = runIn(proj, '--format', 'json', '.');
    expect(code).toBe(0);
    const byFile = Object.fromEntries(JSON.parse(out).map((r: { file: string; diagnostics: { rule: string; severity: string }[] }) => [r.file, r.diagnostics.map((d) => `${d.rule}:${d.severity}`)]));
    // The team file turns missing-pay-range off (from shared.yaml) and sets the mismatch to info (its own, later).
    expect(byFile['team/postings/p.md']).toEqual(['title-duty-mismatch:info']);
    // A posting outside the team folder uses the defaults.
    expect(byFile['p.md']).toEqual(['missing-pay-range:info', 'title-duty-mismatch:warning']);
  });

  it('reports a broken project config, exits 2 and still lints with the defaults', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jdlint-rc-bad-'));
    writeFileSync(path.join(dir, '.jdlintrc.json'), '{ "rules": { "title-duty-mismatch": "loud" }, "rulez": 1 }');
    writeFileSync(path.join(dir, 'p.md'), MISMATCH);
    const { code, out, err } = runIn(dir, '--format', 'json', 'p.md');
    expect(code).toBe(2);
    expect(err).toMatch(/\.jdlintrc\.json: unknown setting "rulez"/);
    expect(err).toMatch(/"rules.title-duty-mismatch" must be one of off, hint, info, warning, error, got "loud"/);
    expect(JSON.parse(out)[0].diagnostics[0]).toMatchObject({ rule: 'title-duty-mismatch', severity: 'warning' });
  });

  it('reports an extends cycle instead of looping', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jdlint-rc-cycle-'));
    writeFileSync(path.join(dir, '.jdlintrc.json'), JSON.stringify({ extends: './b.json' }));
    writeFileSync(path.join(dir, 'b.json'), JSON.stringify({ extends: './.jdlintrc.json' }));
    writeFileSync(path.join(dir, 'p.md'), MISMATCH);
    expect(runIn(dir, 'p.md').err).toMatch(/extends itself through \.jdlintrc\.json -> b\.json -> \.jdlintrc\.json/);
  });
});

describe("the CLI's V8 flags", () => {
  it('are flags this Node.js knows (set in the process, an unknown one is only complained about)', () => {
    expect(CLI_V8_FLAGS.length).toBeGreaterThan(0);
    for (const flag of CLI_V8_FLAGS) {
      const r = spawnSync(process.execPath, [flag, '-e', '0'], { encoding: 'utf8' });
      expect([flag, r.status, r.stderr]).toEqual([flag, 0, '']);
    }
  });
});
