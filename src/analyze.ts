import { assess } from './assess/assess.js';
import type { Assessment } from './assess/assessment.js';
import { InvalidArgumentError } from './core/errors.js';
import type { CompiledRule } from './engine/compiled-rule.js';
import { evaluate } from './engine/evaluate.js';
import type { Finding } from './engine/finding.js';
import { getBuiltInRuleSet, type ResolvedRuleSet } from './rules/resolve-rule-set.js';
import { scan, type ScanOptions, type ScanResult } from './scan.js';

/** Options of {@link analyze}. */
export interface AnalyzeOptions extends ScanOptions {
  /**
   * The rule sets to check against (default: the built-in `recommended`). When two sets define
   * the same rule id, the later one wins. Load files with `loadRuleSet` (node entry) or
   * `parseRuleSet` + `resolveRuleSet`; get built-ins with `getBuiltInRuleSet`.
   */
  ruleSets?: readonly ResolvedRuleSet[];
  /** The document's own date, `YYYY-MM-DD` or `YYYY`; wins over any date read from the text. */
  documentDate?: string;
  /** The review or release date, `YYYY-MM-DD` or `YYYY`; wins over any date read from the text. */
  reviewDate?: string;
}

/** What {@link analyze} returns: the scan result plus the assessment and the findings. */
export interface AnalysisResult extends ScanResult {
  assessment: Assessment;
  /** Findings in total order: source, offset, severity, rule id. */
  findings: Finding[];
}

/** The rules of several rule sets, later sets replacing rules of the same id. */
export function combineRules(ruleSets: readonly ResolvedRuleSet[]): CompiledRule[] {
  const byId = new Map<string, CompiledRule>();
  for (const set of ruleSets) {
    for (const def of set.definitions) if (def.rule.severity === 'off') byId.delete(def.id);
    for (const rule of set.rules) byId.set(rule.id, rule);
  }
  return [...byId.values()];
}

/**
 * Scans a document, assesses it and checks it against rule sets: the whole pipeline, text →
 * records → assessment → findings. Pure and deterministic; it never throws on any text. It
 * throws {@link InvalidArgumentError} when called wrongly (a non-string text, a badly written
 * date, a rule set that is not a resolved one).
 *
 * @example
 * const { findings } = analyze(text, { source: 'memo.txt', reviewDate: '1998-01-01' });
 * for (const f of findings) console.log(`${f.span.start.line}:${f.span.start.column} ${f.severity} ${f.message} ${f.ruleId}`);
 */
export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  const { ruleSets, documentDate, reviewDate, ...scanOptions } = options;
  const sets = ruleSets ?? [getBuiltInRuleSet('recommended')];
  for (const set of sets) {
    if (!set || !Array.isArray(set.rules) || !Array.isArray(set.definitions)) {
      throw new InvalidArgumentError('analyze: ruleSets must hold resolved rule sets (from loadRuleSet, resolveRuleSet or getBuiltInRuleSet), not parse results');
    }
  }
  const scanned = scan(text, scanOptions);
  const assessment = assess(scanned, {
    ...(documentDate !== undefined ? { documentDate } : {}),
    ...(reviewDate !== undefined ? { reviewDate } : {}),
  });
  const findings = evaluate({ text, source: scanned.source, records: scanned.records, pages: scanned.pages, assessment }, combineRules(sets));
  return { ...scanned, assessment, findings };
}
