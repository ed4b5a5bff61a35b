import { analyze } from '../analyze.js';
import { InvalidArgumentError, RedactionAuditError } from '../core/errors.js';
import type { Finding } from '../engine/finding.js';
import type { ResolvedRuleSet } from '../rules/resolve-rule-set.js';

/** A document for {@link RuleTester}: its text, and dates to assume. */
export interface RuleTesterDocument {
  text: string;
  documentDate?: string;
  reviewDate?: string;
}

/** A finding an invalid case must produce; only the fields given are compared. */
export interface ExpectedFinding {
  /** 1-based line and column of the finding's start. */
  line?: number;
  column?: number;
  /** 1-based line and column of the finding's end (exclusive). */
  endLine?: number;
  endColumn?: number;
  /** The message, exactly, or a pattern it must match. */
  message?: string | RegExp;
}

/** Cases for {@link RuleTester.run}: texts the rule must accept, and texts with the findings it must give. */
export interface RuleTesterCases {
  valid: ReadonlyArray<string | RuleTesterDocument>;
  invalid: ReadonlyArray<RuleTesterDocument & { findings: readonly ExpectedFinding[] }>;
}

/** Thrown by {@link RuleTester.run} when a case fails; the message lists every failing case. */
export class RuleTestError extends RedactionAuditError {
  constructor(message: string) {
    super('rule-test-failed', message);
    this.name = 'RuleTestError';
  }
}

function compare(found: Finding, expected: ExpectedFinding): string | undefined {
  const { start, end } = found.span;
  if (expected.line !== undefined && start.line !== expected.line) return `line ${start.line}, expected ${expected.line}`;
  if (expected.column !== undefined && start.column !== expected.column) return `column ${start.column}, expected ${expected.column}`;
  if (expected.endLine !== undefined && end.line !== expected.endLine) return `end line ${end.line}, expected ${expected.endLine}`;
  if (expected.endColumn !== undefined && end.column !== expected.endColumn) return `end column ${end.column}, expected ${expected.endColumn}`;
  if (typeof expected.message === 'string' && found.message !== expected.message) return `message "${found.message}", expected "${expected.message}"`;
  if (expected.message instanceof RegExp && !expected.message.test(found.message)) return `message "${found.message}" does not match ${String(expected.message)}`;
  return undefined;
}

/**
 * Tests one rule of a rule set with valid and invalid documents, like ESLint's `RuleTester`:
 * valid texts must give no finding of the rule; invalid ones exactly the findings listed, in
 * order, each compared on the fields given (line, column, end, message). Works in any test
 * framework: it throws {@link RuleTestError} listing every failing case.
 *
 * @example
 * new RuleTester(getBuiltInRuleSet('recommended')).run('foia-code-unknown', {
 *   valid: ['(b)(6)'],
 *   invalid: [{ text: '(b)(10)', findings: [{ line: 1, column: 1, message: /does not exist/ }] }],
 * });
 */
export class RuleTester {
  readonly #ruleSet: ResolvedRuleSet;

  constructor(ruleSet: ResolvedRuleSet) {
    if (!ruleSet || !Array.isArray(ruleSet.rules)) throw new InvalidArgumentError('RuleTester: expected a resolved rule set (from getBuiltInRuleSet, resolveRuleSet or loadRuleSet)');
    this.#ruleSet = ruleSet;
  }

  /** Runs the cases for `ruleId`; throws {@link RuleTestError} when any fails, {@link InvalidArgumentError} when the rule is not in the set. */
  run(ruleId: string, cases: RuleTesterCases): void {
    if (!this.#ruleSet.rules.some((r) => r.id === ruleId)) {
      throw new InvalidArgumentError(`RuleTester: the rule set has no enabled rule "${ruleId}"`);
    }
    const failures: string[] = [];
    const findingsOf = (doc: RuleTesterDocument): Finding[] =>
      analyze(doc.text, {
        ruleSets: [this.#ruleSet],
        ...(doc.documentDate !== undefined ? { documentDate: doc.documentDate } : {}),
        ...(doc.reviewDate !== undefined ? { reviewDate: doc.reviewDate } : {}),
      }).findings.filter((f) => f.ruleId === ruleId);
    cases.valid.forEach((c, i) => {
      const doc = typeof c === 'string' ? { text: c } : c;
      const found = findingsOf(doc);
      if (found.length > 0) failures.push(`valid[${i}]: expected no finding, got ${found.map((f) => `${f.span.start.line}:${f.span.start.column} ${f.message}`).join('; ')}`);
    });
    cases.invalid.forEach((c, i) => {
      const found = findingsOf(c);
      if (found.length !== c.findings.length) {
        failures.push(`invalid[${i}]: expected ${c.findings.length} finding(s), got ${found.length}${found.length ? `: ${found.map((f) => `${f.span.start.line}:${f.span.start.column} ${f.message}`).join('; ')}` : ''}`);
        return;
      }
      c.findings.forEach((expected, j) => {
        const problem = compare(found[j] as Finding, expected);
        if (problem) failures.push(`invalid[${i}] finding ${j + 1}: ${problem}`);
      });
    });
    if (failures.length > 0) throw new RuleTestError(`rule "${ruleId}" failed ${failures.length} case(s):\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  }
}
