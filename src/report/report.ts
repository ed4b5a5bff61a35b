import * as z from 'zod';
import { AssessmentSchema } from '../assess/assessment.js';
import { RuleSeveritySchema } from '../core/severity.js';
import { FindingSchema } from '../engine/finding.js';
import { MarkerRecordSchema, PageSchema } from '../normalize/marker-record.js';
import { DateMentionSchema } from '../scan/find-dates.js';
import { SummarySchema } from './summary.js';

/** A rule as a report lists it: what SARIF's `tool.driver.rules` and `redaction-audit rules` show. */
export const ReportRuleSchema = z.object({
  id: z.string(),
  /** The severity the run used (`off` rules are listed too, so a reader sees what was turned off). */
  severity: RuleSeveritySchema,
  description: z.string(),
  /** The message template, placeholders unfilled. */
  message: z.string(),
  check: z.string(),
  authority: z.string().nullable(),
  url: z.string().nullable(),
  /** The `name` of the rule set that defined it, or `null`. */
  ruleSet: z.string().nullable(),
  /** The file that last defined or changed it (`redaction-audit:recommended` for a built-in). */
  definedIn: z.string(),
});
/** A rule listed in a report; see {@link ReportRuleSchema}. */
export type ReportRule = z.infer<typeof ReportRuleSchema>;

/** An input that could not be read or scanned; it still appears in the report. */
export const ReportErrorSchema = z.object({
  /** The path or label of the input (`-` for standard input). */
  source: z.string(),
  /**
   * A stable kebab-case code: a read failure (`not-found`, `not-readable`, `not-a-file`,
   * `is-directory`, `too-large`, `binary`, `invalid-encoding`), a path that gives no input
   * (`empty-directory`, `no-match`), or an analysis that failed (`analyze-failed`, and
   * `out-of-memory` for a file that exhausted its worker thread's memory).
   */
  code: z.string(),
  /** What went wrong, in one sentence. */
  reason: z.string(),
});
/** An input failure; see {@link ReportErrorSchema}. */
export type ReportError = z.infer<typeof ReportErrorSchema>;

/** One document of a report: what `analyze` found in it. */
export const ReportDocumentSchema = z.object({
  source: z.string().nullable(),
  records: z.array(MarkerRecordSchema),
  pages: z.array(PageSchema),
  dates: z.array(DateMentionSchema),
  assessment: AssessmentSchema,
  /** Findings in total order; those hidden by a baseline are left out. */
  findings: z.array(FindingSchema),
});
/** A document of a report; see {@link ReportDocumentSchema}. */
export type ReportDocument = z.infer<typeof ReportDocumentSchema>;

/** Findings per severity over the whole report. */
export const FindingCountsSchema = z.object({
  error: z.number().int().nonnegative(),
  warning: z.number().int().nonnegative(),
  info: z.number().int().nonnegative(),
});
/** Finding counts; see {@link FindingCountsSchema}. */
export type FindingCounts = z.infer<typeof FindingCountsSchema>;

/**
 * Everything one run produced: the tool, the rules, each document's records, assessment and
 * findings, the inputs that failed, the exemption summary and the finding counts. Every
 * formatter renders a `Report`; `formatJson` writes it whole, and `ReportSchema` reads it back.
 *
 * Every input appears exactly once: in `documents` when it was read, in `errors` when not.
 */
export const ReportSchema = z.object({
  tool: z.object({ name: z.string(), version: z.string(), informationUri: z.string() }),
  rules: z.array(ReportRuleSchema),
  documents: z.array(ReportDocumentSchema),
  errors: z.array(ReportErrorSchema),
  summary: SummarySchema,
  counts: FindingCountsSchema,
  /** Set when a baseline was applied: findings it hid, and entries that matched nothing. */
  baseline: z
    .object({
      suppressed: z.number().int().nonnegative(),
      stale: z.array(z.object({ ruleId: z.string(), source: z.string().nullable(), message: z.string(), fingerprint: z.string() })),
    })
    .nullable(),
});
/** A report; see {@link ReportSchema}. */
export type Report = z.infer<typeof ReportSchema>;
