// The HTML report in a real browser: `jdlint --format html --output-file report.html <folder>`
// over the project's examples and a few postings written for this test, opened in Debian's Chromium
// from a file: URL. Checks what a reader of the page would: no console error, no request besides
// the page itself, one row per file with the verdict and findings the JSON format gives, sorting,
// filtering, text shown as written (no markup from a posting runs), and that it fits a phone.
// Screenshots (wide and phone) go to test-results/screenshots/.
//
// Usage: node test/editor/report.mjs [--update-docs]
//   --update-docs  also copy the screenshots to docs/images/report.png and report-phone.png (README)
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumPath, cleanup, launchChromium, log, root, screenshotDir, tempDir } from './harness.mjs';

const TAG = 'report';
const cli = path.join(root, 'dist/cli.js');
const docsImages = path.join(root, 'docs/images');
let passed = 0;
let failed = 0;

const HOSTILE_TITLE = `Data Scientist <img src=x onerror="alert(1)"> & "R&D" <script>alert('x')</script>`;
// Postings written for this test, beside the examples: the verdicts the examples lack, and a title
// full of markup that must show as text.
const EXTRA = {
  'neither-role.md': `# Data Scientist

## Responsibilities
- Build and maintain ETL jobs that load the data warehouse every night
- Design the data lake layout and the star schema for finance
- Own data ingestion from our partners and data quality checks

Pay: $120,000 - $140,000 per year.
`,
  'analyst.md': `# Data Analyst

## What you will do
- Build dashboards in Tableau that track retention and churn
- Present insights to stakeholders

Pay: $90,000 - $110,000 per year.
`,
  'markup in title.md': `# ${HOSTILE_TITLE}

## Responsibilities
- Design A/B tests & analyze the results with statistics
- Present insights to stakeholders <b>weekly</b>
- Build dashboards in Tableau that track retention and churn
`,
};

async function step(name, body) {
  const started = Date.now();
  try {
    const result = await body();
    passed++;
    log(TAG, `✓ ${name} (${Date.now() - started} ms)`);
    return result;
  } catch (err) {
    failed++;
    log(TAG, `✗ ${name} (${Date.now() - started} ms)`);
    throw err;
  }
}

function assert(ok, message) {
  if (!ok) throw new Error(message);
}

