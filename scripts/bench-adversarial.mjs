#!/usr/bin/env node
// Times `scan` on each pathological input against ordinary declassified text of the same size
// (the development corpus, repeated), and prints the ratio. Target: 2× or less.
//   npm run bench:adversarial            (builds first)
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { scan } from '../dist/index.js';

const ROOT = join(import.meta.dirname, '..');
const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus', 'dev');

const dir = existsSync(CORPUS) ? CORPUS : join(ROOT, 'examples', 'documents');
const corpusText = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8')).join('\n\f\n');

function ordinary(size) {
  const text = corpusText;
  return text.repeat(Math.ceil(size / text.length)).slice(0, size);
}

const unit = 'The ambassador met the minister; [REDACTED] (b)(1) and more talk of matters. ';
const INPUTS = [
  ['50 MB single line of prose with markings', () => unit.repeat(Math.ceil(50_000_000 / unit.length))],
  ['1,000,000 × "(b)("', () => '(b)('.repeat(1_000_000)],
  ['1,000,000 × "["', () => '['.repeat(1_000_000)],
  ['1,000,000 × "~~"', () => '~~'.repeat(1_000_000)],
  ['100k nested parentheses', () => `${'('.repeat(100_000)}b${')'.repeat(100_000)}`],
  ['1 MB line of 150,000 codes', () => '(b)(1) '.repeat(150_000)],
  ['4 MB of X (typed-over run)', () => 'X'.repeat(4_000_000)],
  ['4 MB of NUL and control characters', () => '\u0000\u0001\u0007(b)(\u0000'.repeat(500_000)],
  ['astral characters around markers, 4 MB', () => '😀(b)(6)😀OADR𝐒 '.repeat(4_000_000 / 18)],
  ['lone CR line ends, 4 MB', () => 'SECRET\r(b)(6) text\rOADR\r'.repeat(4_000_000 / 25)],
];

function time(text, rounds) {
  let best = Infinity;
  let records = 0;
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    records = scan(text).records.length;
    best = Math.min(best, performance.now() - t);
  }
  return { ms: best, records };
}

const rows = [];
for (const [name, make] of INPUTS) {
  const text = make();
  const rounds = text.length > 10_000_000 ? 1 : 3;
  const bad = time(text, rounds);
  const base = time(ordinary(text.length), rounds);
  // Per record as well: an input dense with real markings does more work per MB by design.
  const perRecord = bad.records > 0 ? bad.ms / bad.records / (base.ms / base.records) : null;
  rows.push({ name, mb: (text.length / 1e6).toFixed(1), ms: bad.ms, base: base.ms, ratio: bad.ms / base.ms, records: bad.records, baseRecords: base.records, perRecord });
}
const w = Math.max(...rows.map((r) => r.name.length));
console.log(`${'input'.padEnd(w)}  ${'MB'.padStart(5)}  ${'scan ms'.padStart(8)}  ${'ordinary ms'.padStart(11)}  ${'ratio'.padStart(6)}  ${'records'.padStart(8)}  ${'ordinary'.padStart(8)}  per-record ratio`);
for (const r of rows) {
  console.log(
    `${r.name.padEnd(w)}  ${r.mb.padStart(5)}  ${r.ms.toFixed(0).padStart(8)}  ${r.base.toFixed(0).padStart(11)}  ${(r.ratio.toFixed(2) + '×').padStart(6)}  ${String(r.records).padStart(8)}  ${String(r.baseRecords).padStart(8)}  ${r.perRecord === null ? '-' : `${r.perRecord.toFixed(2)}×`}`,
  );
}
const worst = rows.reduce((a, b) => (b.ratio > a.ratio ? b : a));
console.log(`\nworst: ${worst.name} at ${worst.ratio.toFixed(2)}× ordinary text of the same size (target ≤ 2×); Node ${process.version}`);
