// npm run fuzz: the long fuzz run of issue #16. Mutated postings through lint (crashes, ranges,
// hangs, the same findings with and without kept results), the CLI's exit codes, random edits
// through the language server compared with fresh opens, and the timing of every pathological
// input shape. Prints its figures; exits 1 on any failure.
//   FUZZ_DOCS (default 100000), FUZZ_EDITS (default 5000), FUZZ_SEED (default 16)
import path from 'node:path';
import { lint } from '../server/src/linter';
import { keepItemResults } from '../server/src/engine/text';
import { checkCli, checkLint } from '../test/fuzz/checks';
import { mutate, randomEdit, rng, seedPostings } from '../test/fuzz/generate';
import { startInProcess } from '../test/fuzz/inProcess';
import { PATHOLOGICAL_SHAPES, scaling } from '../test/fuzz/shapes';

const DOCS = Number(process.env.FUZZ_DOCS ?? 100_000);
const EDITS = Number(process.env.FUZZ_EDITS ?? 5_000);
const SEED = Number(process.env.FUZZ_SEED ?? 16);
/** A document taking longer than this counts as a hang. */
const HANG_SECONDS = 3;

const root = path.resolve(__dirname, '..');
const seeds = seedPostings(root);
const failures: string[] = [];
const fail = (m: string) => {
  if (failures.length < 50) failures.push(m);
  else if (failures.length === 50) failures.push('(more failures not listed)');
};

function documents() {
  const next = rng(SEED);
  let crashes = 0;
  let outOfRange = 0;
  let hangs = 0;
  let modeDiffs = 0;
  let worst = 0;
  let worstSize = 0;
  let cliRuns = 0;
  let cliFailures = 0;
  const t = performance.now();
  for (let i = 0; i < DOCS; i++) {
    const text = mutate(next, seeds);
    const c = checkLint(text);
    if (c.seconds > worst) [worst, worstSize] = [c.seconds, text.length];
    if (c.seconds > HANG_SECONDS) {
      hangs++;
      fail(`document ${i}: ${c.seconds.toFixed(1)} s`);
    }
    for (const p of c.problems) {
      if (p.startsWith('crash')) crashes++;
      else outOfRange++;
      fail(`document ${i}: ${p.split('\n')[0]}`);
    }
    // The CLI keeps nothing between postings, the server keeps item results: the same findings.
    if (i % 10 === 0) {
      const kept = JSON.stringify(lint(text).findings);
      keepItemResults(false);
      const fresh = JSON.stringify(lint(text).findings);
      keepItemResults(true);
      if (kept !== fresh) {
        modeDiffs++;
        fail(`document ${i}: findings differ with and without kept results`);
      }
    }
    if (i % 1000 === 999) {
      cliRuns++;
      const texts = Array.from({ length: 4 }, () => mutate(next, seeds));
      const config = cliRuns % 3 === 0 ? null : cliRuns % 3 === 1 ? { rules: { 'exclusionary-language': 'error', 'missing-title': 'error' } } : { rules: { 'no-such-rule': 'error' } };
      const p = checkCli(texts, config);
      if (p.length > 0) {
        cliFailures++;
        for (const m of p) fail(`CLI run ${cliRuns}: ${m}`);
      }
    }
    if (i % 10000 === 9999) process.stderr.write(`  ${i + 1} documents\n`);
  }
  return { crashes, outOfRange, hangs, modeDiffs, worst, worstSize, cliRuns, cliFailures, seconds: (performance.now() - t) / 1000 };
}

/** Diagnostics without what differs between two opens of the same text. */
function comparable(ds: unknown[]): string {
  return JSON.stringify(
    (ds as { data?: object; relatedInformation?: { location: object }[] }[]).map((d) => ({
      ...d,
      data: { ...d.data, version: 0, revision: 0 },
      relatedInformation: d.relatedInformation?.map((r) => ({ ...r, location: { ...r.location, uri: '' } })),
    })),
  );
}

