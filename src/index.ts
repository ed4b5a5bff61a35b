/**
 * redaction-audit: find, normalize and check the markings of declassified US government
 * documents. This entry is browser-safe (no `node:` imports); file loading is in
 * `redaction-audit/node`.
 *
 * Positions everywhere: lines and columns are 1-based, offsets 0-based in UTF-16 code units,
 * spans end-exclusive.
 */
export { scan } from './scan.js';
export type { ScanOptions, ScanResult } from './scan.js';
export { scanStream } from './scan-stream.js';
export type { ScanStreamOptions, ScannedPage } from './scan-stream.js';
export { SEGMENT_LENGTH, SEGMENT_CONTEXT } from './scan/scan-text.js';

export { analyze, combineRules } from './analyze.js';
export type { AnalyzeOptions, AnalysisResult } from './analyze.js';

export { assess } from './assess/assess.js';
export type { AssessOptions, AssessInput } from './assess/assess.js';
export { AssessmentSchema, AssessedDateSchema, DateSourceSchema, ReleaseStatusSchema } from './assess/assessment.js';
export type { Assessment, AssessedDate, DateSource, ReleaseStatus } from './assess/assessment.js';
export { leaveOutBelowConfidence } from './normalize/leave-out-below-confidence.js';
export type { ConfidenceFilterResult } from './normalize/leave-out-below-confidence.js';
export { withMinConfidence } from './rules/with-min-confidence.js';
export { DateMentionSchema, DateCueSchema } from './scan/find-dates.js';
export type { DateMention, DateCue } from './scan/find-dates.js';

export { SeveritySchema, RuleSeveritySchema, compareSeverity, isAtLeast } from './core/severity.js';
export type { Severity, RuleSeverity } from './core/severity.js';

export { parseRuleSet } from './rules/parse-rule-set.js';
export type { RuleSet, ParseRuleSetOptions, ParseRuleSetResult, YamlPath } from './rules/parse-rule-set.js';
export { resolveRuleSet, getBuiltInRuleSet, BUILT_IN_RULE_SET_NAMES, BUILT_IN_PREFIX } from './rules/resolve-rule-set.js';
export type { ResolvedRuleSet, ResolveRuleSetOptions, ResolveRuleSetResult, RuleDefinition, ExtendsRefusal, GetBuiltInRuleSetOptions } from './rules/resolve-rule-set.js';
export { RuleSetIssueSchema, RuleSetIssueCodeSchema, formatRuleSetIssue } from './rules/rule-set-issue.js';
export type { RuleSetIssue, RuleSetIssueCode } from './rules/rule-set-issue.js';
export { RuleSetFileSchema, RuleSchema, RuleOverrideSchema, RuleTestCaseSchema, RuleIdSchema, ruleSetJsonSchema } from './rules/rule-set-schema.js';
export type { RuleSetFile, Rule, RuleOverride, RuleTestCase } from './rules/rule-set-schema.js';
export { parseConfig } from './rules/parse-config.js';
export type { ParseConfigResult } from './rules/parse-config.js';
export { ConfigFileSchema, ConfigOverrideSchema, configJsonSchema } from './rules/config-schema.js';
export type { ConfigFile, ConfigOverride } from './rules/config-schema.js';

export { evaluate, compareFindings } from './engine/evaluate.js';
export type { EvaluationInput } from './engine/evaluate.js';
export { FindingSchema } from './engine/finding.js';
export type { Finding } from './engine/finding.js';
export { defineCheck } from './engine/check-kind.js';
export type { CheckKind, CheckContext, CheckResult } from './engine/check-kind.js';
export type { CompiledRule, ReportMode } from './engine/compiled-rule.js';
export { BUILT_IN_CHECKS, SEPARATE_CHECKS } from './engine/built-in-checks.js';
export { SelectorSchema, SelectorListSchema, AttributeTestSchema } from './engine/selector.js';
export type { Selector, SelectorList, AttributeTest } from './engine/selector.js';
export { WhenSchema, DateConditionSchema } from './engine/when.js';
export type { When, DateCondition } from './engine/when.js';
export { PLACEHOLDERS } from './engine/message-template.js';
export type { Placeholder } from './engine/message-template.js';

