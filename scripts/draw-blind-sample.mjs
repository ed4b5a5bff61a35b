#!/usr/bin/env node
// Draws the blind evaluation sample from the benchmark corpus (../shared/corpus/bench) with a fixed
// seed, so that anyone can redraw exactly the same documents:
//
//   node scripts/draw-blind-sample.mjs [outDir] [--seed N] [--count N] [--exclude manifest.json ...]
//
// The first sample (test/fixtures/corpus/blind) used the defaults; the second
// (test/fixtures/corpus/blind-2) used --seed 20261201 --exclude test/fixtures/corpus/blind/manifest.json,
// so that it shares no record with the first; the third (test/fixtures/corpus/blind-3) used
// --seed 20261206 --count 30 and excluded both earlier manifests; the fourth (blind-4) --seed
// 20261207 --count 30, excluding the three before it.
//
// Documents already studied while building the scanner are left out: every record id named in the
// accuracy issues, the documents pinned by the scan snapshot (every 50th document of each file and
// its largest), and the records of the dev corpora. A record converted twice (doctly and raw OCR)
// is drawn at most once. A document longer than MAX_CHARS is cut to an excerpt of whole lines,
// starting at a randomly drawn page start (or line, when it has no page separators), so that a
// person can annotate all of it by hand; the excerpt's line range is kept in the manifest.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { seededRandom } from './seeded-random.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = join(ROOT, '..', 'shared', 'corpus', 'bench');
const MAX_CHARS = 10_000;

// Record ids studied before this sample was drawn (issues 12 and 13, test fixtures, dev corpora).
const STUDIED = new Set(
  `104-10186-10099 jfk_doc_576 104-10222-10043 124-90138-10066 176-10036-10095 104-10077-10382
   177-10002-10096 194-10001-10168 198-10005-10017 202-10002-10124 124-10185-10099 104-10433-10212
   104-10337-10001 104-10438-10186 104-10176-10010 104-10213-10352 104-10225-10007
   194-10002-10094 180-10140-10152 157-10011-10000 157-10004-10280 124-90137-10284 124-90137-10230
   124-10320-10087 124-10281-10028 124-10238-10329 124-10183-10277 124-10180-10295 124-10058-10420
   104-10333-10011 104-10332-10022 104-10330-10070 104-10326-10101 104-10326-10092 104-10326-10087
   104-10326-10079 104-10326-10078 104-10326-10077 104-10326-10075 104-10326-10067 104-10222-10041
   104-10192-10284 104-10164-10099 104-10088-10070 104-10086-10010 104-10074-10347 104-10063-10434
   104-10061-10386 104-10057-10096 104-10014-10066`.split(/\s+/).filter(Boolean),
);

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const valueFlags = new Set(['--seed', '--count', '--exclude']);
const seed = flag('--seed', 20261130);
const count = flag('--count', 40);
const outDir = args.find((a, i) => !a.startsWith('--') && !valueFlags.has(args[i - 1] ?? '')) ?? join(ROOT, 'test', 'fixtures', 'corpus', 'blind');
// Records of earlier samples (their manifests' sources) are left out too.
for (let i = 0; i < args.length; i++) {
  if (args[i] !== '--exclude') continue;
  const manifest = JSON.parse(readFileSync(args[i + 1], 'utf8'));
  for (const d of manifest.documents) for (const id of d.source.match(/\d{3}-\d{5}-\d{5}|jfk_doc_\d+/g) ?? []) STUDIED.add(id);
}

const candidates = [];
for (const file of ['jfk-doctly.txt.gz', 'jfk-ocr.txt.gz']) {
  const parts = gunzipSync(readFileSync(join(BENCH, file))).toString('utf8').split(/^(?==== )/m);
  let largest = 0;
  parts.forEach((p, i) => {
    if (p.length > parts[largest].length) largest = i;
  });
  parts.forEach((text, index) => {
    if (index % 50 === 0 || index === largest) return; // pinned by the scan snapshot
    const header = text.slice(0, text.indexOf('\n'));
    const ids = header.match(/\d{3}-\d{5}-\d{5}|jfk_doc_\d+/g) ?? [];
    if (ids.some((id) => STUDIED.has(id))) return;
    const rif = header.match(/\d{3}-\d{5}-\d{5}/)?.[0];
    candidates.push({ file, index, header, rif, text });
  });
}

const next = seededRandom(seed);
const drawn = [];
const rifs = new Set();
while (drawn.length < count && candidates.length > 0) {
  const [doc] = candidates.splice(Math.floor(next() * candidates.length), 1);
  if (doc.rif && rifs.has(doc.rif)) continue;
  if (doc.rif) rifs.add(doc.rif);
  drawn.push(doc);
}

/** Whole lines of `text` from a drawn page start (or line) up to MAX_CHARS; 1-based line range of the document. */
function excerpt(text) {
  // Drop the corpus header line: it is the corpus's, not the document's.
  const body = text.slice(text.indexOf('\n') + 1).replace(/\n+$/, '\n');
  const lines = body.split('\n');
  if (body.length <= MAX_CHARS) return { text: body, from: 2, to: lines.length };
  const pageStarts = lines.flatMap((l, i) => (/^(?:-{4} Page \d|## Page \d|```text)/.test(l) ? [i] : []));
  const starts = pageStarts.length > 1 ? pageStarts : lines.map((_, i) => i);
  // Only starts that leave a full excerpt after them, so the excerpt is not a stub.
  let tailLength = 0;
  let lastStart = lines.length - 1;
  for (let i = lines.length - 1; i >= 0; i--) {
    tailLength += lines[i].length + 1;
    if (tailLength >= MAX_CHARS * 0.8) {
      lastStart = i;
      break;
    }
  }
  const usable = starts.filter((s) => s <= lastStart);
  const start = (usable.length > 0 ? usable : [0])[Math.floor(next() * (usable.length > 0 ? usable.length : 1))];
  let end = start;
  let length = 0;
  while (end < lines.length && length + lines[end].length + 1 <= MAX_CHARS) length += lines[end++].length + 1;
  if (end === start) end = start + 1;
  return { text: `${lines.slice(start, end).join('\n')}\n`, from: start + 2, to: end + 1 };
}

mkdirSync(outDir, { recursive: true });
const manifest = drawn.map((doc, i) => {
  const id = doc.header.replace(/^=== \S+ /, '');
  const name = `${String(i + 1).padStart(3, '0')}_${doc.file.startsWith('jfk-ocr') ? 'jfk-ocr' : 'jfk'}-${(doc.rif ?? id.match(/jfk_doc_\d+/)?.[0] ?? 'doc').replace(/[^\w-]/g, '')}.txt`;
  const cut = excerpt(doc.text);
  writeFileSync(join(outDir, name), cut.text);
  return {
    file: name,
    source: `../shared/corpus/bench/${doc.file} document #${doc.index} (${doc.header.slice(4)}), lines ${cut.from}-${cut.to} of the document counting its header line as 1`,
    kind: 'ocr',
    chars: cut.text.length,
  };
});
writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify({ seed, count, maxChars: MAX_CHARS, documents: manifest }, null, 1)}\n`);
console.log(`drew ${manifest.length} documents (seed ${seed}) into ${outDir}: ${manifest.reduce((n, d) => n + d.chars, 0)} characters`);
