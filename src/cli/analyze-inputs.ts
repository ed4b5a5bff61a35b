import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { analyze } from '../analyze.js';
import { assess } from '../assess/assess.js';
import { DocumentReadError } from '../core/errors.js';
import type { MarkerRecord, Page } from '../normalize/marker-record.js';
import { decodeDocument, MAX_DOCUMENT_BYTES, scanFileStream, type ReadDocumentResult } from '../node.js';
import { readDocumentBytes } from '../node/read-document-bytes.js';
import type { ReadBytesResult } from '../node/read-file-bytes.js';
import { isPdf } from '../pdf/is-pdf.js';
import type { ReportInput } from '../report/create-report.js';
import type { ResolvedRuleSet } from '../rules/resolve-rule-set.js';
import type { DateMention } from '../scan/find-dates.js';
import { createProgress, expandInputs, type CliIo, type InputFailure, type OutputOptions } from './cli-io.js';
import { analyzePdfInput } from './analyze-pdf-input.js';
import { loadRuleSets } from './load-rule-sets.js';

/**
 * Files at least this large (bytes) are streamed through `scanFileStream` by the commands that
 * need no findings (`scan`, `summary`): flat memory, the same records. Their text is not kept, so
 * their withholdings have no context.
 */
export const STREAM_THRESHOLD_BYTES = 64 * 1024 * 1024;

/** Inputs read ahead in the main thread while one is analyzed. */
const READ_AHEAD = 4;

/** Inputs sent ahead to each worker thread. */
const IN_FLIGHT = 4;

/** Options of {@link analyzeInputs}. */
export interface AnalyzeInputsOptions {
  /** The rule sets to check against; empty for `scan` and `summary`, which need no findings. */
  ruleSets: readonly ResolvedRuleSet[];
  /** The `--rules` references the rule sets came from, so worker threads can load them too (default: `recommended` when `ruleSets` is not empty). */
  ruleRefs?: readonly string[];
  documentDate?: string;
  reviewDate?: string;
  /** Stream files at least this large (bytes) when no rule sets are given (default {@link STREAM_THRESHOLD_BYTES}). */
  streamThresholdBytes?: number;
  /** The name standard input (`-`) is reported under (`--stdin-filename`; default `-`). */
  stdinFilename?: string;
  /** Quote the text under redaction boxes of PDFs in findings (`--show-hidden-text`). */
  showHiddenText?: boolean;
}

/** What one input gave: its analysis, or why there is none. */
export type InputResult = { ok: true; document: ReportInput } | { ok: false; error: InputFailure };

/** The options a worker thread needs to analyze inputs as the main thread would. */
export interface WorkerOptions {
  ruleRefs: readonly string[] | null;
  documentDate?: string;
  reviewDate?: string;
  showHiddenText?: boolean;
}

/** The dates given on the command line, without keys for those not given. */
function givenDates(options: { documentDate?: string; reviewDate?: string }): { documentDate?: string; reviewDate?: string } {
  return {
    ...(options.documentDate !== undefined ? { documentDate: options.documentDate } : {}),
    ...(options.reviewDate !== undefined ? { reviewDate: options.reviewDate } : {}),
  };
}

async function streamDocument(source: string): Promise<InputResult> {
  const records: MarkerRecord[] = [];
  const pages: Page[] = [];
  const dates: DateMention[] = [];
  try {
    for await (const p of scanFileStream(source)) {
      pages.push(p.page);
      for (const r of p.records) records.push(r);
      for (const d of p.dates) dates.push(d);
    }
  } catch (error) {
    if (error instanceof DocumentReadError) return { ok: false, error: { source, code: error.code, reason: error.reason } };
    throw error;
  }
  return { ok: true, document: { source, records, pages, dates, assessment: assess({ records, pages, dates }), findings: [] } };
}

/** Standard input's bytes as the input layer gives a file's, refusing more than {@link MAX_DOCUMENT_BYTES} bytes. */
function stdinBytes(bytes: Uint8Array, label: string): ReadBytesResult {
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    return { ok: false, source: label, code: 'too-large', reason: `standard input is longer than ${MAX_DOCUMENT_BYTES.toLocaleString('en-US')} bytes, the longest string JavaScript can hold` };
  }
  return { ok: true, bytes };
}

/**
 * Reads and analyzes one input (a path, or `-` with the bytes of standard input). Never throws:
 * an unreadable input, or an analysis that throws (a bug in a custom check), comes back as a
 * failure with its reason.
 */
export async function analyzeSource(source: string, options: AnalyzeInputsOptions, stdin?: Uint8Array): Promise<InputResult> {
  try {
    if (source !== '-' && options.ruleSets.length === 0) {
      const info = await stat(source).catch(() => undefined);
      if (info?.isFile() && info.size >= (options.streamThresholdBytes ?? STREAM_THRESHOLD_BYTES)) {
        const streamed = await streamDocument(source);
        if (!streamed.ok && streamed.error.code === 'pdf') return await analyzePdfInput(source, options);
        return streamed;
      }
    }
    const label = source === '-' ? (options.stdinFilename ?? '-') : source;
    // The bytes come through the input layer once; a PDF goes to pdf.js with them, anything else is decoded as text.
    const read = source === '-' ? stdinBytes(stdin ?? new Uint8Array(0), label) : await readDocumentBytes(source);
    if (!read.ok) return { ok: false, error: { source: read.source, code: read.code, reason: read.reason } };
    if (isPdf(read.bytes)) return await analyzePdfInput(label, options, read.bytes);
    const input: ReadDocumentResult = decodeDocument(read.bytes, label);
    if (!input.ok) return { ok: false, error: { source: input.source, code: input.code, reason: input.reason } };
    const result = analyze(input.text, {
      source: input.source,
      ruleSets: options.ruleSets,
      ...givenDates(options),
    });
    return { ok: true, document: { ...result, text: input.text } };
  } catch (error) {
    return { ok: false, error: { source, code: 'analyze-failed', reason: error instanceof Error ? error.message : String(error) } };
  }
}

