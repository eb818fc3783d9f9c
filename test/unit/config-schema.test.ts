// Issue #19 point 4: JSONC config files, every file checked against the one JSON schema with the
// place of each problem, extends from an npm package.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../server/src/engine/config';
import { configFor, type ConfigProblem } from '../../server/src/node/configFile';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'jdlint-schema-'));

function load(name: string, text: string, files: Record<string, string> = {}) {
  const dir = tmp();
  for (const [f, t] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), t);
  }
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  const { config, loaded } = configFor(path.dirname(file), DEFAULT_CONFIG, undefined, [dir]);
  return { config, loaded, dir, text };
}

/** What each problem points at in the text. */
const at = (text: string, p: ConfigProblem) => (p.range ? text.slice(p.range.start, p.range.end) : null);

describe('.jdlintrc.json as JSON with comments', () => {
  it('reads comments and trailing commas', () => {
    const { config, loaded } = load('.jdlintrc.json', '// team settings\n{\n  /* stricter */ "rules": { "title-duty-mismatch": "error", },\n  "thresholds": { "maxRequiredTools": 12, },\n}\n');
    expect(loaded.problems).toEqual([]);
    expect(config.rules['title-duty-mismatch']).toBe('error');
    expect(config.thresholds.maxRequiredTools).toBe(12);
  });

  it('reports a syntax error by line and column, with the range of the bad token', () => {
    const text = '{\n  "rules": {\n    "title-duty-mismatch": "error"\n    "missing-pay-range": "off"\n  }\n}\n';
    const { loaded } = load('.jdlintrc.json', text);
    expect(loaded.problems.map((p) => p.message)).toEqual(['not valid JSON at line 4, column 5 (CommaExpected)']);
    expect(at(text, loaded.problems[0])).toBe('"missing-pay-range"');
  });
});

describe('config files checked against the schema', () => {
  it('points at an unknown rule id (with the rule it misspells) and at a bad severity', () => {
    const text = '{\n  "rules": {\n    "titel-duty-mismatch": "error",\n    "missing-pay-range": "loud"\n  }\n}\n';
    const { loaded, config } = load('.jdlintrc.json', text);
    expect(loaded.problems.map((p) => [p.message, at(text, p)])).toEqual([
      ['unknown rule "titel-duty-mismatch" in "rules": it changes nothing (did you mean "title-duty-mismatch"?)', '"titel-duty-mismatch"'],
      ['"rules.missing-pay-range" must be one of off, hint, info, warning, error, got "loud"', '"loud"'],
    ]);
    expect(config.rules['missing-pay-range']).toBeUndefined();
  });

  it('does the same in YAML, with places in the YAML text', () => {
    const text = 'rules:\n  title-duty-mismatch: error\n  tool-soupe: warning\nthresholds:\n  hybridShare: 1.5\n  maxRequiredTools: -1\nyear: 20.5\nfiles: drafts\n';
    const { loaded, config } = load('.jdlintrc.yaml', text);
    expect(loaded.problems.map((p) => [p.message, at(text, p)])).toEqual([
      ['unknown rule "tool-soupe" in "rules": it changes nothing (did you mean "tool-soup"?)', 'tool-soupe'],
      ['"thresholds.hybridShare" is a share between 0 and 1, got 1.5', '1.5'],
      ['"thresholds.maxRequiredTools" must be a non-negative number, got -1', '-1'],
      ['"year" must be a whole number from 1950 to 9999, got 20.5', '20.5'],
      ['"files" must be a list of .gitignore-style patterns, got "drafts"', 'drafts'],
    ]);
    expect(config.rules['title-duty-mismatch']).toBe('error');
    expect(config.thresholds.hybridShare).toBe(DEFAULT_CONFIG.thresholds.hybridShare);
  });

  it('names an unknown setting with the known ones, on the key', () => {
    const text = '{ "rule": {}, "thresholds": { "mismatchShare": 0.7 } }';
    const { loaded, config } = load('.jdlintrc.json', text);
    expect(loaded.problems.map((p) => [p.message, at(text, p)])).toEqual([
      ['unknown setting "rule" (known: rules, thresholds, sectionWeights, maxDocumentSize, year, files, ignores)', '"rule"'],
    ]);
    expect(config.thresholds.mismatchShare).toBe(0.7);
  });

  it('reports each problem on the file it is in, once', () => {
    const { loaded, dir } = load('.jdlintrc.json', '{ "extends": "./base.yaml", "rules": { "missing-duties": "off" } }', { 'base.yaml': 'rules:\n  no-such-rule: error\n' });
    expect(loaded.problems).toEqual([{ file: path.join(dir, 'base.yaml'), message: 'unknown rule "no-such-rule" in "rules": it changes nothing', range: { start: 9, end: 21 } }]);
  });
});

