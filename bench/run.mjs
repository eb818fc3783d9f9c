// Longer than ~350 lines: five benchmarks sharing one corpus, one server client and one report; each is its own function.
// npm run bench: speed and size of JD Lint, printed as figures (never asserted).
// 1. typing latency (edit -> publishDiagnostics) over stdio with a real LSP client
// 2. cold start (spawn -> initialize result, -> first diagnostics)
// 3. CLI throughput on the dev postings against markdownlint-cli2 (and alex)
// 4. size and memory (.vsix, server bundle, server peak RSS)
// 5. scaling of lint() with document size
// Usage: npm run bench [-- --quick]   (--quick: fewer repetitions)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');
const quick = process.argv.includes('--quick');
// --only typing|cold|cli|size|scaling runs one part.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const part = (name) => only === null || only === name;
const dataFile = path.resolve(root, '../shared/data/postings-dev.jsonl');
const server = path.join(root, 'dist/server.js');
const serverNode = JSON.parse(readFileSync(path.join(root, 'server/node-args.json'), 'utf8'));
const serverNodeArgs = serverNode.args;
const cli = path.join(root, 'dist/cli.js');
const results = [];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ms = (x) => `${x.toFixed(2)} ms`;
function report(name, value, budget) {
  results.push({ name, value, budget });
  console.log(`  ${name.padEnd(52)} ${value.padStart(14)}${budget ? `   (budget ${budget})` : ''}`);
}

// A posting of about `words` words, mixing duties of both roles, written for the benchmark.
function posting(words) {
  const duties = [
    'Deploy models as low-latency services on Kubernetes and own their CI/CD pipelines',
    'Design and analyze A/B tests for pricing, and present insights to stakeholders',
    'Monitor drift, latency and throughput of every model in production',
    'Build dashboards in Tableau that track retention and churn for the leadership team',
    'Containerize training jobs with Docker and schedule them with Airflow',
    'Explore customer behavior data and turn findings into recommendations',
  ];
  const lines = ['# Senior Data Scientist', '', '## What you will do', ''];
  let n = 4;
  for (let i = 0; n < words; i++) {
    const d = `- ${duties[i % duties.length]} (${i}).`;
    lines.push(d);
    n += d.split(/\s+/).length;
    if (i % 25 === 24) lines.push('', `## Team ${i}`, '');
  }
  return lines.join('\n') + '\n';
}

// The server's V8 code cache (server/src/node/codeCache.ts) lives here during the benchmarks.
const codeCache = path.join(root, '.cache/bench/code-cache');

/** The server's environment, as the VS Code client makes it (client/src/serverEnv.ts). */
function serverEnv(cacheDir) {
  const env = { ...process.env, JDLINT_CACHE_DIR: cacheDir, ...serverNode.env };
  for (const name of serverNode.unset ?? []) delete env[name];
  return env;
}
/** Variables of this environment that the client does not pass to the server. */
const unsetHere = (serverNode.unset ?? []).filter((name) => process.env[name]);

function startServer(cacheDir = codeCache) {
  // The flags the extension and the bin start the server with, unless overridden for experiments.
  const nodeArgs = process.env.JDLINT_BENCH_NODE_ARGS !== undefined ? process.env.JDLINT_BENCH_NODE_ARGS.split(' ').filter(Boolean) : serverNodeArgs;
  const env = serverEnv(cacheDir);
  const child = spawn(process.execPath, [...nodeArgs, server, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'], env });
  const conn = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/logMessage', () => {});
  const waiters = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const w = waiters.get(`${p.uri}@${p.version}`) ?? waiters.get(p.uri);
    if (w) {
      waiters.delete(`${p.uri}@${p.version}`);
      waiters.delete(p.uri);
      w(p);
    }
  });
  conn.listen();
  const diagnostics = (uri, version) => new Promise((resolve) => waiters.set(version === undefined ? uri : `${uri}@${version}`, resolve));
  const init = () =>
    conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    }).then(async (r) => {
      await conn.sendNotification('initialized', {});
      return r;
    });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    try {
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      // Let it exit as asked: the code cache is written then.
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    } catch {}
    conn.dispose();
    child.kill();
  };
  return { child, conn, init, diagnostics, stop };
}

function peakRssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmHWM:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function typing(words, edits, budget) {
  const s = startServer();
  await s.init();
  const uri = `file:///bench/posting-${words}.md`;
  let text = posting(words);
  let version = 1;
  const first = s.diagnostics(uri, version);
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  await first;
  const times = [];
  // Type at the end of the fourth line's duty, one character at a time, as a person would.
  const lineIdx = 4;
  const line = text.split('\n')[lineIdx];
  for (let i = 0; i < edits; i++) {
    version++;
    const ch = 'abcdefghij klmnop'[i % 17];
    const character = line.length + i;
    const done = s.diagnostics(uri, version);
    const t0 = performance.now();
    await s.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: lineIdx, character }, end: { line: lineIdx, character } }, text: ch }],
    });
    await done;
    times.push(performance.now() - t0);
  }
  const rss = peakRssMb(s.child.pid);
  await s.stop();
  report(`edit->diagnostics p50, ${words} words`, ms(median(times)));
  report(`edit->diagnostics p95, ${words} words`, ms(pct(times, 95)));
  report(`edit->diagnostics p99, ${words} words`, ms(pct(times, 99)), budget);
  return rss;
}

/** Starts the server, opens a posting; times to the initialize result and to its diagnostics. */
async function startOnce(text, cacheDir) {
  const t0 = performance.now();
  const s = startServer(cacheDir);
  await s.init();
  const init = performance.now() - t0;
  const uri = 'file:///bench/cold.md';
  const d = s.diagnostics(uri);
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await d;
  const diag = performance.now() - t0;
  await s.stop();
  return { init, diag };
}

async function coldStart(runs) {
  const toInit = [];
  const toDiag = [];
  const firstEver = [];
  const bare = [];
  const bareHere = [];
  const text = posting(800);
  // Every start but the first after an install or upgrade finds the server's code in V8's code cache.
  rmSync(codeCache, { recursive: true, force: true });
  await startOnce(text, codeCache);
  for (let i = 0; i < runs; i++) {
    // What this machine takes to start node and run nothing, measured between the server starts:
    // most of a cold start, and it varies from hour to hour here. Started as the server is, and,
    // when this environment has variables the client leaves out, as this shell would.
    bare.push(timeCommand(process.execPath, ['-e', ''], serverEnv(codeCache)));
    if (unsetHere.length > 0) bareHere.push(timeCommand(process.execPath, ['-e', '']));
    const cached = await startOnce(text, codeCache);
    toInit.push(cached.init);
    toDiag.push(cached.diag);
    // The first start, with no code cache yet.
    const empty = path.join(root, `.cache/bench/code-cache-empty-${i}`);
    firstEver.push((await startOnce(text, empty)).diag);
    rmSync(empty, { recursive: true, force: true });
  }
  report(`cold start to initialize result (median of ${runs})`, ms(median(toInit)));
  report(`cold start to first diagnostics (median of ${runs})`, ms(median(toDiag)), '<= 250 ms');
  report(`  the first start, no code cache yet (median of ${runs})`, ms(median(firstEver)));
  report(`  for reference: node -e "" started so (median of ${runs})`, ms(median(bare)));
  if (unsetHere.length > 0) report(`  the same with ${unsetHere.join(', ')} set (median of ${runs})`, ms(median(bareHere)));
}

function writeCorpus() {
  const dir = path.join(root, '.cache/bench/postings');
  if (existsSync(dir) && readdirSync(dir).length > 2000) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  readFileSync(dataFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .forEach((l, i) => {
      const r = JSON.parse(l);
      writeFileSync(path.join(dir, `${String(i).padStart(4, '0')}.md`), `# ${r.title}\n\n${r.description}\n`);
    });
  return dir;
}

function timeCommand(cmd, args, env = process.env, cwd = root) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
  const t = performance.now() - t0;
  if (r.error) throw r.error;
  return t;
}

