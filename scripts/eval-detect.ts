// Measures posting detection (server/src/engine/detect.ts) on two corpora read in place, never
// copied: every development posting (../shared/data/postings-dev.jsonl, as "# title\n\ndescription")
// must be linted, and the Markdown no one here wrote (READMEs, changelogs and docs under
// node_modules and .cache) must stay quiet: not taken for a posting, or taken for one with no
// finding. Prints both rates and the ids or paths of the misses. Part of `npm run eval`.
// Usage alone: node dist/eval.js --detect-only [--data DIR] [--misses N]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG, type Config } from '../server/src/engine/config';
import { detectPosting } from '../server/src/engine/detect';
import { parsePosting } from '../server/src/engine/posting';
import { lint } from '../server/src/linter';

/** Folders of the non-posting corpus, under the repository. */
const CORPUS_DIRS = ['node_modules', '.cache'];
const BENCH_POSTINGS = '.cache/bench/postings';
/** Markdown files, by name: every one is read, however big (lint() applies the engine's size limit). */
const MARKDOWN = /\.(md|markdown)$/i;

export interface DetectFigures {
  postings: number;
  postingsLinted: number;
  postingMisses: { id: string; reason: string }[];
  others: number;
  othersQuiet: number;
  /** Other Markdown taken for a posting (quiet or not): the verdict's own false positives. */
  othersTaken: number;
  otherMisses: { file: string; reason: string; findings: number }[];
}

/** Every Markdown file under a folder (symbolic links not followed, so nothing is read twice). */
function markdownFiles(dir: string, out: string[] = []): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const f = path.join(dir, name);
    let s;
    try {
      s = statSync(f, { throwIfNoEntry: false });
    } catch {
      continue;
    }
    if (!s) continue;
    if (s.isDirectory()) markdownFiles(f, out);
    else if (s.isFile() && MARKDOWN.test(name)) out.push(f);
  }
  return out;
}

export function measureDetection(root: string, dataDir: string): DetectFigures {
  const config: Config = { ...DEFAULT_CONFIG, detectPostings: true };
  const rows: { id: string; title: string; description: string }[] = readFileSync(path.join(dataDir, 'postings-dev.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const postingMisses: DetectFigures['postingMisses'] = [];
  for (const r of rows) {
    // The verdict lint() starts with, without the lint that follows it.
    const d = detectPosting(parsePosting(`# ${r.title}\n\n${r.description}`));
    if (!d.posting) postingMisses.push({ id: r.id, reason: d.reason });
  }
  // The same README often ships in several packages: each text is counted once.
  const seen = new Set<string>();
  const otherMisses: DetectFigures['otherMisses'] = [];
  let others = 0;
  let othersTaken = 0;
  for (const dir of CORPUS_DIRS) {
    for (const file of markdownFiles(path.join(root, dir)).sort()) {
      // The bench writes the development postings there: counted with the postings, not here.
      if (file.startsWith(path.join(root, BENCH_POSTINGS) + path.sep)) continue;
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      if (text.trim() === '' || seen.has(text)) continue;
      seen.add(text);
      others++;
      const res = lint(text, config);
      if (res.detection.posting) othersTaken++;
      if (res.detection.posting && res.findings.length > 0) otherMisses.push({ file: path.relative(root, file), reason: res.detection.reason, findings: res.findings.length });
    }
  }
  return {
    postings: rows.length,
    postingsLinted: rows.length - postingMisses.length,
    postingMisses,
    others,
    othersQuiet: others - otherMisses.length,
    othersTaken,
    otherMisses,
  };
}

const pct = (a: number, n: number) => `${((100 * a) / Math.max(n, 1)).toFixed(2)}%`;

/** Prints the figures (called at the end of `npm run eval`). */
export function evalDetect(options: { root?: string; dataDir?: string; misses?: number } = {}): DetectFigures {
  const root = options.root ?? process.cwd();
  const dataDir = options.dataDir ?? path.resolve(root, '../shared/data');
  const shown = options.misses ?? 20;
  const t0 = performance.now();
  const f = measureDetection(root, dataDir);
  console.log('\nposting detection (server/src/engine/detect.ts; aims: >= 99.5% of postings linted, >= 98% of other Markdown quiet)');
  console.log(`  development postings linted: ${f.postingsLinted}/${f.postings} = ${pct(f.postingsLinted, f.postings)}`);
  for (const m of f.postingMisses.slice(0, shown)) console.log(`    missed ${m.id}: ${m.reason}`);
  console.log(`  other Markdown quiet (node_modules, .cache; distinct texts): ${f.othersQuiet}/${f.others} = ${pct(f.othersQuiet, f.others)}; taken for postings: ${f.othersTaken}`);
  for (const m of f.otherMisses.slice(0, shown)) console.log(`    linted ${m.file} (${m.findings} finding(s)): ${m.reason}`);
  console.log(`  ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return f;
}
