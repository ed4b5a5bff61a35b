import { escapeControlCharacters } from '../../core/escape-control-characters.js';
import type { Extent } from '../../normalize/marker-record.js';
import type { Report } from '../report.js';
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

function tableOf(header: readonly string[], rows: readonly (readonly string[])[], numeric: ReadonlySet<number> = new Set()): string {
  const align = header.map((_, i) => (numeric.has(i) ? '---:' : '---'));
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(align), ...rows.map((r) => line(r.map((cell, i) => (numeric.has(i) ? cell : escapeCell(cell)))))].join('\n');
}

function extentText(extent: Extent | null): string {
  return extent?.written ?? (extent ? `${extent.quantity} ${extent.unit}` : '');
}

function renderFindings(report: Report): string {
  const { error, warning, info } = report.counts;
  const out = [`# redaction-audit findings`, '', `${error + warning + info} finding(s): ${error} error(s), ${warning} warning(s), ${info} info, in ${report.documents.length} document(s).`];
  for (const doc of report.documents) {
    if (doc.findings.length === 0) continue;
    out.push('', `## ${escapeCell(doc.source ?? '<text>')}`, '');
    out.push(
      tableOf(
        ['Line', 'Column', 'Page', 'Severity', 'Rule', 'Message'],
        doc.findings.map((f) => [String(f.span.start.line), String(f.span.start.column), String(f.page), f.severity, f.ruleId, f.message]),
        new Set([0, 1, 2]),
      ),
    );
  }
  if (report.errors.length > 0) {
    out.push('', '## Inputs that could not be read', '', tableOf(['Input', 'Code', 'Reason'], report.errors.map((e) => [e.source, e.code, e.reason])));
  }
  return `${out.join('\n')}\n`;
}

function renderSummary(report: Report, options: FormatMarkdownOptions): string {
  const { corpus, documents, withholdings } = report.summary;
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
  out.push(
    '',
    '## Documents',
    '',
    tableOf(
      ['Document', 'Status', 'Highest classification', 'Pages', 'Markings', 'Redactions', 'Without code', 'Withheld'],
      documents.map((d) => [
        d.source ?? '<text>',
        d.status,
        d.highestClassification ?? '',
        String(d.pages.length),
        String(d.records),
        String(d.redactions.total),
        String(d.redactions.withoutCode),
        describeExtent(d.extent),
      ]),
      new Set([3, 4, 5, 6]),
    ),
  );
  const rows = options.maxWithholdings === undefined ? withholdings : withholdings.slice(0, options.maxWithholdings);
  out.push(
    '',
    '## Withholding index',
    '',
    tableOf(
      ['Document', 'Page', 'Line', 'Withheld', 'Codes', 'Extent', 'Context'],
      rows.map((w) => [w.source ?? '<text>', w.pageLabel ? `${w.page} (${w.pageLabel})` : String(w.page), String(w.line), w.raw, w.codes.join(', '), extentText(w.extent), w.context ?? '–']),
      new Set([1, 2]),
    ),
  );
  if (rows.length < withholdings.length) out.push('', `${withholdings.length - rows.length} more row(s) not shown.`);
  if (report.errors.length > 0) {
    out.push('', '## Inputs that could not be read', '', tableOf(['Input', 'Code', 'Reason'], report.errors.map((e) => [e.source, e.code, e.reason])));
  }
  return `${out.join('\n')}\n`;
}

/**
 * Renders a report as GitHub-flavoured Markdown: the findings per document (default), or the
 * exemption summary: a per-code table, codes cited together, a per-document table and the
 * withholding (Vaughn) index. Every cell taken from a document is escaped with {@link escapeCell}.
 */
export function formatMarkdown(report: Report, options: FormatMarkdownOptions = {}): string {
  return options.view === 'summary' ? renderSummary(report, options) : renderFindings(report);
}
