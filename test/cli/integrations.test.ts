// The GitHub Action (action.yml) and the pre-commit hook (.pre-commit-hooks.yaml) run exactly the
// commands they declare, as GitHub's runner and pre-commit would, on real postings.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildDist } from '../lsp/client';
import { MISMATCH } from './fixtures';

const root = path.resolve(__dirname, '../..');
/** As ./fixtures' MATCH, under a duties heading. */
const MATCH = '# Data Scientist\n\n## What you will do\n\n- Design A/B tests and present insights to stakeholders\n- Build dashboards in Tableau\n\nPay: $120,000 - $140,000 per year.\n';

let repo: string;
beforeAll(() => {
  buildDist();
  repo = mkdtempSync(path.join(os.tmpdir(), 'jdlint-actions-'));
  mkdirSync(path.join(repo, 'postings/drafts'), { recursive: true });
  writeFileSync(path.join(repo, 'postings/Senior Data Scientist.md'), MISMATCH);
  writeFileSync(path.join(repo, 'postings/data-scientist.md'), MATCH);
  writeFileSync(path.join(repo, 'postings/drafts/wip.md'), MISMATCH);
  writeFileSync(path.join(repo, 'strict.json'), '{ "rules": { "title-duty-mismatch": "error" } }');
  writeFileSync(path.join(repo, 'README.md'), '# Hiring\n\nThe job postings of the team live in postings/. Open a pull request to change one.\n');
}, 120_000);
afterAll(() => rmSync(repo, { recursive: true, force: true }));

interface Step {
  name: string;
  shell: string;
  run: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface Action {
  inputs: Record<string, { default: string }>;
  runs: { using: string; steps: Step[] };
}

/** ${{ inputs.x }} and ${{ github.action_path }}, as the runner fills them in. */
function expand(text: string, inputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*(inputs\.([\w-]+)|github\.action_path)\s*\}\}/g, (_, all: string, name?: string) => {
    if (all === 'github.action_path') return root;
    if (!(name! in inputs)) throw new Error(`action.yml uses an undeclared input ${name}`);
    return inputs[name!];
  });
}

/** Runs the action's steps in order with bash as GitHub runs a composite step's `shell: bash`. */
function runAction(given: Record<string, string>) {
  const action = parse(readFileSync(path.join(root, 'action.yml'), 'utf8')) as Action;
  const inputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default])), ...given };
  let last = { code: 0 as number | null, out: '', err: '' };
  for (const step of action.runs.steps) {
    expect(step.shell).toBe('bash');
    const env: NodeJS.ProcessEnv = { ...process.env, JDLINT_CODE_CACHE: '0' };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(v, inputs);
    const cwd = step['working-directory'] ? expand(step['working-directory'], inputs) : repo;
    // The script text itself holds no input (they come through env), so it runs as written.
    expect(step.run).not.toMatch(/\$\{\{\s*inputs\./);
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], { cwd, env, encoding: 'utf8' });
    last = { code: r.status, out: r.stdout, err: r.stderr };
    if (r.status !== 0) break;
  }
  return last;
}

describe('action.yml', () => {
  it('is a composite action whose lint step annotates each finding and passes on warnings', () => {
    const action = parse(readFileSync(path.join(root, 'action.yml'), 'utf8')) as Action;
    expect(action.runs.using).toBe('composite');
    const r = runAction({ files: 'postings\n!postings/drafts/**\n' });
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      '::warning file=postings/Senior Data Scientist.md,line=1,col=3,endLine=1,endColumn=24,title=jdlint title-duty-mismatch::' +
        'Titled "Senior Data Scientist", but 3 of 3 duties are ML-engineering work (Kubernetes, CI/CD, latency, Docker); 100%25 of the duty evidence is ML-engineering. Consider "Senior Machine Learning Engineer".\n',
    );
  });

  it('fails the job on too many warnings, and on errors through a config file', () => {
    expect(runAction({ files: 'postings', 'max-warnings': '1' }).code).toBe(1);
    expect(runAction({ files: 'postings/data-scientist.md', 'max-warnings': '0' }).code).toBe(0);
    const strict = runAction({ files: 'postings/Senior Data Scientist.md', config: 'strict.json' });
    expect(strict.code).toBe(1);
    expect(strict.out).toMatch(/^::error file=postings\/Senior Data Scientist\.md,/);
  });

  it('writes SARIF for code scanning when asked, names with spaces kept whole', () => {
    const r = runAction({ files: 'postings/Senior Data Scientist.md\npostings/data-scientist.md', 'sarif-file': 'out/jdlint.sarif', format: 'stylish' });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2 file\(s\) checked: 1 problem\(s\)/);
    const sarif = JSON.parse(readFileSync(path.join(repo, 'out/jdlint.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0].physicalLocation.artifactLocation.uri)).toEqual([
      'postings/Senior%20Data%20Scientist.md',
    ]);
  });

  it('takes no input as script text: a file name with shell syntax is only a name', () => {
    const r = runAction({ files: '$(touch pwned).md' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^jdlint: \$\(touch pwned\)\.md: no files match this pattern$/m);
    expect(existsSync(path.join(repo, 'pwned'))).toBe(false);
  });
});

