// One measurement of `npm run bench`, in a process of its own so its peak RSS is its own.
//   node test/bench/bench-child.mjs <scan|analyze|families|stream> <corpus.txt> [bytes]
import { readFileSync, createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { analyze, scan, scanStream, FAMILIES, getBuiltInRuleSet } from '../../dist/index.js';

const [mode, corpusPath, arg] = process.argv.slice(2);
const RUNS = 3;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// Peak resident memory of this process. On Linux VmHWM starts afresh at exec; getrusage's
// maxRSS does not (a child started by a large parent would report the parent's peak).
const rssMB = () => {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
};
const out = (result) => process.stdout.write(`${JSON.stringify(result)}\n`);

if (mode === 'stream') {
  // Streams the corpus, repeated, straight from the gzip files: the text is never whole in memory.
  const target = Number(arg);
  const files = corpusPath.split(',');
  async function* chunks() {
    let sent = 0;
    for (;;) {
      for (const f of files) {
        const s = createReadStream(f).pipe(createGunzip());
        s.setEncoding('utf8');
        for await (const c of s) {
          if (sent >= target) {
            s.destroy();
            return;
          }
          sent += c.length;
          yield c;
        }
      }
    }
  }
  const t = performance.now();
  let records = 0;
  let pages = 0;
  for await (const p of scanStream(chunks())) {
    records += p.records.length;
    pages += 1;
  }
  const s = (performance.now() - t) / 1000;
  out({ chars: target, seconds: s, records, pages, peakRssMB: rssMB() });
  process.exit(0);
}

const text = readFileSync(corpusPath, 'utf8');
const documents = text.split(/^(?==== )/m);
const loadedRssMB = process.memoryUsage().rss / 1e6;
const mb = Buffer.byteLength(text, 'utf8') / 1e6;

function pass(fn) {
  const t = performance.now();
  let records = 0;
  for (const d of documents) records += fn(d);
  return { ms: performance.now() - t, records };
}

if (mode === 'scan' || mode === 'analyze') {
  const recommended = [getBuiltInRuleSet('recommended')];
  const fn = mode === 'scan' ? (d) => scan(d).records.length : (d) => analyze(d, { ruleSets: recommended }).records.length;
  // Warm-up: the first 10% of the documents, so the JIT has seen every detector.
  for (const d of documents.slice(0, Math.ceil(documents.length / 10))) fn(d);
  const runs = Array.from({ length: RUNS }, () => pass(fn));
  const ms = median(runs.map((r) => r.ms));
  out({ mode, mb, documents: documents.length, records: runs[0].records, runsMs: runs.map((r) => Math.round(r.ms)), mbPerSec: mb / (ms / 1000), recordsPerSec: runs[0].records / (ms / 1000), loadedRssMB, peakRssMB: rssMB() });
} else if (mode === 'families') {
  // Where the time goes, on the first quarter of the corpus: the shared work (the trigger
  // pass, line index, dates, page markers) with no detector at all, and for each family what
  // leaving it out saves (analyses several families share, such as code runs, count for none).
  const sample = documents.slice(0, Math.ceil(documents.length / 4));
  const sampleMb = sample.reduce((n, d) => n + Buffer.byteLength(d, 'utf8'), 0) / 1e6;
  const time = (families) => {
    for (const d of sample.slice(0, 50)) scan(d, { families });
    // The fastest of five runs: the differences measured here are small, and noise only adds.
    const ms = [];
    for (let r = 0; r < 5; r++) {
      const t = performance.now();
      for (const d of sample) scan(d, { families });
      ms.push(performance.now() - t);
    }
    return Math.min(...ms);
  };
  const all = time(undefined);
  const base = time([]);
  const rows = FAMILIES.map((f) => ({ family: f, ms: Math.max(0, all - time(FAMILIES.filter((g) => g !== f))) }));
  out({ mode, sampleMb, sharedMs: base, rows, allMs: all });
}
