// `npm run docs`: rewrites the generated regions of README.md and docs/rules/*.md from the rule
// registry and from `jdlint examples/` (see scripts/docs.ts). Run it after changing a rule's
// metadata, an example posting or anything that changes the sample output.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expectedDocs } from './docs';

async function main(root: string): Promise<void> {
  let changed = 0;
  for (const [file, text] of await expectedDocs(root)) {
    const full = path.join(root, file);
    if (readFileSync(full, 'utf8') === text) continue;
    writeFileSync(full, text);
    console.log(`updated ${file}`);
    changed++;
  }
  console.log(changed ? `${changed} file(s) updated` : 'docs up to date');
}

main(path.resolve(process.argv[2] ?? '.')).catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