function jdlint(args, cwd) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  // 0: no error-severity finding, 1: some; anything else is a failure of the run.
  if (r.status !== 0 && r.status !== 1) throw new Error(`jdlint ${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
  return r;
}

async function main() {
  assert(existsSync(cli), 'dist/cli.js missing: run npm run build first');
  assert(existsSync(chromiumPath), `Chromium missing (${chromiumPath}): run scripts/install-editors.sh first`);
  mkdirSync(screenshotDir, { recursive: true });
  const base = tempDir('report');
  const folder = path.join(base, 'postings');
  cpSync(path.join(root, 'examples'), folder, { recursive: true });
  for (const [name, text] of Object.entries(EXTRA)) writeFileSync(path.join(folder, name), text);
  const files = readdirSync(folder).filter((f) => f.endsWith('.md')).sort();
  const out = path.join(base, 'report.html');
  let context;
  try {
    const json = await step('jdlint --format html --output-file writes the page', () => {
      const r = jdlint(['--format', 'html', '--output-file', out, 'postings'], base);
      assert(existsSync(out), `no ${out} after: ${r.stderr}`);
      return JSON.parse(jdlint(['--format', 'json', 'postings'], base).stdout);
    });
    assert(json.length === files.length, `JSON lists ${json.length} postings, the folder holds ${files.length}`);

    context = await launchChromium(base);
    const page = context.pages()[0] ?? (await context.newPage());
    const problems = [];
    const requests = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`a dialog opened (${d.message()}): markup from a posting ran`);
      void d.dismiss();
    });
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(out).href;

    await step('opens from a file: URL with no console error and no request but the page', async () => {
      await page.goto(url);
      await page.locator('#shown').waitFor();
      await page.waitForLoadState('load');
      assert(problems.length === 0, problems.join('\n'));
      assert(requests.length === 1 && requests[0] === url, `requests: ${requests.join(', ')}`);
    });

    const rows = page.locator('#postings .row');
    const visibleFiles = () => page.locator('#postings .row:not([hidden]) .f').allInnerTexts();
    await step('one row per file, each with its title, share bar, verdict and findings', async () => {
      const shown = await page.locator('#postings .row .f').allInnerTexts();
      assert(
        JSON.stringify(shown.map((f) => path.basename(f)).sort()) === JSON.stringify(files),
        `rows ${JSON.stringify(shown)} != files ${JSON.stringify(files)}`,
      );
      for (const r of json) {
        const row = rows.filter({ has: page.locator('.f', { hasText: r.file }) });
        assert((await row.count()) === 1, `no single row for ${r.file}`);
        assert((await row.locator('svg.jd-bar').count()) === 1, `${r.file}: no share bar`);
        const want = r.title ? r.title.text : 'Untitled posting';
        assert((await row.locator('.t').innerText()) === want, `${r.file}: title shown is not ${JSON.stringify(want)}`);
        const locs = await row.locator('.findings .loc').allInnerTexts();
        const expected = r.diagnostics.map((d) => `${d.line}:${d.column}`);
        assert(JSON.stringify(locs) === JSON.stringify(expected), `${r.file}: findings at ${locs} != JSON ${expected}`);
      }
    });

    await step('a title full of markup shows as written, and none of it runs', async () => {
      const t = await rows.locator('.t', { hasText: 'R&D' }).innerText();
      assert(t === HOSTILE_TITLE, `shown ${JSON.stringify(t)}`);
      assert((await page.locator('#postings img, #postings script').count()) === 0, 'an element from a posting title is in the page');
      assert(problems.length === 0, problems.join('\n'));
    });

    const verdictOf = (file) => rows.filter({ has: page.locator('.f', { hasText: file }) }).getAttribute('data-verdict');
    await step('verdicts: mismatch with the suggested title, hybrid, neither role, match, not checked', async () => {
      const want = {
        'ds-title-mle-duties.md': 'mismatch',
        'hybrid-role.md': 'hybrid',
        'neither-role.md': 'other',
        'ml-engineer-match.md': 'match',
        'analyst.md': 'unchecked',
      };
      for (const [file, v] of Object.entries(want)) assert((await verdictOf(file)) === v, `${file}: verdict ${await verdictOf(file)}, expected ${v}`);
      const mismatch = json.find((r) => r.file.endsWith('ds-title-mle-duties.md'));
      const suggested = mismatch.diagnostics.find((d) => d.rule === 'title-duty-mismatch').suggestions[0];
      const sugg = await rows.filter({ has: page.locator('.f', { hasText: 'ds-title-mle-duties.md' }) }).locator('.sugg').innerText();
      assert(sugg.includes(suggested), `suggestion shown ${JSON.stringify(sugg)}, JSON says ${suggested}`);
    });

    await step('the role-mix chart counts the folder', async () => {
      const label = await page.locator('svg.jd-chart').first().getAttribute('aria-label');
      const n = (role) => json.filter((r) => r.profile.role === role).length;
      const want = `Role mix of the duties: Data science ${n('ds')}, ML engineering ${n('mle')}, Hybrid ${n('hybrid')}, Unclear ${n('unclear')}`;
      assert(label === want, `chart says ${JSON.stringify(label)}, expected ${JSON.stringify(want)}`);
      // What a reader sees first: the summary, the charts and the first postings.
      await page.screenshot({ path: path.join(screenshotDir, 'report.png') });
    });

    await step('sorting by the DS / MLE header orders the rows by share, both ways', async () => {
      const shares = async () => (await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.mle))));
      const header = page.locator('#postings .head [data-key=mle] button');
      await header.click();
      const up = await shares();
      assert(up.every((s, i) => i === 0 || up[i - 1] <= s), `not ascending: ${up}`);
      assert((await page.locator('#postings .head [data-key=mle]').getAttribute('aria-sort')) === 'ascending', 'header not marked ascending');
      await header.click();
      const down = await shares();
      assert(down.every((s, i) => i === 0 || down[i - 1] >= s), `not descending: ${down}`);
      const byTitle = page.locator('#sort');
      await byTitle.selectOption('file:asc');
      const order = await page.locator('#postings .row .f').allInnerTexts();
      assert(JSON.stringify(order) === JSON.stringify([...order].sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' }))), `not by file: ${order}`);
    });

    await step('filtering by verdict and by rule shows exactly the matching postings', async () => {
      await page.locator('#f-verdict').selectOption('mismatch');
      const mismatches = json.filter((r) => r.diagnostics.some((d) => d.rule === 'title-duty-mismatch')).map((r) => r.file).sort();
      assert(JSON.stringify((await visibleFiles()).sort()) === JSON.stringify(mismatches), `verdict filter shows ${await visibleFiles()}`);
      assert((await page.locator('#shown').innerText()) === `${mismatches.length} of ${files.length} postings shown`, 'count line wrong');
      await page.locator('#f-verdict').selectOption('');
      await page.locator('#f-rule').selectOption('missing-pay-range');
      const unpaid = json.filter((r) => r.diagnostics.some((d) => d.rule === 'missing-pay-range')).map((r) => r.file).sort();
      assert(unpaid.length > 0, 'no posting without pay in the test folder');
      assert(JSON.stringify((await visibleFiles()).sort()) === JSON.stringify(unpaid), `rule filter shows ${await visibleFiles()}`);
      await page.locator('#f-rule').selectOption('');
      await page.locator('#f-text').fill('hybrid');
      assert(JSON.stringify(await visibleFiles()) === JSON.stringify(['postings/hybrid-role.md']), `search shows ${await visibleFiles()}`);
      await page.locator('#f-text').fill('');
      await page.locator('.chips button[data-verdict=other]').click();
      assert(JSON.stringify(await visibleFiles()) === JSON.stringify(['postings/neither-role.md']), `chip shows ${await visibleFiles()}`);
      await page.locator('.chips button[data-verdict=other]').click();
      assert((await visibleFiles()).length === files.length, 'chip clicked again does not show all');
    });

    await step('on a phone the rows are cards no wider than the screen', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.locator('#sort').selectOption('verdict:asc');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert(overflow <= 0, `the page scrolls sideways by ${overflow}px at 390px`);
      const box = await rows.first().boundingBox();
      assert(box && box.width <= 390, `a row is ${box?.width}px wide`);
      await rows.first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(screenshotDir, 'report-phone.png') });
      assert(problems.length === 0, problems.join('\n'));
    });

    if (process.argv.includes('--update-docs')) {
      mkdirSync(docsImages, { recursive: true });
      for (const name of ['report', 'report-phone']) copyFileSync(path.join(screenshotDir, `${name}.png`), path.join(docsImages, `${name}.png`));
      log(TAG, 'copied report.png and report-phone.png to docs/images/');
    }
  } finally {
    await context?.close().catch(() => {});
    cleanup(base);
  }
}

main().then(
  () => {
    log(TAG, `${passed} passed, ${failed} failed; screenshots in ${path.relative(root, screenshotDir)}/report*.png`);
    process.exit(0);
  },
  (err) => {
    log(TAG, `FAILED: ${err.stack ?? err}`);
    log(TAG, `${passed} passed, ${failed + (failed ? 0 : 1)} failed`);
    process.exit(1);
  },
);
