import type { Format } from '../report/format-report.js';
import { formatReport } from '../report/format-report.js';
import type { CsvTable } from '../report/formatters/format-csv.js';
import { describeInputFailure, type ReportView } from '../report/formatters/format-text.js';
import type { Report } from '../report/report.js';
import { shouldColor, writeOutput, type CliIo, type OutputOptions } from './cli-io.js';

/**
 * Renders a report and writes it to stdout or `--output`. Unreadable inputs are always named on
 * stderr too, unless the text report already shows them on the terminal.
 */
export async function emitReport(
  report: Report,
  format: Format,
  view: ReportView,
  options: OutputOptions & { table?: CsvTable },
  io: CliIo,
): Promise<boolean> {
  const text = formatReport(report, format, {
    view,
    color: shouldColor(options, io),
    ...(options.table ? { table: options.table } : {}),
    // SARIF: backslashes separate paths only on Windows; paths above the working directory become absolute.
    pathStyle: process.platform === 'win32' ? 'windows' : 'posix',
    root: process.cwd(),
  });
  const written = await writeOutput(text, options, io);
  const shownOnTerminal = format === 'text' && options.output === undefined;
  if (!shownOnTerminal) for (const e of report.errors) io.stderr(`redaction-audit: ${describeInputFailure(e)}\n`);
  return written;
}
