// jdlint [--format stylish|json|sarif] [--config FILE] <files|folders|globs>
// argv -> config -> engine -> formatter. No judgement here: that is the engine's.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { DEFAULT_CONFIG, type Config } from '../engine/config';
import { configFor, type ConfigProblem } from '../node/configFile';
import { lint, lintPosting, unreadableInput } from '../linter';
import { parsePosting } from '../engine/posting';
import { packPosting, unpackPosting, type PackedPosting } from '../engine/posting/pack';
import { postingByteLimit, readRegularFile } from '../node/readFile';
import { expandPaths } from './files';
import { createSelector } from '../node/select';
import { formatJson, formatSarif, formatStylish, toJson, type JsonReport } from './format';

export interface CliIO {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** The user's home folder (default: os.homedir()). */
  home?: string;
  /** Whether stdout is a terminal (colour). */
  isTTY: boolean;
  /** Folder holding docs/rules, for links in SARIF. */
  packageRoot: string;
  version: string;
  /** Lints many files in parallel (worker threads); results in task order. */
  parallel?: (tasks: LintTask[]) => Promise<TaskResult[]>;
}

export const USAGE = `Usage: jdlint [options] <files|folders|globs...>

Checks job postings written in Markdown: is the title (data scientist, ML engineer, ...)
the role the duties describe?

Options:
  -f, --format <stylish|json|sarif>  output format (default: stylish)
  -c, --config <file>                configuration file (JSON or YAML); default: the nearest
                                     .jdlintrc.json / .jdlintrc.yaml above each posting
  -h, --help                         show this help
  -v, --version                      show the version

Exit status: 0 no error-severity problem, 1 some error-severity problem, 2 usage error or unreadable input.`;

const FORMATS = ['stylish', 'json', 'sarif'] as const;

function describeProblems(problems: ConfigProblem[], cwd: string): string {
  return problems.map((p) => `${path.relative(cwd, p.file) || p.file}: ${p.message}`).join('\n  ');
}

/** Decodes a file as UTF-8 text; a BOM is dropped. Binary content is left for the engine to name. */
function decode(buf: Buffer): string {
  const text = buf.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function runCli(argv: string[], io: CliIO): number | Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'stylish' },
        config: { type: 'string', short: 'c' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    io.stderr(`jdlint: ${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if (values.version) {
    io.stdout(io.version + '\n');
    return 0;
  }
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) {
    io.stderr(`jdlint: unknown format "${values.format}" (choose ${FORMATS.join(', ')})\n`);
    return 2;
  }
  if (positionals.length === 0) {
    io.stderr(`jdlint: no files given\n\n${USAGE}\n`);
    return 2;
  }
  // --config names one file for all postings; otherwise each posting uses the nearest
  // .jdlintrc.json / .jdlintrc.yaml at or above its folder, as the editor does.
  let explicit: Config | null = null;
  if (values.config) {
    const file = path.resolve(io.cwd, values.config);
    if (!existsSync(file)) {
      io.stderr(`jdlint: cannot read config ${values.config}: no such file\n`);
      return 2;
    }
    const { config, loaded } = configFor(io.cwd, DEFAULT_CONFIG, file);
    if (loaded.problems.length > 0) {
      io.stderr(`jdlint: config ${describeProblems(loaded.problems, io.cwd)}\n`);
      return 2;
    }
    explicit = config;
  }
  // Config files are looked for, and extended, only inside the folder jdlint runs in and the home
  // folder; --config names a file the user chose, read wherever it is.
  const roots = [io.cwd, io.home ?? os.homedir()];
  let badConfig = false;
  const perFolder = new Map<string, Config>();
  const configOf = (file: string): Config => {
    if (explicit) return explicit;
    const dir = path.dirname(file);
    let c = perFolder.get(dir);
    if (!c) {
      const { config, loaded } = configFor(dir, DEFAULT_CONFIG, undefined, roots);
      if (loaded.problems.length > 0) {
        badConfig = true;
        io.stderr(`jdlint: config ${describeProblems(loaded.problems, io.cwd)} (those values ignored)\n`);
      }
      perFolder.set(dir, (c = config));
    }
    return c;
  };

  // Which files are the team's postings: .gitignore, .jdlintignore, `files` / `ignores` (as the editor reads them).
  const selector = createSelector({ roots: [io.cwd], configRoots: roots, explicitConfig: values.config ? { file: path.resolve(io.cwd, values.config), base: io.cwd } : undefined });
  const { files, problems, skipped } = expandPaths(positionals, io.cwd, selector);
  for (const p of problems) io.stderr(`jdlint: ${p}\n`);
  for (const s of skipped) io.stderr(`jdlint: ${s}: not checked\n`);
  const tasks: LintTask[] = files.map((file) => ({ file, display: path.relative(io.cwd, file) || file, config: configOf(file) }));

  const finish = (results: TaskResult[]): number => {
    let unreadable = problems.length > 0;
    const reports: JsonReport[] = [];
    for (const r of results) {
      if (r.report) reports.push(r.report);
      else {
        unreadable = true;
        io.stderr(`jdlint: ${r.error}\n`);
      }
    }
    if (format === 'json') io.stdout(formatJson(reports) + '\n');
    else if (format === 'sarif') io.stdout(formatSarif(reports, io.version, pathToFileURL(path.join(io.packageRoot, 'docs/rules')).href) + '\n');
    else io.stdout(formatStylish(reports, io.isTTY) + '\n');
    if (unreadable || badConfig) return 2;
    return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
  };
  if (io.parallel && tasks.length >= PARALLEL_MIN_FILES) return io.parallel(tasks).then(finish);
  return finish(tasks.map(lintTask));
}

/** Below this many files, starting worker threads costs more than it saves. */
export const PARALLEL_MIN_FILES = 200;

export interface LintTask {
  file: string;
  display: string;
  config: Config;
}

export interface TaskResult {
  report?: JsonReport;
  error?: string;
}

/** Reads one file as text, or says why it cannot be read. */
function readTask(task: LintTask): { text: string } | { error: string } {
  const read = readRegularFile(task.file, postingByteLimit(task.config.maxDocumentSize));
  return read.ok ? { text: decode(read.bytes) } : { error: `cannot read ${task.display}: ${read.error}` };
}

/** Reads and lints one file; runs on the main thread or in a worker. */
export function lintTask(task: LintTask): TaskResult {
  const read = readTask(task);
  if ('error' in read) return read;
  return { report: toJson({ file: task.file, display: task.display, result: lint(read.text, task.config) }) };
}

/**
 * A file read and parsed, for another thread to lint (finishParsed): the packed posting, or the
 * text when the posting is not parsed (too large, binary) or did not pack, or why it was not read.
 */
export type ParsedTask = { packed: PackedPosting } | { text: string } | { error: string };

/** The first half of lintTask, the half a parse worker does (see pipeline.ts). */
export function parseTask(task: LintTask): ParsedTask {
  const read = readTask(task);
  if ('error' in read || unreadableInput(read.text, task.config)) return read;
  const packed = packPosting(parsePosting(read.text));
  return packed ? { packed } : read;
}

/** The second half of lintTask: the same result as lintTask(task). */
export function finishParsed(task: LintTask, parsed: ParsedTask): TaskResult {
  if ('error' in parsed) return parsed;
  const result = 'packed' in parsed ? lintPosting(unpackPosting(parsed.packed), task.config) : lint(parsed.text, task.config);
  return { report: toJson({ file: task.file, display: task.display, result }) };
}
