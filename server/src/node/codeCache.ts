// Runs a bundle from V8's code cache. Most of a language server's cold start is V8 compiling its
// code: the bundle itself, then each function the first lint calls. The compiled code is kept on
// disk after the first start (Node 22 does the same with module.enableCompileCache; this project
// runs on Node 20 and on VS Code's Electron), so later starts skip that work.
//
// The cache file is named by a hash of the bundle, the runtime and its V8 flags, so a cache never
// meets code or a V8 it was not made for; V8 also checks it and rejects a mismatch, and then the
// bundle is compiled as usual and the cache written anew. Any failure to read or write the cache
// only costs the time it would have saved.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

/** Where compiled code is kept: JDLINT_CACHE_DIR, else the user's cache folder; null when turned off (JDLINT_CODE_CACHE=0). */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.JDLINT_CODE_CACHE === '0') return null;
  if (env.JDLINT_CACHE_DIR) return env.JDLINT_CACHE_DIR;
  if (process.platform === 'win32') return env.LOCALAPPDATA ? path.join(env.LOCALAPPDATA, 'jdlint', 'Cache') : null;
  const home = os.homedir();
  const base = env.XDG_CACHE_HOME || (home ? path.join(home, '.cache') : null);
  return base ? path.join(base, 'jdlint') : null;
}

/** After this long the cache is written even if the process has not exited (an editor may kill it). */
const WRITE_AFTER_MS = 10_000;

/**
 * Runs `file` (a CommonJS bundle) as a module, from and into the code cache in `dir`. `bundleHash`
 * is a hash of the file taken when it was built (hashed here when not given). With `write` false
 * (a worker thread of a process that writes it) the cache is only read.
 */
export function runWithCodeCache(file: string, bundleHash?: string, dir: string | null = codeCacheDir(), write = true): void {
  let run: (() => void) | null = null;
  try {
    run = prepare(file, bundleHash, dir, write);
  } catch {
    run = null;
  }
  // Without a cache (or if preparing it failed) the bundle is loaded the ordinary way.
  if (run) run();
  else require(file);
}

function prepare(file: string, bundleHash: string | undefined, dir: string | null, writeIfMissing: boolean): (() => void) | null {
  if (!dir) return null;
  const source = readFileSync(file, 'utf8');
  const name = path.basename(file, '.js');
  // The build's hash of the bundle (its size and time too, should the file have been edited since),
  // or a hash of it now; then the runtime and its V8 flags.
  const { size, mtimeMs } = statSync(file);
  const code = bundleHash ? `${bundleHash}-${size}-${Math.round(mtimeMs)}` : sha256(source);
  const runtime = `${process.version}\0${process.arch}\0${process.versions.v8}\0${process.execArgv.join(' ')}`;
  const cacheFile = path.join(dir, `${name}-${code}-${fnv1a(runtime)}.v8cache`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const used = cachedData !== undefined && !script.cachedDataRejected;
  if (!used && writeIfMissing) {
    let written = false;
    // Written once the first lint has compiled what it needs: at exit, or after a while.
    const write = () => {
      if (written) return;
      written = true;
      writeCache(dir, name, cacheFile, script.createCachedData());
    };
    process.once('exit', write);
    setTimeout(write, WRITE_AFTER_MS).unref();
  }
  const compiled = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  return () => {
    const mod = new Module(file);
    mod.filename = file;
    compiled.call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
  };
}

/** SHA-256 of the source (24 hex digits); node:crypto is loaded only then, as it costs a start ~6 ms. */
function sha256(source: string): string {
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(source).digest('hex').slice(0, 24);
}

/** FNV-1a hash of a short string, as 8 hex digits. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

function writeCache(dir: string, name: string, cacheFile: string, data: Buffer): void {
  try {
    mkdirSync(dir, { recursive: true });
    // Write then rename: a reader never sees half a file.
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, cacheFile);
    // Caches of earlier builds of this bundle are of no more use.
    for (const f of readdirSync(dir)) {
      if (f.startsWith(`${name}-`) && f.endsWith('.v8cache') && path.join(dir, f) !== cacheFile) unlinkSync(path.join(dir, f));
    }
  } catch {
    // A read-only or full disk: the next start compiles as usual.
  }
}
