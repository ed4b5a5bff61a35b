import { escapeControlCharacters } from '../../core/escape-control-characters.js';
import type { Report } from '../report.js';
import { linesOf, type ReportWriter } from '../report-writer.js';
import type { CorpusSummary, DocumentSummary, Withholding } from '../summary.js';

/** The summary tables {@link formatCsv} can write. */
export type CsvTable = 'codes' | 'documents' | 'pages' | 'withholdings';

/** The tables of {@link CsvTable}, for option parsers. */
export const CSV_TABLES: readonly CsvTable[] = ['codes', 'documents', 'pages', 'withholdings'];

/** Options of {@link formatCsv}. */
export interface FormatCsvOptions {
  /** Which table (default `codes`, the per-code counts across the corpus). */
  table?: CsvTable;
}

/**
 * The escaping of the CSV channel, one RFC 4180 field: control characters are shown as escapes
 * (`\x1b`, `\n`: a CSV is also read in terminals; see `escapeControlCharacters`), then the
 * field is quoted when it holds a comma or quote. A text that a spreadsheet would run as a
 * formula (starting with `=`, `+`, `-`, `@`) gets a leading `'`, the OWASP defence against CSV
 * injection; numbers are written as they are.
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const shown = escapeControlCharacters(value);
  const safe = /^[=+\-@\t\r]/.test(shown) ? `'${shown}` : shown;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

type Row = Array<string | number | boolean | null>;

const HEADERS: Record<CsvTable, readonly string[]> = {
  codes: ['key', 'family', 'code', 'count', 'documents', 'first_source', 'first_page', 'label', 'authority'],
  documents: ['source', 'status', 'highest_classification', 'pages', 'markings', 'mentions', 'redactions', 'redactions_with_code', 'redactions_without_code', 'withheld_lines', 'withheld_paragraphs', 'withheld_pages', 'withheld_words', 'extent_unstated', 'withholdings'],
  pages: ['source', 'page', 'page_label', 'key', 'count'],
  withholdings: ['source', 'page', 'page_label', 'line', 'column', 'kind', 'withheld', 'codes', 'extent', 'context'],
};

/** Rows as CSV lines, each ended by CRLF. */
function rowLines(rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  return linesOf(rows.map((row) => row.map(csvField).join(',')), '\r\n');
}

function codeRows(corpus: CorpusSummary): Row[] {
  return corpus.codes.map((k) => [k.key, k.family, k.code, k.count, k.documents, k.first.source, k.first.page, k.label, k.authority]);
}

/** The rows of withholdings (of one document, or of all). */
function withholdingRows(withholdings: readonly Withholding[]): Row[] {
  return withholdings.map((w) => [w.source, w.page, w.pageLabel, w.line, w.column, w.kind, w.raw, w.codes.join(' '), w.extent?.written ?? (w.extent ? `${w.extent.quantity} ${w.extent.unit}` : null), w.context]);
}

/** The rows one document adds to the `documents` or `pages` table. */
function documentRows(table: 'documents' | 'pages', d: DocumentSummary): Row[] {
  if (table === 'documents') {
    return [[
      d.source, d.status, d.highestClassification, d.pages.length, d.records, d.mentions, d.redactions.total, d.redactions.withCode, d.redactions.withoutCode,
      d.extent.lines, d.extent.paragraphs, d.extent.pages, d.extent.words, d.extent.unstated, d.withholdings,
    ]];
  }
  const rows: Row[] = [];
  for (const p of d.pages) for (const k of p.codes) rows.push([d.source, p.number, p.label, k.key, k.count]);
  return rows;
}

function rowsOf(report: Report, table: CsvTable): Row[] {
  const { corpus, documents, withholdings } = report.summary;
  if (table === 'codes') return codeRows(corpus);
  if (table === 'withholdings') return withholdingRows(withholdings);
  return documents.flatMap((d) => documentRows(table, d));
}

/**
 * Renders one table of a report's exemption summary as CSV (RFC 4180, CRLF line ends, a header
 * row): `codes` (per code across the corpus: the same counts as the Markdown and JSON
 * summaries), `documents`, `pages` (one row per code per page) or `withholdings` (the Vaughn index).
 */
export function formatCsv(report: Report, options: FormatCsvOptions = {}): string {
  const table = options.table ?? 'codes';
  return rowLines([HEADERS[table], ...rowsOf(report, table)]);
}

/**
 * {@link formatCsv} for a run written as it goes: one section, each document's rows (none for
 * `codes`, which is made of the corpus totals), after the header row. Joined, the pieces are
 * byte for byte what `formatCsv` returns for the same report.
 */
export function createCsvReportWriter(options: FormatCsvOptions = {}): ReportWriter {
  const table = options.table ?? 'codes';
  return {
    sections: 1,
    document: ({ summary, withholdings }) => [table === 'codes' ? '' : rowLines(table === 'withholdings' ? withholdingRows(withholdings) : documentRows(table, summary))],
    end: (totals) => (table === 'codes' ? [rowLines([HEADERS.codes, ...codeRows(totals.summary.corpus)])] : [rowLines([HEADERS[table]]), { section: 0 }]),
  };
}
