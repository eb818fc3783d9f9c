import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSelector } from '../../server/src/node/select';
import { relativePath } from '../../server/src/node/relativePath';

let dir: string;
const write = (rel: string, text = '# x\n') => {
  const f = path.join(dir, rel);
  mkdirSync(path.dirname(f), { recursive: true });
  writeFileSync(f, text);
  return f;
};

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jdlint-select-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('createSelector', () => {
  it('lints every file, asking the text, when nothing says otherwise', () => {
    const f = write('jobs/ds.md');
    expect(createSelector({ roots: [dir] }).select(f)).toEqual({ lint: true, declared: false });
  });

  it('leaves out what .gitignore names, and says which pattern', () => {
    write('.gitignore', 'drafts/\n');
    const f = write('drafts/ds.md');
    expect(createSelector({ roots: [dir] }).select(f)).toEqual({ lint: false, reason: 'ignored by .gitignore (drafts/)' });
    expect(createSelector({ roots: [dir] }).select(write('jobs/ds.md'))).toEqual({ lint: true, declared: false });
  });

  it('reads .jdlintignore in sub-folders, relative to its own folder, after .gitignore', () => {
    write('.gitignore', '*.md\n');
    write('jobs/.jdlintignore', '!ds.md\nold/\n');
    const s = createSelector({ roots: [dir] });
    expect(s.select(write('jobs/ds.md'))).toEqual({ lint: true, declared: false });
    expect(s.select(write('jobs/old/mle.md'))).toEqual({ lint: false, reason: 'ignored by .jdlintignore (old/)' });
    expect(s.select(write('README.md'))).toEqual({ lint: false, reason: 'ignored by .gitignore (*.md)' });
  });

  it('reads no ignore file above the root', () => {
    write('.gitignore', 'team/\n');
    const f = write('team/jobs/ds.md');
    expect(createSelector({ roots: [path.join(dir, 'team')] }).select(f)).toEqual({ lint: true, declared: false });
  });

  it('takes files named by "files" in the nearest .jdlintrc as declared postings, and nothing else', () => {
    write('.jdlintrc.json', JSON.stringify({ files: ['jobs/**/*.md'] }));
    const s = createSelector({ roots: [dir] });
    expect(s.select(write('jobs/data/ds.md'))).toEqual({ lint: true, declared: true });
    expect(s.select(write('README.md'))).toEqual({ lint: false, reason: 'not named by "files" in .jdlintrc.json' });
  });

  it('leaves out what "ignores" names, relative to the config file, even inside "files"', () => {
    write('team/.jdlintrc.yaml', 'files: ["**/*.md"]\nignores: ["drafts/"]\n');
    const s = createSelector({ roots: [dir] });
    expect(s.select(write('team/drafts/ds.md'))).toEqual({ lint: false, reason: 'ignored by "ignores" in .jdlintrc.yaml' });
    expect(s.select(write('team/ds.md'))).toEqual({ lint: true, declared: true });
    // No config file above this one: the team's patterns do not reach it.
    expect(s.select(write('other/ds.md'))).toEqual({ lint: true, declared: false });
  });

  it('reads the patterns of a config file named on the command line relative to the given base', () => {
    const config = write('conf/team.json', JSON.stringify({ ignores: ['*.draft.md'] }));
    const s = createSelector({ roots: [dir], explicitConfig: { file: config, base: dir } });
    expect(s.select(write('jobs/ds.draft.md'))).toEqual({ lint: false, reason: 'ignored by "ignores" in team.json' });
    expect(s.select(write('jobs/ds.md'))).toEqual({ lint: true, declared: false });
  });

  it('ignores patterns of the wrong shape (the config loader reports them)', () => {
    write('.jdlintrc.json', JSON.stringify({ files: 'jobs/*.md', ignores: [3] }));
    expect(createSelector({ roots: [dir] }).select(write('README.md'))).toEqual({ lint: true, declared: false });
  });
});

describe('relativePath', () => {
  it('is path.relative, for files inside the folder and for every other pair', () => {
    const pairs: [string, string][] = [
      ['/a/b', '/a/b/c.md'],
      ['/a/b', '/a/b/c/d/e.md'],
      ['/a/b', '/a/bc/d.md'],
      ['/a/b', '/a/b'],
      ['/a/b', '/a'],
      ['/a/b', '/x/y.md'],
      ['/', '/a.md'],
      ['/a/b/', '/a/b/c.md'],
      ['/a/./b', '/a/b/c.md'],
      ['a/b', '/a/b/c.md'],
    ];
    for (const [dir, file] of pairs) expect([dir, file, relativePath(dir, file)]).toEqual([dir, file, path.relative(dir, file)]);
  });
});
