// The jdlint command (dist/cli.js).
import path from 'node:path';
import { version } from '../../../package.json';
import { runCli } from './run';

const code = runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  packageRoot: path.resolve(__dirname, '..'),
  version,
});
process.exitCode = code;
