// Longer than ~350 lines: finding, reading, extending and checking config files is one chain whose limits (depth, count, size, workspace) are read together.
// Project configuration files (.jdlintrc.json, which may hold comments and trailing commas, and
// .jdlintrc.yaml), found from a posting's folder upwards, with `extends` for a shared team file or
// npm package. Each file is checked against the one JSON schema (configSchema.ts). Shared by the
// CLI and the language server. Configuration is data only: nothing from the workspace is ever executed.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
// (the ESM build: the package's main is a UMD file whose require()s esbuild cannot follow)
import { yaml } from '../engine/yaml';
import { checkAgainstSchema } from './configSchema';
import { resolveConfig, shown, type Config } from '../engine/config';
import { RULE_IDS } from '../linter';
import { MAX_CONFIG_BYTES, readRegularFile } from './readFile';


export const CONFIG_FILE_NAMES = ['.jdlintrc.json', '.jdlintrc.yaml', '.jdlintrc.yml'];

export interface ConfigProblem {
  file: string;
  message: string;
  /** Offset range in the file, when known. */
  range?: { start: number; end: number };
}

export interface LoadedConfigFile {
  /** The file found, or null when there is none. */
  file: string | null;
  /** Files read, the found one and everything it extends. */
  files: string[];
  data: Record<string, unknown>;
  problems: ConfigProblem[];
}

/** The real path of a file (symlinks followed) when it exists, else the path resolved. */
function real(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return path.resolve(file);
  }
}

/**
 * How config files are reached: the disk (CLI, Node.js server), or the editor's file system for
 * the language server in a browser (server/src/lsp/clientFiles.ts), with paths of the URIs.
 */
export interface ConfigFs {
  exists(file: string): boolean;
  /** The path with symlinks followed (the path resolved when it does not exist). */
  real(file: string): string;
  read(file: string, maxBytes: number): { ok: true; text: string } | { ok: false; error: string };
}

export const DISK: ConfigFs = {
  exists: existsSync,
  real,
  read(file, maxBytes) {
    const read = readRegularFile(file, maxBytes);
    return read.ok ? { ok: true, text: read.bytes.toString('utf8') } : read;
  },
};

/** Whether a file (symlinks followed) is inside one of the folders. */
export function insideRoots(file: string, roots: readonly string[], fs: ConfigFs = DISK): boolean {
  const f = fs.real(file);
  return roots.some((root) => {
    const rel = path.relative(fs.real(root), f);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  });
}

/**
 * The nearest config file at or above dir, or null. With `roots` (the workspace folders and the
 * home folder), the search stays inside them: a posting outside them has no config file, and none
 * is read from above them (the search used to walk up to /).
 */
export function findConfigFile(dir: string, roots?: readonly string[], fs: ConfigFs = DISK): string | null {
  let d = path.resolve(dir);
  for (;;) {
    if (roots && !insideRoots(d, roots, fs)) return null;
    for (const name of CONFIG_FILE_NAMES) {
      const f = path.join(d, name);
      if (fs.exists(f)) return f;
    }
    const up = path.dirname(d);
    if (up === d) return null;
    d = up;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** How far `extends` may chain, and how many files one configuration may read. */
export const MAX_EXTENDS_DEPTH = 16;
export const MAX_CONFIG_FILES = 64;
/** Aliases a YAML config may expand: a team file uses none; an alias bomb uses thousands. */
const MAX_YAML_ALIASES = 100;

/** Keys that would reach an object's prototype when merged. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Deep merge of configuration data: objects merge key by key, later wins. */
function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (FORBIDDEN_KEYS.has(k)) continue;
    out[k] = isRecord(v) && isRecord(out[k]) ? merge(out[k] as Record<string, unknown>, v) : v;
  }
  return out;
}

/** Drops (and reports) keys such as "__proto__" at any depth of parsed data. */
function dropForbiddenKeys(file: string, data: Record<string, unknown>, problems: ConfigProblem[], depth = 0): void {
  for (const k of Object.keys(data)) {
    if (FORBIDDEN_KEYS.has(k)) {
      problems.push({ file, message: `the key "${k}" is not allowed in a configuration` });
      delete data[k];
    } else if (isRecord(data[k]) && depth < 8) dropForbiddenKeys(file, data[k] as Record<string, unknown>, problems, depth + 1);
  }
}

/** Line and column (1-based) of an offset, for messages that must not quote the file. */
function where(text: string, pos: number): string {
  let line = 1;
  let col = 1;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      col = 1;
    } else col++;
  }
  return `line ${line}, column ${col}`;
}

/** Where a key or value of the file is (JSON path), for problems that point at it. */
type Locate = (at: (string | number)[], key: boolean) => { start: number; end: number } | undefined;

interface Parsed {
  data: Record<string, unknown>;
  locate: Locate;
}

