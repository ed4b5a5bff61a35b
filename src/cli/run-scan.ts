import { createColors } from 'picocolors';
import { DocumentReadError } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import type { MarkerRecord, Page } from '../normalize/marker-record.js';
import { INFORMATION_URI, type ReportInput } from '../report/create-report.js';
import { createRecordsJsonWriter } from '../report/formatters/format-json.js';
import { formatJsonlRecord } from '../report/formatters/format-jsonl.js';
import { describeInputFailure, escapeText, formatRecordLine } from '../report/formatters/format-text.js';
import { analyzePdfInput, pdfNotes } from './analyze-pdf-input.js';
import { streamInput, visitInputs, type AnalyzeInputsOptions } from './analyze-inputs.js';
import { EXIT_FAILURE, EXIT_OK, expandInputs, openOutput, shouldColor, type CliIo, type InputFailure, type OutputOptions, type OutputSink } from './cli-io.js';
import { leaveOutDocumentsBelow } from './leave-out-documents-below.js';
import { loadSelection, type SelectionOptions } from './select-documents.js';
import { createSpool, noteSpoolInMemory } from './spool.js';

/** Options of the `scan` command, as commander hands them over. */
export interface ScanCliOptions extends OutputOptions, SelectionOptions {
  format: 'text' | 'json' | 'jsonl';
  stdinFilename?: string;
  /** `--min-confidence`: records below it are left out (default: the config file's `minConfidence`). */
  minConfidence?: number;
  showHiddenText?: boolean;
  /** Files at least this large (bytes) are streamed (default {@link SCAN_STREAM_THRESHOLD_BYTES}); no flag sets it, tests do. */
  streamThresholdBytes?: number;
}

/**
 * `scan` streams files of this many bytes or more (`summary` and `check` from 64 MiB): a file
 * read whole costs about twenty times its size in memory while it is analyzed (a 20 MB file
 * peaked at 385 MB), streamed it costs the same whatever its size, and `scan` needs no text
 * afterwards. The records, pages and dates are the same either way.
 */
export const SCAN_STREAM_THRESHOLD_BYTES = 4 * 1024 * 1024;

/** How one format writes a run of records, piece by piece. */
interface RecordsWriter {
  open(): string;
  document(doc: ReportInput): string;
  /** A document too large to hold: its pages one by one, then its records one by one, then its source. */
  streamedHead(): string;
  streamedPage(page: Page, first: boolean): string;
  streamedPagesEnd(noPages: boolean): string;
  streamedRecord(source: string, record: MarkerRecord, first: boolean): string;
  streamedTail(source: string, noRecords: boolean): string;
  close(errors: readonly InputFailure[]): string;
}

function createWriter(format: ScanCliOptions['format'], color: boolean): RecordsWriter {
  if (format === 'json') {
    const json = createRecordsJsonWriter({ name: 'redaction-audit', version: VERSION, informationUri: INFORMATION_URI });
    return {
      open: json.open,
      document: (doc) => json.document(doc),
      streamedHead: json.documentHead,
      streamedPage: json.page,
      streamedPagesEnd: json.pagesEnd,
      streamedRecord: (_source, record, first) => json.record(record, first),
      streamedTail: (source, noRecords) => json.documentTail(source, noRecords),
      close: (errors) => json.close([...errors]),
    };
  }
  const line = format === 'jsonl' ? formatJsonlRecord : (source: string | null, r: MarkerRecord): string => `${formatRecordLine(source, r)}\n`;
  const c = createColors(color);
  return {
    open: () => '',
    document: (doc) => {
      let out = '';
      for (const r of doc.records) out += line(doc.source, r);
      return out;
    },
    streamedHead: () => '',
    streamedPage: () => '',
    streamedPagesEnd: () => '',
    streamedRecord: (source, record) => line(source, record),
    streamedTail: () => '',
    // JSON Lines holds records only: failed inputs are named on standard error.
    close: (errors) => (format === 'jsonl' ? '' : errors.map((e) => `${c.red('✖')} ${describeInputFailure(e)}\n`).join('')),
  };
}

/**
 * Scans a file too large to hold (or standard input, given its `chunks`) as a stream, writing
 * its pages and records as they are found to two spool files, copied to the output once the
 * whole input has been read (JSON puts the pages first; a read error then leaves no half
 * document behind). Nothing of the document stays in memory.
 */
