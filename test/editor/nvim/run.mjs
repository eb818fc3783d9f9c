// Runs test/editor/nvim/check.lua in headless Neovim (Debian's 0.7) against the built language
// server, on a throwaway copy of the mismatched posting.
// Usage: node test/editor/nvim/run.mjs   (after `npm run build` and scripts/install-editors.sh)
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const TIMEOUT_MS = 90_000;

function fail(message) {
  console.log(`[neovim] FAILED: ${message}`);
  process.exit(1);
}

// The package's bin, so the test uses what other editors would be told to run.
const { bin } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const server = path.join(root, bin['jdlint-language-server']);
if (!existsSync(server)) fail(`${path.relative(root, server)} is missing: run \`npm run build\` first`);
if (spawnSync('nvim', ['--version']).status !== 0) fail('nvim not found: run scripts/install-editors.sh first');

const dir = mkdtempSync(path.join(os.tmpdir(), 'jdlint-nvim-'));
const posting = path.join(dir, 'mismatched-ds-title.md');
copyFileSync(path.join(root, 'test/fixtures/editor/mismatched-ds-title.md'), posting);
const original = readFileSync(posting, 'utf8');

const child = spawn('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${path.join(here, 'check.lua')}`, posting], {
  cwd: dir,
  env: { ...process.env, JDLINT_SERVER: server },
  stdio: ['ignore', 'pipe', 'pipe'],
});
child.stdout.pipe(process.stdout);
child.stderr.pipe(process.stdout);
const timer = setTimeout(() => {
  console.log(`[neovim] timed out after ${TIMEOUT_MS / 1000} s`);
  child.kill('SIGKILL');
}, TIMEOUT_MS);
child.on('exit', (code, signal) => {
  clearTimeout(timer);
  // The check never writes the buffer: the fix must live in Neovim, not in a file the server wrote.
  const untouched = readFileSync(posting, 'utf8') === original;
  rmSync(dir, { recursive: true, force: true });
  if (code !== 0) fail(`nvim exited with ${code ?? signal}`);
  if (!untouched) fail('the posting on disk changed; only the buffer should');
  console.log('[neovim] all checks passed');
});
