// Shared plumbing for the editor tests that drive code-server (a real VS Code workbench served over
// HTTP) with Debian's Chromium through playwright-core. ../shared/EDITOR-TESTING.md records why this
// route: @vscode/test-electron cannot download VS Code on this machine.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const codeServerBin = path.join(root, '.cache/code-server/node_modules/.bin/code-server');
export const chromiumPath = process.env.JDLINT_CHROMIUM ?? '/usr/bin/chromium';
export const screenshotDir = path.join(root, 'test-results/screenshots');
export const fixtureDir = path.join(root, 'test/fixtures/editor');

export function log(tag, message) {
  process.stdout.write(`[${tag}] ${message}\n`);
}

export function assertPrerequisites() {
  const missing = [];
  if (!existsSync(codeServerBin)) missing.push(`code-server (${path.relative(root, codeServerBin)})`);
  if (!existsSync(chromiumPath)) missing.push(`Chromium (${chromiumPath})`);
  if (missing.length) {
    throw new Error(`missing ${missing.join(' and ')}: run scripts/install-editors.sh first`);
  }
}

export function tempDir(prefix) {
  return mkdtempSync(path.join(os.tmpdir(), `jdlint-${prefix}-`));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs code-server's CLI for one-off commands such as --install-extension. */
export function codeServerCli(args, { configFile, userDataDir, extensionsDir }) {
  const result = spawnSync(
    codeServerBin,
    ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, ...args],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0) {
    throw new Error(`code-server ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/**
 * Prepares a throwaway profile (settings, config, extensions dir) so runs never touch the home
 * folder and never see extensions or state from an earlier run.
 */
export function makeProfile(base) {
  const userDataDir = path.join(base, 'user-data');
  const extensionsDir = path.join(base, 'extensions');
  const configFile = path.join(base, 'config.yaml');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  writeFileSync(
    path.join(userDataDir, 'User/settings.json'),
    JSON.stringify(
      {
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'update.mode': 'none',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'telemetry.telemetryLevel': 'off',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'chat.commandCenter.enabled': false,
        'editor.hover.delay': 300,
      },
      null,
      2,
    ),
  );
  return { userDataDir, extensionsDir, configFile };
}

/** Starts code-server detached (own process group) and waits until /healthz answers. */
export async function startCodeServer({ profile, folder, tag }) {
  const port = await freePort();
  const child = spawn(
    codeServerBin,
    [
      '--config', profile.configFile,
      '--user-data-dir', profile.userDataDir,
      '--extensions-dir', profile.extensionsDir,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      folder,
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output = [];
  const keep = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 400) output.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}):\n${output.join('')}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within 60 s:\n${output.join('')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  log(tag, `code-server listening on ${url} (pid ${child.pid})`);

  return {
    url,
    port,
    output: () => output.join(''),
    // Killing the group also ends the extension host and the language server it started.
    stop() {
      if (exited) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}

export async function launchChromium(base) {
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(path.join(base, 'chromium'), {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export function cleanup(dir) {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // a language server may still hold a file for a moment; the OS temp folder is cleared anyway
  }
}
