// Tunes the weight of each duty-lexicon pattern on ../shared/data/postings-dev.jsonl and writes
// them into rules/lexicons/duties.json ("tuned"). Only numbers are kept, never posting text.
// The weight of a pattern is its smoothed log-likelihood ratio between MLE-titled and DS-titled
// postings (presence in duty sections), kept only when it points the way the lexicon says the
// term points (domain knowledge decides the direction; data decides the strength).
// Usage: npm run tune
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findEvidence } from '../server/src/engine/classifier';
import { parsePosting } from '../server/src/engine/posting';

const root = process.cwd();
const lexiconPath = path.join(root, 'rules/lexicons/duties.json');
const dataPath = process.argv[2] ?? path.resolve(root, '../shared/data/postings-dev.jsonl');
const SMOOTHING = Number(process.env.TUNE_SMOOTHING ?? 5); // pseudo-postings on each side: rare patterns stay near zero
const MIN_POSTINGS = Number(process.env.TUNE_MIN ?? 8); // patterns seen in fewer postings keep their hand-set weight
const SCALE = Number(process.env.TUNE_SCALE ?? 2); // LLR -> weight
const MAX_WEIGHT = Number(process.env.TUNE_MAX ?? 4);

const lexicon = JSON.parse(readFileSync(lexiconPath, 'utf8'));
const counts = new Map<string, { ds: number; mle: number }>();
let nds = 0;
let nmle = 0;
for (const line of readFileSync(dataPath, 'utf8').split('\n')) {
  if (!line) continue;
  const r = JSON.parse(line);
  if (r.title_family !== 'ds' && r.title_family !== 'mle') continue;
  const fam = r.title_family as 'ds' | 'mle';
  if (fam === 'ds') nds++;
  else nmle++;
  const posting = parsePosting(`# ${r.title}\n\n${r.description}`);
  const seen = new Set<string>();
  for (const item of posting.items) {
    if (item.section === 'nonDuty') continue;
    for (const e of findEvidence(item.text, 0)) if (e.pattern) seen.add(`${e.label}\u0000${e.pattern}`);
  }
  for (const k of seen) {
    const c = counts.get(k) ?? { ds: 0, mle: 0 };
    c[fam]++;
    counts.set(k, c);
  }
}

let tuned = 0;
for (const term of lexicon.terms) {
  if (term.role === 'shared') continue;
  term.tuned = {};
  for (const p of term.patterns) {
    const c = counts.get(`${term.label}\u0000${p}`);
    if (!c || c.ds + c.mle < MIN_POSTINGS) continue;
    const llr = Math.log((c.mle + SMOOTHING) / (nmle + 2 * SMOOTHING)) - Math.log((c.ds + SMOOTHING) / (nds + 2 * SMOOTHING));
    const towardsRole = term.role === 'mle' ? llr : -llr;
    term.tuned[p] = Math.round(Math.min(MAX_WEIGHT, Math.max(0, towardsRole * SCALE)) * 100) / 100;
    tuned++;
  }
}
writeFileSync(lexiconPath, JSON.stringify(lexicon, null, 1) + '\n');
console.log(`tuned ${tuned} patterns on ${nds} DS-titled and ${nmle} MLE-titled postings -> ${path.relative(root, lexiconPath)}`);
