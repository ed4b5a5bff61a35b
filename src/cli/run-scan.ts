import { createReport } from '../report/create-report.js';
import { pdfNotes, reportRuleSets } from './analyze-pdf-input.js';
import { analyzeSelected } from './analyze-selected.js';
import { EXIT_FAILURE, EXIT_OK, type CliIo, type OutputOptions } from './cli-io.js';
import { leaveOutDocumentsBelow } from './leave-out-documents-below.js';
import { emitReport } from './report-output.js';
import { loadSelection, type SelectionOptions } from './select-documents.js';

/** Options of the `scan` command, as commander hands them over. */
export interface ScanCliOptions extends OutputOptions, SelectionOptions {
  format: 'text' | 'json';
  stdinFilename?: string;
  /** `--min-confidence`: records below it are left out (and counted). */
  minConfidence?: number;
  showHiddenText?: boolean;
}

/** The `scan` command: one line (text) or object (JSON) per record; exit 2 when an input could not be read. */
export async function runScan(paths: string[], options: ScanCliOptions, io: CliIo): Promise<number> {
  const selected = await loadSelection(options, io);
  if (!selected) return EXIT_FAILURE;
  const analyzeOptions = { ruleSets: [], ...(options.stdinFilename !== undefined ? { stdinFilename: options.stdinFilename } : {}), ...(options.showHiddenText ? { showHiddenText: true } : {}) };
  const { documents, errors } = await analyzeSelected(paths, selected.selection, () => ({ key: '', options: analyzeOptions }), options.stdinFilename, options, io);
  const report = createReport(leaveOutDocumentsBelow(documents, options.minConfidence ?? selected.config.settings.minConfidence), { errors, ruleSets: reportRuleSets(documents, []) });
  const emitted = await emitReport(report, options.format, 'records', options, io);
  if (!options.quiet) for (const note of pdfNotes(documents)) io.stderr(note);
  if (!emitted) return EXIT_FAILURE;
  return errors.length > 0 ? EXIT_FAILURE : EXIT_OK;
}
