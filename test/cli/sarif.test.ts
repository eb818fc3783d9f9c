// jdlint --format sarif against the SARIF 2.1.0 JSON schema (vendored in test/fixtures/sarif, with
// its licence), on file names code scanning has to open: spaces, #, %, non-ASCII, a folder outside
// the working folder. Each uri must resolve, through %SRCROOT%, to the file that was linted.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDist } from '../lsp/client';
import { MISMATCH } from './fixtures';

const root = path.resolve(__dirname, '../..');
const NAMES = ['Senior Data Scientist.md', 'C# & ML #1.md', '100% remote.md', 'équipe/Ingénieur ML — Zürich.md', 'a+b=c?.md', '数据科学家.md'];

// The schema's own pattern for a language tag is not valid with the u flag (a stray bracket).
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(path.join(root, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')));

let base: string;
let work: string;
let outside: string;
beforeAll(() => {
  buildDist();
  base = mkdtempSync(path.join(os.tmpdir(), 'jdlint-sarif-'));
  work = path.join(base, 'my postings');
  outside = path.join(base, 'other #folder');
  for (const name of NAMES) {
    mkdirSync(path.dirname(path.join(work, name)), { recursive: true });
    writeFileSync(path.join(work, name), MISMATCH);
  }
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'Lead ML Engineer.md'), MISMATCH.replace('Senior Data Scientist', 'Lead Data Scientist'));
}, 120_000);
afterAll(() => rmSync(base, { recursive: true, force: true }));

interface Sarif {
  runs: {
    tool: { driver: { informationUri: string; rules: { id: string; helpUri: string; help: { text: string; markdown: string } }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[];
  }[];
}

function sarifOf(args: string[]): Sarif {
  const r = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), '--format', 'sarif', ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, JDLINT_CODE_CACHE: '0' } });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

describe('SARIF output', () => {
  it('validates against the SARIF 2.1.0 schema with awkward file names', () => {
    const log = sarifOf(['.', '../other #folder']);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(log.runs[0].results).toHaveLength(NAMES.length + 1);
  });

  it('gives each result a uri that resolves through %SRCROOT% to the file linted', () => {
    const run = sarifOf(['.', '../other #folder']).runs[0];
    const srcroot = run.originalUriBaseIds['%SRCROOT%'].uri;
    expect(fileURLToPath(srcroot)).toBe(work + path.sep);
    const files = run.results.map(({ locations: [{ physicalLocation: { artifactLocation: a } }] }) =>
      fileURLToPath(new URL(a.uri, a.uriBaseId ? run.originalUriBaseIds[a.uriBaseId].uri : undefined)),
    );
    expect(files.sort()).toEqual([...NAMES.map((n) => path.join(work, n)), path.join(outside, 'Lead ML Engineer.md')].sort());
    // Inside the root: relative and percent-encoded; outside it: an absolute file: URI of its own.
    const uris = run.results.map((r) => r.locations[0].physicalLocation.artifactLocation);
    expect(uris).toContainEqual({ uri: 'Senior%20Data%20Scientist.md', uriBaseId: '%SRCROOT%' });
    expect(uris).toContainEqual({ uri: 'C%23%20%26%20ML%20%231.md', uriBaseId: '%SRCROOT%' });
    expect(uris).toContainEqual({ uri: '%C3%A9quipe/Ing%C3%A9nieur%20ML%20%E2%80%94%20Z%C3%BCrich.md', uriBaseId: '%SRCROOT%' });
    expect(uris.find((u) => !u.uriBaseId)?.uri).toMatch(/^file:\/\/\/.*\/other%20%23folder\/Lead%20ML%20Engineer\.md$/);
  });

  it('links each rule to its page in the repository over https, with help text', () => {
    const driver = sarifOf(['Senior Data Scientist.md']).runs[0].tool.driver;
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    const repo = (typeof pkg.repository === 'string' ? pkg.repository : pkg.repository.url).replace(/^git\+/, '').replace(/\.git$/, '');
    expect(driver.informationUri).toBe(repo);
    for (const rule of driver.rules) {
      expect(rule.helpUri).toBe(`${repo}/blob/HEAD/docs/rules/${rule.id}.md`);
      expect(existsSync(path.join(root, 'docs/rules', `${rule.id}.md`))).toBe(true);
      expect(rule.help.text).toContain(rule.helpUri);
      expect(rule.help.markdown).toContain(`[${rule.id}](${rule.helpUri})`);
    }
  });

  it('the schema test can fail: a raw path with a space is not a uri-reference', () => {
    const log = sarifOf(['Senior Data Scientist.md']);
    log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'Senior Data Scientist.md';
    expect(validate(log)).toBe(false);
  });
});
