// Build-time (run by scripts/build.mjs after training, before bundling): the Porter stems of every
// word the lexicons stem when they are built, written to server/src/engine/generated/
// lexicon-stems.json, which server/src/engine/text/stemming.ts reads instead of stemming those words again
// at each start. Each stem is computed here with natural's PorterStemmer, never read back from an
// earlier table.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
// Importing the engine builds every lexicon: the classifier's, and the rules' phrase lexicons.
import '../server/src/engine/lint';
import { stemmedWords } from '../server/src/engine/text';

const root = process.argv[2] ?? process.cwd();
const pairs = stemmedWords()
  .sort()
  .map((w) => [w, PorterStemmer.stem(w)]);
const out = path.join(root, 'server/src/engine/generated/lexicon-stems.json');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(pairs) + '\n');
console.log(`stemmed ${pairs.length} lexicon words`);
