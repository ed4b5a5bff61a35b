import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { analyzeInputs } from '../../src/cli/analyze-inputs.js';
import { runScan, type ScanCliOptions } from '../../src/cli/run-scan.js';
import { runSummary } from '../../src/cli/run-summary.js';
import { createReport } from '../../src/report/create-report.js';
import { formatJson } from '../../src/report/formatters/format-json.js';
import { formatJsonl } from '../../src/report/formatters/format-jsonl.js';
import { formatText } from '../../src/report/formatters/format-text.js';
import { cut } from '../support/cut.js';

const ROOT = join(__dirname, '..', '..');
const SEEDS = join(ROOT, 'examples', 'documents');
const DEV = join(ROOT, 'test', 'fixtures', 'corpus', 'dev');

/** A folder of documents: the seeds, some dev documents, an empty file and a file that is not text. */
function folder(): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'ra-stream-'));
  const sources = [
    ...readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => join(SEEDS, f)),
    ...readdirSync(DEV).filter((f) => f.endsWith('.txt')).sort().slice(0, 6).map((f) => join(DEV, f)),
  ];
  const files = sources.map((s, i) => {
    const file = join(dir, `doc-${String(i).padStart(2, '0')}.txt`);
    writeFileSync(file, readFileSync(s));
    return file;
  });
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'z-binary.txt'), Buffer.from([0x41, 0x00, 0x01, 0x02]));
  return { dir, files: [...files, join(dir, 'empty.txt')] };
}

async function scanCli(paths: string[], options: Partial<ScanCliOptions>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runScan(paths, { format: 'text', quiet: true, ...options }, { stdout: (s) => (out += s), stderr: (s) => (err += s), stdin: async () => new Uint8Array(0) });
  return { code, out, err };
}

/** The report the whole run would have built, for the formatters that render it at once. */
function wholeReport(files: string[], dir: string) {
  const documents = files.map((f) => {
    const text = readFileSync(f, 'utf8');
    return { ...analyze(text, { source: f }), text };
  });
  return createReport(documents, { errors: [{ source: join(dir, 'z-binary.txt'), code: 'binary', reason: expect.any(String) as unknown as string }] });
}

describe('scan writes each document as soon as it is ready', () => {
  const { dir, files } = folder();

  for (const threshold of [undefined, 1]) {
    const how = threshold === undefined ? 'read whole' : 'streamed through a spool file';
    it(`JSON (${how}) is byte for byte what formatJson renders from the whole report`, async () => {
      const { code, out, err } = await scanCli([dir], { format: 'json', ...(threshold ? { streamThresholdBytes: threshold } : {}) });
      expect(code).toBe(2);
      expect(err).toContain('z-binary.txt');
      const report = wholeReport(files, dir);
      const reason = JSON.parse(out).errors[0].reason as string;
      report.errors[0] = { ...(report.errors[0] as (typeof report.errors)[number]), reason };
      expect(out).toBe(formatJson(report, { view: 'records' }));
    });

    it(`JSON Lines and text (${how}) are what formatJsonl and formatText render`, async () => {
      const report = wholeReport(files, dir);
      const jsonl = await scanCli([dir], { format: 'jsonl', ...(threshold ? { streamThresholdBytes: threshold } : {}) });
      expect(jsonl.out).toBe(formatJsonl(report));
      expect(jsonl.code).toBe(2);
      expect(jsonl.err).toContain('z-binary.txt');
      // Written to a file (in pieces, through --output), beside the folder scanned.
      const output = join(`${dir}-out`, 'records.txt');
      const text = await scanCli([dir], { format: 'text', output, ...(threshold ? { streamThresholdBytes: threshold } : {}) });
      expect(text.code).toBe(2);
      const reason = JSON.parse((await scanCli([join(dir, 'z-binary.txt')], { format: 'json' })).out).errors[0].reason as string;
      report.errors[0] = { ...(report.errors[0] as (typeof report.errors)[number]), reason };
      expect(readFileSync(output, 'utf8')).toBe(formatText(report, { view: 'records' }));
    });
  }

  it('JSON with no document at all still parses, with the failure listed', async () => {
    const { code, out } = await scanCli([join(dir, 'z-binary.txt')], { format: 'json' });
    expect(code).toBe(2);
    const json = JSON.parse(out);
    expect(json.documents).toEqual([]);
    expect(json.errors.map((e: { code: string }) => e.code)).toEqual(['binary']);
  });

  it('--min-confidence leaves out the same records whether a file is read whole or streamed', async () => {
    // seed-003: a State cable with OCR-repaired codes, read at lower confidence.
    const file = files[3] as string;
    const all = analyze(readFileSync(file, 'utf8'), { source: file }).records;
    const kept = all.filter((r) => r.confidence >= 0.9);
    expect(kept.length).toBeLessThan(all.length);
    for (const threshold of [undefined, 1]) {
      const { out } = await scanCli([file], { format: 'jsonl', minConfidence: 0.9, ...(threshold ? { streamThresholdBytes: threshold } : {}) });
      expect(out.trimEnd().split('\n').map((l) => JSON.parse(l).id)).toEqual(kept.map((r) => r.id));
    }
  });

  it('JSON Lines: one record per line, each with its source, loadable line by line', async () => {
    const { out } = await scanCli([files[0] as string], { format: 'jsonl' });
    const lines = out.trimEnd().split('\n').map((l) => JSON.parse(l));
    const expected = analyze(readFileSync(files[0] as string, 'utf8'), { source: files[0] as string }).records;
    expect(lines.length).toBe(expected.length);
    expect(lines.every((l) => l.source === files[0])).toBe(true);
    expect(lines.map(({ source: _, ...r }) => r)).toEqual(expected);
  });
});

