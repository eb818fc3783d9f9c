// Project configuration files (.jdlintrc.json, .jdlintrc.yaml), found from a posting's folder
// upwards, with `extends` for a shared team file. Shared by the CLI and the language server.
// Configuration is data only: nothing from the workspace is ever executed.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { yaml } from '../engine/yaml';
import { resolveConfig, type Config } from '../engine/config';
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

/** The nearest config file at or above dir, or null. */
export function findConfigFile(dir: string): string | null {
  let d = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const f = path.join(d, name);
      if (existsSync(f)) return f;
    }
    const up = path.dirname(d);
    if (up === d) return null;
    d = up;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep merge of configuration data: objects merge key by key, later wins. */
function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    out[k] = isRecord(v) && isRecord(out[k]) ? merge(out[k] as Record<string, unknown>, v) : v;
  }
  return out;
}

function parse(file: string, text: string, problems: ConfigProblem[]): Record<string, unknown> | null {
  if (file.endsWith('.json')) {
    try {
      const data = JSON.parse(text);
      if (!isRecord(data)) {
        problems.push({ file, message: 'the configuration must be a JSON object', range: { start: 0, end: Math.min(text.length, 1) } });
        return null;
      }
      return data;
    } catch (err) {
      const msg = (err as Error).message;
      const at = /position (\d+)/.exec(msg);
      const pos = at ? Math.min(Number(at[1]), text.length) : 0;
      problems.push({ file, message: `not valid JSON: ${msg}`, range: { start: pos, end: Math.min(pos + 1, text.length) } });
      return null;
    }
  }
  const doc = yaml().parseDocument(text);
  if (doc.errors.length > 0) {
    for (const e of doc.errors) problems.push({ file, message: `not valid YAML: ${e.message.split('\n')[0]}`, range: { start: e.pos[0], end: e.pos[1] } });
    return null;
  }
  const data = doc.toJS();
  if (data === null || data === undefined) return {};
  if (!isRecord(data)) {
    problems.push({ file, message: 'the configuration must be a mapping', range: { start: 0, end: Math.min(text.length, 1) } });
    return null;
  }
  return data;
}

function load(file: string, chain: string[], problems: ConfigProblem[], files: string[]): Record<string, unknown> {
  if (chain.includes(file)) {
    problems.push({ file, message: `extends itself through ${[...chain, file].map((f) => path.basename(f)).join(' -> ')}` });
    return {};
  }
  files.push(file);
  const read = readRegularFile(file, MAX_CONFIG_BYTES);
  if (!read.ok) {
    problems.push({ file, message: `cannot read: ${read.error}` });
    return {};
  }
  const text = read.bytes.toString('utf8').replace(/^\uFEFF/, '');
  const data = parse(file, text, problems);
  if (!data) return {};
  const { extends: ext, $schema: _schema, ...own } = data;
  let base: Record<string, unknown> = {};
  const parents = ext === undefined ? [] : Array.isArray(ext) ? ext : [ext];
  for (const p of parents) {
    if (typeof p !== 'string') {
      problems.push({ file, message: '"extends" must be a path or a list of paths' });
      continue;
    }
    base = merge(base, load(path.resolve(path.dirname(file), p), [...chain, file], problems, files));
  }
  return merge(base, own);
}

/** Reads a config file and everything it extends; never throws. */
export function loadConfigFile(file: string): LoadedConfigFile {
  const problems: ConfigProblem[] = [];
  const files: string[] = [];
  const data = load(path.resolve(file), [], problems, files);
  return { file: path.resolve(file), files, data, problems };
}

/**
 * The configuration for a posting: `base` (defaults, or the editor's settings) with the nearest
 * config file merged over it. Problems are reported, and the offending values ignored.
 */
export function configFor(postingDir: string, base: Config, explicitFile?: string): { config: Config; loaded: LoadedConfigFile } {
  const file = explicitFile ?? findConfigFile(postingDir);
  if (!file) return { config: base, loaded: { file: null, files: [], data: {}, problems: [] } };
  const loaded = loadConfigFile(file);
  const { config, problems } = resolveConfig(loaded.data, base);
  for (const p of problems) loaded.problems.push({ file: loaded.file!, message: p });
  return { config, loaded };
}
