// Longer than ~350 lines: one flow from arguments to exit code, read top to bottom; its parts (files.ts, fix.ts, format.ts, pipeline.ts) already live apart.
// jdlint [options] <files|folders|globs|->: argv -> config -> engine -> formatter. No judgement
// here: that is the engine's.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CONFIG, type Config } from '../engine/config';
import { configFor, type ConfigProblem } from '../node/configFile';
import { lint, lintPosting, unreadableInput, type LintResult } from '../linter';
import { parsePosting } from '../engine/posting';
import { rememberTitleReading, titleReading } from '../engine/title';
import { packPosting, unpackPosting, type PackedPosting } from '../engine/posting/pack';
import { postingByteLimit, readRegularFile } from '../node/readFile';
import { expandPaths } from './files';
import { createSelector } from '../node/select';
import { relativePath } from '../node/relativePath';
import { FORMATTERS, toJson, type JsonReport } from './format';
import { fixText } from './fix';
import { REPOSITORY_URL } from './docsUrl';
import { RULES } from '../linter';

export interface CliIO {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** The user's home folder (default: os.homedir()). */
  home?: string;
  /** Whether stdout takes colour (./colour.ts decides: a terminal, NO_COLOR, FORCE_COLOR, TERM=dumb). */
  isTTY: boolean;
  version: string;
  /** Reads all of standard input (the `-` argument); absent: stdin is not available. */
  readStdin?: () => Promise<Buffer>;
  /** Lints many files in parallel (worker threads); results in task order. */
  parallel?: (tasks: LintTask[]) => Promise<TaskResult[]>;
}

export const USAGE = `Usage: jdlint [options] <files|folders|globs...>
       jdlint [options] - [--stdin-filename <path>] < posting.md

Checks job postings written in Markdown: is the title (data scientist, ML engineer, ...)
the role the duties describe?

Options:
  -f, --format <name>        ${Object.keys(FORMATTERS).join(", ")} (default: stylish)
  -o, --output-file <file>   write the report to this file instead of standard output
  -c, --config <file>        configuration file (JSON, JSONC or YAML); default: the nearest
                             .jdlintrc.json / .jdlintrc.yaml above each posting
      --quiet                report errors only (warnings still count for --max-warnings);
                             with --fix, fix errors only
      --max-warnings <n>     exit 1 when there are more than n warning-severity problems
      --fix                  apply the fixes (retitles, rewordings) to the files; report what remains
      --fix-dry-run          compute the fixes without writing: --format json carries each
                             finding's fix edits and the fixed text ("output")
      --stdin-filename <p>   the path standard input (-) stands for: config, ignores, report
      --print-config <file>  print the configuration that applies to a file, and exit
  -h, --help                 show this help
  -v, --version              show the version

Arguments: files, folders (searched for *.md and *.markdown), globs, and negated globs
('!drafts/**') that leave files out; - reads a posting from standard input.

Exit status: 0 no error-severity problem (and no more warnings than --max-warnings),
1 some error-severity problem or too many warnings, 2 usage error, bad configuration or
unreadable input.`;

function describeProblems(problems: ConfigProblem[], cwd: string): string {
  return problems.map((p) => `${path.relative(cwd, p.file) || p.file}: ${p.message}`).join('\n  ');
}

/** Decodes a file as UTF-8 text; a BOM is dropped (and put back by --fix). Binary content is left for the engine to name. */
function decode(buf: Buffer): { text: string; bom: boolean } {
  const text = buf.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), bom: true } : { text, bom: false };
}

/** How many findings of a severity the reports hold. */
function countOf(reports: JsonReport[], severity: string): number {
  let n = 0;
  for (const r of reports) for (const d of r.diagnostics) if (d.severity === severity) n++;
  return n;
}

