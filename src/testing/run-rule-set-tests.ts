import { analyze } from '../analyze.js';
import type { ResolvedRuleSet } from '../rules/resolve-rule-set.js';
import type { RuleTestCase } from '../rules/rule-set-schema.js';

/** The outcome of one `tests:` case of a rule set. */
export interface RuleTestOutcome {
  /** 0-based index of the case in the file's `tests:` list. */
  index: number;
  /** The case's `name`, or its first line of text. */
  name: string;
  /** What went wrong; empty when the case passed. */
  problems: string[];
}

/** The outcome of every `tests:` case of a rule set. */
export interface RuleTestReport {
  source: string;
  /** How many cases passed and failed. */
  passed: number;
  failed: number;
  outcomes: RuleTestOutcome[];
}

function describeLines(lines: number[]): string {
  return lines.length === 0 ? 'none' : `line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}`;
}

/**
 * Runs one test case against a rule set: every rule named in `expect` must give exactly the
 * findings listed (by line, when lines are given; otherwise at least as many), and every rule
 * in `absent` must give none. Returns the problems found (empty when it passes).
 */
export function runRuleTestCase(ruleSet: ResolvedRuleSet, test: RuleTestCase): string[] {
  const problems: string[] = [];
  let findings;
  try {
    findings = analyze(test.text, {
      ruleSets: [ruleSet],
      ...(test.documentDate !== undefined ? { documentDate: test.documentDate } : {}),
      ...(test.reviewDate !== undefined ? { reviewDate: test.reviewDate } : {}),
    }).findings;
  } catch (error) {
    return [`analyze threw: ${error instanceof Error ? error.message : String(error)}`];
  }
  const linesOf = (rule: string): number[] => findings.filter((f) => f.ruleId === rule).map((f) => f.span.start.line).sort((a, b) => a - b);
  const expected = new Map<string, Array<number | undefined>>();
  for (const e of test.expect) expected.set(e.rule, [...(expected.get(e.rule) ?? []), e.line]);
  for (const [rule, lines] of expected) {
    const actual = linesOf(rule);
    const given = lines.filter((l): l is number => l !== undefined).sort((a, b) => a - b);
    if (given.length === lines.length) {
      if (given.join(',') !== actual.join(',')) problems.push(`${rule}: expected findings on ${describeLines(given)}, got ${describeLines(actual)}`);
    } else if (actual.length < lines.length) {
      problems.push(`${rule}: expected at least ${lines.length} finding(s), got ${describeLines(actual)}`);
    }
  }
  for (const rule of test.absent) {
    const actual = linesOf(rule);
    if (actual.length > 0) problems.push(`${rule}: expected no finding, got ${describeLines(actual)}`);
  }
  return problems;
}

/** Runs every `tests:` case of a rule set (its own file's cases) and reports each outcome. */
export function runRuleSetTests(ruleSet: ResolvedRuleSet): RuleTestReport {
  const outcomes = ruleSet.tests.map((test, index) => ({
    index,
    name: test.name ?? test.text.split('\n').find((l) => l.trim() !== '')?.trim().slice(0, 60) ?? `case ${index + 1}`,
    problems: runRuleTestCase(ruleSet, test),
  }));
  const failed = outcomes.filter((o) => o.problems.length > 0).length;
  return { source: ruleSet.source, passed: outcomes.length - failed, failed, outcomes };
}