export { RuleTester, RuleTestError } from './testing/rule-tester.js';
export type { RuleTesterCases, RuleTesterDocument, ExpectedFinding } from './testing/rule-tester.js';
export { runRuleSetTests, runRuleTestCase } from './testing/run-rule-set-tests.js';
export type { RuleTestReport, RuleTestOutcome } from './testing/run-rule-set-tests.js';

export { createBaseline, applyBaseline, BaselineSchema } from './engine/baseline.js';
export type { Baseline, BaselineResult } from './engine/baseline.js';

export { summarize } from './report/summarize.js';
export type { SummaryInput } from './report/summarize.js';
export {
  SummarySchema,
  CorpusSummarySchema,
  DocumentSummarySchema,
  PageSummarySchema,
  WithholdingSchema,
  CorpusCodeCountSchema,
  DocumentCodeCountSchema,
  FamilyCountSchema,
  CoOccurrenceSchema,
  RedactionTallySchema,
  ExtentTallySchema,
} from './report/summary.js';
export type {
  Summary,
  CorpusSummary,
  DocumentSummary,
  PageSummary,
  Withholding,
  CorpusCodeCount,
  DocumentCodeCount,
  FamilyCount,
  CoOccurrence,
  RedactionTally,
  ExtentTally,
} from './report/summary.js';
export { createReport, INFORMATION_URI } from './report/create-report.js';
export type { CreateReportOptions, ReportInput } from './report/create-report.js';
export { ReportSchema, ReportDocumentSchema, ReportErrorSchema, ReportRuleSchema, FindingCountsSchema } from './report/report.js';
export type { Report, ReportDocument, ReportError, ReportRule, FindingCounts } from './report/report.js';
export { formatReport, FORMATS } from './report/format-report.js';
export type { Format, FormatReportOptions } from './report/format-report.js';
export { formatText } from './report/formatters/format-text.js';
export type { FormatTextOptions, ReportView } from './report/formatters/format-text.js';
export { formatJson } from './report/formatters/format-json.js';
export type { FormatJsonOptions } from './report/formatters/format-json.js';
export { formatJsonl } from './report/formatters/format-jsonl.js';
export { formatMarkdown, escapeCell } from './report/formatters/format-markdown.js';
export type { FormatMarkdownOptions } from './report/formatters/format-markdown.js';
export { formatSarif, SARIF_SCHEMA_URI, FINGERPRINT_KEY } from './report/formatters/format-sarif.js';
export type { FormatSarifOptions } from './report/formatters/format-sarif.js';
export { formatGithub } from './report/formatters/format-github.js';
export { formatCsv, csvField, CSV_TABLES } from './report/formatters/format-csv.js';
export type { FormatCsvOptions, CsvTable } from './report/formatters/format-csv.js';
export { VERSION } from './core/version.js';

export { MarkerRecordSchema, AttributesSchema, ExtentSchema, PageSchema } from './normalize/marker-record.js';
export type { MarkerRecord, Attributes, Extent, Page } from './normalize/marker-record.js';

export { FamilySchema, RoleSchema, OcrCorrectionSchema, OcrKindSchema, FAMILIES } from './core/vocabulary.js';
export type { Family, Role, OcrCorrection, OcrKind } from './core/vocabulary.js';

export { PointSchema, SpanSchema, createLocator } from './core/position.js';
export type { Point, Span, Locator } from './core/position.js';

export { RedactionAuditError, InvalidArgumentError, CatalogError, CheckError, RuleSetError, DocumentReadError } from './core/errors.js';

export { getCatalog, CatalogEntrySchema } from './catalog/catalog.js';
export type { Catalog, CatalogEntry } from './catalog/catalog.js';

export { parseDate } from './scan/parse-date.js';
export type { ParsedDate } from './scan/parse-date.js';

export { parseGold, GoldDocumentSchema, GoldMarkerSchema } from './accuracy/gold.js';
export type { GoldDocument, GoldMarker, GoldIssue } from './accuracy/gold.js';
export { evaluateAccuracy, formatAccuracy } from './accuracy/evaluate-accuracy.js';
export { measureCalibration, formatCalibration, CALIBRATION_BOUNDS } from './accuracy/measure-calibration.js';
export type { Calibration, CalibrationBucket, ScoredPrediction } from './accuracy/measure-calibration.js';
export type { AccuracyReport, AccuracyCounts, AccuracyError } from './accuracy/evaluate-accuracy.js';
