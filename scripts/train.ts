// Build-time training (run by scripts/build.mjs before bundling). natural's BayesClassifier learns,
// from the labelled duty lines in rules/training/duty-lines.json, how strongly each lexicon label
// (the features are the labels of the evidence found in a line, never raw words) points to data
// science or ML engineering. The slim result, one log-likelihood ratio per label, is written to
// server/src/engine/generated/term-weights.json and blended into the lexicon weights by the
// classifier, so a learned weight is still the weight of a named, shown term.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier';
import { findEvidence } from '../server/src/engine/classifier';

/** Share of a term's weight that comes from training; the rest is the tuned lexicon weight. */
const BLEND = 0.1;

const root = process.argv[2] ?? process.cwd();
const training = JSON.parse(readFileSync(path.join(root, 'rules/training/duty-lines.json'), 'utf8')) as {
  lines: { text: string; label: 'ds' | 'mle' }[];
};

const bayes = new BayesClassifier();
const labels = new Set<string>();
for (const { text, label } of training.lines) {
  const features = [...new Set(findEvidence(text, 0).filter((e) => e.role !== 'shared').map((e) => e.label))];
  features.forEach((f) => labels.add(f));
  if (features.length > 0) bayes.addDocument(features, label);
}
bayes.train();

const weights: Record<string, number> = {};
for (const label of [...labels].sort()) {
  const p = Object.fromEntries(bayes.getClassifications([label]).map((c) => [c.label, c.value]));
  weights[label] = Math.round(Math.log((p.mle ?? 1e-9) / (p.ds ?? 1e-9)) * 1000) / 1000;
}
const out = path.join(root, 'server/src/engine/generated/term-weights.json');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ blend: BLEND, lines: training.lines.length, weights }, null, 1) + '\n');
console.log(`trained on ${training.lines.length} labelled duty lines: ${Object.keys(weights).length} label weights`);
