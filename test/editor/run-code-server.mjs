// Runs the extension-host test module (test/editor/suite) inside code-server, the way
// @vscode/test-electron's runTests would in desktop VS Code: the workbench URL carries
// extensionDevelopmentPath and extensionTestsPath, the extension host calls the module's run(),
// and the page reports the result through window.codeAutomationExit(code).
//
// Usage: node test/editor/run-code-server.mjs [--extension <folder>]
//   (after `npm run build` and scripts/install-editors.sh). --extension loads another extension
//   folder instead of this repo, which is how the harness itself can be checked against a stand-in.
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import {
  assertPrerequisites,
  cleanup,
  fixtureDir,
  launchChromium,
  log,
  makeProfile,
  root,
  startCodeServer,
  tempDir,
} from './harness.mjs';
import { bundleSuite } from './bundle-suite.mjs';

const TAG = 'extension-host';
const TIMEOUT_MS = Number(process.env.JDLINT_EDITOR_TIMEOUT_MS ?? 180_000);

function extensionPath() {
  const i = process.argv.indexOf('--extension');
  return i > 0 ? path.resolve(process.argv[i + 1]) : root;
}

async function main() {
  assertPrerequisites();
  const extension = extensionPath();
  if (extension === root) {
    for (const f of ['dist/client.js', 'dist/server.js', 'dist/server-main.js']) {
      if (!existsSync(path.join(root, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
    }
  }
  const testsPath = await bundleSuite();

  const base = tempDir('exthost');
  const folder = path.join(base, 'workspace');
  // A copy, so edits the tests make can never reach the fixtures in the repo.
  cpSync(fixtureDir, folder, { recursive: true });
  const profile = makeProfile(base);
  let server;
  let context;
  try {
    server = await startCodeServer({ profile, folder, tag: TAG });
    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(extension)],
      ['extensionTestsPath', remote(testsPath)],
    ]);
    const url = `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`;

    context = await launchChromium(base);
    const page = context.pages()[0] ?? (await context.newPage());
    const noise = [];
    let settle;
    const exitCode = new Promise((resolve) => {
      settle = resolve;
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle(Number(code)));
    page.on('console', (msg) => {
      const text = msg.text();
      // The suite prefixes its own lines; the workbench's chatter is kept for a failure report.
      if (text.includes('[jdlint-test]')) process.stdout.write(`${text.replace(/^.*?\[jdlint-test\] ?/s, '  ')}\n`);
      else {
        noise.push(`${msg.type()}: ${text}`);
        if (noise.length > 200) noise.shift();
      }
    });
    page.on('pageerror', (err) => noise.push(`pageerror: ${err.message}`));

    log(TAG, `loading the suite ${path.relative(root, testsPath)} with the extension at ${extension}`);
    await page.goto(url);
    const timer = new Promise((resolve) => setTimeout(() => resolve('timeout'), TIMEOUT_MS).unref());
    const code = await Promise.race([exitCode, timer]);
    if (code === 'timeout') {
      process.stdout.write(noise.slice(-80).join('\n') + '\n');
      throw new Error(`run() did not settle within ${TIMEOUT_MS / 1000} s`);
    }
    if (code !== 0) {
      process.stdout.write('--- last workbench console lines ---\n' + noise.slice(-40).join('\n') + '\n');
      process.stdout.write('--- code-server output ---\n' + server.output().slice(-4000) + '\n');
    }
    log(TAG, code === 0 ? 'run() resolved: all tests passed' : `run() failed with exit code ${code}`);
    return code;
  } finally {
    await context?.close().catch(() => {});
    server?.stop();
    cleanup(base);
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    log(TAG, `FAILED: ${err.stack ?? err}`);
    process.exit(1);
  },
);
