// Runs a bundle from V8's code cache. Most of a language server's cold start is V8 compiling its
// code: the bundle itself, then each function the first lint calls. The compiled code is kept on
// disk after the first start (Node 22 does the same with module.enableCompileCache; this project
// runs on Node 20 and on VS Code's Electron), so later starts skip that work.
//
// The cache file is named by a hash of the bundle, the runtime and its V8 flags, so a cache never
// meets code or a V8 it was not made for; V8 also checks it and rejects a mismatch, and then the
// bundle is compiled as usual and the cache written anew. Any failure to read or write the cache
// only costs the time it would have saved.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
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

/** Runs `file` (a CommonJS bundle) as a module, from and into the code cache in `dir`. */
export function runWithCodeCache(file: string, dir: string | null = codeCacheDir()): void {
  let run: (() => void) | null = null;
  try {
    run = prepare(file, dir);
  } catch {
    run = null;
  }
  // Without a cache (or if preparing it failed) the bundle is loaded the ordinary way.
  if (run) run();
  else require(file);
}

function prepare(file: string, dir: string | null): (() => void) | null {
  if (!dir) return null;
  const source = readFileSync(file, 'utf8');
  const name = path.basename(file, '.js');
  const key = createHash('sha256')
    .update(source)
    .update(`\0${process.version}\0${process.arch}\0${process.versions.v8}\0${process.execArgv.join(' ')}`)
    .digest('hex')
    .slice(0, 24);
  const cacheFile = path.join(dir, `${name}-${key}.v8cache`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const used = cachedData !== undefined && !script.cachedDataRejected;
  if (!used) {
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
