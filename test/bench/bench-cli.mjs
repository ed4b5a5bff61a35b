#!/usr/bin/env node
// The CLI's memory and what its worker threads send, printed by `npm run bench` (or alone:
// `node test/bench/bench-cli.mjs <corpus.txt>`). Peak RSS of whole commands, measured by
// /usr/bin/time: `scan -f json` and `check` over one large file (the corpus repeated, 1 GB
// unless BENCH_CLI_BYTES says otherwise), `scan -f json`, `check -f json` and `summary -f json`
// over every document as a file of its own, and decoding alone for scale; then the bytes an
// analyzed file carries back from a worker thread per MB of input. Benchmarks, not tests: they
// print figures.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'main.js');
const { analyze, summarize } = await import(new URL('../../dist/index.js', import.meta.url).href);
const corpusPath = process.argv[2];
const LARGE = Number(process.env.BENCH_CLI_BYTES ?? 1e9);
const TIME = '/usr/bin/time';
const f1 = (n) => n.toFixed(1);

const bytes = readFileSync(corpusPath);
const work = join(tmpdir(), 'redaction-audit-bench-cli');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

// One large file: the corpus repeated, cut at a line end.
const large = join(work, 'large.txt');
{
  const fd = openSync(large, 'w');
  let size = 0;
  while (size < LARGE) {
    let n = Math.min(bytes.length, LARGE - size);
    if (n < bytes.length) n = bytes.lastIndexOf(10, n - 1) + 1 || n;
    writeSync(fd, bytes, 0, n);
    size += n;
    if (n < bytes.length) break;
  }
  closeSync(fd);
}
const largeBytes = readFileSync(large, { encoding: null, flag: 'r' }).length;

// Every document as a file of its own.
const folder = join(work, 'documents');
mkdirSync(folder);
const text = bytes.toString('utf8');
const documents = text.split(/^(?==== )/m);
documents.forEach((d, i) => writeFileSync(join(folder, `doc-${String(i).padStart(5, '0')}.txt`), d));

/** Runs the CLI under /usr/bin/time: seconds and peak RSS (MB), output to a file. */
function measure(args, stdinFile) {
  const out = join(work, 'out');
  const input = stdinFile === undefined ? 'ignore' : openSync(stdinFile, 'r');
  const r = spawnSync(TIME, ['-f', '%e %M', process.execPath, CLI, ...args, '-q', '-o', out], { encoding: 'utf8', stdio: [input, 'pipe', 'pipe'] });
  if (typeof input === 'number') closeSync(input);
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [seconds, kb] = last.split(' ').map(Number);
  rmSync(out, { force: true });
  const said = r.stderr.split('\n').filter((l) => l.startsWith('redaction-audit:'));
  return { code: r.status, seconds, rssMB: kb / 1024, note: said.pop()?.slice(0, 160) ?? '' };
}

if (!existsSync(TIME)) {
  console.log('\nCLI memory: /usr/bin/time is not installed, so no peak RSS (apt-get install time)');
} else {
  console.log(`\nCLI peak memory (whole command, /usr/bin/time; target < 300 MB):`);
  // Exit 2 is a refusal or a failure: no throughput then, the reason instead.
  const row = (what, mb, m) => console.log(`  ${what.padEnd(46)} ${String(Math.round(m.rssMB)).padStart(5)} MB  ${f1(m.seconds).padStart(6)} s  ${m.code === 0 || m.code === 1 ? `${f1(mb / m.seconds).padStart(5)} MB/s  exit ${m.code}` : `exit ${m.code}: ${m.note}`}`);
  row(`scan -f json, one ${f1(largeBytes / 1e9)} GB file`, largeBytes / 1e6, measure(['scan', '-f', 'json', large]));
  row(`check, one ${f1(largeBytes / 1e9)} GB file`, largeBytes / 1e6, measure(['check', large]));
  // summary keeps a streamed document's records (not its text) until the document is done.
  row(`summary -f json, one ${f1(largeBytes / 1e9)} GB file`, largeBytes / 1e6, measure(['summary', '-f', 'json', large]));
  // The same bytes on standard input, streamed as a file is (`zcat … | redaction-audit scan -f jsonl -`).
  row(`scan -f jsonl -, ${f1(largeBytes / 1e9)} GB on standard input`, largeBytes / 1e6, measure(['scan', '-f', 'jsonl', '-'], large));
  const files = `${documents.length.toLocaleString('en-US')} files (${f1(bytes.length / 1e6)} MB)`;
  row(`scan -f json, ${files}`, bytes.length / 1e6, measure(['scan', '-f', 'json', folder]));
  // check and summary write each document's part of the report as it comes (spooled, then copied out).
  row(`check -f json, ${files}`, bytes.length / 1e6, measure(['check', '-f', 'json', folder]));
  row(`summary -f json, ${files}`, bytes.length / 1e6, measure(['summary', '-f', 'json', folder]));
  // The ceiling: reading and decoding the same files, nothing else.
  const DECODE = `import{readdirSync as d,readFileSync as r}from'node:fs';const t=new TextDecoder('utf-8',{fatal:true});for(const f of d(process.argv[1]))t.decode(r(process.argv[1]+'/'+f));`;
  const t = performance.now();
  spawnSync(process.execPath, ['--input-type=module', '-e', DECODE, folder]);
  const s = (performance.now() - t) / 1000;
  console.log(`  ${'decoding the same files alone (the ceiling)'.padEnd(46)} ${' '.repeat(8)}  ${f1(s).padStart(6)} s  ${f1(bytes.length / 1e6 / s).padStart(5)} MB/s`);
}

// What a worker thread sends back per document (v8.serialize, the structured clone's format):
// the analysis with its withholding index, against the same with the text, as it was.
let sent = 0;
let withText = 0;
let inputBytes = 0;
for (const [i, d] of documents.entries()) {
  if (i % 3 !== 0) continue;
  const result = analyze(d, { source: `doc-${i}.txt`, ruleSets: [] });
  const withholdings = summarize([{ ...result, text: d }]).withholdings;
  sent += serialize({ ok: true, document: { ...result, withholdings } }).length;
  withText += serialize({ ok: true, document: { ...result, text: d } }).length;
  inputBytes += Buffer.byteLength(d);
}
console.log(`\nbytes a worker thread sends back per MB of input (every third document, v8.serialize): ${Math.round(sent / (inputBytes / 1e6)).toLocaleString('en-US')} (with the text, as before: ${Math.round(withText / (inputBytes / 1e6)).toLocaleString('en-US')})`);
rmSync(work, { recursive: true, force: true });
