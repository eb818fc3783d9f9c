// Runs the same extension-host test module as test/editor/run-code-server.mjs, but in desktop
// VS Code through @vscode/test-electron, which downloads VS Code into .vscode-test/ on first use.
// That download needs access to update.code.visualstudio.com, so this runner is for developer
// machines and CI with internet; `npm test` uses the code-server runner, which needs only npm and
// Debian packages. On Linux without a display, wrap it in xvfb-run.
//
// Usage: npm run build && node test/editor/run-test-electron.mjs [--vscode-version 1.100.3]
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { bundleSuite } from './bundle-suite.mjs';
import { fixtureDir, root } from './harness.mjs';

const i = process.argv.indexOf('--vscode-version');
// The oldest VS Code the manifest's engines.vscode accepts is the honest default to test against.
const version = i > 0 ? process.argv[i + 1] : '1.91.0';

const base = mkdtempSync(path.join(os.tmpdir(), 'jdlint-electron-'));
const folder = path.join(base, 'workspace');
cpSync(fixtureDir, folder, { recursive: true });

try {
  const extensionTestsPath = await bundleSuite();
  await runTests({
    version,
    extensionDevelopmentPath: root,
    extensionTestsPath,
    launchArgs: [
      folder,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${path.join(base, 'user-data')}`,
    ],
  });
  console.log('[extension-host] all tests passed in desktop VS Code');
} catch (err) {
  console.error(`[extension-host] FAILED in desktop VS Code: ${err instanceof Error ? err.message : err}`);
  process.exitCode = 1;
} finally {
  rmSync(base, { recursive: true, force: true });
}
