#!/usr/bin/env node
// npm run bench: throughput, records/s and peak memory of scan and analyze on the benchmark
// corpus (../shared/corpus/bench, 122 MB of declassified text), ripgrep over the same bytes for
// scale, where the time goes per family, a 1 GB stream, and --jobs on a folder of documents.
// Benchmarks, not tests: they print figures and fail only when they cannot run.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const ROOT = join(import.meta.dirname, '..', '..');
const BENCH = join(ROOT, '..', 'shared', 'corpus', 'bench');
const CHILD = join(import.meta.dirname, 'bench-child.mjs');
// The fixed anchor the project's speed is compared with (../shared/corpus/bench/README.md);
// the project's own 39 patterns where the corpus folder has no anchor file.
const ANCHOR = join(BENCH, 'rg-patterns.txt');
const PATTERNS = existsSync(ANCHOR) ? ANCHOR : join(import.meta.dirname, 'patterns.txt');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const STREAM_CHARS = Number(process.env.BENCH_STREAM_CHARS ?? 1e9);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f1 = (n) => n.toFixed(1);

if (!existsSync(BENCH)) {
  console.error(`npm run bench: no benchmark corpus at ${BENCH} (it comes with ../shared)`);
  process.exit(2);
}
const gzFiles = readdirSync(BENCH).filter((f) => f.endsWith('.txt.gz')).sort().map((f) => join(BENCH, f));
const work = join(tmpdir(), 'redaction-audit-bench');
mkdirSync(work, { recursive: true });
const corpusPath = join(work, 'corpus.txt');
// Decompress once; every measurement reads these bytes.
const bytes = Buffer.concat(gzFiles.map((f) => gunzipSync(readFileSync(f))));
writeFileSync(corpusPath, bytes);
const mb = bytes.length / 1e6;
console.log(`redaction-audit benchmark — Node ${process.version}, ${availableParallelism()} cores`);
console.log(`corpus: ${gzFiles.length} files, ${f1(mb)} MB of text (${gzFiles.map((f) => f.split('/').pop()).join(', ')})\n`);

