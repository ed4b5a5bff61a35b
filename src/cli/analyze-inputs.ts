import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { analyze } from '../analyze.js';
import { assess } from '../assess/assess.js';
import { DocumentReadError } from '../core/errors.js';
import type { MarkerRecord, Page } from '../normalize/marker-record.js';
import { decodeDocument, MAX_DOCUMENT_BYTES, scanByteStream, scanFileStream, type ReadDocumentResult } from '../node.js';
import { readDocumentBytes } from '../node/read-document-bytes.js';
import { failureFromError, type ReadBytesResult } from '../node/read-file-bytes.js';
import { isPdf } from '../pdf/is-pdf.js';
import type { ReportInput } from '../report/create-report.js';
import { listWithholdings } from '../report/summarize.js';
import { escapeText } from '../report/formatters/format-text.js';
import { compileRuleSet, type RuleSetData } from '../rules/compile-rule-set.js';
import { withPatternCheck } from '../node/load-rule-set.js';
import { checkRegistry } from '../rules/parse-rule-set.js';
import type { ResolvedRuleSet } from '../rules/resolve-rule-set.js';
import type { DateMention } from '../scan/find-dates.js';
import { createProgress, expandInputs, type CliIo, type InputFailure, type OutputOptions } from './cli-io.js';
import { analyzePdfInput } from './analyze-pdf-input.js';
import { takeStdin, type TakenStdin } from './take-stdin.js';
import type { ScannedPage } from '../scan-stream.js';

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
  /** The rule sets to check against; empty for `scan` and `summary`, which need no findings. Worker threads are sent them as data, never a path to read again. */
  ruleSets: readonly ResolvedRuleSet[];
  documentDate?: string;
  reviewDate?: string;
  /** Stream files at least this large (bytes) when no rule sets are given (default {@link STREAM_THRESHOLD_BYTES}). */
  streamThresholdBytes?: number;
  /** The name standard input (`-`) is reported under (`--stdin-filename`; default `-`). */
  stdinFilename?: string;
  /** Quote the text under redaction boxes of PDFs in findings (`--show-hidden-text`). */
  showHiddenText?: boolean;
  /**
   * Hand files to be streamed back unread, as `{ ok: 'stream', source }`, for the caller to
   * stream in input order and write as it goes (`scan`): their records are then never all in
   * memory. Such files are analyzed in the main thread, never sent to a worker.
   */
  deferStreamed?: boolean;
}

/** What one input gave: its analysis, or why there is none. */
export type InputResult = { ok: true; document: ReportInput } | { ok: false; error: InputFailure };

/**
 * What {@link visitInputs} hands over: a result, or (with `deferStreamed`) an input for the
 * caller to stream: a file (`source` is its path), or standard input that outgrew the threshold
 * (`source` is its label, `chunks` its bytes, those already read first).
 */
export type VisitedInput = InputResult | { ok: 'stream'; source: string; chunks?: AsyncIterable<Uint8Array> };

/** The options a worker thread needs to analyze inputs as the main thread would: the rule sets themselves (as data), never where to read them. */
export interface WorkerOptions {
  ruleSets: RuleSetData[];
  documentDate?: string;
  reviewDate?: string;
  showHiddenText?: boolean;
  streamThresholdBytes?: number;
}

/** The dates given on the command line, without keys for those not given. */
function givenDates(options: { documentDate?: string; reviewDate?: string }): { documentDate?: string; reviewDate?: string } {
  return {
    ...(options.documentDate !== undefined ? { documentDate: options.documentDate } : {}),
    ...(options.reviewDate !== undefined ? { reviewDate: options.reviewDate } : {}),
  };
}

/** True when `source` is a file to stream (no findings asked for, and at least the threshold in size). */
async function shouldStream(source: string, options: AnalyzeInputsOptions): Promise<boolean> {
  if (source === '-' || options.ruleSets.length > 0) return false;
  const info = await stat(source).catch(() => undefined);
  return info?.isFile() === true && info.size >= (options.streamThresholdBytes ?? STREAM_THRESHOLD_BYTES);
}