/** JSON with comments and trailing commas (as VS Code's own settings); errors by place, never by content. */
function parseJson(file: string, text: string, problems: ConfigProblem[]): { data: unknown; locate: Locate } | null {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !tree) {
    const e = errors[0];
    const pos = e ? Math.min(e.offset, text.length) : 0;
    problems.push({
      file,
      message: `not valid JSON at ${where(text, pos)}${e ? ` (${printParseErrorCode(e.error)})` : ''}`,
      range: { start: pos, end: Math.min(pos + Math.max(e?.length ?? 1, 1), text.length) },
    });
    return null;
  }
  const locate: Locate = (at, key) => {
    const node = findNodeAtLocation(tree, at);
    const target: JsonNode | undefined = key ? node?.parent?.children?.[0] : node;
    return target ? { start: target.offset, end: target.offset + target.length } : undefined;
  };
  return { data: getNodeValue(tree), locate };
}

function parse(file: string, text: string, problems: ConfigProblem[]): Parsed | null {
  let data: unknown;
  let locate: Locate;
  if (file.endsWith('.json')) {
    const json = parseJson(file, text, problems);
    if (!json) return null;
    ({ data, locate } = json);
  } else {
    // Duplicate keys are checked below: the yaml library's own check is quadratic (40,000 keys: 8 s).
    const doc = yaml().parseDocument(text, { uniqueKeys: false, logLevel: 'silent', prettyErrors: false });
    if (doc.errors.length > 0) {
      for (const e of doc.errors.slice(0, 5)) problems.push({ file, message: `not valid YAML at ${where(text, e.pos[0])} (${e.code})`, range: { start: e.pos[0], end: e.pos[1] } });
      return null;
    }
    const { isMap, isScalar } = yaml();
    if (isMap(doc.contents)) {
      const seen = new Set<unknown>();
      for (const pair of doc.contents.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key) && isScalar(pair.key)) {
          const r = pair.key.range;
          problems.push({ file, message: `a key appears twice${r ? ` (at ${where(text, r[0])})` : ''}`, range: r ? { start: r[0], end: r[1] } : undefined });
          return null;
        }
        seen.add(key);
      }
    }
    try {
      data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    } catch {
      problems.push({ file, message: `YAML aliases expand too far (over ${MAX_YAML_ALIASES}): not read`, range: { start: 0, end: Math.min(text.length, 1) } });
      return null;
    }
    if (data === null || data === undefined) return { data: {}, locate: () => undefined };
    locate = (at, key) => {
      const parent = at.length > 1 ? doc.getIn(at.slice(0, -1), true) : doc.contents;
      if (!isMap(parent)) return undefined;
      const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(at[at.length - 1]));
      const node = key ? pair?.key : pair?.value;
      const r = node && typeof node === 'object' && 'range' in node ? (node.range as [number, number, number] | undefined) : undefined;
      return r ? { start: r[0], end: r[1] } : undefined;
    };
  }
  if (!isRecord(data)) {
    problems.push({ file, message: `the configuration must be ${file.endsWith('.json') ? 'a JSON object' : 'a mapping'}`, range: { start: 0, end: Math.min(text.length, 1) } });
    return null;
  }
  dropForbiddenKeys(file, data, problems);
  return { data, locate };
}

/** File extensions a config package's main file may have: data, never code. */
const DATA_FILE = /\.(json|jsonc|ya?ml)$/i;
/** An npm package name, scoped or not, with an optional path inside the package. */
const PACKAGE_NAME = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(\/[^\\]+)?$/i;

/**
 * What an `extends` entry names: a path relative to the extending file (starting with . or /, or
 * a file that is there, or a name ending in .json/.yaml), else an npm package, found as Node.js
 * finds one (node_modules folders from the extending file's folder up) through the same file
 * access as config files (so in the browser, through the editor): its package.json `main`, which
 * must be a JSON or YAML file, or a path inside the package ("@team/jdlint-config/strict.yaml").
 * Packages are never `require`d: their code never runs.
 */
function extendsTarget(entry: string, dir: string, fs: ConfigFs): { file: string } | { problem: string } {
  const shownName = (n: string) => (n.length <= 60 ? `"${n}"` : 'a package');
  const local = path.resolve(dir, entry);
  if (entry.startsWith('.') || path.isAbsolute(entry) || (!entry.startsWith('@') && (DATA_FILE.test(entry) || fs.exists(local)))) return { file: local };
  if (!PACKAGE_NAME.test(entry)) return { file: local };
  const parts = entry.split('/');
  const name = parts.slice(0, entry.startsWith('@') ? 2 : 1).join('/');
  const inner = parts.slice(entry.startsWith('@') ? 2 : 1).join('/');
  for (let d = dir; ; d = path.dirname(d)) {
    const pkgDir = path.join(d, 'node_modules', name);
    const manifest = path.join(pkgDir, 'package.json');
    if (fs.exists(manifest)) {
      let main = inner;
      if (!main) {
        const read = fs.read(manifest, MAX_CONFIG_BYTES);
        let parsed: unknown = null;
        try {
          parsed = read.ok ? JSON.parse(read.text) : null;
        } catch {
          parsed = null;
        }
        const m = isRecord(parsed) && typeof parsed.main === 'string' ? parsed.main : null;
        if (!m) return { problem: `"extends": the package ${shownName(name)} names no main file (package.json "main", a JSON or YAML file)` };
        main = m;
      }
      if (!DATA_FILE.test(main)) return { problem: `"extends": the package ${shownName(name)} gives ${shown(path.basename(main))}, not a JSON or YAML file: not read (a configuration is data and is never run)` };
      return { file: path.resolve(pkgDir, main) };
    }
    if (path.dirname(d) === d) break;
  }
  return { problem: `"extends": no package ${shownName(name)} in node_modules from the config file's folder up (npm install it, or give a path starting with ./)` };
}

