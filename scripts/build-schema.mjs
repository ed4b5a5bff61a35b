#!/usr/bin/env node
// Writes rules/rule-set.schema.json from the zod schema of rule-set files (via the built
// package, so run `npm run build` first; `npm run schema` does both). A test fails when the
// shipped file is stale.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ruleSetJsonSchema } from '../dist/index.js';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'rules', 'rule-set.schema.json');
writeFileSync(target, `${JSON.stringify(ruleSetJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
