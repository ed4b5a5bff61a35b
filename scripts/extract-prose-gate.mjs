#!/usr/bin/env node
// Builds the benchmark prose gate: sentences of running text drawn from the benchmark corpus
// (../shared/corpus/bench) with a fixed seed, keeping only those that hold nothing a marking
// could be made of, by a test that does not use the scanner (the words and signs of the markings,
// listed below). The scanner must read no marking in any of them
// (test/scan/clean-prose.test.ts). Blind-sample documents are left out.
//   node scripts/extract-prose-gate.mjs [--count 2000] [--seed 7]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { seededRandom } from './seeded-random.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = join(ROOT, '..', 'shared', 'corpus', 'bench');
const OUT = join(ROOT, 'test', 'fixtures', 'prose-gate', 'bench-sentences.txt');
const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const count = flag('--count', 2000);
const seed = flag('--seed', 7);

// Anything a marking could be read from: classification and control words in capitals, codes,
// declassification and release vocabulary in any case, brackets, blocks, page and document ids.
const MARKING_LIKE =
  /\((?:TS|S|C|U|R)(?:\/\/[A-Z]+)?\)|\b(?:TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|RESTRICTED|NOFORN|NODIS|EXDIS|LIMDIS|ORCON|RYBAT|KAPOK|WNINTEL|EYES ONLY|SENSITIVE|OADR|IMPDET|GDS|NOCONTRACT|PROPIN|DISSEM|SPECAT)\b|\(\s?[a-zA-Z]\s?\)\s?\(\s?\d|\b[bBjJkKdD]-?\d\b|\b(?:25|50|75)X|\bX[1-8]\b|\b1\.[3-6]\s?\(|\bGROUP\s?\d|\bGP-?\d|classif|declass|exempt|redact|withh[eo]ld|withdr[ae]w|sanitiz|objection|released?\b|review|excis|delet|illegib|[[\]{}█■]|XXXX|Doc[Il1]d|Page\s+\d|\bNW\s?\d|JFK|Secret|Confidential|Eyes Only|portion/i;

const blind = new Set();
for (const set of ['blind', 'blind-2']) {
  for (const d of JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'corpus', set, 'manifest.json'), 'utf8')).documents) {
    for (const id of d.source.match(/\d{3}-\d{5}-\d{5}|jfk_doc_\d+/g) ?? []) blind.add(id);
  }
}

const sentences = [];
for (const file of ['jfk-doctly.txt.gz', 'jfk-ocr.txt.gz']) {
  for (const doc of gunzipSync(readFileSync(join(BENCH, file))).toString('utf8').split(/^(?==== )/m)) {
    const header = doc.slice(0, doc.indexOf('\n'));
    if ((header.match(/\d{3}-\d{5}-\d{5}|jfk_doc_\d+/g) ?? []).some((id) => blind.has(id))) continue;
    for (const line of doc.split('\n')) {
      // Running text: long lines of lower-case words.
      if (line.length < 80 || (line.match(/\b[a-z]{3,}\b/g) ?? []).length < 10) continue;
      for (const sentence of line.split(/(?<=[.!?])\s+(?=[A-Z])/)) {
        if (sentence.length >= 60 && sentence.length <= 400 && !MARKING_LIKE.test(sentence)) sentences.push(sentence.trim());
      }
    }
  }
}
const next = seededRandom(seed);
const drawn = new Set();
while (drawn.size < count && drawn.size < sentences.length) drawn.add(sentences[Math.floor(next() * sentences.length)]);
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, `${[...drawn].join('\n\n')}\n`);
console.log(`${drawn.size} sentences of ${sentences.length} candidates written to ${OUT}`);