function throughput(rounds) {
  if (!existsSync(dataFile)) {
    console.log(`  (skipped: ${dataFile} not found)`);
    return;
  }
  const dir = writeCorpus();
  const n = readdirSync(dir).length;
  const rel = path.relative(root, dir);
  const mdl = path.join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
  const mdlBin = existsSync(mdl) ? mdl : path.join(root, 'node_modules/.bin/markdownlint-cli2');
  const jd = [];
  const md = [];
  // The CLI, like the server, starts from V8's code cache (kept with the bench's); its first run
  // over the bundled examples writes it, as a user's first run would.
  const cliEnv = { ...process.env, JDLINT_CACHE_DIR: codeCache };
  timeCommand(process.execPath, [cli, 'examples/'], cliEnv);
  // jdlint runs in the corpus folder too: from the project it would skip .cache/ (.gitignore).
  for (let i = 0; i < rounds; i++) {
    jd.push(timeCommand(process.execPath, [cli, '--format', 'json', '.'], cliEnv, dir));
    // Run in the corpus folder: the project's own .markdownlint-cli2.jsonc ignores .cache/, where the corpus is.
    md.push(timeCommand(process.execPath, [mdlBin, '*.md'], process.env, dir));
  }
  report(`jdlint CLI over ${n} postings (median of ${rounds})`, `${(median(jd) / 1000).toFixed(2)} s`);
  report(`markdownlint-cli2 over the same files`, `${(median(md) / 1000).toFixed(2)} s`);
  report('markdownlint-cli2 time / jdlint time', `${(median(md) / median(jd)).toFixed(1)}x`, '>= 5x');
  // Each pair ran back to back, so a pair's ratio is less swayed by this machine's slow moments.
  const pairs = jd.map((t, i) => md[i] / t).sort((a, b) => a - b);
  report(`  each pair's ratio (${rounds} pairs)`, pairs.map((r) => `${r.toFixed(1)}x`).join(' '));
  htmlReport(dir, rounds, cliEnv);
  const alex = path.join(root, 'node_modules/alex/cli.js');
  if (existsSync(alex)) {
    const t = timeCommand(process.execPath, [alex, '--quiet', rel]);
    report('alex over the same files (one run)', `${(t / 1000).toFixed(2)} s`);
  }
}