describe('scan streams standard input once it outgrows the threshold', () => {
  // Real documents: the dev corpus's first files, one after another, as a pipe would bring them.
  const text = readdirSync(DEV)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(0, 8)
    .map((f) => readFileSync(join(DEV, f), 'utf8'))
    .join('\n');
  const bytes = Buffer.from(text, 'utf8');

  /** Standard input in chunks of the given sizes, cut anywhere; `stdin()` (read whole) must not be called. */
  function stdinIo(chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>) {
    const io = {
      out: '',
      err: '',
      stdout: (s: string) => void (io.out += s),
      stderr: (s: string) => void (io.err += s),
      stdin: async (): Promise<Uint8Array> => {
        throw new Error('stdin() read standard input whole');
      },
      stdinChunks: () =>
        Symbol.asyncIterator in chunks
          ? chunks
          : (async function* () {
              yield* chunks;
            })(),
    };
    return io;
  }
  const expected = (source: string) => createReport([{ ...analyze(text, { source }), text }]);

  for (const threshold of [1, 5000, bytes.length + 1]) {
    it(`JSON and JSON Lines of \`-\` are those of the same text read whole (threshold ${threshold} bytes)`, async () => {
      const json = stdinIo(cut(bytes, [1, 4093, 65536]));
      expect(await runScan(['-'], { format: 'json', quiet: true, streamThresholdBytes: threshold, stdinFilename: 'piped.txt' }, json)).toBe(0);
      expect(json.out).toBe(formatJson(expected('piped.txt'), { view: 'records' }));
      const jsonl = stdinIo(cut(bytes, [7, 65536]));
      expect(await runScan(['-'], { format: 'jsonl', quiet: true, streamThresholdBytes: threshold }, jsonl)).toBe(0);
      expect(jsonl.out).toBe(formatJsonl(expected('-')));
      expect(jsonl.out.split('\n').length).toBeGreaterThan(20);
    });
  }

  it('summary streams it too: the same records, pages and dates, no text kept', async () => {
    const { documents, errors } = await analyzeInputs(['-'], { ruleSets: [], streamThresholdBytes: 1 }, { quiet: true }, stdinIo(cut(bytes, [3000])));
    expect(errors).toEqual([]);
    const whole = analyze(text, { source: '-', ruleSets: [] });
    expect(documents).toHaveLength(1);
    expect(documents[0]?.records).toEqual(whole.records);
    expect(documents[0]?.pages).toEqual(whole.pages);
    expect(documents[0]?.dates).toEqual(whole.dates);
    expect(documents[0]?.text).toBeUndefined();
  });

  it('the summary command of `-` streamed is that of the same text read whole, but for what needs the text (context, a code row’s raw span)', async () => {
    const run = async (threshold: number) => {
      const io = stdinIo(cut(bytes, [5000]));
      const code = await runSummary(['-'], { format: 'json', table: 'codes', quiet: true, streamThresholdBytes: threshold }, io);
      return { code, json: JSON.parse(io.out) };
    };
    const streamed = await run(1);
    const whole = await run(bytes.length + 1);
    expect([streamed.code, whole.code]).toEqual([0, 0]);
    expect(whole.json.summary.withholdings.length).toBeGreaterThan(0);
    const noContext = (json: { summary: { withholdings: Array<Record<string, unknown>> } }) => ({
      ...json,
      summary: { ...json.summary, withholdings: json.summary.withholdings.map((w) => ({ ...w, context: null, raw: w.kind === 'code' ? null : w.raw })) },
    });
    expect(streamed.json.summary.withholdings.every((w: { context: unknown }) => w.context === null)).toBe(true);
    expect(noContext(streamed.json)).toEqual(noContext(whole.json));
  });

  it('a read error while streaming is the input’s error (exit 2), and the JSON still parses', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield bytes.subarray(0, 20_000);
      throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    }
    const io = stdinIo(failing());
    expect(await runScan(['-'], { format: 'json', quiet: true, streamThresholdBytes: 1 }, io)).toBe(2);
    const json = JSON.parse(io.out);
    expect(json.documents).toEqual([]);
    expect(json.errors).toEqual([{ source: '-', code: 'not-readable', reason: expect.stringContaining('EIO') }]);
    expect(io.err).toContain('EIO');
  });

  it('bytes that are not UTF-8 past the threshold are `invalid-encoding`, not replaced', async () => {
    const io = stdinIo([bytes.subarray(0, 9000), new Uint8Array([0xc3, 0x28]), bytes.subarray(9000)]);
    expect(await runScan(['-'], { format: 'jsonl', quiet: true, streamThresholdBytes: 1 }, io)).toBe(2);
    expect(io.out).toBe('');
    expect(io.err).toMatch(/-: .*invalid-encoding/);
  });

  it('a PDF on standard input is read whole and analyzed as a PDF, however large', async () => {
    const path = join(ROOT, 'examples', 'pdf', 'redacted-cable.pdf');
    const pdf = readFileSync(path);
    const byPath = await scanCli([path], { format: 'jsonl' });
    const io = stdinIo([pdf.subarray(0, 700), pdf.subarray(700)]);
    expect(await runScan(['-'], { format: 'jsonl', quiet: true, streamThresholdBytes: 1 }, io)).toBe(0);
    expect(io.out.length).toBeGreaterThan(100);
    expect(io.out).toBe(byPath.out.replaceAll(JSON.stringify(path), '"-"'));
  });
});
