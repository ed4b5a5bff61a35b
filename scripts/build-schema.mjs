#!/usr/bin/env node
// Writes rules/rule-set.schema.json and rules/config.schema.json from the zod schemas of rule-set and config files (via the built
// package, so run `npm run build` first; `npm run schema` does both). A test fails when the
// shipped file is stale.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configJsonSchema, ruleSetJsonSchema } from '../dist/index.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'rules');
for (const [file, schema] of [['rule-set.schema.json', ruleSetJsonSchema()], ['config.schema.json', configJsonSchema()]]) {
  writeFileSync(join(dir, file), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${join(dir, file)}`);
}
