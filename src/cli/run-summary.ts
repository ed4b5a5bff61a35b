import { createReport } from '../report/create-report.js';
import type { CsvTable } from '../report/formatters/format-csv.js';
import { analyzeInputs } from './analyze-inputs.js';
import { pdfNotes, reportRuleSets } from './analyze-pdf-input.js';
import { EXIT_FAILURE, EXIT_OK, type CliIo, type OutputOptions } from './cli-io.js';
import { leaveOutDocumentsBelow } from './leave-out-documents-below.js';
import { emitReport } from './report-output.js';

/** Options of the `summary` command, as commander hands them over. */
export interface SummaryCliOptions extends OutputOptions {
  format: 'text' | 'json' | 'markdown' | 'csv';
  table: CsvTable;
  stdinFilename?: string;
  /** `--min-confidence`: records below it are left out (and counted). */
  minConfidence?: number;
}

/** The `summary` command: exemption counts per code, document and page, and the withholding index; exit 2 when an input could not be read. */
export async function runSummary(paths: string[], options: SummaryCliOptions, io: CliIo): Promise<number> {
  const { documents, errors } = await analyzeInputs(paths, { ruleSets: [], ...(options.stdinFilename !== undefined ? { stdinFilename: options.stdinFilename } : {}) }, options, io);
  const report = createReport(leaveOutDocumentsBelow(documents, options.minConfidence), { errors, ruleSets: reportRuleSets(documents, []) });
  const emitted = await emitReport(report, options.format, 'summary', options, io);
  if (!options.quiet) for (const note of pdfNotes(documents)) io.stderr(note);
  if (!emitted) return EXIT_FAILURE;
  return errors.length > 0 ? EXIT_FAILURE : EXIT_OK;
}
