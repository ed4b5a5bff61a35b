import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';
import { runCli, type CliIo } from '../../src/cli/run-cli.js';
import { CORPUS_ROOT } from '../support/corpus.js';

// The worker script is the built one: `npm test` builds before it runs the tests.
const WORKER = join(__dirname, '..', '..', 'dist', 'cli', 'analyze-worker.js');
const DEV = join(CORPUS_ROOT, 'dev');
const SEEDS = join(__dirname, '..', '..', 'examples', 'documents');

async function run(argv: string[], extra: Partial<CliIo> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), stdin: async () => new Uint8Array(0), ...extra });
  return { code, out, err };
}

describe('--jobs', () => {
  const workerUrl = pathToFileURL(WORKER);
  const inputs = [SEEDS, ...(existsSync(DEV) ? [DEV] : [])];

  it.skipIf(!existsSync(WORKER))('gives byte-identical output on worker threads, in input order, for scan, check and summary', async () => {
    const dir = tempDir('redaction-audit-jobs-');
    writeFileSync(join(dir, 'a-bad.txt'), new Uint8Array([0x53, 0xe9, 0x00, 0x72]));
    for (const argv of [
      ['scan', ...inputs, dir, '--format', 'json'],
      ['check', ...inputs, dir, '--format', 'json', '--rules', 'strict'],
      ['summary', ...inputs, dir, '--format', 'csv', '--table', 'withholdings'],
    ]) {
      const one = await run([...argv, '--jobs', '1'], { workerUrl });
      const three = await run([...argv, '--jobs', '3'], { workerUrl });
      expect(three.out, argv.join(' ')).toBe(one.out);
      expect(three.code).toBe(one.code);
      expect(one.code).toBe(2); // the binary file is reported, the others still processed
      expect(one.err).toContain('a-bad.txt');
    }
  });

  it('refuses a --jobs value that is not a whole number from 1 to 256', async () => {
    for (const bad of ['0', '1.5', 'many', '1000']) {
      const { code, err } = await run(['scan', SEEDS, '--jobs', bad]);
      expect(code).toBe(2);
      expect(err).toMatch(/--jobs.*expected a whole number from 1 to 256/);
    }
  });
});

describe('large files', () => {
  it('are streamed by scan and summary: the same records, pages and dates, no text kept', async () => {
    const { analyzeSource } = await import('../../src/cli/analyze-inputs.js');
    const { analyze } = await import('../../src/analyze.js');
    const { readFileSync, readdirSync } = await import('node:fs');
    const file = join(SEEDS, readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()[0] as string);
    const streamed = await analyzeSource(file, { ruleSets: [], streamThresholdBytes: 1 });
    const whole = analyze(readFileSync(file, 'utf8'), { source: file, ruleSets: [] });
    expect(streamed.ok).toBe(true);
    if (!streamed.ok) return;
    expect(streamed.document.text).toBeUndefined();
    expect(streamed.document.records).toEqual(whole.records);
    expect(streamed.document.pages).toEqual(whole.pages);
    expect(streamed.document.dates).toEqual(whole.dates);
    expect(streamed.document.assessment).toEqual(whole.assessment);
    const missing = await analyzeSource(join(SEEDS, 'missing.txt'), { ruleSets: [], streamThresholdBytes: 1 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
