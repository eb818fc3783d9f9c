// images/icon.png (the extension's 128x128 Marketplace icon) from images/icon.svg, drawn by Chromium
// (Debian's, as the editor tests use it): `node scripts/render-icon.mjs`. Run it after editing the SVG.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../test/editor/harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(path.join(root, 'images/icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(root, 'images/icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
