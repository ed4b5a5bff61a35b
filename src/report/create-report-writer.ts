import { InvalidArgumentError } from '../core/errors.js';
import { FORMATS, type Format, type FormatReportOptions } from './format-report.js';
import { createCsvReportWriter } from './formatters/format-csv.js';
import { createGithubReportWriter } from './formatters/format-github.js';
import { createJsonReportWriter } from './formatters/format-json.js';
import { createMarkdownReportWriter } from './formatters/format-markdown.js';
import { createSarifReportWriter } from './formatters/format-sarif.js';
import { createTextReportWriter } from './formatters/format-text.js';
import type { ReportWriter } from './report-writer.js';

/**
 * The {@link ReportWriter} of one of the {@link FORMATS}: what `formatReport(report, format,
 * options)` returns, written document by document (see `createReportStream`). Throws
 * {@link InvalidArgumentError} for an unknown format, a Markdown `records` view, or a JSON
 * `records` view (`scan` writes records with `createRecordsJsonWriter`).
 */
export function createReportWriter(format: Format, options: FormatReportOptions = {}): ReportWriter {
  const view = options.view ?? 'findings';
  switch (format) {
    case 'text':
      return createTextReportWriter({ view, color: options.color === true });
    case 'json':
      if (view === 'records') throw new InvalidArgumentError('createReportWriter: the json records view is written by createRecordsJsonWriter');
      return createJsonReportWriter({ view });
    case 'markdown':
      if (view === 'records') throw new InvalidArgumentError('createReportWriter: the markdown format shows findings or a summary, not records; use json or text');
      return createMarkdownReportWriter({ view });
    case 'sarif':
      return createSarifReportWriter({ ...(options.pathStyle ? { pathStyle: options.pathStyle } : {}), ...(options.root !== undefined ? { root: options.root } : {}) });
    case 'github':
      return createGithubReportWriter();
    case 'csv':
      return createCsvReportWriter(options.table ? { table: options.table } : {});
    default:
      throw new InvalidArgumentError(`createReportWriter: unknown format "${String(format)}"; expected one of ${FORMATS.join(', ')}`);
  }
}
