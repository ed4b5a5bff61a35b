import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeInputs } from '../../src/cli/analyze-inputs.js';
import { runCli, type CliIo } from '../../src/cli/run-cli.js';

// Worker threads: they are sent the rule sets (never a path to read again), a thread that dies
// loses only the input that killed it, and the output never depends on --jobs.

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'dist', 'cli', 'main.js');
const WORKER = join(ROOT, 'dist', 'cli', 'analyze-worker.js');
const SEEDS = join(ROOT, 'examples', 'documents');
const AGENCY = join(ROOT, 'examples', 'rules', 'agency.yaml');
const built = existsSync(BIN) && existsSync(WORKER);

async function run(argv: string[], extra: Partial<CliIo> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), stdin: async () => new Uint8Array(0), ...extra });
  return { code, out, err };
}

/** A stand-in worker script: answers with its thread id, and dies (an uncaught throw) on any input named *crash*. */
function probeWorker(): URL {
  const dir = mkdtempSync(join(tmpdir(), 'ra-probe-'));
  const path = join(dir, 'probe-worker.mjs');
  writeFileSync(
    path,
    `import { parentPort, threadId } from 'node:worker_threads';
parentPort.on('message', ({ index, source }) => {
  if (source.includes('crash')) throw new Error('boom on ' + source);
  parentPort.postMessage({ index, result: { ok: false, error: { source, code: 'probe', reason: String(threadId) } } });
});
`,
  );
  return pathToFileURL(path);
}

function names(count: number, crash: readonly number[] = []): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'ra-names-'));
  return Array.from({ length: count }, (_, i) => {
    const path = join(dir, `${crash.includes(i) ? 'crash' : 'file'}-${String(i).padStart(2, '0')}.txt`);
    writeFileSync(path, 'x');
    return path;
  });
}

describe('the worker pool', () => {
  const io = (workerUrl: URL): CliIo => ({ stdout: () => {}, stderr: () => {}, stdin: async () => new Uint8Array(0), workerUrl });

  it('starts no more threads than the cores, however large --jobs is (item 20)', async () => {
    const files = names(12);
    const { errors } = await analyzeInputs(files, { ruleSets: [] }, { jobs: 256 }, io(probeWorker()));
    expect(errors.map((e) => e.source)).toEqual(files);
    expect(new Set(errors.map((e) => e.reason)).size).toBeLessThanOrEqual(availableParallelism());
  });

  it('loses only the input that kills its thread, and retries none in the main thread (item 6)', async () => {
    const files = names(10, [3, 7]);
    const { documents, errors } = await analyzeInputs(files, { ruleSets: [] }, { jobs: 2 }, io(probeWorker()));
    expect(documents).toEqual([]); // the probe answers with errors only: a main-thread retry would give documents
    expect(errors.map((e) => `${basename(e.source)} ${e.code}`)).toEqual([
      'file-00.txt probe', 'file-01.txt probe', 'file-02.txt probe', 'crash-03.txt analyze-failed',
      'file-04.txt probe', 'file-05.txt probe', 'file-06.txt probe', 'crash-07.txt analyze-failed',
      'file-08.txt probe', 'file-09.txt probe',
    ]);
    expect(errors[3]?.reason).toMatch(/^the thread analyzing this file stopped: boom on /);
  });
});

