// How often each rule fires on the development postings (../shared/data, read at run time).
// Usage: npm run rule-stats
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RULES } from '../rules/index';
import { lint } from '../server/src/linter';

const file = process.argv[2] ?? path.resolve(process.cwd(), '../shared/data/postings-dev.jsonl');
const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { title: string; description: string });
const postings = new Map<string, number>();
const findings = new Map<string, number>();
for (const r of rows) {
  const seen = new Set<string>();
  for (const f of lint(`# ${r.title}\n\n${r.description}`).findings) {
    findings.set(f.rule, (findings.get(f.rule) ?? 0) + 1);
    seen.add(f.rule);
  }
  for (const id of seen) postings.set(id, (postings.get(id) ?? 0) + 1);
}
console.log(`| rule | postings flagged (of ${rows.length}) | share | findings |`);
console.log('|---|---|---|---|');
for (const id of [...RULES.map((r) => r.id), 'document-input']) {
  const n = postings.get(id) ?? 0;
  console.log(`| ${id} | ${n} | ${((100 * n) / rows.length).toFixed(1)}% | ${findings.get(id) ?? 0} |`);
}
