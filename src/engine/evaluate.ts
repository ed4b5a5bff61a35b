import type { Assessment } from '../assess/assessment.js';
import { CheckError } from '../core/errors.js';
import { groupBy } from '../core/group-by.js';
import { createLocator, type Span } from '../core/position.js';
import { compareSeverity } from '../core/severity.js';
import { pageAt } from '../normalize/build-pages.js';
import type { MarkerRecord, Page } from '../normalize/marker-record.js';
import type { CheckContext, CheckResult } from './check-kind.js';
import type { CompiledRule } from './compiled-rule.js';
import { describeDateEvidence } from './describe-date-evidence.js';
import type { Finding } from './finding.js';
import { fingerprintText, hashString, normalizeContext } from './fingerprint.js';
import { compileSelectorList } from './selector.js';

/** What {@link evaluate} checks: a scanned and assessed document. */
export interface EvaluationInput {
  text: string;
  source: string | null;
  records: readonly MarkerRecord[];
  pages: readonly Page[];
  assessment: Assessment;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Total order of findings: source, start offset, severity (errors first), rule id, end offset, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(a.source ?? '', b.source ?? '') ||
    a.span.start.offset - b.span.start.offset ||
    compareSeverity(a.severity, b.severity) ||
    compareStrings(a.ruleId, b.ruleId) ||
    a.span.end.offset - b.span.end.offset ||
    compareStrings(a.message, b.message)
  );
}

/** Merges results into one per document or per page, for `report: once` and `once-per-page`. */
function mergeResults(results: CheckResult[], rule: CompiledRule, pageOf: (r: CheckResult) => number): CheckResult[] {
  if (rule.report === 'each' || results.length <= 1) return results;
  const groups = groupBy(results, (r) => (rule.report === 'once' ? 0 : pageOf(r)));
  return [...groups.values()].map((group) => {
    const records = [...new Set(group.flatMap((g) => g.records))].sort((a, b) => a.span.start.offset - b.span.start.offset);
    const first = group[0] as CheckResult;
    return {
      records,
      ...(first.span ? { span: first.span } : {}),
      values: { ...first.values, count: records.length || group.length },
      ...(first.atMost ? { atMost: first.atMost } : {}),
      ...(first.evidence ? { evidence: first.evidence } : {}),
    };
  });
}

/** The evidence note when a rule's `when` judged by a date that is not explicit evidence, else `undefined`. */
function weakWhenDate(rule: CompiledRule, assessment: Assessment): string | undefined {
  for (const which of rule.whenDates) {
    const date = which === 'documentDate' ? assessment.documentDate : assessment.reviewDate;
    if (date && !date.explicit) return describeDateEvidence(which === 'documentDate' ? 'document' : 'review', date);
  }
  return undefined;
}

/**
 * Runs compiled rules over one document and returns their findings, deduplicated and sorted
 * by {@link compareFindings}. Pure and deterministic. A rule applies when its `when` holds;
 * its check sees the records its `where` selects. Throws {@link CheckError} only when a check
 * kind itself throws (a bug in that check).
 */
export function evaluate(input: EvaluationInput, rules: readonly CompiledRule[]): Finding[] {
  const locator = createLocator(input.text);
  const start: Span = locator.toSpan(0, 0);
  const pageOf = (offset: number): number => (input.pages.length > 0 ? pageAt(input.pages, offset) : 1);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const fingerprintCount = new Map<string, number>();
  for (const rule of rules) {
    if (!rule.when(input.records, input.assessment)) continue;
    const sure = rule.minConfidence > 0 ? (r: MarkerRecord): boolean => r.confidence >= rule.minConfidence : (): boolean => true;
    const context: CheckContext = {
      text: input.text,
      source: input.source,
      records: input.records,
      subjects: input.records.filter((r) => rule.where(r) && sure(r)),
      pages: input.pages,
      assessment: input.assessment,
      locator,
      select: (selectors) => {
        const selector = compileSelectorList(selectors);
        return input.records.filter((r) => selector(r) && sure(r));
      },
    };
    // A `when` that judged by a date read from weak evidence: warning at most, saying which date.
    const weakWhen = weakWhenDate(rule, input.assessment);
    let results: CheckResult[];
    try {
      results = rule.check.run(context, rule.options);
    } catch (error) {
      throw new CheckError(`rule "${rule.id}": check "${rule.check.kind}" threw: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    const spanOf = (r: CheckResult): Span => r.records[0]?.span ?? r.span ?? start;
    for (const result of mergeResults(results, rule, (r) => pageOf(spanOf(r).start.offset))) {
      const span = spanOf(result);
      const page = pageOf(span.start.offset);
      const first = result.records[0];
      const codes = [...new Set(result.records.map((r) => r.code))];
      const message = rule.message({
        code: codes.join(', '),
        key: [...new Set(result.records.map((r) => r.key))].join(', '),
        family: first?.family ?? '',
        raw: first?.raw ?? (typeof result.values?.raw === 'string' ? result.values.raw : ''),
        label: first?.label ?? '',
        authority: first?.authority ?? rule.authority ?? '',
        page,
        line: span.start.line,
        count: result.records.length || 1,
        rule: rule.id,
        source: input.source ?? '',
        ...result.values,
      });
      const atMost = result.atMost ?? (weakWhen ? 'warning' : undefined);
      const evidence = result.evidence ?? weakWhen;
      const severity = atMost !== undefined && compareSeverity(atMost, rule.severity) > 0 ? atMost : rule.severity;
      const text = evidence ? `${message} (${evidence})` : message;
      const recordIds = result.records.map((r) => r.id);
      const dedupeKey = `${rule.id}\0${span.start.offset}\0${span.end.offset}\0${text}`;
      if (seen.has(dedupeKey)) continue;
      seen.add(dedupeKey);
      const base = hashString(`${rule.id}\0${codes.join(',')}\0${normalizeContext(fingerprintText(input.text, locator, span))}`);
      const n = (fingerprintCount.get(base) ?? 0) + 1;
      fingerprintCount.set(base, n);
      findings.push({
        ruleId: rule.id,
        severity,
        message: text,
        source: input.source,
        span,
        page,
        recordIds,
        url: rule.url,
        authority: rule.authority,
        fingerprint: n === 1 ? base : `${base}:${n}`,
      });
    }
  }
  return findings.sort(compareFindings);
}
