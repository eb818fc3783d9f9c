// dist/api.d.ts, the types of the programmatic API (server/src/api.ts), for `npm pack` / publish
// (package.json `prepack`). dts-bundle-generator inlines every type the API names (the CLI's JSON
// report, the config shape) into one file, so the types are the code's and cannot drift. Not part
// of every build: it runs the TypeScript compiler over the engine (several seconds).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(path.join(root, 'dist'), { recursive: true });
const cli = path.join(root, 'node_modules/dts-bundle-generator/dist/bin/dts-bundle-generator.js');
// --no-check: test/cli/package.test.ts compiles a consumer against the file with tsc instead.
execFileSync(process.execPath, [cli, '--silent', '--no-check', '--no-banner', '--project', 'tsconfig.json', '-o', 'dist/api.d.ts', 'server/src/api.ts'], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
});