async function writeStreamed(
  source: string,
  chunks: AsyncIterable<Uint8Array> | undefined,
  writer: RecordsWriter,
  sink: OutputSink,
  minConfidence: number | undefined,
  onMemory: (reason: string) => void,
): Promise<{ ok: true } | { ok: false; error: InputFailure } | { ok: 'pdf' }> {
  const pages = createSpool({ onMemory });
  const records = createSpool({ onMemory });
  try {
    let pageCount = 0;
    let recordCount = 0;
    try {
      for await (const p of streamInput(source, chunks)) {
        pages.write(writer.streamedPage(p.page, pageCount++ === 0));
        for (const r of p.records) if (minConfidence === undefined || r.confidence >= minConfidence) records.write(writer.streamedRecord(source, r, recordCount++ === 0));
      }
    } catch (error) {
      if (!(error instanceof DocumentReadError)) throw error;
      if (error.code === 'pdf' && !chunks) return { ok: 'pdf' };
      return { ok: false, error: { source, code: error.code, reason: error.reason } };
    }
    await sink.write(writer.streamedHead());
    for (const piece of pages.read()) await sink.write(piece);
    await sink.write(writer.streamedPagesEnd(pageCount === 0));
    for (const piece of records.read()) await sink.write(piece);
    await sink.write(writer.streamedTail(source, recordCount === 0));
    return { ok: true };
  } finally {
    pages.dispose();
    records.dispose();
  }
}

/**
 * The `scan` command: one line (text), object (JSON) or JSON line (`jsonl`) per record, each
 * document written as soon as it and those before it are done, so memory does not grow with
 * the corpus; exit 2 when an input could not be read.
 */
export async function runScan(paths: string[], options: ScanCliOptions, io: CliIo): Promise<number> {
  // The config file and ignore files choose the documents, as for check and summary.
  const selected = await loadSelection(options, io);
  if (!selected) return EXIT_FAILURE;
  const minConfidence = options.minConfidence ?? selected.config.settings.minConfidence;
  const { items, duplicates, ignored } = await expandInputs(paths, selected.selection);
  if (!options.quiet) {
    for (const d of duplicates) io.stderr(`redaction-audit: note: ${escapeText(`${d.source} is the same file as ${d.sameAs}`)}; analyzed once\n`);
    for (const path of ignored) io.stderr(`redaction-audit: note: ${escapeText(path)} is ignored (config ignores, .redaction-auditignore or --ignore-pattern); not read\n`);
  }
  const sink = await openOutput(options, io);
  if (!sink) return EXIT_FAILURE;
  const writer = createWriter(options.format, shouldColor(options, io));
  const analyzeOptions: AnalyzeInputsOptions = {
    ruleSets: [],
    deferStreamed: true,
    streamThresholdBytes: options.streamThresholdBytes ?? SCAN_STREAM_THRESHOLD_BYTES,
    ...(options.stdinFilename !== undefined ? { stdinFilename: options.stdinFilename } : {}),
    ...(options.showHiddenText ? { showHiddenText: true } : {}),
  };
  // Inputs that could not be expanded (a missing file, an unreadable folder) keep their place among the errors.
  const order = new Map<string, number>();
  const errors: Array<[number, InputFailure]> = [];
  const files: string[] = [];
  items.forEach((item, index) => {
    if (typeof item === 'string') {
      order.set(item === '-' ? (options.stdinFilename ?? '-') : item, index);
      files.push(item);
    } else errors.push([index, { source: item.source, code: item.code, reason: item.reason }]);
  });
  const fail = (error: InputFailure): void => {
    errors.push([order.get(error.source) ?? items.length, error]);
  };
  const notes: string[] = [];
  const onMemory = noteSpoolInMemory(io, options.quiet);
  const take = async (document: ReportInput): Promise<void> => {
    await sink.write(writer.document(leaveOutDocumentsBelow([document], minConfidence)[0] as ReportInput));
    for (const note of pdfNotes([document])) notes.push(note);
  };
  await sink.write(writer.open());
  await visitInputs(files, analyzeOptions, options, io, async (visited) => {
    if (visited.ok === 'stream') {
      const streamed = await writeStreamed(visited.source, visited.chunks, writer, sink, minConfidence, onMemory);
      if (streamed.ok === 'pdf') {
        const pdf = await analyzePdfInput(visited.source, analyzeOptions);
        if (pdf.ok) await take(pdf.document);
        else fail(pdf.error);
      } else if (!streamed.ok) fail(streamed.error);
    } else if (visited.ok) await take(visited.document);
    else fail(visited.error);
  });
  const failures = errors.sort((a, b) => a[0] - b[0]).map(([, e]) => e);
  await sink.write(writer.close(failures));
  const written = await sink.close();
  // Unreadable inputs are named on stderr too, unless the text output already shows them on the terminal.
  const shownOnTerminal = options.format === 'text' && options.output === undefined;
  if (!shownOnTerminal) for (const e of failures) io.stderr(`redaction-audit: ${describeInputFailure(e)}\n`);
  if (!options.quiet) for (const note of notes) io.stderr(note);
  if (!written) return EXIT_FAILURE;
  return failures.length > 0 ? EXIT_FAILURE : EXIT_OK;
}
