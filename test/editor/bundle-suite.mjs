// Compiles the extension-host test module to one CommonJS file, since both VS Code's extension host
// (code-server or @vscode/test-electron) require() it and call its run().
import { build } from 'esbuild';
import path from 'node:path';
import { root } from './harness.mjs';

export async function bundleSuite() {
  const outfile = path.join(root, 'out/editor-suite/index.js');
  await build({
    absWorkingDir: root,
    entryPoints: ['test/editor/suite/index.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
  });
  return outfile;
}
