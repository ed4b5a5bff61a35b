import { createReport } from '../report/create-report.js';
import { analyzeInputs } from './analyze-inputs.js';
import { pdfNotes, reportRuleSets } from './analyze-pdf-input.js';
import { EXIT_FAILURE, EXIT_OK, type CliIo, type OutputOptions } from './cli-io.js';
import { leaveOutDocumentsBelow } from './leave-out-documents-below.js';
import { emitReport } from './report-output.js';

/** Options of the `scan` command, as commander hands them over. */
export interface ScanCliOptions extends OutputOptions {
  format: 'text' | 'json';
  stdinFilename?: string;
  /** `--min-confidence`: records below it are left out (and counted). */
  minConfidence?: number;
  showHiddenText?: boolean;
}

/** The `scan` command: one line (text) or object (JSON) per record; exit 2 when an input could not be read. */
export async function runScan(paths: string[], options: ScanCliOptions, io: CliIo): Promise<number> {
  const { documents, errors } = await analyzeInputs(
    paths,
    { ruleSets: [], ...(options.stdinFilename !== undefined ? { stdinFilename: options.stdinFilename } : {}), ...(options.showHiddenText ? { showHiddenText: true } : {}) },
    options,
    io,
  );
  const report = createReport(leaveOutDocumentsBelow(documents, options.minConfidence), { errors, ruleSets: reportRuleSets(documents, []) });
  const emitted = await emitReport(report, options.format, 'records', options, io);
  if (!options.quiet) for (const note of pdfNotes(documents)) io.stderr(note);
  if (!emitted) return EXIT_FAILURE;
  return errors.length > 0 ? EXIT_FAILURE : EXIT_OK;
}
