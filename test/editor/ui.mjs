// The UI end-to-end test: what a user does. Installs the built .vsix into a fresh code-server,
// opens a mismatched posting in Chromium, and checks the squiggle, the Problems row, the hover and
// the Ctrl+. quick fix, then saves and reads the file on disk. Screenshots of each step go to
// test-results/screenshots/ so a person can look at what the user sees.
//
// Usage: node test/editor/ui.mjs [--vsix <file>] [--web-worker-host] [--update-docs]
//   --vsix             test another package (default: jdlint-<version>.vsix, built if missing)
//   --web-worker-host  run the extension as a web extension, in the workbench's web worker
//                      extension host (remote.extensionKind "web"), the language server in a Web
//                      Worker as on vscode.dev; checks no Node.js language server process runs;
//                      screenshots are named web-*.png
//   --update-docs      also copy the squiggle, hover and quick-fix screenshots to docs/images/ (README)
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  assertPrerequisites,
  cleanup,
  codeServerCli,
  fixtureDir,
  launchChromium,
  log,
  makeProfile,
  root,
  screenshotDir,
  startCodeServer,
  tempDir,
} from './harness.mjs';

const WEB = process.argv.includes('--web-worker-host');
const TAG = WEB ? 'ui-web' : 'ui';
const FILE = 'mismatched-ds-title.md';
const FIXED_TITLE = '# Senior Machine Learning Engineer';
const STRICT = 'strict';
const OTHER = 'other-posting.md';
const docsImages = path.join(root, 'docs/images');

function option(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function vsixPath() {
  const given = option('--vsix');
  if (given) return path.resolve(given);
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const vsix = path.join(root, `jdlint-${version}.vsix`);
  if (!existsSync(vsix)) {
    log(TAG, `${path.basename(vsix)} not found, running npm run package`);
    const r = spawnSync('npm', ['run', 'package'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0 || !existsSync(vsix)) throw new Error(`npm run package did not produce ${path.basename(vsix)}`);
  }
  return vsix;
}

// Hovers and menus fade in; a screenshot taken mid-fade shows them half transparent. Waits for the
// finite animations only (the cursor blinks forever).
async function settleAnimations(page) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => {})),
    ),
  );
}

async function step(name, body) {
  const started = Date.now();
  try {
    const result = await body();
    log(TAG, `✓ ${name} (${Date.now() - started} ms)`);
    return result;
  } catch (err) {
    log(TAG, `✗ ${name} (${Date.now() - started} ms)`);
    throw err;
  }
}

/** Runs the extension in the web worker extension host, as a browser-only VS Code would. */
function useWebWorkerHost(profile) {
  const file = path.join(profile.userDataDir, 'User/settings.json');
  const settings = JSON.parse(readFileSync(file, 'utf8'));
  settings['remote.extensionKind'] = { 'jdlint.jdlint': ['web'] };
  writeFileSync(file, JSON.stringify(settings, null, 2));
}

/** Node.js processes running the extension's language server (dist/server.js of the installed copy). */
function nodeServersOf(profile) {
  const ps = spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).stdout;
  return ps.split('\n').filter((l) => l.includes(profile.extensionsDir) && /dist\/server(-main)?\.js/.test(l));
}

