import { createColors } from 'picocolors';
import { escapeControlCharacters } from '../../core/escape-control-characters.js';
import type { Finding } from '../../engine/finding.js';
import type { MarkerRecord } from '../../normalize/marker-record.js';
import type { ReportTotals } from '../create-report-stream.js';
import type { Report, ReportDocument, ReportError } from '../report.js';
import { linesOf, type ReportWriter } from '../report-writer.js';
import type { ExtentTally } from '../summary.js';

/** What a text or JSON rendering shows: the findings of `check`, the summary of `summary`, or the records of `scan`. */
export type ReportView = 'findings' | 'summary' | 'records';

/** Options of {@link formatText}. */
export interface FormatTextOptions {
  /** What to show (default `findings`). */
  view?: ReportView;
  /** Colour the output with ANSI escapes (default `false`; the CLI decides from `--color`, `NO_COLOR` and the terminal). */
  color?: boolean;
}

type Colors = ReturnType<typeof createColors>;

/** Pads the columns of rows to the widest cell; the last column is left ragged. */
function table(rows: readonly string[][], rightAligned: ReadonlySet<number> = new Set()): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : rightAligned.has(i) ? cell.padStart(widths[i] as number) : cell.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd(),
  );
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The stated extent in words: `11.5 lines, 2 paragraphs, 3 unstated`, or `none stated`. */
export function describeExtent(extent: ExtentTally): string {
  const parts: string[] = [];
  if (extent.lines > 0) parts.push(plural(extent.lines, 'line'));
  if (extent.paragraphs > 0) parts.push(plural(extent.paragraphs, 'paragraph'));
  if (extent.pages > 0) parts.push(plural(extent.pages, 'page'));
  if (extent.words > 0) parts.push(plural(extent.words, 'word'));
  if (extent.unstated > 0) parts.push(`${extent.unstated} without a stated extent`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

/**
 * The escaping of the text channel (the terminal, standard error): every string taken from a
 * document, a file name or a rule file goes through it, so none can move the cursor, recolour,
 * hide text or start a line of its own. See `escapeControlCharacters`.
 */
export function escapeText(text: string): string {
  return escapeControlCharacters(text);
}

/** An unreadable input in one line: `path: reason (code)`, as every view and the CLI's standard error name it (escaped). */
export function describeInputFailure(e: ReportError): string {
  return escapeText(`${e.source}: ${e.reason} (${e.code})`);
}

function severityLabel(c: Colors, f: Finding): string {
  if (f.severity === 'error') return c.red('error');
  if (f.severity === 'warning') return c.yellow('warning');
  return c.blue('info');
}

/** One document's block of the `findings` view: its source, its findings as a table, a blank line; empty when it has no findings. */
function renderDocumentFindings(doc: ReportDocument, c: Colors): string {
  if (doc.findings.length === 0) return '';
  const out: string[] = [c.underline(escapeText(doc.source ?? '<text>'))];
  const rows = doc.findings.map((f) => [`${f.span.start.line}:${f.span.start.column}`, f.severity, escapeText(f.message), escapeText(f.ruleId)]);
  const lines = table(rows);
  // Colour after padding so escape codes do not skew the widths.
  lines.forEach((line, i) => {
    const f = doc.findings[i] as Finding;
    // The rule id is the last cell; the severity is the first word after line:column.
    const id = escapeText(f.ruleId);
    out.push(`  ${line.slice(0, line.length - id.length).replace(f.severity, severityLabel(c, f))}${c.dim(id)}`);
  });
  out.push('');
  return linesOf(out);
}

/** The end of the `findings` view, after the documents: the inputs that failed, the totals, the stale baseline entries. */
function renderFindingsEnd(totals: Pick<ReportTotals, 'errors' | 'counts' | 'baseline' | 'documents'>, c: Colors): string {
  const out: string[] = [];
  for (const e of totals.errors) out.push(`${c.red('✖')} ${describeInputFailure(e)}`);
  if (totals.errors.length > 0) out.push('');
  const { error, warning, info } = totals.counts;
  const total = error + warning + info;
  // An input that could not be read is a failure, never a green tick.
  const mark = error > 0 || totals.errors.length > 0 ? c.red('✖') : warning > 0 ? c.yellow('⚠') : c.green('✔');
  const baseline = totals.baseline ? `; ${totals.baseline.suppressed} hidden by the baseline` : '';
  out.push(
    `${mark} ${plural(total, 'finding')} (${plural(error, 'error')}, ${plural(warning, 'warning')}, ${info} info) in ${plural(totals.documents, 'document')}${totals.errors.length > 0 ? `, ${totals.errors.length} unreadable` : ''}${baseline}`,
  );
  for (const s of totals.baseline?.stale ?? []) out.push(`baseline entry no longer matches: ${escapeText(`${s.source ?? '-'}  ${s.ruleId}  ${s.message}`)}`);
  return linesOf(out);
}

function renderFindings(report: Report, c: Colors): string {
  let out = '';
  for (const doc of report.documents) out += renderDocumentFindings(doc, c);
  return out + renderFindingsEnd({ ...report, documents: report.documents.length }, c);
}

function renderSummary(report: Pick<ReportTotals, 'summary' | 'errors'>, c: Colors): string {
  const { corpus } = report.summary;
  const out: string[] = [];
  const below = corpus.belowConfidence !== undefined ? `; ${plural(corpus.belowConfidence, 'record')} below --min-confidence left out` : '';
  out.push(c.bold(`${plural(corpus.documents, 'document')}, ${plural(corpus.pages, 'page')}, ${plural(corpus.records, 'marking')} (${plural(corpus.mentions, 'mention')} in prose not counted${below})`));
  out.push(`status: ${Object.entries(corpus.statuses).map(([s, n]) => `${s} ${n}`).join(', ')}`);
  out.push(`highest classification: ${escapeText(corpus.classifications.map((x) => `${x.code} ${x.documents}`).join(', ')) || 'none'}`);
  out.push(`redactions: ${corpus.redactions.total} (${corpus.redactions.withCode} with a code beside them, ${corpus.redactions.withoutCode} without); withheld: ${describeExtent(corpus.extent)}`);
  out.push('');
  if (corpus.codes.length > 0) {
    const rows = [['KEY', 'COUNT', 'DOCS', 'FIRST SEEN', 'MEANING'], ...corpus.codes.map((k) => [escapeText(k.key), String(k.count), String(k.documents), `${escapeText(k.first.source ?? '<text>')} p.${k.first.page}`, escapeText(k.label ?? '(unknown code)')])];
    const lines = table(rows, new Set([1, 2]));
    out.push(c.bold(lines[0] as string));
    for (const line of lines.slice(1)) out.push(line);
    out.push('');
  }
  if (corpus.coOccurrences.length > 0) {
    out.push(c.bold('cited together:'));
    for (const pair of corpus.coOccurrences) out.push(`  ${escapeText(pair.keys.join(' + '))}  ${pair.count}`);
    out.push('');
  }
  for (const e of report.errors) out.push(`${c.red('✖')} ${describeInputFailure(e)}`);
  return `${out.join('\n').trimEnd()}\n`;
}

/** One record as a line of `scan`'s text output (without the line break): `source:line:column  key  raw  role  confidence`. */
export function formatRecordLine(source: string | null, r: MarkerRecord): string {
  return `${escapeText(source ?? '-')}:${r.span.start.line}:${r.span.start.column}  ${escapeText(r.key)}  ${escapeText(r.raw)}  ${r.role}  ${r.confidence.toFixed(2)}`;
}

function renderDocumentRecords(doc: Pick<ReportDocument, 'source' | 'records'>): string {
  return linesOf(doc.records.map((r) => formatRecordLine(doc.source, r)));
}

function renderErrors(errors: readonly ReportError[], c: Colors): string {
  return linesOf(errors.map((e) => `${c.red('✖')} ${describeInputFailure(e)}`));
}

function renderRecords(report: Report, c: Colors): string {
  let out = '';
  for (const doc of report.documents) out += renderDocumentRecords(doc);
  return out + renderErrors(report.errors, c);
}

/**
 * Renders a report for a terminal. `findings` (the default) lists each document's findings as
 * `line:column  severity  message  rule-id`, grouped by document, then the totals; `summary`
 * prints the corpus counts and the per-code table; `records` prints one line per record
 * (`source:line:column  key  raw  role  confidence`). Unreadable inputs are listed in every view.
 * Pure: colour only when `options.color` is true.
 */
export function formatText(report: Report, options: FormatTextOptions = {}): string {
  const c = createColors(options.color === true);
  const view = options.view ?? 'findings';
  if (view === 'summary') return renderSummary(report, c);
  if (view === 'records') return renderRecords(report, c);
  return renderFindings(report, c);
}

/**
 * {@link formatText} for a run written as it goes: one section, each document's lines (its
 * findings, or its records), placed before the totals once they are known; the `summary` view
 * has no per-document lines. Joined, the pieces are byte for byte what `formatText` returns
 * for the same report.
 */
export function createTextReportWriter(options: FormatTextOptions = {}): ReportWriter {
  const c = createColors(options.color === true);
  const view = options.view ?? 'findings';
  return {
    sections: 1,
    document: ({ document }) => [view === 'findings' ? renderDocumentFindings(document, c) : view === 'records' ? renderDocumentRecords(document) : ''],
    end: (totals) => (view === 'summary' ? [renderSummary(totals, c)] : view === 'records' ? [{ section: 0 }, renderErrors(totals.errors, c)] : [{ section: 0 }, renderFindingsEnd(totals, c)]),
  };
}
