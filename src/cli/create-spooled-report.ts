import type { ReportPart, ReportTotals } from '../report/create-report-stream.js';
import { createReportWriter } from '../report/create-report-writer.js';
import type { Format } from '../report/format-report.js';
import type { CsvTable } from '../report/formatters/format-csv.js';
import { describeInputFailure, type ReportView } from '../report/formatters/format-text.js';
import { fillTokens } from '../report/report-writer.js';
import { openOutput, shouldColor, type CliIo, type OutputOptions } from './cli-io.js';
import { createSpool, noteSpoolInMemory, type Spool } from './spool.js';

/** What {@link createSpooledReport} returns. */
export interface SpooledReport {
  /** Writes the next document's pieces (input order) to the sections' spool files; keeps nothing of it. */
  add(part: ReportPart): void;
  /**
   * Writes the whole report to `--output` or stdout: the text the writer's `end` gives, each
   * section copied from its spool file where the layout puts it. Unreadable inputs are named on
   * standard error too, unless the text report already shows them on the terminal. Deletes the
   * spool files; false when the output could not be written.
   */
  emit(totals: ReportTotals): Promise<boolean>;
  /** Deletes the spool files (when the run stops before `emit`); safe to call twice. */
  dispose(): void;
}

/**
 * A report written as it is made, for `check` and `summary`: each document's pieces go to one
 * temporary file per section of the writer's format as soon as the document is analyzed, and
 * are copied to the output once the totals that come before them (counts, the exemption
 * summary, the baseline, the errors) are known. Memory follows one document and the totals,
 * never the corpus. The output is what `formatReport` gives for the whole report, byte for byte.
 */
export function createSpooledReport(format: Format, view: ReportView, options: OutputOptions & { table?: CsvTable }, io: CliIo): SpooledReport {
  const writer = createReportWriter(format, {
    view,
    color: shouldColor(options, io),
    ...(options.table ? { table: options.table } : {}),
    // SARIF: backslashes separate paths only on Windows; paths above the working directory become absolute.
    pathStyle: process.platform === 'win32' ? 'windows' : 'posix',
    root: process.cwd(),
  });
  const shownOnTerminal = format === 'text' && options.output === undefined;
  const onMemory = noteSpoolInMemory(io, options.quiet);
  const spool = io.spool ?? ((): Spool => createSpool({ onMemory }));
  const spools: Array<Spool | undefined> = Array.from({ length: writer.sections });
  const dispose = (): void => {
    for (const s of spools) s?.dispose();
  };
  return {
    add(part) {
      writer.document(part).forEach((piece, i) => {
        if (piece === '') return;
        spools[i] ??= spool();
        spools[i].write(piece);
      });
    },
    async emit(totals) {
      try {
        const layout = writer.end(totals);
        const sink = await openOutput(options, io);
        let written = false;
        if (sink) {
          for (const part of layout) {
            if (typeof part === 'string') await sink.write(part);
            else {
              const pieces = spools[part.section]?.read() ?? [];
              for (const piece of part.tokens ? fillTokens(pieces, part.tokens) : pieces) await sink.write(piece);
            }
          }
          written = await sink.close();
        }
        if (!shownOnTerminal) for (const e of totals.errors) io.stderr(`redaction-audit: ${describeInputFailure(e)}\n`);
        return written;
      } finally {
        dispose();
      }
    },
    dispose,
  };
}