describe.skipIf(!built)('the built CLI on worker threads', () => {
  it('checks with --rules /dev/stdin on worker threads as with one (item 1)', { timeout: 60_000 }, () => {
    const expected = execFileSync(process.execPath, [BIN, 'check', SEEDS, '--rules', AGENCY, '--jobs', '1', '--format', 'json'], { encoding: 'utf8' });
    const counts = JSON.parse(expected).counts;
    expect(counts.warning + counts.info).toBeGreaterThan(0);
    for (const jobs of ['1', '2']) {
      // A shell pipe, as a user types it (spawnSync's own stdin is a socket, which /dev/stdin cannot reopen).
      const piped = spawnSync('sh', ['-c', 'cat "$1" | "$2" "$3" check "$4" --rules /dev/stdin --jobs "$5" --format json', 'sh', AGENCY, process.execPath, BIN, SEEDS, jobs], { encoding: 'utf8' });
      expect(piped.stderr).toBe('');
      const report = JSON.parse(piped.stdout);
      expect(report.counts).toEqual(counts);
      // The rule set's source differs (/dev/stdin); the findings do not.
      expect(report.documents).toEqual(JSON.parse(expected).documents);
    }
  });

  it('reports a file that exhausts a worker thread as out-of-memory and keeps every other result, whatever --jobs says (item 6)', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-oom-'));
    for (const f of readdirSync(SEEDS).slice(0, 3)) writeFileSync(join(dir, f), readFileSync(join(SEEDS, f)));
    writeFileSync(join(dir, 'huge.txt'), '(b)(1) [REDACTED] SECRET\n'.repeat(60_000));
    const outputs = ['1', '2'].map((jobs) => {
      const result = spawnSync(process.execPath, [BIN, 'check', dir, '--jobs', jobs, '--format', 'json'], {
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=48' },
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(result.status, result.stderr.slice(0, 500)).toBe(2);
      expect(result.stderr).toMatch(/huge\.txt: analyzing this file ran out of memory/);
      const report = JSON.parse(result.stdout);
      expect(report.documents.map((d: { source: string }) => d.source.slice(dir.length + 1))).toEqual(readdirSync(SEEDS).slice(0, 3));
      expect(report.errors.map((e: { source: string; code: string }) => `${e.source.slice(dir.length + 1)} ${e.code}`)).toEqual(['huge.txt out-of-memory']);
      return result.stdout;
    });
    expect(outputs[1]).toBe(outputs[0]);
  });
});

/** The kinds of input the property mixes; the bad ones are all refused, each with its reason. */
let mixes = 0;
afterAll(() => console.log(`--jobs property: ${mixes} random mixes run in this thread and with --jobs 1, 2 and 4 (JOBS_PROPERTY_RUNS)`));

const KINDS = ['text', 'text', 'text', 'binary', 'latin1', 'utf16', 'utf16-no-bom', 'lone-surrogate', 'empty', 'fifo', 'dev-zero', 'missing', 'empty-dir', 'twice', 'no-match'] as const;

describe.skipIf(!built || process.platform === 'win32')('results never depend on --jobs', () => {
  const seedTexts = readdirSync(SEEDS).sort().map((f) => readFileSync(join(SEEDS, f), 'utf8'));
  const runs = Number(process.env.JOBS_PROPERTY_RUNS ?? 6);

  it(`gives the same output and exit code in this thread and with --jobs 1, 2 and 4 on a random mix of good and bad inputs (${runs} mixes)`, { timeout: 600_000 }, async () => {
    const workerUrl = pathToFileURL(WORKER);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ kind: fc.constantFrom(...KINDS), seed: fc.nat(4), from: fc.nat(20_000), length: fc.nat(3_000) }), { minLength: 2, maxLength: 9 }),
        fc.constantFrom(['scan', '--format', 'json'], ['check', '--format', 'json'], ['check', '--rules', AGENCY, '--format', 'sarif'], ['summary', '--format', 'csv', '--table', 'withholdings'], ['check', '--format', 'text', '--no-color']),
        async (entries, command) => {
          mixes += 1;
          const dir = mkdtempSync(join(tmpdir(), 'ra-mix-'));
          const paths: string[] = [];
          entries.forEach((e, i) => {
            const text = (seedTexts[e.seed] as string).slice(e.from, e.from + e.length);
            const path = join(dir, `${String(i).padStart(2, '0')}-${e.kind}.txt`);
            if (e.kind === 'text') writeFileSync(path, text);
            else if (e.kind === 'binary') writeFileSync(path, Buffer.concat([Buffer.from(text), Buffer.from([0])]));
            else if (e.kind === 'latin1') writeFileSync(path, Buffer.from(`${text}caf\u00e9`, 'latin1'));
            else if (e.kind === 'utf16') writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
            else if (e.kind === 'utf16-no-bom') writeFileSync(path, Buffer.from(`SECRET (b)(1) ${text.replace(/[^\x20-\x7e\n]/g, ' ')}`, 'utf16le'));
            else if (e.kind === 'lone-surrogate') writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le'), Buffer.from([0x00, 0xdc])]));
            else if (e.kind === 'empty') writeFileSync(path, '');
            else if (e.kind === 'fifo') execFileSync('mkfifo', [path]);
            else if (e.kind === 'dev-zero') symlinkSync('/dev/zero', path);
            else if (e.kind === 'empty-dir') mkdirSync(path);
            else if (e.kind === 'twice') {
              writeFileSync(path, text);
              paths.push(path);
              paths.push(join(dir, '.', `${String(i).padStart(2, '0')}-${e.kind}.txt`).replace(dir, `${dir}/.`));
              return;
            }
            paths.push(e.kind === 'no-match' ? join(dir, `${i}-*.pdf`) : path);
          });
          const argv = [command[0] as string, ...paths, ...command.slice(1)];
          const inThread = await run(argv);
          for (const jobs of ['1', '2', '4']) {
            const threaded = await run([...argv, '--jobs', jobs], { workerUrl });
            expect(threaded, `--jobs ${jobs}: ${argv.join(' ')}`).toEqual(inThread);
          }
        },
      ),
      { numRuns: runs },
    );
  });
});