async function main() {
  assertPrerequisites();
  const vsix = vsixPath();
  mkdirSync(screenshotDir, { recursive: true });
  const prefix = WEB ? 'web-' : '';
  // Each step's whole window, plus the top of the editor alone (what the README shows).
  const shot = async (page, name) => {
    await settleAnimations(page);
    await page.screenshot({ path: path.join(screenshotDir, `${prefix}${name}.png`) });
    const editor = await page.locator('.part.editor').boundingBox();
    if (editor) {
      const clip = { x: editor.x, y: editor.y, width: editor.width, height: Math.min(editor.height, 360) };
      await page.screenshot({ path: path.join(screenshotDir, `${prefix}${name}-editor.png`), clip });
    }
  };

  const base = tempDir('ui');
  const folder = path.join(base, 'workspace');
  mkdirSync(folder);
  cpSync(path.join(fixtureDir, FILE), path.join(folder, FILE));
  if (WEB) {
    // A team's config file in a subfolder, which the server in the browser can read only through
    // the editor, and a posting under it that is not open (for the workspace lint).
    mkdirSync(path.join(folder, STRICT));
    writeFileSync(path.join(folder, STRICT, '.jdlintrc.json'), '{ "rules": { "title-duty-mismatch": "error" } }\n');
    cpSync(path.join(fixtureDir, FILE), path.join(folder, STRICT, OTHER));
  }
  const profile = makeProfile(base);
  if (WEB) useWebWorkerHost(profile);
  let server;
  let context;
  let page;
  try {
    await step(`install ${path.basename(vsix)} into a fresh extensions folder`, async () => {
      const out = codeServerCli(['--install-extension', vsix], profile);
      if (!/successfully installed/i.test(out)) throw new Error(`unexpected install output:\n${out}`);
    });
    server = await startCodeServer({ profile, folder, tag: TAG });
    context = await launchChromium(base);
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(60_000);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`);

    await step('workbench shows the posting in the Explorer', () =>
      page.getByRole('treeitem', { name: FILE }).waitFor(),
    );

    await step('open the posting with Ctrl+P', async () => {
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').fill(FILE);
      await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.monaco-editor .view-line').filter({ hasText: 'Senior Data Scientist' }).waitFor();
    });

    await step('the title carries a warning squiggle', async () => {
      await page.locator('.monaco-editor .squiggly-warning').first().waitFor();
      await shot(page, 'squiggle');
    });

    if (WEB) {
      await step('the language server runs in a web worker: no Node.js server process, the web extension host active', async () => {
        const servers = nodeServersOf(profile);
        if (servers.length) throw new Error(`a Node.js language server runs:\n${servers.join('\n')}`);
        await page.keyboard.press('Control+Shift+P');
        await page.locator('.quick-input-widget input').fill('>Developer: Show Running Extensions');
        await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
        await page.keyboard.press('Enter');
        const row = page.locator('.runtime-extensions-editor .monaco-list-row').filter({ hasText: 'JD Lint' });
        // The list is virtual: rows out of view are not in the page, and its order follows activation
        // times, so JD Lint may be below the fold. Scroll down until its row is drawn.
        const list = page.locator('.runtime-extensions-editor .monaco-list').first();
        await list.waitFor();
        for (let i = 0; i < 30 && (await row.count()) === 0; i++) {
          await list.hover();
          await page.mouse.wheel(0, 400);
          await row.first().waitFor({ timeout: 300 }).catch(() => {});
        }
        await row.first().waitFor();
        const text = (await row.first().innerText()).replace(/\s+/g, ' ').trim();
        log(TAG, `  running extensions: ${text}`);
        if (!/web worker/i.test(text)) throw new Error(`JD Lint is not listed as running in the web worker host: ${JSON.stringify(text)}`);
        await shot(page, 'running-extensions');
        await page.keyboard.press('Control+W');
      });
    }

    await step('the Problems panel lists the jdlint title-duty-mismatch warning', async () => {
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'title-duty-mismatch' });
      await row.first().waitFor();
      const text = await row.first().innerText();
      if (!text.includes('jdlint')) throw new Error(`Problems row does not name jdlint: ${JSON.stringify(text)}`);
      const status = await page.locator('#status\\.problems').getAttribute('aria-label');
      log(TAG, `  Problems row: ${text.replace(/\s+/g, ' ').trim()}; status bar: ${status}`);
      await shot(page, 'problems');
      // Close the panel again so the editor has room for the hover and the quick-fix menu.
      await page.keyboard.press('Control+Shift+M');
    });

    await step('the CodeLens on the title opens the breakdown beside it: verdict, share bar, one pull per section', async () => {
      const lens = page.locator('.monaco-editor .codelens-decoration a').filter({ hasText: /DS \d+% · MLE \d+%/ });
      await lens.first().waitFor();
      const lensText = await lens.first().innerText();
      await lens.first().click();
      // code-server draws a webview in an iframe that holds the page in a second iframe.
      const view = page.frameLocator('iframe.webview').frameLocator('#active-frame');
      await view.locator('svg.jd-bar').waitFor();
      const label = await view.locator('svg.jd-bar').getAttribute('aria-label');
      const [, ds, mle] = lensText.match(/DS (\d+%) · MLE (\d+%)/);
      if (label !== `data science ${ds}, ML engineering ${mle}`) throw new Error(`bar says ${JSON.stringify(label)}, the CodeLens ${JSON.stringify(lensText)}`);
      const verdict = await view.locator('.jd-verdict').innerText();
      if (verdict !== 'Mismatch') throw new Error(`verdict shown: ${JSON.stringify(verdict)}`);
      const sections = await view.locator('.jd-section h3').allInnerTexts();
      // One pull per section of the posting, in order, each the way its duties go (all ML engineering here).
      const pulls = await view.locator('.jd-section').evaluateAll((els) => els.map((e) => [...e.querySelectorAll('svg.jd-pull')].map((svg) => svg.getAttribute('aria-label').replace(/ \(.*$/, ''))));
      const wantPulls = [['Before the first section heading: pulls to ML engineering'], ["What you'll do: pulls to ML engineering"], ['What you bring: pulls to ML engineering']];
      if (JSON.stringify(pulls) !== JSON.stringify(wantPulls)) throw new Error(`section pulls ${JSON.stringify(pulls)}, expected ${JSON.stringify(wantPulls)}`);
      log(TAG, `  breakdown: ${label}; sections: ${sections.map((t) => t.replace(/\s+/g, ' ')).join(' | ')}`);
      await shot(page, 'breakdown');
      // The posting and its breakdown side by side, whole height (the README's picture).
      const editors = await page.locator('.part.editor').boundingBox();
      await page.screenshot({ path: path.join(screenshotDir, `${prefix}breakdown-view.png`), clip: editors });
      // Middle-click closes the tab, as in any VS Code, and gives the editor its width back.
      await page.locator('.tabs-container .tab').filter({ hasText: 'JD Lint:' }).click({ button: 'middle' });
      await page.locator('iframe.webview').waitFor({ state: 'hidden' });
    });

    const titleLine = page.locator('.monaco-editor .view-line').filter({ hasText: 'Senior Data Scientist' });
    await step('hovering the title explains the verdict with numbers', async () => {
      const words = titleLine.locator('span', { hasText: 'Data Scientist' }).last();
      const box = await words.boundingBox();
      if (!box) throw new Error('title text is not on screen');
      await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
      // The part of the hover about the title's verdict (the pay-range finding may come first).
      const hover = page.locator('.monaco-hover-content').filter({ hasText: /Senior Machine Learning Engineer/ }).first();
      await hover.waitFor();
      const text = await hover.innerText();
      log(TAG, `  hover: ${text.slice(Math.max(0, text.indexOf('Titled'))).replace(/\s+/g, ' ').trim().slice(0, 200)}`);
      if (!/ML[- ]engineering/.test(text) || !/\d+%/.test(text)) throw new Error(`the hover should give the ML-engineering share behind the verdict, got: ${text}`);
      await shot(page, 'hover');
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    });

    await step('Ctrl+. offers the preferred retitle first, Enter applies it', async () => {
      await titleLine.click();
      await page.keyboard.press('End');
      await page.keyboard.press('Control+.');
      const rows = page.locator('.action-widget .monaco-list-row.action');
      await rows.first().waitFor();
      const titles = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      log(TAG, `  quick fixes: ${titles.join(' | ')}`);
      if (!titles[0]?.includes('Machine Learning Engineer')) {
        throw new Error(`first quick fix should retitle to Machine Learning Engineer, got: ${titles.join(' | ')}`);
      }
      await shot(page, 'quickfix');
      // A click would land on .context-view-pointerBlock; the keyboard is what users use anyway.
      await page.keyboard.press('Enter');
      await page.locator('.monaco-editor .view-line').filter({ hasText: FIXED_TITLE.slice(2) }).waitFor();
    });

    await step('the warning squiggle goes away', () =>
      page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'detached' }),
    );

    await step('Ctrl+S writes the new title to disk', async () => {
      await page.keyboard.press('Control+S');
      const file = path.join(folder, FILE);
      const deadline = Date.now() + 15_000;
      let first = '';
      while (Date.now() < deadline) {
        first = readFileSync(file, 'utf8').split(/\r?\n/)[0];
        if (first === FIXED_TITLE) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      if (first !== FIXED_TITLE) throw new Error(`first line on disk is ${JSON.stringify(first)}, expected ${JSON.stringify(FIXED_TITLE)}`);
      await shot(page, 'fixed');
    });

    if (WEB) {
      await step('Lint all postings in the workspace: the posting not open is read through the editor, its config file too', async () => {
        await page.keyboard.press('Control+Shift+P');
        await page.locator('.quick-input-widget input').fill('>JD Lint: Lint all postings in the workspace');
        await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
        await page.keyboard.press('Enter');
        await page.keyboard.press('Control+Shift+M');
        // The file row of the posting, then its finding: an error, as its folder's .jdlintrc.json says.
        await page.locator('.markers-panel .monaco-list-row').filter({ hasText: OTHER }).first().waitFor();
        const row = page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'title-duty-mismatch' }).filter({ has: page.locator('.codicon-error') });
        await row.first().waitFor();
        await shot(page, 'workspace-lint');
        await page.keyboard.press('Control+Shift+M');
      });

      await step('opened, that posting carries an error squiggle (its folder\'s .jdlintrc.json)', async () => {
        await page.keyboard.press('Control+P');
        await page.locator('.quick-input-widget input').fill(OTHER);
        // The list shows recent files until the search answers: wait for the posting's row.
        await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: OTHER }).first().waitFor();
        await page.keyboard.press('Enter');
        await page.locator('.monaco-editor .squiggly-error').first().waitFor();
        await shot(page, 'config-error');
      });

      await step('JD Lint: Restart server: the server in the web worker lints again (the retitle clears the error)', async () => {
        await page.keyboard.press('Control+Shift+P');
        await page.locator('.quick-input-widget input').fill('>JD Lint: Restart server');
        await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
        await page.keyboard.press('Enter');
        const title = page.locator('.monaco-editor .view-line').filter({ hasText: 'Senior Data Scientist' });
        await title.click();
        await page.keyboard.press('End');
        // Typing a word and taking it back: the restarted server must lint the new text.
        await page.keyboard.type(' X');
        await page.keyboard.press('Backspace');
        await page.keyboard.press('Backspace');
        // The new worker starts in the background (the command does not wait for it): ask again
        // until the new server offers the retitle.
        const rows = page.locator('.action-widget .monaco-list-row.action').filter({ hasText: 'Machine Learning Engineer' });
        for (let attempt = 0; ; attempt++) {
          await page.keyboard.press('Control+.');
          if (await rows.first().waitFor({ timeout: 3000 }).then(() => true, () => false)) break;
          if (attempt === 10) throw new Error('no retitle offered after the restart');
          await page.keyboard.press('Escape');
        }
        await page.keyboard.press('Enter');
        await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'detached' });
      });
    }

    if (WEB && process.argv.includes('--update-docs')) {
      // The README's web extension section: the quick fix in the browser host.
      mkdirSync(docsImages, { recursive: true });
      copyFileSync(path.join(screenshotDir, 'web-quickfix-editor.png'), path.join(docsImages, 'web-quickfix.png'));
      log(TAG, 'copied the web quick-fix screenshot to docs/images/web-quickfix.png');
    } else if (process.argv.includes('--update-docs')) {
      mkdirSync(docsImages, { recursive: true });
      for (const name of ['squiggle', 'hover', 'quickfix']) {
        copyFileSync(path.join(screenshotDir, `${name}-editor.png`), path.join(docsImages, `${name}.png`));
      }
      copyFileSync(path.join(screenshotDir, 'breakdown-view.png'), path.join(docsImages, 'breakdown.png'));
      log(TAG, 'copied squiggle, hover, quickfix and breakdown screenshots to docs/images/');
    }
    log(TAG, `all steps passed; screenshots in ${path.relative(root, screenshotDir)}/`);
  } catch (err) {
    if (page) await shot(page, 'failure').catch(() => {});
    if (server) process.stdout.write(`--- code-server output ---\n${server.output().slice(-3000)}\n`);
    throw err;
  } finally {
    await context?.close().catch(() => {});
    server?.stop();
    cleanup(base);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    log(TAG, `FAILED: ${err.stack ?? err}`);
    log(TAG, `see ${path.relative(root, screenshotDir)}/failure.png`);
    process.exit(1);
  },
);
