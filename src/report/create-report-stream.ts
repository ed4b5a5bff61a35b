import { createBaselineFilter, type Baseline } from '../engine/baseline.js';
import type { ResolvedRuleSet } from '../rules/resolve-rule-set.js';
import { countFindings, listRules, REPORT_TOOL, toReportDocument, type ReportInput } from './create-report.js';
import type { FindingCounts, Report, ReportDocument, ReportError } from './report.js';
import { createSummaryTally } from './summarize.js';
import type { CorpusSummary, DocumentSummary, Withholding } from './summary.js';

/** One document of a streamed report: what {@link createReport} would list for it, in its three places. */
export interface ReportPart {
  /** The document as `report.documents` lists it (findings a baseline hides left out, the rest in total order). */
  document: ReportDocument;
  /** Its summary, as `report.summary.documents` lists it. */
  summary: DocumentSummary;
  /** Its rows of the withholding index, as `report.summary.withholdings` lists them. */
  withholdings: readonly Withholding[];
}

/** Everything of a report but what is per document: what a streamed writer writes around the documents. */
export interface ReportTotals extends Omit<Report, 'documents' | 'summary'> {
  /** How many documents the report has. */
  documents: number;
  /** The corpus totals of the summary (its documents and withholdings were written with each part). */
  summary: { corpus: CorpusSummary };
}

/** What {@link createReportStream} returns. */
export interface ReportStream {
  /** The report's part for the next document (in input order); only totals are kept. */
  add(input: ReportInput): ReportPart;
  /** The totals once every document is added, with the failed inputs and the rule sets to list. */
  end(options?: { errors?: readonly ReportError[]; ruleSets?: readonly ResolvedRuleSet[] }): ReportTotals;
}

/**
 * {@link createReport} one document at a time, for a writer that sends each document out as soon
 * as it is analyzed: `add` gives each document's part, `end` the totals (finding counts, the
 * baseline's suppressed and stale entries, the corpus summary, rules and errors). Nothing of a
 * document is kept after `add` returns, so memory follows the totals, not the corpus. The parts
 * and totals hold the same values as the report `createReport` makes of the same documents.
 */
export function createReportStream(options: { baseline?: Baseline } = {}): ReportStream {
  const filter = options.baseline ? createBaselineFilter(options.baseline) : undefined;
  const keep = filter ? (f: Parameters<typeof filter.keep>[0]): boolean => filter.keep(f) : (): boolean => true;
  const tally = createSummaryTally();
  const counts: FindingCounts = { error: 0, warning: 0, info: 0 };
  let documents = 0;
  return {
    add(input) {
      const document = toReportDocument(input, keep);
      countFindings(counts, document);
      documents += 1;
      const { summary, rows } = tally.add(input);
      return { document, summary, withholdings: rows };
    },
    end(end = {}) {
      return {
        tool: REPORT_TOOL,
        rules: listRules(end.ruleSets ?? []),
        documents,
        errors: [...(end.errors ?? [])],
        summary: { corpus: tally.corpus() },
        counts: { ...counts },
        baseline: filter ? filter.result() : null,
      };
    },
  };
}