describe('extends from an npm package', () => {
  const team = {
    'node_modules/@acme/jdlint-config/package.json': JSON.stringify({ name: '@acme/jdlint-config', main: 'jdlintrc.yaml' }),
    'node_modules/@acme/jdlint-config/jdlintrc.yaml': 'rules:\n  missing-pay-range: error\n',
    'node_modules/@acme/jdlint-config/strict.json': '{ "rules": { "title-duty-mismatch": "error" } }',
    'node_modules/jdlint-config-code/package.json': JSON.stringify({ name: 'jdlint-config-code', main: 'index.js' }),
    'node_modules/jdlint-config-code/index.js': 'require("child_process").execSync("touch /tmp/pwned")',
  };

  it('reads the package main file, resolved from the config file\'s folder up', () => {
    const { config, loaded } = load('postings/.jdlintrc.json', '{ "extends": "@acme/jdlint-config" }', team);
    expect(loaded.problems).toEqual([]);
    expect(loaded.files.map((f) => path.basename(f))).toEqual(['.jdlintrc.json', 'jdlintrc.yaml']);
    expect(config.rules['missing-pay-range']).toBe('error');
  });

  it('reads a file inside the package, and a list mixing packages and paths', () => {
    const { config, loaded } = load('.jdlintrc.yaml', 'extends:\n  - "@acme/jdlint-config"\n  - "@acme/jdlint-config/strict.json"\n  - ./local.json\n', {
      ...team,
      'local.json': '{ "rules": { "missing-pay-range": "warning" } }',
    });
    expect(loaded.problems).toEqual([]);
    expect(config.rules['title-duty-mismatch']).toBe('error');
    expect(config.rules['missing-pay-range']).toBe('warning');
  });

  it('never runs a package: a main file that is code is refused', () => {
    const text = '{ "extends": "jdlint-config-code" }';
    const { loaded } = load('.jdlintrc.json', text, team);
    expect(loaded.problems.map((p) => [p.message, at(text, p)])).toEqual([
      ['"extends": the package "jdlint-config-code" gives "index.js", not a JSON or YAML file: not read (a configuration is data and is never run)', '"jdlint-config-code"'],
    ]);
  });

  it('says what to do when the package is not installed', () => {
    const { loaded } = load('.jdlintrc.json', '{ "extends": "jdlint-config-missing" }');
    expect(loaded.problems.map((p) => p.message)).toEqual([
      '"extends": no package "jdlint-config-missing" in node_modules from the config file\'s folder up (npm install it, or give a path starting with ./)',
    ]);
  });

  it('does not read a package outside the workspace', () => {
    const outer = tmp();
    mkdirSync(path.join(outer, 'node_modules/shared-rc'), { recursive: true });
    writeFileSync(path.join(outer, 'node_modules/shared-rc/package.json'), JSON.stringify({ main: 'rc.json' }));
    writeFileSync(path.join(outer, 'node_modules/shared-rc/rc.json'), '{ "rules": { "missing-pay-range": "off" } }');
    const ws = path.join(outer, 'ws');
    mkdirSync(ws);
    writeFileSync(path.join(ws, '.jdlintrc.json'), '{ "extends": "shared-rc" }');
    const { config, loaded } = configFor(ws, DEFAULT_CONFIG, undefined, [ws]);
    expect(loaded.problems.map((p) => p.message)).toEqual(['"extends" names a file outside the workspace and the home folder: not read']);
    expect(config.rules['missing-pay-range']).toBeUndefined();
  });
});
