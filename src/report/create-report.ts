import { InvalidArgumentError } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import { applyBaseline, type Baseline } from '../engine/baseline.js';
import { compareFindings } from '../engine/evaluate.js';
import type { Finding } from '../engine/finding.js';
import type { ResolvedRuleSet } from '../rules/resolve-rule-set.js';
import type { DateMention } from '../scan/find-dates.js';
import type { FindingCounts, Report, ReportDocument, ReportError, ReportRule } from './report.js';
import { summarize, type SummaryInput } from './summarize.js';

/** Where the tool's documentation lives; SARIF's `tool.driver.informationUri`. */
export const INFORMATION_URI = 'https://www.npmjs.com/package/redaction-audit';

/** One analyzed document for {@link createReport}: an `analyze()` result plus the text it was given. */
export interface ReportInput extends SummaryInput {
  dates: readonly DateMention[];
  findings: readonly Finding[];
}

/** Options of {@link createReport}. */
export interface CreateReportOptions {
  /** Inputs that could not be read; each stays in the report (`errors`). */
  errors?: readonly ReportError[];
  /** The rule sets the documents were checked against, listed in `rules` (later sets win on the same id). */
  ruleSets?: readonly ResolvedRuleSet[];
  /** Hide the findings this baseline records; `report.baseline` says how many and which entries went stale. */
  baseline?: Baseline;
}

/** The `tool` of every report. */
export const REPORT_TOOL: Report['tool'] = { name: 'redaction-audit', version: VERSION, informationUri: INFORMATION_URI };

/** One input as a report lists it: its findings that `shown` keeps (a baseline hides the others), in total order. */
export function toReportDocument(d: ReportInput, shown: (f: Finding) => boolean): ReportDocument {
  return {
    source: d.source,
    records: [...d.records],
    pages: [...d.pages],
    dates: [...d.dates],
    assessment: d.assessment,
    findings: d.findings.filter((f: Finding) => shown(f)).sort(compareFindings),
  };
}

/** Adds a document's findings to the counts per severity. */
export function countFindings(counts: FindingCounts, doc: Pick<ReportDocument, 'findings'>): void {
  for (const f of doc.findings) counts[f.severity] += 1;
}

/** The rules of a report: every rule of the rule sets, later sets winning on the same id, sorted by id. */
export function listRules(ruleSets: readonly ResolvedRuleSet[]): ReportRule[] {
  const byId = new Map<string, ReportRule>();
  for (const set of ruleSets) {
    for (const def of set.definitions) {
      byId.delete(def.id);
      byId.set(def.id, {
        id: def.id,
        severity: def.rule.severity,
        description: def.rule.description,
        message: def.rule.message,
        check: def.rule.check,
        authority: def.rule.authority ?? null,
        url: def.rule.url ?? null,
        ruleSet: set.name,
        definedIn: def.source,
      });
    }
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Gathers one run into a {@link Report}: the rules, each document's records, assessment and
 * findings (less those a baseline hides), the failed inputs, the exemption summary and the
 * finding counts. Pure; the formatters render what it returns.
 *
 * @example
 * const report = createReport([{ ...analyze(text, { source: 'memo.txt' }), text }]);
 * process.stdout.write(formatSarif(report));
 */
export function createReport(documents: readonly ReportInput[], options: CreateReportOptions = {}): Report {
  if (!Array.isArray(documents)) throw new InvalidArgumentError('createReport: documents must be an array of analyze() results, each with its text');
  const all = documents.flatMap((d) => d.findings ?? []);
  let kept: Set<Finding> | undefined;
  let baseline: Report['baseline'] = null;
  if (options.baseline) {
    const applied = applyBaseline(all, options.baseline);
    kept = new Set(applied.findings);
    baseline = { suppressed: applied.suppressed, stale: applied.stale };
  }
  const shown = (f: Finding): boolean => kept === undefined || kept.has(f);
  const reportDocuments: ReportDocument[] = documents.map((d) => toReportDocument(d, shown));
  const counts: FindingCounts = { error: 0, warning: 0, info: 0 };
  for (const doc of reportDocuments) countFindings(counts, doc);
  return {
    tool: REPORT_TOOL,
    rules: listRules(options.ruleSets ?? []),
    documents: reportDocuments,
    errors: [...(options.errors ?? [])],
    summary: summarize(documents),
    counts,
    baseline,
  };
}
