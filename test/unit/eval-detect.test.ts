import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureDetection } from '../../scripts/eval-detect';

let root: string;
const write = (rel: string, text: string) => {
  const f = path.join(root, rel);
  mkdirSync(path.dirname(f), { recursive: true });
  writeFileSync(f, text);
};

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'jdlint-eval-detect-'));
  const rows = [
    { id: 'p1', title: 'Senior Data Scientist', description: 'Responsibilities: run A/B tests. Requirements: 3+ years of experience with SQL.' },
    { id: 'p2', title: 'Data Scientist', description: 'Tableau.' },
  ];
  write('data/postings-dev.jsonl', rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  write('node_modules/a/README.md', '# a\n\nA parser.\n');
  // The same README in two packages counts once.
  write('node_modules/b/node_modules/a/README.md', '# a\n\nA parser.\n');
  write('node_modules/c/CHANGELOG.md', '# Changelog\n\n## 1.0.0\n\n- First release.\n');
  // A posting a package ships: taken for one, and linted.
  write('.cache/x/jobs.md', '# Machine Learning Engineer\n\n## Responsibilities\n\n- Deploy models on Kubernetes\n\n## Requirements\n\n- 3+ years of experience\n');
  // The bench's copies of the dev postings are not other Markdown.
  write('.cache/bench/postings/0001.md', '# Machine Learning Engineer\n\n## Responsibilities\n\n- Deploy models\n\n## Requirements\n\n- Python\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('measureDetection', () => {
  it('counts dev postings linted and distinct other Markdown quiet, naming the misses', () => {
    const f = measureDetection(root, path.join(root, 'data'));
    expect(f).toMatchObject({ postings: 2, postingsLinted: 1, others: 3, othersQuiet: 2, othersTaken: 1 });
    expect(f.postingMisses.map((m) => m.id)).toEqual(['p2']);
    expect(f.otherMisses.map((m) => m.file)).toEqual([path.join('.cache', 'x', 'jobs.md')]);
  });
});
