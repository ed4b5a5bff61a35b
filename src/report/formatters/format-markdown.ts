import { escapeControlCharacters } from '../../core/escape-control-characters.js';
import type { Extent } from '../../normalize/marker-record.js';
import type { ReportTotals } from '../create-report-stream.js';
import type { Report, ReportDocument } from '../report.js';
import { linesOf, type ReportWriter } from '../report-writer.js';
import type { CorpusSummary, DocumentSummary, Withholding } from '../summary.js';
import { describeExtent } from './format-text.js';

/** Options of {@link formatMarkdown}. */
export interface FormatMarkdownOptions {
  /** `findings` (default) lists the findings per document; `summary` gives the exemption tables and the withholding index. */
  view?: 'findings' | 'summary';
  /** Rows of the withholding index to print before cutting (default: all). */
  maxWithholdings?: number;
}

/**
 * The escaping of the Markdown channel, for a table cell or any inline text: runs of white
 * space become one space, other control characters are shown as escapes (`\x1b`, see
 * `escapeControlCharacters`), backslashes and pipes are escaped, `<`, `>` and `&` become
 * entities (document text must never turn into HTML), and characters Markdown would read as
 * emphasis, code or links are backslash-escaped.
 */
export function escapeCell(text: string): string {
  return escapeControlCharacters(text.replace(/\s+/g, ' '))
    .replace(/[\\`*_[\]|#]/g, (ch) => `\\${ch}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .trim();
}

/** A table's header and alignment rows (`---:` for numeric columns). */
function tableHead(header: readonly string[], numeric: ReadonlySet<number>): string {
  return `${rowOf(header)}\n${rowOf(header.map((_, i) => (numeric.has(i) ? '---:' : '---')))}`;
}

function rowOf(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** A table row with every cell but the numeric ones escaped. */
function tableRow(cells: readonly string[], numeric: ReadonlySet<number>): string {
  return rowOf(cells.map((cell, i) => (numeric.has(i) ? cell : escapeCell(cell))));
}

function tableOf(header: readonly string[], rows: readonly (readonly string[])[], numeric: ReadonlySet<number> = new Set()): string {
  return [tableHead(header, numeric), ...rows.map((r) => tableRow(r, numeric))].join('\n');
}

function extentText(extent: Extent | null): string {
  return extent?.written ?? (extent ? `${extent.quantity} ${extent.unit}` : '');
}

const FINDING_COLUMNS = ['Line', 'Column', 'Page', 'Severity', 'Rule', 'Message'];
const FINDING_NUMERIC = new Set([0, 1, 2]);
const DOCUMENT_COLUMNS = ['Document', 'Status', 'Highest classification', 'Pages', 'Markings', 'Redactions', 'Without code', 'Withheld'];
const DOCUMENT_NUMERIC = new Set([3, 4, 5, 6]);
const WITHHOLDING_COLUMNS = ['Document', 'Page', 'Line', 'Withheld', 'Codes', 'Extent', 'Context'];
const WITHHOLDING_NUMERIC = new Set([1, 2]);

function renderFindingsHead(totals: Pick<ReportTotals, 'counts' | 'documents'>): string {
  const { error, warning, info } = totals.counts;
  return linesOf([`# redaction-audit findings`, '', `${error + warning + info} finding(s): ${error} error(s), ${warning} warning(s), ${info} info, in ${totals.documents} document(s).`]);
}

/** One document's section of the findings view; empty when it has no findings. */
function renderDocumentFindings(doc: ReportDocument): string {
  if (doc.findings.length === 0) return '';
  const rows = doc.findings.map((f) => [String(f.span.start.line), String(f.span.start.column), String(f.page), f.severity, f.ruleId, f.message]);
  return linesOf(['', `## ${escapeCell(doc.source ?? '<text>')}`, '', tableOf(FINDING_COLUMNS, rows, FINDING_NUMERIC)]);
}

function renderErrors(errors: Report['errors']): string {
  if (errors.length === 0) return '';
  return linesOf(['', '## Inputs that could not be read', '', tableOf(['Input', 'Code', 'Reason'], errors.map((e) => [e.source, e.code, e.reason]))]);
}

function renderFindings(report: Report): string {
  let out = renderFindingsHead({ ...report, documents: report.documents.length });
  for (const doc of report.documents) out += renderDocumentFindings(doc);
  return out + renderErrors(report.errors);
}

/** The summary view up to the rows of its per-document table. */
function renderSummaryHead(corpus: CorpusSummary): string {
  const out = [
    '# Exemption summary',
    '',
    `${corpus.documents} document(s), ${corpus.pages} page(s), ${corpus.records} marking(s); ${corpus.mentions} mention(s) in prose not counted${corpus.belowConfidence !== undefined ? `; ${corpus.belowConfidence} record(s) below the confidence threshold left out` : ''}.`,
    '',
    `Redactions: ${corpus.redactions.total} (${corpus.redactions.withCode} with a code beside them, ${corpus.redactions.withoutCode} without). Withheld: ${describeExtent(corpus.extent)}.`,
    '',
    '## Codes',
    '',
    tableOf(
      ['Key', 'Family', 'Code', 'Count', 'Documents', 'First seen', 'Meaning', 'Authority'],
      corpus.codes.map((k) => [k.key, k.family, k.code, String(k.count), String(k.documents), `${k.first.source ?? '<text>'} p. ${k.first.page}`, k.label ?? '(unknown code)', k.authority ?? '']),
      new Set([3, 4]),
    ),
  ];
  if (corpus.coOccurrences.length > 0) {
    out.push('', '## Codes cited together', '', tableOf(['Codes', 'Withholdings'], corpus.coOccurrences.map((p) => [p.keys.join(' + '), String(p.count)]), new Set([1])));
  }
  out.push('', '## Documents', '', tableHead(DOCUMENT_COLUMNS, DOCUMENT_NUMERIC));
  return linesOf(out);
}

function renderDocumentRow(d: DocumentSummary): string {
  const cells = [d.source ?? '<text>', d.status, d.highestClassification ?? '', String(d.pages.length), String(d.records), String(d.redactions.total), String(d.redactions.withoutCode), describeExtent(d.extent)];
  return `${tableRow(cells, DOCUMENT_NUMERIC)}\n`;
}

/** Between the per-document table and the rows of the withholding index. */
function renderWithholdingsHead(): string {
  return linesOf(['', '## Withholding index', '', tableHead(WITHHOLDING_COLUMNS, WITHHOLDING_NUMERIC)]);
}

function renderWithholdingRow(w: Withholding): string {
  const cells = [w.source ?? '<text>', w.pageLabel ? `${w.page} (${w.pageLabel})` : String(w.page), String(w.line), w.raw, w.codes.join(', '), extentText(w.extent), w.context ?? '–'];
  return `${tableRow(cells, WITHHOLDING_NUMERIC)}\n`;
}

/** The summary view after the withholding index: how many rows were cut, and the inputs that failed. */
function renderSummaryEnd(shown: number, total: number, errors: Report['errors']): string {
  return (shown < total ? linesOf(['', `${total - shown} more row(s) not shown.`]) : '') + renderErrors(errors);
}

function renderSummary(report: Report, options: FormatMarkdownOptions): string {
  const { corpus, documents, withholdings } = report.summary;
  let out = renderSummaryHead(corpus);
  for (const d of documents) out += renderDocumentRow(d);
  out += renderWithholdingsHead();
  const rows = options.maxWithholdings === undefined ? withholdings : withholdings.slice(0, options.maxWithholdings);
  for (const w of rows) out += renderWithholdingRow(w);
  return out + renderSummaryEnd(rows.length, withholdings.length, report.errors);
}

/**
 * Renders a report as GitHub-flavoured Markdown: the findings per document (default), or the
 * exemption summary: a per-code table, codes cited together, a per-document table and the
 * withholding (Vaughn) index. Every cell taken from a document is escaped with {@link escapeCell}.
 */
export function formatMarkdown(report: Report, options: FormatMarkdownOptions = {}): string {
  return options.view === 'summary' ? renderSummary(report, options) : renderFindings(report);
}

/**
 * {@link formatMarkdown} for a run written as it goes: the findings view has one section (each
 * document's table), the summary view two (each document's row, each withholding row), placed
 * once the totals the tables come after are known. Joined, the pieces are byte for byte what
 * `formatMarkdown` returns for the same report.
 */
export function createMarkdownReportWriter(options: FormatMarkdownOptions = {}): ReportWriter {
  const max = options.maxWithholdings ?? Infinity;
  let withholdings = 0;
  let shown = 0;
  return {
    sections: 2,
    document: ({ document, summary, withholdings: rows }) => {
      if (options.view !== 'summary') return [renderDocumentFindings(document), ''];
      let out = '';
      for (const w of rows) {
        withholdings += 1;
        if (shown < max) {
          shown += 1;
          out += renderWithholdingRow(w);
        }
      }
      return [renderDocumentRow(summary), out];
    },
    end: (totals) =>
      options.view === 'summary'
        ? [renderSummaryHead(totals.summary.corpus), { section: 0 }, renderWithholdingsHead(), { section: 1 }, renderSummaryEnd(shown, withholdings, totals.errors)]
        : [renderFindingsHead(totals), { section: 0 }, renderErrors(totals.errors)],
  };
}
