// Builds jdlint-<version>.vsix with @vscode/vsce. Everything the extension needs is bundled into
// dist/, so node_modules stays out (--no-dependencies); .vscodeignore lists what ships.
//
// package.json's `files` is what the npm package ships (the CLI, the language server, the API);
// vsce refuses a folder that has both `files` and a .vscodeignore, so the .vsix is made in a
// staging folder: vsce lists the files by .vscodeignore (for a manifest without `files`), they are
// copied there with that manifest, and vsce packs the copy.
//
// The README is the Marketplace page. vsce rewrites its relative links and images to absolute URLs
// of package.json's `repository` (docs/images, 200 KB of screenshots, stay out of the .vsix).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { listFiles } = require('@vscode/vsce');

const { files: _npmFiles, ...manifest } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
// --out FILE: where to write it (default: jdlint-<version>.vsix in the repository).
const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : path.join(root, `${manifest.name}-${manifest.version}.vsix`);
// A folder of its own, so two packagings at once (a test and npm start) do not meet.
mkdirSync(path.join(root, '.cache'), { recursive: true });
const stage = mkdtempSync(path.join(root, '.cache/vsix-'));

const list = await listFiles({ cwd: root, manifest, packageManager: 'none', ignoreFile: path.join(root, '.vscodeignore') });
for (const file of list) {
  if (file === 'package.json') continue;
  mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
  copyFileSync(path.join(root, file), path.join(stage, file));
}
writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
try {
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], {
    cwd: stage,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
} finally {
  rmSync(stage, { recursive: true, force: true });
}
console.log(`${path.relative(root, out)}: ${(statSync(out).size / 1024).toFixed(0)} KB`);
