// Builds jdlint-<version>.vsix with @vscode/vsce. Everything the extension needs is bundled into
// dist/, so node_modules stays out (--no-dependencies); .vscodeignore lists what else stays out.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { name, version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const out = `${name}-${version}.vsix`;
const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
});
console.log(`${out}: ${(statSync(path.join(root, out)).size / 1024).toFixed(0)} KB`);
