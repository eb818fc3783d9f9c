// jdlint [--format stylish|json|sarif] [--config FILE] <files|folders|globs>
// argv -> config -> engine -> formatter. No judgement here: that is the engine's.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { DEFAULT_CONFIG, resolveConfig, type Config } from '../engine/config';
import { lint } from '../engine/lint';
import { expandPaths } from './files';
import { formatJson, formatSarif, formatStylish, type FileReport } from './format';

export interface CliIO {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Whether stdout is a terminal (colour). */
  isTTY: boolean;
  /** Folder holding docs/rules, for links in SARIF. */
  packageRoot: string;
  version: string;
}

export const USAGE = `Usage: jdlint [options] <files|folders|globs...>

Checks job postings written in Markdown: is the title (data scientist, ML engineer, ...)
the role the duties describe?

Options:
  -f, --format <stylish|json|sarif>  output format (default: stylish)
  -c, --config <file>                JSON configuration: {"rules": {"<id>": "off|hint|info|warning|error"}, "thresholds": {...}}
  -h, --help                         show this help
  -v, --version                      show the version

Exit status: 0 no error-severity problem, 1 some error-severity problem, 2 usage error or unreadable input.`;

const FORMATS = ['stylish', 'json', 'sarif'] as const;

function readConfig(file: string, io: CliIO): Config | string {
  let raw: string;
  try {
    raw = readFileSync(path.resolve(io.cwd, file), 'utf8');
  } catch (err) {
    return `cannot read config ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (err) {
    return `config ${file} is not valid JSON: ${(err as Error).message}`;
  }
  const { config, problems } = resolveConfig(data, DEFAULT_CONFIG);
  if (problems.length > 0) return `config ${file}: ${problems.join('; ')}`;
  return config;
}

/** Decodes a file as UTF-8 text; a BOM is dropped. Binary content is left for the engine to name. */
function decode(buf: Buffer): string {
  const text = buf.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function runCli(argv: string[], io: CliIO): number {
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
  let config = DEFAULT_CONFIG;
  if (values.config) {
    const c = readConfig(values.config, io);
    if (typeof c === 'string') {
      io.stderr(`jdlint: ${c}\n`);
      return 2;
    }
    config = c;
  }

  const { files, problems } = expandPaths(positionals, io.cwd);
  let unreadable = problems.length > 0;
  for (const p of problems) io.stderr(`jdlint: ${p}\n`);
  const reports: FileReport[] = [];
  for (const file of files) {
    let buf: Buffer;
    try {
      buf = readFileSync(file);
    } catch (err) {
      unreadable = true;
      io.stderr(`jdlint: cannot read ${path.relative(io.cwd, file) || file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
      continue;
    }
    reports.push({ file, display: path.relative(io.cwd, file) || file, result: lint(decode(buf), config) });
  }

  if (format === 'json') io.stdout(formatJson(reports) + '\n');
  else if (format === 'sarif') io.stdout(formatSarif(reports, io.version, pathToFileURL(path.join(io.packageRoot, 'docs/rules')).href) + '\n');
  else io.stdout(formatStylish(reports, io.isTTY) + '\n');

  if (unreadable) return 2;
  return reports.some((r) => r.result.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