// The HTML report (--format html) against the same lint writing JSON, both to a file, run in
// alternation. Each run's CPU time (all its threads, read by a preloaded module as the process
// exits) is the budget's measure: the report is main-thread work, so on an idle machine it adds
// as much wall time as CPU time, and CPU time is not swayed by how busy the machine is.
function htmlReport(dir, rounds, env) {
  const out = path.join(root, '.cache/bench/report');
  mkdirSync(out, { recursive: true });
  const preload = path.join(out, 'cpu-usage.cjs');
  const cpuFile = path.join(out, 'cpu.json');
  writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(cpuFile)}, JSON.stringify(process.cpuUsage())));\n`);
  const run = (format) => {
    const wall = timeCommand(process.execPath, ['--require', preload, cli, '--format', format, '--output-file', path.join(out, `report.${format}`), '.'], env, dir);
    const { user, system } = JSON.parse(readFileSync(cpuFile, 'utf8'));
    return { wall, cpu: (user + system) / 1000 };
  };
  const json = [];
  const html = [];
  for (let i = 0; i < rounds; i++) {
    json.push(run('json'));
    html.push(run('html'));
  }
  const rows = (readFileSync(path.join(out, 'report.html'), 'utf8').match(/^<div class="row" /gm) ?? []).length;
  const s = (x) => `${(x / 1000).toFixed(2)} s`;
  const med = (runs, k) => median(runs.map((r) => r[k]));
  report(`jdlint --format json -o: the lint (median of ${rounds})`, `${s(med(json, 'wall'))}, CPU ${s(med(json, 'cpu'))}`);
  report(`jdlint --format html -o, ${rows} rows (median of ${rounds})`, `${s(med(html, 'wall'))}, CPU ${s(med(html, 'cpu'))}`);
  report('  the HTML report on top of the lint, CPU time', s(med(html, 'cpu') - med(json, 'cpu')), '< 1 s');
  report('  the same in wall time', s(med(html, 'wall') - med(json, 'wall')));
  report('  report size', `${(statSync(path.join(out, 'report.html')).size / 1024 / 1024).toFixed(1)} MB`);
  // The formatter alone, in this process, over the same reports: the part of the difference that
  // is the report's own work, less swayed by how busy the machine is than two process runs.
  const { buildSync } = require('esbuild');
  const entry = path.join(root, '.cache/bench/html-entry.ts');
  writeFileSync(entry, `export { formatHtml } from '${path.join(root, 'server/src/cli/html')}';\n`);
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: entry.replace(/\.ts$/, '.cjs'), logLevel: 'error' });
  const { formatHtml } = require(entry.replace(/\.ts$/, '.cjs'));
  const reports = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
  const times = [];
  for (let i = 0; i < rounds + 2; i++) {
    const t0 = performance.now();
    formatHtml(reports, { version: 'bench' });
    times.push(performance.now() - t0);
  }
  report(`  formatHtml alone, in process (median of ${rounds + 2})`, ms(median(times)));
}

// The report of the dev postings as a reader opens it: Debian's Chromium, from a file: URL. Printed,
// not asserted (test/editor/report.mjs asserts the page on a small folder).
async function reportInChromium() {
  const file = path.join(root, '.cache/bench/report/report.html');
  const { chromiumPath, launchChromium, tempDir, cleanup } = await import('../test/editor/harness.mjs');
  if (!existsSync(file) || !existsSync(chromiumPath)) {
    console.log(`  (report in Chromium skipped: ${existsSync(file) ? chromiumPath : file} not found)`);
    return;
  }
  const base = tempDir('bench-report');
  const context = await launchChromium(base);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors = [];
    const requests = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(file).href;
    const t0 = performance.now();
    await page.goto(url, { waitUntil: 'load' });
    const rows = await page.locator('.row').count();
    const loaded = performance.now() - t0;
    report(`the report of ${rows} rows opened in Chromium (file: URL, to load)`, ms(loaded));
    report('  console errors / requests besides the page', `${errors.length} / ${requests.filter((r) => r !== url).length}`);
  } finally {
    await context.close();
    cleanup(base);
  }
}

async function scaling() {
  const { lintFile } = await import(path.join(root, '.cache/bench/lint-entry.cjs')).catch(() => ({}));
  if (!lintFile) return;
  const base = posting(800);
  let prev;
  for (const k of [1, 4, 16]) {
    const text = Array.from({ length: k }, () => base).join('\n');
    for (let i = 0; i < 3; i++) lintFile(text);
    const reps = Math.max(5, Math.round(80 / k));
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) lintFile(text + ' '.repeat(i)); // vary text so caches keyed on whole text do not apply
    const per = (performance.now() - t0) / reps;
    report(`lint() on ${k}x an 800-word posting`, `${ms(per)} (${(per / k).toFixed(2)} ms per 1x)`);
    prev = per;
  }
  return prev;
}

async function main() {
  if (!existsSync(server) || !existsSync(cli)) {
    console.error('bench: build first (npm run build)');
    process.exit(2);
  }
  // A bundle of lint() for in-process scaling measurements.
  const { buildSync } = require('esbuild');
  mkdirSync(path.join(root, '.cache/bench'), { recursive: true });
  writeFileSync(path.join(root, '.cache/bench/lint-entry.ts'), `import { lint } from '${path.join(root, 'server/src/linter')}';\nexport const lintFile = (t: string) => lint(t);\n`);
  buildSync({ entryPoints: [path.join(root, '.cache/bench/lint-entry.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: path.join(root, '.cache/bench/lint-entry.cjs'), logLevel: 'error', define: { 'import.meta.url': '""' } });

  console.log(`JD Lint benchmarks (${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${require('node:os').cpus().length} cores)\n`);
  let rss = NaN;
  if (part('typing') || part('size')) {
    console.log('1. typing latency');
    if (part('typing')) await typing(800, 200, '<= 10 ms');
    rss = await typing(20_000, quick ? 50 : 200, '<= 60 ms');
  }
  if (part('cold')) {
    console.log('2. cold start');
    await coldStart(quick ? 3 : 7);
  }
  if (part('cli')) {
    console.log('3. CLI throughput');
    throughput(quick ? 1 : 5);
    await reportInChromium();
  }
  if (part('size')) {
    console.log('4. size and memory');
    const vsix = readdirSync(root).filter((f) => f.endsWith('.vsix')).sort().pop();
    report('.vsix size', vsix ? `${(statSync(path.join(root, vsix)).size / 1024).toFixed(0)} KB` : 'not built', '<= 400 KB');
    report('server bundle (dist/server-main.js)', `${(statSync(path.join(root, 'dist/server-main.js')).size / 1024).toFixed(0)} KB`);
    report('server peak RSS, 20,000-word document', `${rss.toFixed(1)} MB`, '<= 80 MB');
  }
  if (part('scaling')) {
    console.log('5. scaling');
    await scaling();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