/** The configuration that applies, every rule with its severity, as --print-config shows it. */
function printable(config: Config, data: Record<string, unknown>): object {
  return {
    rules: Object.fromEntries(RULES.map((r) => [r.id, config.rules[r.id] ?? r.defaultSeverity])),
    thresholds: config.thresholds,
    sectionWeights: config.sectionWeights,
    maxDocumentSize: config.maxDocumentSize,
    year: config.year,
    ...(Array.isArray(data.files) ? { files: data.files } : {}),
    ...(Array.isArray(data.ignores) ? { ignores: data.ignores } : {}),
  };
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
        'output-file': { type: 'string', short: 'o' },
        quiet: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        'print-config': { type: 'string' },
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
  const usage = (message: string) => {
    io.stderr(`jdlint: ${message}\n`);
    return 2;
  };
  const formatter = Object.hasOwn(FORMATTERS, values.format!) ? FORMATTERS[values.format!] : undefined;
  if (!formatter) return usage(`unknown format "${values.format}" (choose ${Object.keys(FORMATTERS).join(', ')})`);
  let maxWarnings = Infinity;
  if (values['max-warnings'] !== undefined) {
    if (!/^\d{1,9}$/.test(values['max-warnings'].trim())) return usage(`--max-warnings takes a whole number of warnings (0 or more), got "${values['max-warnings']}"`);
    maxWarnings = Number(values['max-warnings']);
  }
  const fixMode = values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : undefined;
  if (values.fix && values['fix-dry-run']) return usage('--fix writes the fixes and --fix-dry-run does not: choose one');
  const stdinCount = positionals.filter((p) => p === '-').length;
  if (stdinCount > 1) return usage('standard input (-) can be read once');
  if (stdinCount > 0 && !io.readStdin) return usage('standard input cannot be read here');
  if (values['stdin-filename'] !== undefined && stdinCount === 0) return usage('--stdin-filename names standard input: add - to read it');
  if (values.fix && stdinCount > 0) return usage('--fix writes files, and standard input is not a file: use --fix-dry-run (--format json carries the fixed text)');
  if (positionals.every((p) => p.startsWith('!')) && values['print-config'] === undefined) {
    io.stderr(`jdlint: no files given\n\n${USAGE}\n`);
    return 2;
  }
  // --config names one file for all postings; otherwise each posting uses the nearest
  // .jdlintrc.json / .jdlintrc.yaml at or above its folder, as the editor does.
  let explicit: { config: Config; data: Record<string, unknown> } | null = null;
  if (values.config) {
    const file = path.resolve(io.cwd, values.config);
    if (!existsSync(file)) return usage(`cannot read config ${values.config}: no such file`);
    const { config, loaded } = configFor(io.cwd, DEFAULT_CONFIG, file);
    if (loaded.problems.length > 0) return usage(`config ${describeProblems(loaded.problems, io.cwd)}`);
    explicit = { config, data: loaded.data };
  }
  // Config files are looked for, and extended, only inside the folder jdlint runs in and the home
  // folder; --config names a file the user chose, read wherever it is.
  const roots = [io.cwd, io.home ?? os.homedir()];
  let badConfig = false;
  const perFolder = new Map<string, Config>();
  const configOf = (file: string): Config => {
    if (explicit) return explicit.config;
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

  if (values['print-config'] !== undefined) {
    const file = path.resolve(io.cwd, values['print-config']);
    if (explicit) io.stdout(JSON.stringify(printable(explicit.config, explicit.data), null, 2) + '\n');
    else {
      const { config, loaded } = configFor(path.dirname(file), DEFAULT_CONFIG, undefined, roots);
      if (loaded.problems.length > 0) io.stderr(`jdlint: config ${describeProblems(loaded.problems, io.cwd)} (those values ignored)\n`);
      io.stdout(JSON.stringify(printable(config, loaded.data), null, 2) + '\n');
      if (loaded.problems.length > 0) return 2;
    }
    return 0;
  }

  // Which files are the team's postings: .gitignore, .jdlintignore, `files` / `ignores` (as the editor reads them).
  const selector = createSelector({ roots: [io.cwd], configRoots: roots, explicitConfig: values.config ? { file: path.resolve(io.cwd, values.config), base: io.cwd } : undefined });
  const { files, problems, skipped, declared } = expandPaths(positionals.filter((p) => p !== '-'), io.cwd, selector);
  for (const p of problems) io.stderr(`jdlint: ${p}\n`);
  for (const s of skipped) io.stderr(`jdlint: ${s}: not checked\n`);
  // Each file's text is asked whether it is a posting, unless the team's `files` named it one.
  const asking = new Map<Config, Config>();
  const taskConfig = (file: string, isDeclared: boolean): Config => {
    const config = configOf(file);
    if (isDeclared) return config;
    let a = asking.get(config);
    if (!a) asking.set(config, (a = { ...config, detectPostings: true }));
    return a;
  };
  const tasks: LintTask[] = files.map((file) => ({ file, display: relativePath(io.cwd, file) || file, config: taskConfig(file, declared.has(file)), fix: fixMode, fixErrorsOnly: values.quiet }));

  const outputFile = values['output-file'];
  /** The report to standard output, or to --output-file (its folder made if need be). */
  const emit = (text: string): boolean => {
    if (outputFile === undefined) {
      if (text !== '') io.stdout(text + '\n');
      return true;
    }
    const target = path.resolve(io.cwd, outputFile);
    try {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, text === '' ? '' : text + '\n');
      return true;
    } catch (err) {
      io.stderr(`jdlint: cannot write ${outputFile}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
      return false;
    }
  };

  const finish = (results: TaskResult[]): number => {
    let unreadable = problems.length > 0;
    const reports: JsonReport[] = [];
    let fixes = 0;
    let fixedFiles = 0;
    for (const r of results) {
      if (r.report) {
        reports.push(r.report);
        if (r.fixes) {
          fixes += r.fixes;
          fixedFiles++;
        }
      } else {
        unreadable = true;
        io.stderr(`jdlint: ${r.error}\n`);
      }
    }
    const errors = countOf(reports, 'error');
    const warnings = countOf(reports, 'warning');
    // --quiet hides what is not an error; the warnings still count for --max-warnings.
    const shown = values.quiet ? reports.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') })) : reports;
    const notes: string[] = [];
    if (fixMode === 'write' && fixes > 0) notes.push(`${fixes} fix(es) applied in ${fixedFiles} file(s); what is listed above remains after them.`);
    if (fixMode === 'dry-run') notes.push(`${fixes} fix(es) in ${fixedFiles} file(s) would be applied by --fix.`);
    const text = formatter(shown, { colour: io.isTTY && outputFile === undefined, version: io.version, root: io.cwd, repository: REPOSITORY_URL, notes, unfiltered: reports });
    if (!emit(text)) return 2;
    const tooMany = warnings > maxWarnings;
    if (tooMany) io.stderr(`jdlint: ${warnings} warning(s), more than --max-warnings ${maxWarnings}\n`);
    if (unreadable || badConfig) return 2;
    return errors > 0 || tooMany ? 1 : 0;
  };
  const run = (): number | Promise<number> => {
    if (io.parallel && tasks.length >= PARALLEL_MIN_FILES) return io.parallel(tasks).then(finish);
    return finish(tasks.map(lintTask));
  };
  if (stdinCount === 0) return run();
  // Standard input first, in the place of its `-` among the arguments' files: a posting piped in
  // by an editor or a hook, named by --stdin-filename for its config and the report.
  const named = values['stdin-filename'];
  const stdinFile = path.resolve(io.cwd, named ?? 'stdin.md');
  return io.readStdin!().then((bytes) => {
    const chosen = selector.select(stdinFile);
    const config = taskConfig(stdinFile, chosen.lint && chosen.declared);
    if (named !== undefined && !chosen.lint) {
      io.stderr(`jdlint: ${named}: ${chosen.reason}: not checked\n`);
      return run();
    }
    const limit = postingByteLimit(config.maxDocumentSize);
    if (bytes.length > limit) {
      io.stderr(`jdlint: cannot read standard input: larger than ${limit} bytes\n`);
      problems.push('standard input');
    } else {
      const { text, bom } = decode(bytes);
      tasks.unshift({ file: stdinFile, display: named === undefined ? '<stdin>' : path.relative(io.cwd, stdinFile) || stdinFile, config, fix: fixMode, fixErrorsOnly: values.quiet, text, bom });
    }
    return run();
  });
}

/** Below this many files, starting worker threads costs more than it saves. */
export const PARALLEL_MIN_FILES = 200;

export interface LintTask {
  file: string;
  display: string;
  config: Config;
  /** --fix (write the fixed file) or --fix-dry-run (report the fixes, write nothing). */
  fix?: 'write' | 'dry-run';
  /** --quiet: fix error-severity findings only. */
  fixErrorsOnly?: boolean;
  /** The text already read (standard input); otherwise `file` is read. */
  text?: string;
  /** Whether that text came with a byte order mark (kept when --fix writes). */
  bom?: boolean;
}

export interface TaskResult {
  report?: JsonReport;
  error?: string;
  /** Fixes applied (--fix) or that would be (--fix-dry-run). */
  fixes?: number;
}

/** Reads one file as text, or says why it cannot be read. */
function readTask(task: LintTask): { text: string; bom: boolean } | { error: string } {
  if (task.text !== undefined) return { text: task.text, bom: task.bom === true };
  const read = readRegularFile(task.file, postingByteLimit(task.config.maxDocumentSize));
  return read.ok ? decode(read.bytes) : { error: `cannot read ${task.display}: ${read.error}` };
}

/** The report of one linted text; with --fix, after the fixes are written, with --fix-dry-run, with them. */
function reportOf(task: LintTask, read: { text: string; bom: boolean }, result: LintResult): TaskResult {
  const report = (r: LintResult) => toJson({ file: task.file, display: task.display, result: r }, task.fix === 'dry-run');
  if (!task.fix) return { report: report(result) };
  const fixed = fixText(read.text, task.config, result, task.fixErrorsOnly === true);
  if (task.fix === 'dry-run') {
    const r = report(result);
    return { report: fixed.output === read.text ? r : { ...r, output: fixed.output }, fixes: fixed.fixes };
  }
  if (fixed.output !== read.text) {
    try {
      writeFileSync(task.file, read.bom ? '\uFEFF' + fixed.output : fixed.output);
    } catch (err) {
      return { error: `cannot write the fixes to ${task.display}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
    }
  }
  return { report: report(fixed.result), fixes: fixed.fixes };
}

/** Reads and lints one file; runs on the main thread or in a worker. */
export function lintTask(task: LintTask): TaskResult {
  const read = readTask(task);
  if ('error' in read) return read;
  return reportOf(task, read, lint(read.text, task.config));
}

/**
 * A file read and parsed, for another thread to lint (finishParsed): the packed posting, or the
 * text when the posting is not parsed (too large, binary), did not pack or is to be fixed, or why
 * it was not read.
 */
export type ParsedTask = { packed: PackedPosting } | { text: string; bom: boolean } | { error: string };

/** The first half of lintTask, the half a parse worker does (see pipeline.ts): the parse and the reading of the title. */
export function parseTask(task: LintTask): ParsedTask {
  const read = readTask(task);
  if ('error' in read || task.fix || unreadableInput(read.text, task.config)) return read;
  const posting = parsePosting(read.text);
  const packed = packPosting(posting);
  if (packed && posting.title) packed.titleReading = titleReading(posting.title.text);
  return packed ? { packed } : read;
}

/** The second half of lintTask: the same result as lintTask(task). */
export function finishParsed(task: LintTask, parsed: ParsedTask): TaskResult {
  if ('error' in parsed) return parsed;
  if ('packed' in parsed) {
    const { packed } = parsed;
    if (packed.titleReading && packed.title) rememberTitleReading(packed.title.text, packed.titleReading);
    return { report: toJson({ file: task.file, display: task.display, result: lintPosting(unpackPosting(packed), task.config) }) };
  }
  return reportOf(task, parsed, lint(parsed.text, task.config));
}
