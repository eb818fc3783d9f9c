// Builds jdlint-<version>.vsix with @vscode/vsce. Everything the extension needs is bundled into
// dist/, so node_modules stays out (--no-dependencies); .vscodeignore lists what else stays out.
//
// The README is the Marketplace page. Its links to docs/ resolve inside the installed extension
// (the pages ship); its screenshots (docs/images, 200 KB, over the .vsix budget) do not ship. With a
// `repository` in package.json, vsce rewrites every relative link and image to an absolute URL of
// that repository, so the Marketplace shows them; without one, vsce refuses relative images unless
// told to leave links alone, so they stay relative and show wherever the repository is browsed.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { name, version, repository } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const out = `${name}-${version}.vsix`;
const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
const links = repository ? [] : ['--allow-missing-repository', '--no-rewrite-relative-links'];
if (!repository) console.log('package.json has no "repository": README images and links stay relative (not shown on the Marketplace)');
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', ...links, '--out', out], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
});
console.log(`${out}: ${(statSync(path.join(root, out)).size / 1024).toFixed(0)} KB`);
