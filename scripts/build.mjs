// Bundles the extension client, the language server, the CLI and the evaluation script with esbuild.
// natural is imported through per-file deep paths only (see ../shared/STYLE.md), so the bundle stays small.
import { build, context } from 'esbuild';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
const production = !watch && (process.argv.includes('--production') || !process.argv.includes('--dev'));

// vscode-jsonrpc's Node entry loads node:crypto at once (about 20 ms of a cold start: OpenSSL
// starts) only to name the pipes of its pipe transport; the server and the client talk over stdio.
// Bundled, it loads node:crypto when a pipe name is first asked for. The build fails if the line
// it replaces changes upstream.
const lazyCrypto = {
  name: 'lazy-crypto',
  setup(b) {
    b.onLoad({ filter: /vscode-jsonrpc[\\/]lib[\\/]node[\\/]main\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const eager = 'const crypto_1 = require("crypto");';
      if (!source.includes(eager)) throw new Error(`${args.path}: no "${eager}" to make lazy (vscode-jsonrpc changed: update scripts/build.mjs)`);
      return { contents: source.replace(eager, 'const crypto_1 = { randomBytes: (n) => require("crypto").randomBytes(n) };'), loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
  absWorkingDir: root,
  // ESM dependencies (tinyglobby's fdir) call createRequire(import.meta.url); in a CommonJS bundle
  // import.meta is empty, so point it at the bundle file itself.
  define: { 'import.meta.url': '__jdlintImportMetaUrl' },
  inject: [path.join(root, 'scripts/import-meta-url.js')],
  plugins: [lazyCrypto],
};

// Training first: the classifier bundles the weights it learns (scripts/train.ts); then the stems of
// the lexicons' words (scripts/stems.ts). Both start from placeholders on a fresh clone.
const placeholders = {
  'term-weights.json': JSON.stringify({ blend: 0, weights: {} }),
  'lexicon-stems.json': '[]',
};
for (const [file, empty] of Object.entries(placeholders)) {
  const generated = path.join(root, 'server/src/engine/generated', file);
  if (!existsSync(generated)) {
    mkdirSync(path.dirname(generated), { recursive: true });
    writeFileSync(generated, empty);
  }
}
for (const step of ['train', 'stems']) {
  await build({ ...common, minify: false, sourcemap: false, entryPoints: [`scripts/${step}.ts`], outfile: `.cache/${step}.js` });
  execFileSync(process.execPath, [path.join(root, `.cache/${step}.js`), root], { stdio: ['ignore', 'ignore', 'inherit'] });
}

const serverNode = JSON.parse(readFileSync(path.join(root, 'server/node-args.json'), 'utf8'));
const serverNodeArgs = serverNode.args;
const serverNodeEnv = Object.entries(serverNode.env ?? {}).map(([k, v]) => `${k}=${v}`).join(' ');
const entries = [
  { in: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'] },
  { in: 'server/src/main.ts', out: 'dist/server-main.js' },
  { in: 'server/src/cli/main.ts', out: 'dist/cli-main.js' },
  // The programmatic API (package.json `exports`); its types: scripts/api-types.mjs at npm pack.
  { in: 'server/src/api.ts', out: 'dist/api.js' },
  { in: 'scripts/eval.ts', out: 'dist/eval.js' },
  { in: 'scripts/rule-stats.ts', out: 'dist/rule-stats.js' },
];

// dist/server.js and dist/cli.js run their bundles from V8's code cache (server/src/node/codeCache.ts);
// the bundle's hash, taken here, names the cache, so a start need not hash 500 KB. env -S passes the
// server's environment and node flags (server/node-args.json) on the #! line.
const bundleHash = (file) => JSON.stringify(createHash('sha256').update(readFileSync(path.join(root, file))).digest('hex').slice(0, 24));
const starters = {
  'dist/server-main.js': {
    entryPoints: ['server/src/start.ts'],
    outfile: 'dist/server.js',
    banner: { js: `#!/usr/bin/env -S ${serverNodeEnv} node ${serverNodeArgs.join(' ')}` },
  },
  'dist/cli-main.js': { entryPoints: ['server/src/cli/start.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
};
async function buildStarter(bundle) {
  const starter = starters[bundle];
  await build({ ...common, ...starter, define: { ...common.define, JDLINT_BUNDLE_HASH: bundleHash(bundle) } });
  // The bins run directly (npm links them with this mode too).
  chmodSync(path.join(root, starter.outfile), 0o755);
}

const options = (e) => ({
  ...common,
  entryPoints: [e.in],
  outfile: e.out,
  external: e.external ?? [],
  banner: e.banner ? { js: e.banner } : undefined,
});
const present = entries.filter((e) => existsSync(path.join(root, e.in)));

if (watch) {
  // `npm run watch`: rebuilds each bundle when its sources change, and its starter after it (the
  // starter names the code cache by the bundle's hash). Training data and stems are built once.
  for (const e of present) {
    const restart = {
      name: 'starter',
      setup(b) {
        b.onEnd(async (result) => {
          if (result.errors.length) return;
          if (starters[e.out]) await buildStarter(e.out);
          console.log(`${new Date().toLocaleTimeString()} built ${e.out}`);
        });
      },
    };
    const ctx = await context({ ...options(e), plugins: [...common.plugins, restart] });
    await ctx.watch();
  }
  console.log('watching client/, server/, rules/ and scripts/ (Ctrl+C stops)');
} else {
  await Promise.all(present.map((e) => build(options(e))));
  await Promise.all(Object.keys(starters).map(buildStarter));
}
