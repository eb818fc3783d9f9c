// Seeded inputs for the fuzz checks: postings written for the project, mutated by inserting,
// deleting, duplicating and swapping pieces, plus Markdown syntax, line breaks of every kind,
// suppression comments, front matter and control characters. Same seed, same inputs.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** mulberry32: small, fast, and the same on every platform. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The project's own postings: examples and test fixtures (never the shared data). */
export function seedPostings(root = path.resolve(__dirname, '../..')): string[] {
  const dirs = ['examples', 'test/fixtures/editor', 'test/fixtures/lsp', 'test/fixtures/parser'];
  return dirs.flatMap((d) =>
    readdirSync(path.join(root, d))
      .filter((f) => /\.(md|txt)$/.test(f))
      .map((f) => readFileSync(path.join(root, d, f), 'utf8')),
  );
}

const PIECES = [
  '\n', '\r\n', '\r', '\n\n', ' ', '\t', '# ', '## ', '- ', '* ', '1. ', '> ', '---\n', '===\n', '```\n', '~~~', '    ',
  '**', '_', '`', '[', ']', '(', ')', '<', '>', '<!--', '-->', '<!-- jdlint-disable -->', '<!-- jdlint-enable -->',
  '<!-- jdlint-disable-next-line exclusionary-language -->\n', '<!-- jdlint-disable-file -->', '<!-- jdlint-disable-file no-such-rule -->',
  '---\ntitle: Data Scientist\n---\n', '---\ntitle: [\n', 'Title: Machine Learning Engineer\n', 'Responsibilities:\n', 'Requirements:\n',
  'rockstar', 'ninja', 'young and dynamic', 'native English speaker', '10+ years of LangChain', '$120,000 - $150,000 per year',
  'Kubernetes', 'A/B tests', 'stakeholders', 'deploy', 'CI/CD', '\u0000', '\u0007', '\ufeff', '\u2028', '😀', 'é', '\u0301', '•', '·',
  'https://example.com/a:b', ':', '...', '!', '?', '|', '&amp;', '\\',
];

/** One mutated document. */
export function mutate(next: () => number, seeds: string[]): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  let text = next() < 0.1 ? '' : pick(seeds);
  const edits = 1 + Math.floor(next() * 8);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * (text.length + 1));
    const r = next();
    if (r < 0.45) text = text.slice(0, at) + pick(PIECES) + text.slice(at);
    else if (r < 0.65) text = text.slice(0, at) + text.slice(at + Math.floor(next() * 40));
    else if (r < 0.75) {
      // A stretch repeated: long lines, many items, deep nesting.
      const len = 1 + Math.floor(next() * 30);
      text = text.slice(0, at) + text.slice(at, at + len).repeat(1 + Math.floor(next() * 50)) + text.slice(at);
    } else if (r < 0.85) {
      const other = pick(seeds);
      const from = Math.floor(next() * other.length);
      text = text.slice(0, at) + other.slice(from, from + Math.floor(next() * 400)) + text.slice(at);
    } else if (r < 0.95) text = text.slice(0, at) + pick(PIECES).repeat(1 + Math.floor(next() * 200)) + text.slice(at);
    else text = text.slice(0, at) + String.fromCharCode(Math.floor(next() * 0xffff)) + text.slice(at);
  }
  return text;
}

/** A random LSP edit of a document (positions may lie past a line's or the document's end). */
export function randomEdit(next: () => number, text: string): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } {
  const lines = text.split(/\r\n|\r|\n/).length;
  const pos = () => ({ line: Math.floor(next() * (lines + 2)) - (next() < 0.02 ? 1 : 0), character: Math.floor(next() * 60) });
  const a = pos();
  const b = next() < 0.5 ? a : pos();
  const insert = next() < 0.3 ? '' : PIECES[Math.floor(next() * PIECES.length)];
  return { range: { start: a, end: b }, text: insert };
}
