import type { MarkerRecord } from '../../normalize/marker-record.js';
import type { Report } from '../report.js';
import { sortKeys } from './format-json.js';

/**
 * One record as a line of JSON Lines: the record's fields and its document's `source`, keys
 * sorted, no line break inside, ending with `\n`. A record's own keys never include `source`.
 */
export function formatJsonlRecord(source: string | null, record: MarkerRecord): string {
  return `${JSON.stringify(sortKeys({ ...record, source }))}\n`;
}

/**
 * Renders the records of a report as JSON Lines: one record per line with its document's
 * `source`, documents in report order, records in document order; the way to load the records
 * of a corpus into DuckDB (`read_json_auto`), pandas (`read_json(lines=True)`) or BigQuery.
 * Failed inputs are not lines: they are in `report.errors` (the CLI names them on standard
 * error). An empty report renders as the empty string.
 */
export function formatJsonl(report: Pick<Report, 'documents'>): string {
  let out = '';
  for (const doc of report.documents) for (const r of doc.records) out += formatJsonlRecord(doc.source, r);
  return out;
}
