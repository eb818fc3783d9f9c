// Issue #16 item 2: only regular files are read, and only up to a size; a FIFO, a device or a
// symlink to one is refused at once with a clear reason.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readRegularFile } from '../../server/src/node/readFile';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jdlint-read-'));
  writeFileSync(path.join(dir, 'p.md'), '# Data Scientist\n');
  symlinkSync('/dev/zero', path.join(dir, 'zero.md'));
  execFileSync('mkfifo', [path.join(dir, 'fifo.md')]);
});

const unix = process.platform !== 'win32';

describe('readRegularFile', () => {
  it('reads a regular file', () => {
    const r = readRegularFile(path.join(dir, 'p.md'), 1000);
    expect(r.ok && r.bytes.toString()).toBe('# Data Scientist\n');
  });

  it.runIf(unix)('refuses /dev/zero, a symlink to it, /dev/stdin and a FIFO without waiting', () => {
    for (const f of ['/dev/zero', path.join(dir, 'zero.md'), path.join(dir, 'fifo.md'), '/dev/stdin']) {
      const r = readRegularFile(f, 1000);
      expect(r.ok, f).toBe(false);
      if (!r.ok) expect(r.error, f).toMatch(/not a regular file|ENXIO|ENOENT|EACCES/);
    }
    expect(readRegularFile(path.join(dir, 'fifo.md'), 1000)).toEqual({ ok: false, error: 'a pipe (FIFO), not a regular file: not read' });
    expect(readRegularFile('/dev/zero', 1000)).toEqual({ ok: false, error: 'a device, not a regular file: not read' });
  });

  it('refuses a folder and a file over the limit, and says why', () => {
    expect(readRegularFile(dir, 1000)).toEqual({ ok: false, error: 'a folder, not a regular file: not read' });
    expect(readRegularFile(path.join(dir, 'p.md'), 10)).toEqual({ ok: false, error: '17 bytes, over the limit of 10: not read' });
    expect(readRegularFile(path.join(dir, 'missing.md'), 10)).toEqual({ ok: false, error: 'ENOENT' });
  });
});