async function edits() {
  const next = rng(SEED + 1);
  const client = await startInProcess();
  let done = 0;
  let divergences = 0;
  let badPositions = 0;
  let session = 0;
  const t = performance.now();
  while (done < EDITS) {
    const uri = `file:///fuzz/s${session++}.md`;
    let text = mutate(next, seeds);
    await client.open(uri, text);
    for (let k = 0; k < 25 && done < EDITS; k++, done++) {
      const e = randomEdit(next, text);
      const ds = await client.change(uri, k + 2, [e]);
      // The model: apply the edit as LSP says (clamped), by the library on a fresh document.
      text = applyModel(text, e);
      const lines = text.split(/\r\n|\r|\n/);
      for (const d of ds)
        for (const p of [d.range.start, d.range.end]) {
          if (!(Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length)) {
            badPositions++;
            fail(`edit ${done}: position ${JSON.stringify(p)} outside the document`);
          }
        }
      const freshUri = `file:///fuzz/fresh-${done}.md`;
      const fresh = await client.open(freshUri, text);
      await client.close(freshUri);
      if (comparable(ds) !== comparable(fresh)) {
        divergences++;
        fail(`edit ${done}: incremental and fresh diagnostics differ (${JSON.stringify(e)})`);
      }
    }
    await client.close(uri);
  }
  client.stop();
  return { edits: done, sessions: session, divergences, badPositions, seconds: (performance.now() - t) / 1000 };
}

/** A reference for one edit: lines split as LSP counts them, positions clamped to them. */
function applyModel(text: string, e: ReturnType<typeof randomEdit>): string {
  const starts = [0];
  const re = /\r\n|\r|\n/g;
  const ends: number[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    ends.push(m.index);
    starts.push(m.index + m[0].length);
  }
  ends.push(text.length);
  const offset = (p: { line: number; character: number }) => {
    if (p.line < 0) return 0;
    if (p.line >= starts.length) return text.length;
    return Math.min(starts[p.line] + Math.max(0, p.character), ends[p.line]);
  };
  const [a, b] = [offset(e.range.start), offset(e.range.end)].sort((x, y) => x - y);
  return text.slice(0, a) + e.text + text.slice(b);
}

function shapes() {
  keepItemResults(false);
  const rows = Object.keys(PATHOLOGICAL_SHAPES).map((shape) => {
    const small = scaling(shape, 6_000, 3);
    const large = scaling(shape, 100_000, 3);
    for (const s of [small, large]) {
      if (s.ratio >= 30) fail(`${shape}: ${s.large} chars took ${s.ratio.toFixed(1)}x the time of ${s.small}`);
    }
    if (large.largeSeconds > HANG_SECONDS) fail(`${shape}: 1 MB took ${large.largeSeconds.toFixed(2)} s`);
    return { shape, small, large };
  });
  keepItemResults(true);
  return rows;
}

async function main() {
  console.log(`jdlint fuzz: seed ${SEED}, ${DOCS} documents, ${EDITS} edits`);
  const d = documents();
  console.log(`\ndocuments: ${DOCS} linted in ${d.seconds.toFixed(1)} s; crashes ${d.crashes}, hangs (> ${HANG_SECONDS} s) ${d.hangs}, ranges outside the document ${d.outOfRange}, findings differing with kept results ${d.modeDiffs} (every 10th); worst ${(d.worst * 1000).toFixed(0)} ms (${d.worstSize} characters)`);
  console.log(`CLI: ${d.cliRuns} runs of 4 files (JSON, exit code against the report): ${d.cliFailures} failed`);
  const e = await edits();
  console.log(`edits: ${e.edits} in ${e.sessions} documents over the protocol in ${e.seconds.toFixed(1)} s; incremental/fresh divergences ${e.divergences}, positions outside the document ${e.badPositions}`);
  console.log('\nshape                          6 KB      60 KB   ratio     100 KB     1 MB   ratio');
  for (const { shape, small, large } of shapes()) {
    const ms = (s: number) => `${(s * 1000).toFixed(0)} ms`.padStart(9);
    console.log(`${shape.padEnd(28)} ${ms(small.smallSeconds)} ${ms(small.largeSeconds)} ${small.ratio.toFixed(1).padStart(6)}x ${ms(large.smallSeconds)} ${ms(large.largeSeconds)} ${large.ratio.toFixed(1).padStart(6)}x`);
  }
  if (failures.length > 0) {
    console.log(`\n${failures.length} failure(s):\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  } else console.log('\nno failures');
}

void main();
