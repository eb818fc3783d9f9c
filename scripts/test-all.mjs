// `npm test`: every test the project has, in order, with each part's output streamed as it runs.
// build -> .vsix -> typecheck -> lint (ESLint, markdownlint) -> vitest (unit + lsp) -> editors installed if missing ->
// extension-host tests in code-server -> UI tests in Chromium (desktop and web worker extension host) -> the server in a
// Web Worker -> the HTML report in Chromium -> Neovim as a second LSP client.
// A part whose prerequisite failed is reported as not run (and counted as failed) rather than run
// against stale output. Exits 1 when any part failed.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MINUTE = 60_000;

const parts = [
  { id: 'build', name: 'build: esbuild bundles (npm run build)', cmd: ['npm', 'run', 'build'], timeout: 10 * MINUTE },
  { id: 'package', name: 'package: .vsix (npm run package)', cmd: ['npm', 'run', 'package'], needs: ['build'], timeout: 10 * MINUTE },
  { id: 'typecheck', name: 'typecheck (tsc --noEmit)', cmd: ['npx', 'tsc', '-p', '.', '--noEmit'], timeout: 10 * MINUTE },
  { id: 'lint', name: 'lint: ESLint and markdownlint (npm run lint)', cmd: ['npm', 'run', 'lint'], timeout: 10 * MINUTE },
  { id: 'vitest', name: 'unit and protocol tests (vitest run)', cmd: ['npx', 'vitest', 'run'], timeout: 20 * MINUTE },
  { id: 'editors', name: 'editors installed (scripts/install-editors.sh)', cmd: ['bash', 'scripts/install-editors.sh'], timeout: 40 * MINUTE },
  {
    id: 'exthost',
    name: 'extension-host tests in code-server',
    cmd: ['node', 'test/editor/run-code-server.mjs'],
    needs: ['build', 'editors'],
    timeout: 10 * MINUTE,
  },
  { id: 'ui', name: 'UI test: code-server + Chromium', cmd: ['node', 'test/editor/ui.mjs'], needs: ['package', 'editors'], timeout: 10 * MINUTE },
  {
    id: 'ui-web',
    name: 'UI test: web extension in the web worker host',
    cmd: ['node', 'test/editor/ui.mjs', '--web-worker-host'],
    needs: ['package', 'editors'],
    timeout: 10 * MINUTE,
  },
  {
    id: 'web',
    name: 'web extension: server in a Web Worker (Chromium)',
    cmd: ['npx', 'vitest', 'run', '--config', 'test/web/vitest.config.mts'],
    needs: ['build', 'editors'],
    timeout: 10 * MINUTE,
  },
  { id: 'report', name: 'HTML report in Chromium', cmd: ['node', 'test/editor/report.mjs'], needs: ['build', 'editors'], timeout: 5 * MINUTE },
  { id: 'neovim', name: 'Neovim LSP client test', cmd: ['node', 'test/editor/nvim/run.mjs'], needs: ['build', 'editors'], timeout: 5 * MINUTE },
];

// Picks the runner's own count line ("Tests  12 passed (12)" from vitest, "N passed, N failed" from
// ours) out of the streamed output, for the summary table.
function detailFrom(output) {
  const clean = output.replace(/\x1b\[[0-9;]*m/g, '');
  const vitest = clean.match(/^\s*Tests\s+(.+)$/m);
  if (vitest) return `tests: ${vitest[1].trim()}`;
  const ours = [...clean.matchAll(/(\d+) passed, (\d+) failed/g)].pop();
  if (ours) return `tests: ${ours[1]} passed, ${ours[2]} failed`;
  const steps = (clean.match(/^\[ui\] ✓/gm) ?? []).length;
  if (steps) return `${steps} steps passed`;
  return '';
}

function runPart(part) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(part.cmd[0], part.cmd.slice(1), {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const tee = (stream) => (chunk) => {
      stream.write(chunk);
      output += chunk.toString();
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, part.timeout);
    const finish = (code, error) => {
      clearTimeout(timer);
      const seconds = (Date.now() - started) / 1000;
      let note = detailFrom(output);
      if (timedOut) note = `timed out after ${part.timeout / MINUTE} min`;
      else if (error) note = error.message;
      resolve({ ok: code === 0 && !timedOut, code, seconds, note });
    };
    child.on('error', (err) => finish(1, err));
    child.on('close', (code) => finish(code));
  });
}

const results = new Map();
const startedAll = Date.now();
for (const part of parts) {
  const missing = (part.needs ?? []).filter((id) => !results.get(id)?.ok);
  process.stdout.write(`\n━━━ ${part.name} ━━━\n`);
  if (missing.length) {
    process.stdout.write(`not run: it needs ${missing.join(' and ')}, which failed\n`);
    results.set(part.id, { ok: false, seconds: 0, note: `not run (${missing.join(', ')} failed)` });
    continue;
  }
  process.stdout.write(`$ ${part.cmd.join(' ')}\n`);
  const result = await runPart(part);
  results.set(part.id, result);
  process.stdout.write(
    result.ok
      ? `━━━ passed: ${part.name} (${result.seconds.toFixed(1)} s)\n`
      : `━━━ FAILED: ${part.name} (exit ${result.code ?? 'none'}, ${result.seconds.toFixed(1)} s)\n`,
  );
}

const passed = [...results.values()].filter((r) => r.ok).length;
const failed = parts.length - passed;
process.stdout.write('\nSummary\n');
for (const part of parts) {
  const r = results.get(part.id);
  const status = r.ok ? 'pass' : 'FAIL';
  process.stdout.write(
    `  ${status}  ${part.name.padEnd(48)} ${`${r.seconds.toFixed(1)} s`.padStart(8)}  ${r.note ?? ''}\n`,
  );
}
process.stdout.write(`  total ${((Date.now() - startedAll) / 1000).toFixed(1)} s\n`);
if (failed) {
  process.stdout.write(`failed parts: ${parts.filter((p) => !results.get(p.id).ok).map((p) => p.id).join(', ')}\n`);
}
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
