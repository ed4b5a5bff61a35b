#!/usr/bin/env node
// npm run bench:start: how soon the CLI and the library start work. Prints the median over
// fresh Node processes of (a) `--version` and `--help` wall time, (b) the time to load the main
// entry, and the time until a first scan of a one-page document has returned (module loading
// plus the lazy build of the catalog and detectors). With hyperfine on the PATH, also its
// figures for the same commands. A benchmark, not a test: it prints figures and fails only when
// it cannot run. Run after `npm run build`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// BENCH_START_ROOT: measure another checkout's build instead (to compare before and after).
const ROOT = process.env.BENCH_START_ROOT ?? join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const DOC = join(ROOT, 'examples', 'documents', 'seed-000.txt');
const EMPTY = join(mkdtempSync(join(tmpdir(), 'ra-start-')), 'empty.txt');
writeFileSync(EMPTY, '');
const RUNS = Number(process.env.BENCH_START_RUNS ?? 15);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function wall(args) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
    times.push(performance.now() - t);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return median(times);
}

// In a fresh process: the time to import the main entry, then until scan() of a document returns.
const probe = `const t0 = performance.now();
const { scan } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'index.js')).href)});
const t1 = performance.now();
const text = (await import('node:fs')).readFileSync(${JSON.stringify(DOC)}, 'utf8');
scan(text);
const t2 = performance.now();
process.stdout.write(JSON.stringify({ load: t1 - t0, firstScan: t2 - t0 }));`;
const loads = [];
const firsts = [];
for (let i = 0; i < RUNS; i++) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`probe failed: ${r.stderr}`);
  const { load, firstScan } = JSON.parse(r.stdout);
  loads.push(load);
  firsts.push(firstScan);
}

console.log(`redaction-audit start-up — Node ${process.version}, median of ${RUNS} fresh processes`);
console.log(`  redaction-audit --version            ${wall([CLI, '--version']).toFixed(0).padStart(5)} ms wall`);
console.log(`  redaction-audit --help               ${wall([CLI, '--help']).toFixed(0).padStart(5)} ms wall`);
console.log(`  redaction-audit check <1 document>   ${wall([CLI, 'check', DOC, '--jobs', '1']).toFixed(0).padStart(5)} ms wall`);
// An empty document: the time until a scan could start work (start-up, module loading, rule sets).
console.log(`  redaction-audit scan <empty doc>     ${wall([CLI, 'scan', EMPTY]).toFixed(0).padStart(5)} ms wall (Node alone: ${wall(['-e', '0']).toFixed(0)} ms)`);
// The CLI's own account (REDACTION_AUDIT_TIMING=1): from Node ready to the command's modules
// loaded (reader, scanner, rules), the start the target is about.
const timings = [];
for (let i = 0; i < RUNS; i++) {
  const r = spawnSync(process.execPath, [CLI, 'scan', DOC], { encoding: 'utf8', env: { ...process.env, REDACTION_AUDIT_TIMING: '1' } });
  const m = /module loading ([\d.]+) ms\); finished at ([\d.]+) ms/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`scan with REDACTION_AUDIT_TIMING=1 printed no timing: ${r.stderr}`);
  timings.push({ loading: Number(m[1]), finished: Number(m[2]) });
}
console.log(`  redaction-audit scan <1 document>    module loading ${median(timings.map((t) => t.loading)).toFixed(0)} ms after Node was ready (target < 200 ms), finished ${median(timings.map((t) => t.finished)).toFixed(0)} ms after the process started (REDACTION_AUDIT_TIMING=1)`);
console.log(`  import('redaction-audit')            ${median(loads).toFixed(0).padStart(5)} ms`);
console.log(`  import + first scan() returned       ${median(firsts).toFixed(0).padStart(5)} ms (the library's ESM files one by one, as an app loads them)`);

if (spawnSync('hyperfine', ['--version']).status === 0) {
  console.log('\nhyperfine:');
  const r = spawnSync('hyperfine', ['-N', '--warmup', '3', '--runs', String(RUNS), '-i', `node ${CLI} --version`, `node ${CLI} --help`, `node ${CLI} check ${DOC} --jobs 1`], { encoding: 'utf8' });
  process.stdout.write(r.stdout.split('\n').filter((l) => /Benchmark|Time/.test(l)).join('\n') + '\n');
}
