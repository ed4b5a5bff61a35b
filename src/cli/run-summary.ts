import type { ReportInput } from '../report/create-report.js';
import { createReportStream } from '../report/create-report-stream.js';
import type { CsvTable } from '../report/formatters/format-csv.js';
import { pdfNotes, reportRuleSets } from './analyze-pdf-input.js';
import { visitSelected } from './analyze-selected.js';
import { EXIT_FAILURE, EXIT_OK, type CliIo, type InputFailure, type OutputOptions } from './cli-io.js';
import { createSpooledReport } from './create-spooled-report.js';
import { leaveOutDocumentsBelow } from './leave-out-documents-below.js';
import { loadSelection, type SelectionOptions } from './select-documents.js';

/** Options of the `summary` command, as commander hands them over. */
export interface SummaryCliOptions extends OutputOptions, SelectionOptions {
  format: 'text' | 'json' | 'markdown' | 'csv';
  table: CsvTable;
  stdinFilename?: string;
  /** `--min-confidence`: records below it are left out (and counted). */
  minConfidence?: number;
  /** Files (and standard input) at least this large (bytes) are streamed (default `STREAM_THRESHOLD_BYTES`, 64 MiB); no flag sets it, tests do. */
  streamThresholdBytes?: number;
}

/** The `summary` command: exemption counts per code, document and page, and the withholding index; exit 2 when an input could not be read. */
export async function runSummary(paths: string[], options: SummaryCliOptions, io: CliIo): Promise<number> {
  const selected = await loadSelection(options, io);
  if (!selected) return EXIT_FAILURE;
  const analyzeOptions = {
    ruleSets: [],
    ...(options.stdinFilename !== undefined ? { stdinFilename: options.stdinFilename } : {}),
    ...(options.streamThresholdBytes !== undefined ? { streamThresholdBytes: options.streamThresholdBytes } : {}),
  };
  const minConfidence = options.minConfidence ?? selected.config.settings.minConfidence;
  const stream = createReportStream();
  const report = createSpooledReport(options.format, 'summary', options, io);
  const errors: InputFailure[] = [];
  const notes: string[] = [];
  let fromPdf = false;
  try {
    await visitSelected(paths, selected.selection, () => ({ key: '', options: analyzeOptions }), options.stdinFilename, options, io, (result) => {
      if (!result.ok) {
        errors.push(result.error);
        return;
      }
      const { document } = result;
      if ((document as { fromPdf?: boolean }).fromPdf === true) fromPdf = true;
      for (const note of pdfNotes([document])) notes.push(note);
      report.add(stream.add(leaveOutDocumentsBelow([document], minConfidence)[0] as ReportInput));
    });
  } catch (error) {
    report.dispose();
    throw error;
  }
  const emitted = await report.emit(stream.end({ errors, ruleSets: reportRuleSets(fromPdf, []) }));
  if (!options.quiet) for (const note of notes) io.stderr(note);
  if (!emitted) return EXIT_FAILURE;
  return errors.length > 0 ? EXIT_FAILURE : EXIT_OK;
}
