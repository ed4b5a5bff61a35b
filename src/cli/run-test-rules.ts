import { loadRuleSet } from '../node.js';
import { BUILT_IN_RULE_SET_NAMES } from '../rules/resolve-rule-set.js';
import { formatRuleSetIssue } from '../rules/rule-set-issue.js';
import { escapeText } from '../report/formatters/format-text.js';
import { runRuleSetTests } from '../testing/run-rule-set-tests.js';
import { EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, type CliIo } from './cli-io.js';

/** The `test-rules` command: runs the `tests:` cases of rule sets; exit 1 when a case fails, 2 when a rule set does not load. */
export async function runTestRules(sets: string[], io: CliIo, allowExtends: readonly string[] = []): Promise<number> {
  const refs = sets.length > 0 ? sets : [...BUILT_IN_RULE_SET_NAMES];
  let failed = 0;
  let passed = 0;
  let broken = false;
  for (const ref of refs) {
    const loaded = loadRuleSet(ref, { allowExtends });
    if (!loaded.ok) {
      broken = true;
      for (const issue of loaded.issues) io.stderr(`${formatRuleSetIssue(issue)}\n`);
      continue;
    }
    const report = runRuleSetTests(loaded.ruleSet);
    passed += report.passed;
    failed += report.failed;
    io.stdout(`${report.failed === 0 ? 'ok  ' : 'FAIL'}  ${escapeText(loaded.ruleSet.source)}: ${report.passed} passed, ${report.failed} failed\n`);
    for (const o of report.outcomes) {
      if (o.problems.length === 0) continue;
      io.stdout(`  tests[${o.index}] ${escapeText(o.name)}\n${o.problems.map((p) => `    - ${escapeText(p)}\n`).join('')}`);
    }
  }
  io.stdout(`${passed + failed} case(s): ${passed} passed, ${failed} failed\n`);
  if (broken) return EXIT_FAILURE;
  return failed > 0 ? EXIT_FINDINGS : EXIT_OK;
}