interface LoadState {
  fs: ConfigFs;
  /** Folders every file read must be inside (undefined: a file the user named, read anywhere). */
  roots?: readonly string[];
  problems: ConfigProblem[];
  files: string[];
  /** Files already read in this configuration: a diamond of extends reads each once, not 2^n times. */
  done: Map<string, Record<string, unknown>>;
}

function load(file: string, chain: string[], state: LoadState): Record<string, unknown> {
  const { problems, files } = state;
  if (chain.includes(file)) {
    problems.push({ file, message: `extends itself through ${[...chain, file].map((f) => path.basename(f)).join(' -> ')}` });
    return {};
  }
  const done = state.done.get(file);
  if (done) return done;
  if (chain.length >= MAX_EXTENDS_DEPTH) {
    problems.push({ file: chain[chain.length - 1], message: `"extends" goes deeper than ${MAX_EXTENDS_DEPTH} files: the rest is not read` });
    return {};
  }
  if (state.roots && !insideRoots(file, state.roots, state.fs)) {
    problems.push({ file: chain[chain.length - 1] ?? file, message: '"extends" names a file outside the workspace and the home folder: not read' });
    return {};
  }
  if (files.length >= MAX_CONFIG_FILES) {
    problems.push({ file: chain[chain.length - 1] ?? file, message: `"extends" reaches more than ${MAX_CONFIG_FILES} files: the rest is not read` });
    return {};
  }
  const read = state.fs.read(file, MAX_CONFIG_BYTES);
  if (!read.ok) {
    // On the file that extends it: a diagnostic is never published for /dev/zero or a missing file.
    const from = chain[chain.length - 1];
    problems.push(from ? { file: from, message: `cannot read ${path.basename(file)} (extended): ${read.error}` } : { file, message: `cannot read: ${read.error}` });
    if (!from) files.push(file);
    return {};
  }
  files.push(file);
  const text = read.text.replace(/^\uFEFF/, '');
  const parsed = parse(file, text, problems);
  if (!parsed) return {};
  const { data, locate } = parsed;
  for (const p of checkAgainstSchema(data, RULE_IDS)) problems.push({ file, message: p.message, range: p.path.length > 0 ? locate(p.path, p.key) : undefined });
  const { extends: ext, $schema: _schema, ...own } = data;
  let base: Record<string, unknown> = {};
  const parents = ext === undefined ? [] : Array.isArray(ext) ? ext : [ext];
  for (const p of parents) {
    if (typeof p !== 'string') {
      problems.push({ file, message: '"extends" must be a path, an npm package or a list of them', range: locate(['extends'], false) });
      continue;
    }
    const target = extendsTarget(p, path.dirname(file), state.fs);
    if ('problem' in target) {
      problems.push({ file, message: target.problem, range: locate(['extends'], false) });
      continue;
    }
    base = merge(base, load(target.file, [...chain, file], state));
  }
  const merged = merge(base, own);
  state.done.set(file, merged);
  return merged;
}

/** Reads a config file and everything it extends; never throws. */
export function loadConfigFile(file: string, roots?: readonly string[], fs: ConfigFs = DISK): LoadedConfigFile {
  const state: LoadState = { fs, roots, problems: [], files: [], done: new Map() };
  let data: Record<string, unknown> = {};
  try {
    data = load(path.resolve(file), [], state);
  } catch (err) {
    // Nothing above should throw; if it does, the configuration is reported, not the process.
    state.problems.push({ file: path.resolve(file), message: `could not be read (${err instanceof Error ? err.name : 'error'})` });
  }
  return { file: path.resolve(file), files: state.files, data, problems: state.problems };
}

/**
 * The configuration for a posting: `base` (defaults, or the editor's settings) with the nearest
 * config file merged over it. Problems are reported, and the offending values ignored. A file the
 * user names (explicitFile, from the command line) is read wherever it is, with what it extends;
 * otherwise every file found or extended must be inside `roots` when given.
 */
export function configFor(
  postingDir: string,
  base: Config,
  explicitFile?: string,
  roots?: readonly string[],
  fs: ConfigFs = DISK,
): { config: Config; loaded: LoadedConfigFile } {
  const file = explicitFile ?? findConfigFile(postingDir, roots, fs);
  if (!file) return { config: base, loaded: { file: null, files: [], data: {}, problems: [] } };
  const loaded = loadConfigFile(file, explicitFile ? undefined : roots, fs);
  const { config, problems } = resolveConfig(loaded.data, base, RULE_IDS);
  // The schema has said most of these already, on the file and place they come from.
  const said = new Set(loaded.problems.map((p) => p.message));
  for (const p of problems) if (!said.has(p)) loaded.problems.push({ file: loaded.file!, message: p });
  return { config, loaded };
}