describe("the README's copy-paste workflow and pre-commit config", () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]));
  type Workflow = { jobs: Record<string, { steps: { uses?: string; with?: Record<string, string | number> }[] }> };
  const workflow = blocks.find((b) => (b as Workflow)?.jobs) as Workflow;

  it('runs this action with inputs it declares, and uploads the SARIF file it writes', () => {
    const steps = Object.values(workflow.jobs)[0].steps;
    const lint = steps.find((s) => s.uses?.startsWith('jdlint/jdlint@'))!;
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    const action = parse(readFileSync(path.join(root, 'action.yml'), 'utf8')) as Action;
    for (const key of Object.keys(lint.with!)) expect(Object.keys(action.inputs)).toContain(key);
    expect(upload.with!.sarif_file).toBe(lint.with!['sarif-file']);
    // With the README's inputs on this repository's postings: the warning fails the job (max-warnings 0), SARIF is written.
    const r = runAction(Object.fromEntries(Object.entries(lint.with!).map(([k, v]) => [k, String(v)])));
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(path.join(repo, String(lint.with!['sarif-file'])), 'utf8')).runs[0].results.length).toBe(1);
  });

  it('names the hook id .pre-commit-hooks.yaml declares', () => {
    const config = blocks.find((b) => (b as { repos?: unknown })?.repos) as { repos: { hooks: { id: string }[] }[] };
    const ids = (parse(readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string }[]).map((h) => h.id);
    expect(ids).toContain(config.repos[0].hooks[0].id);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; types: string[]; args?: string[] }[];
  const hook = hooks.find((h) => h.id === 'jdlint')!;
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };

  /** pre-commit runs the entry (a bin of the installed package) with the args and the staged files. */
  const runHook = (files: string[]) => {
    const [command, ...entryArgs] = hook.entry.split(/\s+/);
    const r = spawnSync(process.execPath, [path.join(root, pkg.bin[command]), ...entryArgs, ...(hook.args ?? []), ...files], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, JDLINT_CODE_CACHE: '0' },
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('is a node hook on Markdown files whose entry is the package\'s jdlint command', () => {
    expect(hook.language).toBe('node');
    expect(hook.types).toEqual(['markdown']);
    expect(Object.keys(pkg.bin)).toContain(hook.entry.split(/\s+/)[0]);
  });

  it('passes clean postings and other Markdown, and reports the findings of a staged posting', () => {
    const clean = runHook(['postings/data-scientist.md', 'README.md']);
    expect(clean.code).toBe(0);
    expect(clean.out).toMatch(/^postings\/data-scientist\.md {2}DS .*\n {2}no problems$/m);
    expect(clean.out).not.toMatch(/README/);
    expect(clean.out).toMatch(/^1 file\(s\) checked: 0 problem\(s\) .*; 1 file\(s\) skipped: not job postings$/m);
    const flagged = runHook(['postings/Senior Data Scientist.md']);
    expect(flagged.code).toBe(0);
    expect(flagged.out).toMatch(/1:3 +warning +Titled "Senior Data Scientist"/);
  });

  it('fails the commit on an error-severity finding', () => {
    writeFileSync(path.join(repo, 'postings/.jdlintrc.json'), '{ "rules": { "title-duty-mismatch": "error" } }');
    try {
      expect(runHook(['postings/Senior Data Scientist.md']).code).toBe(1);
    } finally {
      rmSync(path.join(repo, 'postings/.jdlintrc.json'));
    }
  });
});