/** Loads the rule sets a worker was told to use, as the main thread did (it already reported their issues). */
export function workerAnalyzeOptions(options: WorkerOptions): AnalyzeInputsOptions {
  const ruleSets = options.ruleRefs === null ? [] : (loadRuleSets(options.ruleRefs, { stdout: () => {}, stderr: () => {}, stdin: async () => new Uint8Array(0) }) ?? []);
  return {
    ruleSets,
    ...givenDates(options),
    ...(options.showHiddenText ? { showHiddenText: true } : {}),
  };
}

/**
 * Analyzes `sources` on `jobs` worker threads; results come back in input order, whatever order
 * the threads finish in. Each thread loads the rule sets itself from their references.
 */
async function analyzeOnWorkers(
  sources: readonly string[],
  workerUrl: URL,
  jobs: number,
  options: AnalyzeInputsOptions,
  onDone: (index: number) => void,
): Promise<InputResult[]> {
  const workerOptions: WorkerOptions = {
    ruleRefs: options.ruleSets.length === 0 ? null : [...(options.ruleRefs ?? ['recommended'])],
    ...givenDates(options),
    ...(options.showHiddenText ? { showHiddenText: true } : {}),
  };
  const results: InputResult[] = new Array(sources.length);
  let next = 0;
  const runWorker = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(workerUrl, { workerData: workerOptions });
      // A few inputs in flight per thread, so a thread never waits for the main one.
      const inFlight = new Set<number>();
      let settled = false;
      const give = (): void => {
        while (inFlight.size < IN_FLIGHT && next < sources.length) {
          const index = next++;
          inFlight.add(index);
          worker.postMessage({ index, source: sources[index] });
        }
        if (inFlight.size === 0 && !settled) {
          settled = true;
          void worker.terminate().then(() => resolve());
        }
      };
      worker.on('message', (message: { index: number; result: InputResult }) => {
        inFlight.delete(message.index);
        results[message.index] = message.result;
        onDone(message.index);
        give();
      });
      worker.on('error', (error) => {
        if (settled) return;
        settled = true;
        // A thread that dies takes only its own inputs with it; they are analyzed again below.
        void worker.terminate();
        reject(error);
      });
      worker.on('exit', () => {
        if (!settled) {
          settled = true;
          reject(new Error('the worker thread exited'));
        }
      });
      give();
    });
  const pool = Array.from({ length: Math.min(jobs, sources.length) }, () => runWorker().catch(() => undefined));
  await Promise.all(pool);
  // Inputs of a thread that failed are analyzed here, in this thread.
  for (let i = 0; i < sources.length; i++) {
    if (results[i] === undefined) {
      results[i] = await analyzeSource(sources[i] as string, options);
      onDone(i);
    }
  }
  return results;
}

/**
 * Reads and analyzes every input, on `output.jobs` worker threads when `io.workerUrl` is set
 * (the installed CLI), in this thread otherwise. An input that cannot be read, or whose analysis
 * throws, goes to `errors` with its reason; the run goes on with the others, so every input ends
 * up in exactly one of `documents` and `errors`, in input order however many threads ran.
 */
export async function analyzeInputs(
  paths: readonly string[],
  options: AnalyzeInputsOptions,
  output: OutputOptions,
  io: CliIo,
): Promise<{ documents: ReportInput[]; errors: InputFailure[] }> {
  const { items, duplicates } = await expandInputs(paths);
  if (!output.quiet) for (const d of duplicates) io.stderr(`redaction-audit: note: ${d.source} is the same file as ${d.sameAs}; analyzed once\n`);
  const progress = createProgress(items.length, output, io);
  const files = items.filter((item): item is string => typeof item === 'string' && item !== '-');
  const jobs = output.jobs ?? 1;
  const byFile = new Map<string, InputResult>();
  if (io.workerUrl && jobs > 1 && files.length > 1) {
    const results = await analyzeOnWorkers(files, io.workerUrl, jobs, options, (i) => progress.tick(files[i] as string));
    files.forEach((file, i) => byFile.set(file, results[i] as InputResult));
  }
  // In this thread, the next few inputs are read while one is analyzed (analysis itself is
  // synchronous, so only the reading overlaps); results are taken in input order.
  const start = (item: (typeof items)[number]): Promise<InputResult> => {
    if (typeof item !== 'string') return Promise.resolve({ ok: false, error: { source: item.source, code: item.code, reason: item.reason } });
    const done = byFile.get(item);
    if (done) return Promise.resolve(done);
    return item === '-' ? io.stdin().then((bytes) => analyzeSource(item, options, bytes)) : analyzeSource(item, options);
  };
  const documents: ReportInput[] = [];
  const errors: InputFailure[] = [];
  const ahead: Array<Promise<InputResult>> = [];
  for (let i = 0; i < items.length; i++) {
    while (ahead.length < READ_AHEAD && i + ahead.length < items.length) ahead.push(start(items[i + ahead.length] as (typeof items)[number]));
    const result = await (ahead.shift() as Promise<InputResult>);
    const item = items[i] as (typeof items)[number];
    if (!(typeof item === 'string' && byFile.has(item))) progress.tick(item === '-' ? (options.stdinFilename ?? '-') : typeof item === 'string' ? item : item.source);
    if (result.ok) documents.push(result.document);
    else errors.push(result.error);
  }
  progress.done();
  return { documents, errors };
}
