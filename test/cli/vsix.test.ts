// The .vsix as the Marketplace and VS Code get it (#19 point 5): `npm run package`'s script into a
// temporary file, then read back with vsce's own zip reader. Its README (the Marketplace page) must
// show its pictures, so every image is an https URL of the repository naming a file that exists.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const repository = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

let tmp: string;
let vsix: string;
let entries: Map<string, Buffer>;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'jdlint-vsix-'));
  vsix = path.join(tmp, 'jdlint.vsix');
  // npm test builds first; run alone, the bundles are built here.
  if (!existsSync(path.join(root, 'dist/client.js'))) execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'ignore' });
  execFileSync(process.execPath, [path.join(root, 'scripts/package.mjs'), '--out', vsix], { cwd: root, stdio: 'ignore' });
  const { readZip } = (await import(path.join(root, 'node_modules/@vscode/vsce/out/zip.js'))) as {
    readZip(file: string, filter: (name: string) => boolean): Promise<Map<string, Buffer>>;
  };
  entries = await readZip(vsix, () => true);
}, 240_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the .vsix', () => {
  it('stays under its 450 KB budget', () => {
    const kb = statSync(vsix).size / 1024;
    console.log(`.vsix: ${kb.toFixed(0)} KB, ${entries.size} entries`);
    expect(kb).toBeLessThan(450);
  });

  it('holds the extension, its icon and CHANGELOG, and none of the npm-only bundles', () => {
    const names = [...entries.keys()];
    for (const f of ['extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/server-main.js', 'extension/changelog.md', 'extension/images/icon.png']) {
      expect(names).toContain(f);
    }
    expect(names.filter((n) => /dist\/(api|cli|cli-main)\.js$|node_modules|\.ts$/.test(n))).toEqual([]);
    const manifest = JSON.parse(entries.get('extension/package.json')!.toString('utf8'));
    expect(manifest.icon).toBe('images/icon.png');
    expect(manifest.files).toBeUndefined();
    // A 128x128 PNG (the Marketplace's size): the IHDR chunk's width and height.
    const icon = entries.get('extension/images/icon.png')!;
    expect(icon.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([128, 128]);
  });

  it("README: every image and relative link points into the repository at a file that exists", () => {
    const readme = entries.get('extension/readme.md')!.toString('utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    expect(images.length).toBeGreaterThan(2);
    for (const url of images) {
      expect(url.startsWith(`${repository}/raw/HEAD/`), url).toBe(true);
      expect(existsSync(path.join(root, url.slice(`${repository}/raw/HEAD/`.length))), url).toBe(true);
    }
    const links = [...readme.matchAll(/[^!]\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((u) => !u.startsWith('#'));
    for (const url of links.filter((u) => u.startsWith(repository))) {
      const file = url.slice(`${repository}/blob/HEAD/`.length).replace(/#.*$/, '');
      expect(existsSync(path.join(root, file)), url).toBe(true);
    }
    expect(links.filter((u) => !/^https?:\/\//.test(u))).toEqual([]);
  });
});
