// Tunes the reading on ../shared/data (postings and their reader labels) and writes the numbers
// into the project; only numbers are kept, never posting text:
// - the weight of each duty-lexicon pattern -> rules/lexicons/duties.json ("tuned");
// - the calibration of evidence to a reader's ML-engineering share -> rules/training/calibration.json.
// How each is learned is in scripts/tuning.ts; `npm run eval` learns the same on folds and
// reports the held-out ones.
// Usage: npm run tune [-- DATA_DIR]
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { useTunedWeights } from '../server/src/engine/classifier';
import { calibrationSamples, fitCalibration, loadDevPostings, patternsIn, tunePatternWeights } from './tuning';

const root = process.cwd();
const lexiconPath = path.join(root, 'rules/lexicons/duties.json');
const calibrationPath = path.join(root, 'rules/training/calibration.json');
const dataDir = process.argv[2] ?? path.resolve(root, '../shared/data');

const lexicon = JSON.parse(readFileSync(lexiconPath, 'utf8'));
const rows = loadDevPostings(dataDir);
const judged = rows.filter((r) => r.reader);
const tuned = tunePatternWeights(
  lexicon.terms,
  judged.map((r) => ({ reader: r.reader, patterns: patternsIn(r) })),
);
let count = 0;
for (const term of lexicon.terms) {
  if (term.role === 'shared') continue;
  term.tuned = tuned[term.label] ?? {};
  count += Object.keys(term.tuned).length;
}
writeFileSync(lexiconPath, JSON.stringify(lexicon, null, 1) + '\n');

useTunedWeights(tuned);
const calibration = fitCalibration(calibrationSamples(judged));
const file = {
  source:
    "Fit by `npm run tune` (scripts/tuning.ts, fitCalibration) to the reader labels of the DS/MLE-titled development postings (../shared/data/reader-labels.tsv): the ML-engineering share is sigmoid(intercept + slope * ln(mle / ds)) of a body's evidence masses, least cross-entropy against the reader's share. Only these two numbers are kept.",
  intercept: calibration.intercept,
  slope: calibration.slope,
};
writeFileSync(calibrationPath, JSON.stringify(file, null, 1) + '\n');
console.log(`tuned ${count} patterns on ${judged.length} reader-labelled postings -> ${path.relative(root, lexiconPath)}`);
console.log(`calibration: intercept ${calibration.intercept}, slope ${calibration.slope} -> ${path.relative(root, calibrationPath)}`);
