// Issue #16 items 4 and 6: a hostile or broken config file is a clear problem on that file, never a
// crash, a stack, a 2^n load, a prototype change or an echo of the file's contents.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, resolveConfig } from '../../server/src/engine/config';
import { configFor, findConfigFile, loadConfigFile, MAX_CONFIG_FILES, MAX_EXTENDS_DEPTH } from '../../server/src/node/configFile';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'jdlint-config-'));
const messages = (file: string) => configFor(path.dirname(file), DEFAULT_CONFIG, file).loaded.problems.map((p) => p.message);

describe('config files', () => {
  it('reports a YAML alias bomb instead of throwing', () => {
    const f = path.join(tmp(), '.jdlintrc.yaml');
    const rows = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [k, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e']]) rows.push(`${k}: &${k} [${Array(9).fill(`*${prev}`).join(',')}]`);
    writeFileSync(f, rows.join('\n') + '\n');
    expect(messages(f)).toEqual(['YAML aliases expand too far (over 100): not read']);
  });

  it('stops a 3,500-file extends chain at the depth limit, without a stack overflow', () => {
    const dir = tmp();
    for (let i = 0; i < 3500; i++) writeFileSync(path.join(dir, `c${i}.json`), JSON.stringify({ extends: `./c${i + 1}.json` }));
    writeFileSync(path.join(dir, 'c3500.json'), '{}');
    const loaded = loadConfigFile(path.join(dir, 'c0.json'));
    expect(loaded.files.length).toBe(MAX_EXTENDS_DEPTH);
    expect(loaded.problems.map((p) => p.message)).toEqual([`"extends" goes deeper than ${MAX_EXTENDS_DEPTH} files: the rest is not read`]);
  });

  it('reads each file of a diamond of extends once (18 levels were 2^18 loads, 6.6 s)', () => {
    const dir = tmp();
    for (let i = 0; i < 14; i++) writeFileSync(path.join(dir, `d${i}.json`), JSON.stringify({ extends: [`./d${i + 1}.json`, `./d${i + 1}.json`] }));
    writeFileSync(path.join(dir, 'd14.json'), JSON.stringify({ rules: { 'missing-pay-range': 'off' } }));
    const { config, loaded } = configFor(dir, DEFAULT_CONFIG, path.join(dir, 'd0.json'));
    expect(loaded.problems).toEqual([]);
    expect(loaded.files.length).toBe(15);
    expect(config.rules['missing-pay-range']).toBe('off');
  });

  it('stops at the file-count limit', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'root.json'), JSON.stringify({ extends: Array.from({ length: 100 }, (_, i) => `./w${i}.json`) }));
    for (let i = 0; i < 100; i++) writeFileSync(path.join(dir, `w${i}.json`), '{}');
    const loaded = loadConfigFile(path.join(dir, 'root.json'));
    expect(loaded.files.length).toBe(MAX_CONFIG_FILES);
    expect(loaded.problems[0].message).toMatch(/reaches more than 64 files/);
  });

  it('reads 20,000 unknown YAML keys and names only a few of them', () => {
    const f = path.join(tmp(), '.jdlintrc.yaml');
    writeFileSync(f, Array.from({ length: 20000 }, (_, i) => `k${i}: 1`).join('\n'));
    const m = messages(f);
    expect(m.length).toBe(6);
    expect(m[5]).toBe('19995 more unknown settings');
  });

  it('never echoes a file that is not a config (extends /etc/passwd, a password line)', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'secret'), 'root:*:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n');
    writeFileSync(path.join(dir, 'secret.json'), '{"root:x:0:0:root:/root:/bin/bash": 1, "rules": {"s3cr3t/t0ken+ABCDEFGH=": "x"}}');
    writeFileSync(path.join(dir, 'bad.json'), 'root:x:0:0:root:/root:/bin/bash\n');
    // Each is still reported, on the file extended, saying what is wrong without quoting it.
    const unknownSetting = 'unknown setting [name not shown] (known: rules, thresholds, sectionWeights, maxDocumentSize, year, files, ignores)';
    const said: Record<string, string[]> = {
      './secret': [unknownSetting],
      './secret.json': [unknownSetting, 'unknown rule [name not shown] in "rules": it changes nothing'],
      './bad.json': ['not valid JSON at line 1, column 1 (InvalidSymbol)'],
    };
    for (const [target, expected] of Object.entries(said)) {
      writeFileSync(path.join(dir, 'c.json'), JSON.stringify({ extends: target }));
      const problems = configFor(dir, DEFAULT_CONFIG, path.join(dir, 'c.json')).loaded.problems;
      expect(problems.map((p) => p.message).join('\n'), target).not.toMatch(/root|daemon|19000|s3cr3t|bash/);
      expect(problems.map((p) => [path.relative(dir, p.file), p.message]), target).toEqual(expected.map((m) => [target.slice(2), m]));
    }
  });

  it('rejects "__proto__" and leaves Object.prototype alone', () => {
    const f = path.join(tmp(), '.jdlintrc.json');
    writeFileSync(f, '{"__proto__": {"rules": {"missing-pay-range": "error"}}, "thresholds": {"__proto__": {"polluted": 1}}}');
    const { config, loaded } = configFor(path.dirname(f), DEFAULT_CONFIG, f);
    expect(loaded.problems.map((p) => p.message)).toEqual(['the key "__proto__" is not allowed in a configuration', 'the key "__proto__" is not allowed in a configuration']);
    expect(config.rules['missing-pay-range']).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports unknown rule ids, unknown thresholds, shares over 1 and a year of 0.5', () => {
    const f = path.join(tmp(), '.jdlintrc.json');
    writeFileSync(f, JSON.stringify({ rules: { 'no-such-rule': 'error' }, thresholds: { mismatchShar: 0.5, hybridShare: 4 }, year: 0.5 }));
    expect(messages(f)).toEqual([
      'unknown rule "no-such-rule" in "rules": it changes nothing',
      'unknown setting "mismatchShar" in "thresholds" (known: mismatchShare, minEvidence, hybridShare, minDutyItems, mleEvidenceScale, maxRequiredTools, maxRequirements, unicornMinTools)',
      '"thresholds.hybridShare" is a share between 0 and 1, got 4',
      '"year" must be a whole number from 1950 to 9999, got 0.5',
    ]);
  });

  it('prints no yaml warning on stderr (a collection used as a key)', () => {
    const f = path.join(tmp(), '.jdlintrc.yaml');
    writeFileSync(f, '? [a, b]\n: 1\n');
    const warn = vi.spyOn(process, 'emitWarning');
    const log = vi.spyOn(console, 'warn');
    messages(f);
    expect(warn).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
    warn.mockRestore();
    log.mockRestore();
  });

  it('reports a YAML syntax error and a duplicate key by place, not by content', () => {
    const f = path.join(tmp(), '.jdlintrc.yaml');
    writeFileSync(f, 'rules:\n  a: [\n');
    expect(messages(f)[0]).toMatch(/^not valid YAML at line \d+, column \d+ \(\w+\)$/);
    writeFileSync(f, 'year: 2020\nyear: 2021\n');
    expect(messages(f)).toEqual(['a key appears twice (at line 2, column 1)']);
  });

  it('resolveConfig keeps settings files apart from engine callers: no rule list, no unknown-rule check', () => {
    expect(resolveConfig({ rules: { 'x-y': 'off' } }).problems).toEqual([]);
  });

  it('looks for config files inside the workspace only, and extends nothing outside it', () => {
    const outer = tmp();
    const ws = path.join(outer, 'ws');
    mkdirSync(path.join(ws, 'postings'), { recursive: true });
    writeFileSync(path.join(outer, '.jdlintrc.json'), JSON.stringify({ rules: { 'missing-pay-range': 'off' } }));
    writeFileSync(path.join(outer, 'team.json'), JSON.stringify({ rules: { 'missing-pay-range': 'off' } }));
    // Above the workspace: not found, though a search without roots finds it.
    expect(findConfigFile(path.join(ws, 'postings'), [ws])).toBeNull();
    expect(findConfigFile(path.join(ws, 'postings'))).toBe(path.join(outer, '.jdlintrc.json'));
    // Extending outside, directly or through a symlink inside the workspace: refused on the extending file.
    symlinkSync(path.join(outer, 'team.json'), path.join(ws, 'link.json'));
    for (const target of ['../team.json', './link.json', '/etc/passwd']) {
      writeFileSync(path.join(ws, '.jdlintrc.json'), JSON.stringify({ extends: target }));
      const { config, loaded } = configFor(path.join(ws, 'postings'), DEFAULT_CONFIG, undefined, [ws]);
      expect(loaded.problems, target).toEqual([{ file: path.join(ws, '.jdlintrc.json'), message: '"extends" names a file outside the workspace and the home folder: not read' }]);
      expect(config.rules['missing-pay-range'], target).toBeUndefined();
    }
    // A file the user names on the command line is read with what it extends, wherever they are.
    writeFileSync(path.join(ws, 'named.json'), JSON.stringify({ extends: '../team.json' }));
    expect(configFor(ws, DEFAULT_CONFIG, path.join(ws, 'named.json'), [ws]).config.rules['missing-pay-range']).toBe('off');
  });
});