/**
 * Scans a file (or, given `chunks`, standard input) as a stream and keeps its records, pages
 * and dates (not its text); a PDF file is read as a PDF. For the callers that need the whole
 * document at once.
 */
export async function streamDocument(source: string, options: AnalyzeInputsOptions, chunks?: AsyncIterable<Uint8Array>): Promise<InputResult> {
  const streamed = await collectStream(source, chunks);
  if (!chunks && !streamed.ok && streamed.error.code === 'pdf') return await analyzePdfInput(source, options);
  return streamed;
}

/** The pages of a streamed input: a file by its path, or standard input's `chunks` under its label. */
export function streamInput(source: string, chunks?: AsyncIterable<Uint8Array>): AsyncGenerator<ScannedPage> {
  return chunks ? scanByteStream(chunks, { source }) : scanFileStream(source);
}

async function collectStream(source: string, chunks?: AsyncIterable<Uint8Array>): Promise<InputResult> {
  const records: MarkerRecord[] = [];
  const pages: Page[] = [];
  const dates: DateMention[] = [];
  try {
    for await (const p of streamInput(source, chunks)) {
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
    if (await shouldStream(source, options)) return await streamDocument(source, options);
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
    // The withholdings are made here, where the text is, so the text never travels (from a worker thread) nor stays.
    return { ok: true, document: { ...result, withholdings: listWithholdings({ ...result, text: input.text }) } };
  } catch (error) {
    return { ok: false, error: { source, code: 'analyze-failed', reason: error instanceof Error ? error.message : String(error) } };
  }
}

/** Rebuilds in a worker thread the options the main thread analyzes with, from the data it was sent. */
export function workerAnalyzeOptions(options: WorkerOptions): AnalyzeInputsOptions {
  const checks = checkRegistry(withPatternCheck());
  return {
    ruleSets: options.ruleSets.map((data) => compileRuleSet(data, checks)),
    ...givenDates(options),
    ...(options.showHiddenText ? { showHiddenText: true } : {}),
    ...(options.streamThresholdBytes !== undefined ? { streamThresholdBytes: options.streamThresholdBytes } : {}),
  };
}

/** The error of an input whose worker thread died while analyzing it alone: out of memory, or a crash. */
function crashed(source: string, error: Error): InputResult {
  const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
  return {
    ok: false,
    error: outOfMemory
      ? { source, code: 'out-of-memory', reason: `analyzing this file ran out of memory (${error.message}); the other files were analyzed` }
      : { source, code: 'analyze-failed', reason: `the thread analyzing this file stopped: ${error.message}` },
  };
}

/**
 * Analyzes `sources` on up to `jobs` worker threads; each input's result is handed to
 * `deliver` as its thread sends it back, whatever order the threads finish in (the caller puts
 * them in input order). The threads are sent the rule sets as data. A thread
 * that dies (out of memory) takes no result with it: the inputs it held are analyzed again,
 * each alone on a fresh thread, so only an input that kills a thread by itself is lost, as its
 * own `out-of-memory` error. Nothing is retried in the main thread, whose death would lose
 * every result.
 */
async function analyzeOnWorkers(
  sources: readonly string[],
  workerUrl: URL,
  jobs: number,
  options: AnalyzeInputsOptions,
  deliver: (index: number, result: InputResult) => void,
): Promise<void> {
  const workerData: WorkerOptions = {
    ruleSets: options.ruleSets.map(({ name, source, definitions, tests }) => ({ name, source, definitions: [...definitions], tests })),
    ...givenDates(options),
    ...(options.showHiddenText ? { showHiddenText: true } : {}),
    ...(options.streamThresholdBytes !== undefined ? { streamThresholdBytes: options.streamThresholdBytes } : {}),
  };
  const delivered = new Uint8Array(sources.length);
  const settle = (index: number, result: InputResult): void => {
    delivered[index] = 1;
    deliver(index, result);
  };
  const queue = sources.map((_, i) => i);
  const suspects: number[] = [];
  /** One thread's life: take inputs until there are none (or it dies). Alone: one input at a time, from the suspects. */
  const runWorker = (alone: boolean): Promise<void> =>
    new Promise((resolve) => {
      const worker = new Worker(workerUrl, { workerData });
      const inFlight = new Set<number>();
      let finished = false;
      const finish = (death?: Error): void => {
        if (finished) return;
        finished = true;
        for (const i of inFlight) {
          if (!alone) suspects.push(i);
          else settle(i, crashed(sources[i] as string, death ?? new Error('the thread exited')));
        }
        void worker.terminate().finally(() => resolve());
      };
      const give = (): void => {
        const from = alone ? suspects : queue;
        while (inFlight.size < (alone ? 1 : IN_FLIGHT) && from.length > 0) {
          const index = from.shift() as number;
          inFlight.add(index);
          worker.postMessage({ index, source: sources[index] });
        }
        if (inFlight.size === 0) finish();
      };
      worker.on('message', (message: { index: number; result: InputResult }) => {
        // A result can arrive after the thread's error event; by then its inputs are queued to be analyzed again.
        if (finished) return;
        inFlight.delete(message.index);
        settle(message.index, message.result);
        give();
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', (code) => finish(new Error(`the thread exited with code ${code}`)));
      give();
    });
  const slot = async (): Promise<void> => {
    while (queue.length > 0) await runWorker(false);
  };
  await Promise.all(Array.from({ length: Math.min(jobs, sources.length) }, slot));
  const isolate = async (): Promise<void> => {
    while (suspects.length > 0) await runWorker(true);
  };
  await Promise.all(Array.from({ length: Math.min(jobs, suspects.length) }, isolate));
  // Every input has its result by now; should one not, it is an error, never a retry in this thread.
  for (let i = 0; i < sources.length; i++) if (delivered[i] === 0) settle(i, crashed(sources[i] as string, new Error('no result came back from the worker threads')));
}

/** A result to come, resolved from outside (by a worker thread's message). */
interface Pending {
  promise: Promise<InputResult>;
  resolve(result: InputResult): void;
}

function pending(): Pending {
  let resolve!: (result: InputResult) => void;
  const promise = new Promise<InputResult>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/**
 * Reads and analyzes every input and hands each result to `visit` as soon as it and every
 * input before it are done, in input order however many threads ran; nothing is kept once
 * `visit` has returned, so memory follows the largest input, not the corpus. With
 * `io.workerUrl` set (the installed CLI) and two files or more, the files are analyzed on
 * worker threads, `output.jobs` of them at most and never more than the cores (one thread for
 * `--jobs 1`: a file that exhausts memory then loses only its own result, whatever `--jobs`
 * says); otherwise, and for standard input, in this thread. An input that cannot be read, or
 * whose analysis throws, comes as a failure with its reason; the run goes on with the others,
 * so every input is visited exactly once.
 */
export async function visitInputs(
  paths: readonly string[],
  options: AnalyzeInputsOptions,
  output: OutputOptions,
  io: CliIo,
  visit: (result: VisitedInput) => void | Promise<void>,
): Promise<void> {
  const { items, duplicates } = await expandInputs(paths);
  if (!output.quiet) for (const d of duplicates) io.stderr(`redaction-audit: note: ${escapeText(`${d.source} is the same file as ${d.sameAs}`)}; analyzed once\n`);
  const progress = createProgress(items.length, output, io);
  const deferred = new Set<string>();
  if (options.deferStreamed) {
    for (const item of items) if (typeof item === 'string' && (await shouldStream(item, options))) deferred.add(item);
  }
  const files = items.filter((item): item is string => typeof item === 'string' && item !== '-' && !deferred.has(item));
  // More threads than cores only cost memory (~35 MB each) and switching.
  const jobs = Math.max(1, Math.min(output.jobs ?? 1, availableParallelism()));
  // Results of the worker threads, by file, until this thread takes them (then forgotten).
  const byFile = new Map<string, Pending>();
  let workers: Promise<void> | undefined;
  if (io.workerUrl && files.length > 1) {
    for (const file of files) byFile.set(file, pending());
    workers = analyzeOnWorkers(files, io.workerUrl, jobs, options, (i, result) => {
      progress.tick(files[i] as string);
      byFile.get(files[i] as string)?.resolve(result);
    }).catch((error: unknown) => {
      // Should the thread pool itself fail, every input still waiting gets that as its error (a result already given stays).
      for (const [file, waiting] of byFile) waiting.resolve(crashed(file, error instanceof Error ? error : new Error(String(error))));
    });
  }
  // Standard input is streamed, as a large file is, once it outgrows the threshold (not for
  // findings, which need the whole text).
  const startStdin = async (): Promise<VisitedInput> => {
    const label = options.stdinFilename ?? '-';
    let taken: TakenStdin;
    try {
      taken = options.ruleSets.length > 0 ? { bytes: await io.stdin() } : await takeStdin(io, options.streamThresholdBytes ?? STREAM_THRESHOLD_BYTES);
    } catch (error) {
      const failed = failureFromError(label, error);
      return { ok: false, error: { source: label, code: failed.code, reason: failed.reason } };
    }
    return 'bytes' in taken ? await analyzeSource('-', options, taken.bytes) : { ok: 'stream', source: label, chunks: taken.chunks };
  };
  // In this thread, the next few inputs are read while one is analyzed (analysis itself is
  // synchronous, so only the reading overlaps); results are taken in input order.
  const start = (item: (typeof items)[number]): Promise<VisitedInput> => {
    if (typeof item !== 'string') return Promise.resolve({ ok: false, error: { source: item.source, code: item.code, reason: item.reason } });
    if (deferred.has(item)) return Promise.resolve({ ok: 'stream', source: item });
    const fromWorker = byFile.get(item);
    if (fromWorker) return fromWorker.promise;
    return item === '-' ? startStdin() : analyzeSource(item, options);
  };
  const ahead: Array<Promise<VisitedInput>> = [];
  for (let i = 0; i < items.length; i++) {
    while (ahead.length < READ_AHEAD && i + ahead.length < items.length) ahead.push(start(items[i + ahead.length] as (typeof items)[number]));
    const result = await (ahead.shift() as Promise<VisitedInput>);
    const item = items[i] as (typeof items)[number];
    if (typeof item === 'string' && byFile.has(item)) byFile.delete(item);
    else progress.tick(item === '-' ? (options.stdinFilename ?? '-') : typeof item === 'string' ? item : item.source);
    await visit(result);
  }
  await workers;
  progress.done();
}

/**
 * Reads and analyzes every input, as {@link visitInputs} does, and keeps every result: each
 * input ends up in exactly one of `documents` and `errors`, in input order. For the commands
 * whose output needs the whole run at once (`check`, `summary`).
 */
export async function analyzeInputs(
  paths: readonly string[],
  options: AnalyzeInputsOptions,
  output: OutputOptions,
  io: CliIo,
): Promise<{ documents: ReportInput[]; errors: InputFailure[] }> {
  const documents: ReportInput[] = [];
  const errors: InputFailure[] = [];
  await visitInputs(paths, options, output, io, async (visited) => {
    const result = visited.ok === 'stream' ? await streamDocument(visited.source, options, visited.chunks) : visited;
    if (result.ok) documents.push(result.document);
    else errors.push(result.error);
  });
  return { documents, errors };
}