function child(...args) {
  // The stream runs with the heap capped at 128 MB: left alone, V8 grows its heap lazily (to
  // about 320 MB here) although the live data stays flat; the cap shows what the stream needs.
  const flags = args[0] === 'stream' ? ['--max-old-space-size=128'] : [];
  const r = spawnSync(process.execPath, [...flags, CHILD, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`bench child ${args[0]} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

// ripgrep over the same bytes, in its fast configuration (no Unicode word boundaries).
let rg = null;
const rgVersion = spawnSync('rg', ['--version'], { encoding: 'utf8' });
if (rgVersion.status === 0) {
  const runOnce = () => {
    const t = performance.now();
    const matches = Number(execFileSync('rg', ['--no-unicode', '--count-matches', '-f', PATTERNS, corpusPath], { encoding: 'utf8' }).trim() || 0);
    return { ms: performance.now() - t, matches };
  };
  runOnce();
  const runs = [runOnce(), runOnce(), runOnce()];
  rg = { version: rgVersion.stdout.split('\n')[0], ms: median(runs.map((r) => r.ms)), matches: runs[0].matches };
  rg.mbPerSec = mb / (rg.ms / 1000);
}

const scanResult = child('scan', corpusPath);
const analyzeResult = child('analyze', corpusPath);

console.log('single thread, median of 3 runs after a warm-up, each document scanned on its own:');
console.log('  what                      MB/s   records/s   peak RSS   (corpus alone in memory)');
for (const r of [scanResult, analyzeResult]) {
  const name = r.mode === 'scan' ? 'scan' : 'analyze (recommended)';
  console.log(`  ${name.padEnd(22)} ${f1(r.mbPerSec).padStart(7)} ${Math.round(r.recordsPerSec).toLocaleString('en-US').padStart(11)}   ${Math.round(r.peakRssMB).toString().padStart(5)} MB   (${Math.round(r.loadedRssMB)} MB)`);
}
console.log(`  (${scanResult.documents.toLocaleString('en-US')} documents, ${scanResult.records.toLocaleString('en-US')} records; runs ${scanResult.runsMs.join(', ')} ms for scan)`);
if (rg) {
  console.log(`  ${'ripgrep'.padEnd(22)} ${f1(rg.mbPerSec).padStart(7)}   (${rg.version}, --no-unicode, ${readFileSync(PATTERNS, 'utf8').trim().split('\n').length} patterns in ${PATTERNS === ANCHOR ? '../shared/corpus/bench/rg-patterns.txt, the anchor' : 'test/bench/patterns.txt'}, ${rg.matches.toLocaleString('en-US')} matches)`);
  console.log(`\n  scan / ripgrep throughput: ${(scanResult.mbPerSec / rg.mbPerSec).toFixed(3)} (target 0.4)`);
} else {
  console.log('\n  ripgrep: not installed, so no ratio (install it with `apt-get install ripgrep`)');
}

const fam = child('families', corpusPath);
console.log(`\nwhere scan's time goes (first quarter of the corpus, ${f1(fam.sampleMb)} MB; fastest of 5; a family's share is what leaving it out saves):`);
console.log(`  shared (trigger pass, lines, dates, pages)     ${Math.round(fam.sharedMs).toString().padStart(6)} ms  ${f1((100 * fam.sharedMs) / fam.allMs).padStart(5)}%`);
for (const row of [...fam.rows].sort((a, b) => b.ms - a.ms)) {
  console.log(`  ${row.family.padEnd(46)} ${Math.round(row.ms).toString().padStart(6)} ms  ${f1((100 * row.ms) / fam.allMs).padStart(5)}%`);
}
console.log(`  all families together                          ${Math.round(fam.allMs).toString().padStart(6)} ms`);
// What any detector design built on this shared work could reach at most: the shared work alone.
console.log(`  the shared work alone runs at ${f1(fam.sampleMb / (fam.sharedMs / 1000))} MB/s: the ceiling of \`scan\` in this design, before any detector runs (target 100 MB/s)`);

const stream = child('stream', gzFiles.join(','), String(STREAM_CHARS));
console.log(`\nstreaming ${f1(stream.chars / 1e9)} G code units (the corpus repeated, read through gunzip in 64 KiB chunks; heap capped at 128 MB):`);
console.log(`  ${f1(stream.chars / 1e6 / stream.seconds)} MB/s, ${stream.pages.toLocaleString('en-US')} pages, ${stream.records.toLocaleString('en-US')} records, peak RSS ${Math.round(stream.peakRssMB)} MB (target < 200 MB)`);

// --jobs on a folder of documents: every third document of the corpus, one file each.
const folder = join(work, 'documents');
rmSync(folder, { recursive: true, force: true });
mkdirSync(folder);
const documents = bytes.toString('utf8').split(/^(?==== )/m);
let folderBytes = 0;
documents.forEach((d, i) => {
  if (i % 3 !== 0) return;
  writeFileSync(join(folder, `doc-${String(i).padStart(5, '0')}.txt`), d);
  folderBytes += Buffer.byteLength(d);
});
const cores = availableParallelism();
const timeCli = (jobs) => {
  const ms = [];
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    const res = spawnSync(process.execPath, [CLI, 'summary', folder, '--format', 'csv', '-o', join(work, `summary-${jobs}.csv`), '-q', '--jobs', String(jobs)], { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`summary --jobs ${jobs} failed: ${res.stderr}`);
    ms.push(performance.now() - t);
  }
  return median(ms);
};
const one = timeCli(1);
const many = timeCli(cores);
const same = readFileSync(join(work, 'summary-1.csv'), 'utf8') === readFileSync(join(work, `summary-${cores}.csv`), 'utf8');
console.log(`\n--jobs on a folder of ${Math.ceil(documents.length / 3).toLocaleString('en-US')} documents (${f1(folderBytes / 1e6)} MB), \`summary --format csv\`, whole command, median of 3:`);
console.log(`  --jobs 1: ${(one / 1000).toFixed(2)} s (${f1(folderBytes / 1e6 / (one / 1000))} MB/s)   --jobs ${cores}: ${(many / 1000).toFixed(2)} s (${f1(folderBytes / 1e6 / (many / 1000))} MB/s)   speed-up ${(one / many).toFixed(2)}× (target 1.7× on 2 cores); output identical: ${same ? 'yes' : 'NO'}`);

// The ceiling this machine sets: independent processes, each scanning its share of the folder,
// started together, against one process scanning it all.
const SHARE = `import{readFileSync as r,readdirSync as d}from'node:fs';import{scan}from${JSON.stringify(new URL('../../dist/index.js', import.meta.url).href)};const[dir,i,n]=process.argv.slice(1);const f=d(dir).sort();for(let k=Number(i);k<f.length;k+=Number(n))scan(r(dir+'/'+f[k],'utf8'));`;
const shares = async (parts) => {
  const t = performance.now();
  await Promise.all(
    Array.from(
      { length: parts },
      (_, i) =>
        new Promise((resolve, reject) => {
          const p = spawn(process.execPath, ['--input-type=module', '-e', SHARE, folder, String(i), String(parts)], { stdio: 'inherit' });
          p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`share ${i} exited with ${code}`))));
        }),
    ),
  );
  return performance.now() - t;
};
if (cores > 1) {
  const serial = await shares(1);
  const parallel = await shares(cores);
  console.log(`  for scale: ${cores} independent processes, each scanning a share, run ${(serial / parallel).toFixed(2)}× faster than one (the most threads can give on this machine)`);
}
// The CLI's peak memory on a large file and on many files, and what worker threads send back.
const cli = spawnSync(process.execPath, [join(import.meta.dirname, 'bench-cli.mjs'), corpusPath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
if (cli.status !== 0) throw new Error('bench-cli failed');
process.stdout.write(cli.stdout);

rmSync(work, { recursive: true, force: true });

// Pages per second of PDF extraction, on a 500-page PDF generated for the purpose.
const pdf = spawnSync(process.execPath, [join(import.meta.dirname, 'bench-pdf.mjs')], { encoding: 'utf8' });
if (pdf.status !== 0) throw new Error(`bench-pdf failed: ${pdf.stderr}`);
process.stdout.write(pdf.stdout);
