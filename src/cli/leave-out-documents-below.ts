import { leaveOutBelowConfidence } from '../normalize/leave-out-below-confidence.js';
import type { ReportInput } from '../report/create-report.js';

/**
 * The analyzed documents with the records below `--min-confidence` left out, each saying how
 * many (`belowConfidence`, which the summary totals); the documents unchanged when no threshold
 * was given.
 */
export function leaveOutDocumentsBelow(documents: readonly ReportInput[], minConfidence: number | undefined): ReportInput[] {
  if (minConfidence === undefined) return [...documents];
  return documents.map((d) => ({ ...d, ...leaveOutBelowConfidence(d.records, minConfidence) }));
}
