#!/usr/bin/env node
// The byte-identity check of speed work: a SHA-256 of the full scan() result (records, pages,
// dates, as JSON) of every document of the benchmark corpus (../shared/corpus/bench, 3,086
// documents, split on their `=== ` header lines as test/bench and scripts/audit-rules.mjs do),
// and one digest over all of them.
//   npm run hash-bench                       prints the combined digest and the time taken
//   node scripts/hash-bench.mjs --save f     writes one "<index> <id> <sha256>" line per document
//   node scripts/hash-bench.mjs --check f    compares with a saved file; exits 1 on any difference
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = join(ROOT, '..', 'shared', 'corpus', 'bench');
const args = process.argv.slice(2);
const value = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
if (!existsSync(BENCH)) {
  console.log(`hash-bench: ${BENCH} is not there (the benchmark corpus sits beside the repository); skipped`);
  process.exit(0);
}
const { scan } = await import(join(ROOT, 'dist', 'index.js'));

const lines = [];
const all = createHash('sha256');
let n = 0;
const started = performance.now();
for (const file of ['jfk-doctly.txt.gz', 'jfk-ocr.txt.gz']) {
  for (const text of gunzipSync(readFileSync(join(BENCH, file))).toString('utf8').split(/^(?==== )/m)) {
    const id = text.slice(4, text.indexOf('\n'));
    const digest = createHash('sha256').update(JSON.stringify(scan(text, { source: id }))).digest('hex');
    all.update(digest);
    lines.push(`${n} ${id.replaceAll(' ', '_')} ${digest}`);
    n += 1;
  }
}
const seconds = (performance.now() - started) / 1000;
const combined = all.digest('hex');
console.log(`hash-bench: ${n} documents, combined sha256 ${combined} (${seconds.toFixed(1)} s)`);
const save = value('--save');
if (save) {
  mkdirSync(dirname(save), { recursive: true });
  writeFileSync(save, `${lines.join('\n')}\n`);
}
const check = value('--check');
if (check) {
  const expected = readFileSync(check, 'utf8').trim().split('\n');
  const differ = lines.filter((l, i) => l !== expected[i]);
  if (expected.length !== lines.length || differ.length > 0) {
    console.log(`hash-bench: ${differ.length} of ${lines.length} documents differ from ${check} (${expected.length} expected); first: ${differ.slice(0, 5).join(', ')}`);
    process.exit(1);
  }
  console.log(`hash-bench: all ${n} documents identical to ${check}`);
}
