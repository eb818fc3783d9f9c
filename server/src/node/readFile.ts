// Every file JD Lint reads from disk (postings, config files and what they extend) goes through
// here: only regular files, and only up to a size. A symlink to /dev/zero grew a process by
// 110 MB/s forever, a FIFO blocked it for good, and /dev/stdin swallowed the server's LSP stream.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

export type ReadResult = { ok: true; bytes: Buffer } | { ok: false; error: string };

/** What a non-regular file is, for the message. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'a special file';
}

/**
 * Reads a regular file of at most maxBytes. Opened without blocking (a FIFO would otherwise wait
 * for a writer) and checked on the open descriptor, so a file swapped after a check is still
 * caught; a file that grows while read is cut at maxBytes + 1 and refused.
 */
export function readRegularFile(file: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { ok: false, error: (err as NodeJS.ErrnoException).code ?? (err as Error).message };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, error: `${kindOf(st)}, not a regular file: not read` };
    if (st.size > maxBytes) return { ok: false, error: `${st.size.toLocaleString('en-US')} bytes, over the limit of ${maxBytes.toLocaleString('en-US')}: not read` };
    const tooLarge = `over the limit of ${maxBytes.toLocaleString('en-US')} bytes: not read`;
    // One byte past the size fstat gave: a file that grew since is noticed, and read within the limit.
    let buf = Buffer.allocUnsafe(Math.min(maxBytes, st.size) + 1);
    let n = 0;
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) return { ok: true, bytes: buf.subarray(0, n) };
      n += got;
      if (n > maxBytes) return { ok: false, error: tooLarge };
      if (n === buf.length) {
        const more = Buffer.allocUnsafe(Math.min(maxBytes + 1, buf.length * 2));
        buf.copy(more, 0, 0, n);
        buf = more;
      }
    }
  } catch (err) {
    return { ok: false, error: (err as NodeJS.ErrnoException).code ?? (err as Error).message };
  } finally {
    closeSync(fd);
  }
}

/** Config files are small: a team file is a few hundred bytes. */
export const MAX_CONFIG_BYTES = 256 * 1024;

/**
 * A posting file. Larger than maxDocumentSize but under this, it is read and reported as too large
 * to check (document-input); past this, it is not read at all. UTF-8 takes at most 3 bytes per
 * UTF-16 unit, so the limit always covers maxDocumentSize.
 */
export const postingByteLimit = (maxDocumentSize: number) => Math.max(64 * 1024 * 1024, 3 * maxDocumentSize + 4);
