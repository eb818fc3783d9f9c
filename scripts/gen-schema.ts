// Writes schemas/jdlintrc.schema.json from the rule registry and the documented defaults, so the
// schema cannot drift from the code (the unit test test/unit/schema.test.ts checks it is current).
import { writeFileSync } from 'node:fs';
import { buildSchema } from '../server/src/node/schema';

writeFileSync(process.argv[2] ?? 'schemas/jdlintrc.schema.json', JSON.stringify(buildSchema(), null, 2) + '\n');
