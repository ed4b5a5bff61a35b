import { InvalidArgumentError } from '../core/errors.js';
import { formatCsv, type CsvTable } from './formatters/format-csv.js';
import { formatGithub } from './formatters/format-github.js';
import { formatJson } from './formatters/format-json.js';
import { formatMarkdown } from './formatters/format-markdown.js';
import { formatSarif, type FormatSarifOptions } from './formatters/format-sarif.js';
import { formatText, type ReportView } from './formatters/format-text.js';
import type { Report } from './report.js';

/** The output formats, as `--format` accepts them. */
export const FORMATS = ['text', 'json', 'markdown', 'sarif', 'github', 'csv'] as const;
/** One of {@link FORMATS}. */
export type Format = (typeof FORMATS)[number];

/** Options of {@link formatReport}: the union of every formatter's options. */
export interface FormatReportOptions {
  /** `findings`, `summary` or `records` (text and JSON); `findings` or `summary` (Markdown). Ignored by the others. */
  view?: ReportView;
  /** ANSI colour (text only). */
  color?: boolean;
  /** Which summary table (CSV only). */
  table?: CsvTable;
  /** How sources are separated (SARIF only); see `FormatSarifOptions`. */
  pathStyle?: FormatSarifOptions['pathStyle'];
  /** The directory relative sources are relative to (SARIF only); see `FormatSarifOptions`. */
  root?: string;
}

/**
 * Renders a report in one of the {@link FORMATS}, dispatching to `formatText`, `formatJson`,
 * `formatMarkdown`, `formatSarif`, `formatGithub` or `formatCsv`. Throws
 * {@link InvalidArgumentError} for an unknown format, or for a Markdown `records` view.
 */
export function formatReport(report: Report, format: Format, options: FormatReportOptions = {}): string {
  const view = options.view ?? 'findings';
  switch (format) {
    case 'text':
      return formatText(report, { view, color: options.color === true });
    case 'json':
      return formatJson(report, { view });
    case 'markdown':
      if (view === 'records') throw new InvalidArgumentError('formatReport: the markdown format shows findings or a summary, not records; use json or text');
      return formatMarkdown(report, { view });
    case 'sarif':
      return formatSarif(report, { ...(options.pathStyle ? { pathStyle: options.pathStyle } : {}), ...(options.root !== undefined ? { root: options.root } : {}) });
    case 'github':
      return formatGithub(report);
    case 'csv':
      return formatCsv(report, options.table ? { table: options.table } : {});
    default:
      throw new InvalidArgumentError(`formatReport: unknown format "${String(format)}"; expected one of ${FORMATS.join(', ')}`);
  }
}
