#!/usr/bin/env node
// The false-alarm budget, measured on real text: runs the built-in rule sets on every document of
// the benchmark corpus (../shared/corpus/bench, 3,086 JFK release documents) and prints findings
// per rule and severity per 1,000 documents, then draws findings at random (fixed seed) for a
// person to judge by reading the document: each with its rule, message, place and the lines
// around it.
//   npm run audit-rules                          (recommended and strict, 20 errors + 20 warnings drawn)
//   node scripts/audit-rules.mjs --sets recommended --errors 20 --warnings 20 --seed 13 [--out file.json]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { seededRandom } from './seeded-random.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = join(ROOT, '..', 'shared', 'corpus', 'bench');
const args = process.argv.slice(2);
const value = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const sets = value('--sets', 'recommended,strict').split(',');
const draws = { error: Number(value('--errors', 20)), warning: Number(value('--warnings', 20)) };
const seed = Number(value('--seed', 13));
const out = value('--out', undefined);

if (!existsSync(BENCH)) {
  console.log(`audit-rules: ${BENCH} is not there (the benchmark corpus sits beside the repository); skipped`);
  process.exit(0);
}
const { analyze, getBuiltInRuleSet } = await import(join(ROOT, 'dist', 'index.js'));

const documents = [];
for (const file of ['jfk-doctly.txt.gz', 'jfk-ocr.txt.gz']) {
  for (const text of gunzipSync(readFileSync(join(BENCH, file))).toString('utf8').split(/^(?==== )/m)) {
    documents.push({ id: text.slice(4, text.indexOf('\n')), text });
  }
}

const report = {};
for (const name of sets) {
  const ruleSets = [getBuiltInRuleSet(name)];
  const counts = new Map();
  const findings = [];
  const started = performance.now();
  for (const doc of documents) {
    const { findings: found } = analyze(doc.text, { source: doc.id, ruleSets });
    for (const f of found) {
      const key = `${f.ruleId}\t${f.severity}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (f.severity === 'error' || f.severity === 'warning') findings.push({ doc, f });
    }
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`\n${name}: ${documents.length} documents, ${seconds.toFixed(1)} s`);
  console.log(`${'rule'.padEnd(36)} ${'severity'.padEnd(8)} ${'findings'.padStart(8)} ${'per 1,000 docs'.padStart(14)}`);
  const rows = [...counts].map(([k, n]) => [...k.split('\t'), n]).sort((a, b) => a[1].localeCompare(b[1]) || b[2] - a[2]);
  for (const [rule, severity, n] of rows) console.log(`${rule.padEnd(36)} ${severity.padEnd(8)} ${String(n).padStart(8)} ${((1000 * n) / documents.length).toFixed(1).padStart(14)}`);
  const next = seededRandom(seed);
  const sample = [];
  for (const severity of ['error', 'warning']) {
    const pool = findings.filter((x) => x.f.severity === severity);
    for (let k = 0; k < draws[severity] && pool.length > 0; k++) sample.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
  }
  console.log(`\n${name}: ${sample.length} findings drawn (seed ${seed})`);
  for (const { doc, f } of sample) {
    const lines = doc.text.split('\n');
    const at = f.span.start.line - 1;
    console.log(`\n--- [${f.severity}] ${f.ruleId} ${doc.id} ${f.span.start.line}:${f.span.start.column}\n    ${f.message}`);
    for (let k = Math.max(0, at - 3); k <= Math.min(lines.length - 1, at + 3); k++) console.log(`    ${String(k + 1).padStart(5)}${k === at ? '>' : ' '} ${lines[k].slice(0, 160)}`);
  }
  report[name] = { documents: documents.length, counts: Object.fromEntries(counts), sample: sample.map(({ doc, f }) => ({ document: doc.id, ruleId: f.ruleId, severity: f.severity, message: f.message, line: f.span.start.line, column: f.span.start.column })) };
}
if (out) writeFileSync(out, `${JSON.stringify(report, null, 1)}\n`);
