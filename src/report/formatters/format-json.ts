import type { MarkerRecord, Page } from '../../normalize/marker-record.js';
import type { ReportTotals } from '../create-report-stream.js';
import type { Report } from '../report.js';
import type { ReportLayoutPart, ReportWriter } from '../report-writer.js';
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
export function sortKeys(value: unknown): unknown {
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

/** A `JSON.stringify` replacer that writes each object with its keys in code-unit order, as {@link sortKeys} does. */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/**
 * `JSON.stringify(sortKeys(value), null, indent)` without a sorted copy of the whole value made
 * first: each object is sorted as it is written, so only the path being written is copied (a
 * document's sorted copy no longer outlives the young generation). For JSON data (no `toJSON`)
 * the text is the same.
 */
function stringifySorted(value: unknown, indent: number): string {
  return JSON.stringify(value, sortedKeys, indent);
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
  return `${stringifySorted(value, options.indent ?? 2)}\n`;
}

/**
 * `value` as {@link formatJson} writes it (keys sorted, two spaces) when it stands `depth` levels
 * deep: written inside `depth` arrays, whose brackets are then cut off, so the text is made once
 * (indenting it afterwards would copy a large document's text again).
 */
function nested(value: unknown, depth: number): string {
  let wrapped = value;
  let head = 0;
  let tail = 0;
  for (let level = 0; level < depth; level++) {
    wrapped = [wrapped];
    // `[` and a line break before, a line break, the indentation and `]` after.
    head += 2 * level + 2;
    tail += 2 * level + 2;
  }
  const text = stringifySorted(wrapped, 2);
  return text.slice(head, text.length - tail);
}

/**
 * The `records` view of {@link formatJson} in pieces, for a writer that sends each document
 * out as soon as it is ready instead of holding the whole report: `open()`, then each document
 * (whole with `document`, or, for one too large to hold, `documentHead()`, each page with
 * `page`, `pagesEnd`, each record with `record`, then `documentTail`; `first` marks the first
 * page or record), then `close()`. The pieces joined are byte for byte what
 * `formatJson(report, { view: 'records' })` returns for the same documents. Pure: each call
 * returns a string and remembers only whether a document came before.
 */
export function createRecordsJsonWriter(tool: Report['tool']): {
  open(): string;
  document(doc: { source: string | null; records: readonly MarkerRecord[]; pages: readonly Page[] }): string;
  documentHead(): string;
  page(page: Page, first: boolean): string;
  pagesEnd(noPages: boolean): string;
  record(record: MarkerRecord, first: boolean): string;
  documentTail(source: string | null, noRecords: boolean): string;
  close(errors: Report['errors']): string;
} {
  let documents = 0;
  const comma = (): string => (documents++ > 0 ? ',\n' : '\n');
  return {
    open: () => '{\n  "documents": [',
    document: (doc) => `${comma()}${nested({ pages: doc.pages, records: doc.records, source: doc.source }, 2)}`,
    documentHead: () => `${comma()}    {\n      "pages": [`,
    page: (page, first) => `${first ? '\n' : ',\n'}${nested(page, 4)}`,
    pagesEnd: (noPages) => `${noPages ? ']' : '\n      ]'},\n      "records": [`,
    record: (record, first) => `${first ? '\n' : ',\n'}${nested(record, 4)}`,
    documentTail: (source, noRecords) => `${noRecords ? ']' : '\n      ]'},\n      "source": ${JSON.stringify(source)}\n    }`,
    close: (errors) => `${documents > 0 ? '\n  ]' : ']'},\n  "errors": ${nested(errors, 1).trimStart()},\n  "tool": ${nested(tool, 1).trimStart()}\n}\n`,
  };
}

/** An array of a streamed JSON report: where it stands in the skeleton, its section, and how many elements it got. */
interface JsonHole {
  /** The key of the array as the skeleton writes it empty, with the line break and indentation before it. */
  at: string;
  section: number;
  /** Depth of the key (1: a key of the top-level object). */
  depth: number;
  count: number;
}

/**
 * Cuts the skeleton (the report rendered with its streamed arrays empty) at those arrays, in
 * order, putting each non-empty one's section between its brackets. A key with an empty array
 * and that indentation occurs once: strings in JSON have their quotes escaped, so no value can
 * hold one.
 */
function spliceSections(json: string, holes: readonly JsonHole[]): ReportLayoutPart[] {
  const parts: ReportLayoutPart[] = [];
  let from = 0;
  for (const hole of holes) {
    if (hole.count === 0) continue;
    const at = json.indexOf(hole.at, from);
    const open = at + hole.at.length - 1;
    parts.push(json.slice(from, open), { section: hole.section }, `\n${'  '.repeat(hole.depth)}]`);
    from = open + 1;
  }
  parts.push(json.slice(from));
  return parts;
}

/**
 * {@link formatJson} for a run written as it goes (`findings` and `summary` views): three
 * sections, the documents, their summaries and their withholding rows, each document's piece
 * written as {@link formatJson} writes it in the array, and placed between the totals (counts,
 * baseline, corpus summary, errors, rules) once they are known. Joined, the pieces are byte for
 * byte what `formatJson(report, { view })` returns for the same report.
 */
export function createJsonReportWriter(options: { view?: 'findings' | 'summary' } = {}): ReportWriter {
  const view = options.view ?? 'findings';
  const counts = [0, 0, 0];
  const piece = (section: number, value: unknown, depth: number): string => `${(counts[section] as number)++ > 0 ? ',\n' : '\n'}${nested(value, depth)}`;
  return {
    sections: 3,
    document: (part) => [
      view === 'findings' ? piece(0, part.document, 2) : '',
      piece(1, part.summary, 3),
      part.withholdings.map((w) => piece(2, w, 3)).join(''),
    ],
    end: (totals: ReportTotals) => {
      const summary = { ...totals.summary, documents: [], withholdings: [] };
      const skeleton = view === 'summary' ? { tool: totals.tool, summary, errors: totals.errors } : { ...totals, documents: [], summary };
      const holes: JsonHole[] = [
        ...(view === 'findings' ? [{ at: '\n  "documents": []', section: 0, depth: 1, count: counts[0] as number }] : []),
        { at: '\n    "documents": []', section: 1, depth: 2, count: counts[1] as number },
        { at: '\n    "withholdings": []', section: 2, depth: 2, count: counts[2] as number },
      ];
      return spliceSections(`${stringifySorted(skeleton, 2)}\n`, holes);
    },
  };
}
