// The CLI's two-thread run (server/src/cli/pipeline.ts): postings parsed in one thread and linted in
// another give what one thread gives, and a parse worker that dies loses no file.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../server/src/engine/config';
import { lint, lintPosting } from '../../server/src/linter';
import { parsePosting } from '../../server/src/engine/posting';
import { packPosting, unpackPosting } from '../../server/src/engine/posting/pack';
import { pipeline } from '../../server/src/cli/pipeline';
import { finishParsed, lintTask, parseTask, type LintTask } from '../../server/src/cli/run';

const root = path.resolve(__dirname, '../..');
const PARSER_FIXTURES = path.join(root, 'test/fixtures/parser');

/** Postings of every shape the parser knows: the examples, the paste fixtures, and a few made here. */
const documents: [string, string][] = [
  ...readdirSync(path.join(root, 'examples')).map((f): [string, string] => [f, readFileSync(path.join(root, 'examples', f), 'utf8')]),
  ...readdirSync(PARSER_FIXTURES).map((f): [string, string] => [f, readFileSync(path.join(PARSER_FIXTURES, f), 'utf8')]),
  ['empty', ''],
  ['title only', '# Data Scientist\n'],
  ['no title', 'We deploy models on Kubernetes.\nYou build dashboards.\n'],
  ['unclosed front matter', '---\ntitle: ML Engineer\n\n- Deploy models\n- Own CI/CD\n'],
  ['front matter', '---\ntitle: "Senior Data Scientist"\nlocation: Remote\n---\n\n## Responsibilities\n\n1. Run A/B tests\n2. Present to stakeholders\n\n## Benefits\n\nHealth insurance.\n'],
];

describe('a packed posting', () => {
  it.each(documents)('unpacks to the posting the parser gave (%s)', (_, text) => {
    const posting = parsePosting(text);
    const packed = packPosting(posting);
    expect(packed).not.toBeNull();
    const back = unpackPosting(packed!);
    expect(back).toEqual(posting);
    // Items shared between the sections and the item list stay one object each.
    expect(back.sections.flatMap((s) => s.items).every((item, k) => item === back.items[k])).toBe(true);
    // And it lints to the same findings, ranges and profile.
    const direct = lint(text);
    const viaPack = lintPosting(back);
    expect(viaPack.findings).toEqual(direct.findings);
    expect(viaPack.profile).toEqual(direct.profile);
  });

  it('is not made of a posting that is not the parser\'s shape', () => {
    const posting = parsePosting('# Data Scientist\n\n- Run A/B tests\n- Build dashboards\n');
    const edited = { ...posting, items: posting.items.map((item, k) => (k === 0 ? { ...item, text: 'something else' } : item)) };
    expect(packPosting(edited)).toBeNull();
    expect(packPosting({ ...posting, items: posting.items.slice(1) })).toBeNull();
  });
});

describe('the parse worker pipeline', () => {
  let tasks: LintTask[];
  beforeAll(() => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jdlint-pipeline-'));
    const files = documents.map(([, text], k) => {
      const file = path.join(dir, `${String(k).padStart(2, '0')}.md`);
      writeFileSync(file, text);
      return file;
    });
    const binary = path.join(dir, 'binary.md');
    writeFileSync(binary, Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 31) % 256)));
    files.push(binary, path.join(dir, 'missing.md'));
    tasks = files.map((file) => ({ file, display: path.basename(file), config: DEFAULT_CONFIG }));
  });

  it('gives each file, parsed in one call and linted in another, what lintTask gives', () => {
    for (const task of tasks) expect(finishParsed(task, parseTask(task))).toEqual(lintTask(task));
    // The binary and the missing file travel as text and as an error, not as a posting.
    expect(parseTask(tasks.at(-2)!)).toHaveProperty('text');
    expect(parseTask(tasks.at(-1)!)).toEqual({ error: 'cannot read missing.md: ENOENT' });
  });

  it('lints every file when the worker dies after taking some', async () => {
    // A worker that takes four files, delivers the first by the protocol and dies with the rest.
    // Starting it waits for its delivery, so the main thread cannot take those files first.
    const dying = `
      const { workerData } = require('node:worker_threads');
      const { readFileSync } = require('node:fs');
      const { tasks, shared, port } = workerData;
      const first = Atomics.add(shared, 0, 4);
      port.postMessage([[first, { text: readFileSync(tasks[first].file, 'utf8') }]]);
      Atomics.add(shared, 1, 1);
      Atomics.notify(shared, 1);
      throw new Error('parse worker died');
    `;
    let started = 0;
    const results = await pipeline(tasks, (data, transferList) => {
      started++;
      const worker = new Worker(dying, { eval: true, workerData: data, transferList });
      expect(Atomics.wait(data.shared, 1, 0, 10_000)).toBe('ok');
      return worker;
    });
    expect(started).toBe(1);
    expect(results).toEqual(tasks.map(lintTask));
  });

  it('lints every file when no worker can be started', async () => {
    const results = await pipeline(tasks, () => {
      throw new Error('no threads here');
    });
    expect(results).toEqual(tasks.map(lintTask));
  });
});
