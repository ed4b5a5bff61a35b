import type { Report } from '../report.js';
import type { ReportView } from './format-text.js';

/** Options of {@link formatJson}. */
export interface FormatJsonOptions {
  /**
   * What to include (default `findings`, the whole report). `summary` keeps `tool`, `summary`
   * and `errors`; `records` keeps `tool`, `errors` and each document's `source`, `records` and `pages`.
   */
  view?: ReportView;
  /** Spaces of indentation (default 2; 0 for one line). */
  indent?: number;
}

/** Copies a JSON value with the keys of every object in code-unit order, so output is byte-stable. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/**
 * Renders a report as JSON with the keys of every object sorted, so the same run gives the same
 * bytes and diffs stay small. The whole report parses back with `ReportSchema`.
 */
export function formatJson(report: Report, options: FormatJsonOptions = {}): string {
  const view = options.view ?? 'findings';
  let value: unknown = report;
  if (view === 'summary') value = { tool: report.tool, summary: report.summary, errors: report.errors };
  else if (view === 'records') {
    value = { tool: report.tool, documents: report.documents.map((d) => ({ source: d.source, records: d.records, pages: d.pages })), errors: report.errors };
  }
  return `${JSON.stringify(sortKeys(value), null, options.indent ?? 2)}\n`;
}
