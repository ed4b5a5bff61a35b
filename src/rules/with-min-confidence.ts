import type { CheckKind } from '../engine/check-kind.js';
import { assertConfidence } from '../normalize/leave-out-below-confidence.js';
import { compileRuleSet } from './compile-rule-set.js';
import type { ResolvedRuleSet } from './resolve-rule-set.js';

/**
 * A resolved rule set whose every rule leaves out records below `minConfidence` (0–1), or below
 * its own `minConfidence` when that is higher: what `check --min-confidence` applies to the rule
 * sets it loads. The definitions carry the threshold, so worker threads sent the set as data
 * apply it too. The rules are compiled again with the check kinds they were resolved with (each
 * compiled rule holds its own, so `pattern` rules need nothing more); `checks`, which may be left
 * out, adds kinds for a hand-made set whose definitions name others. Throws
 * `InvalidArgumentError` when `minConfidence` is not a number from 0 to 1.
 */
export function withMinConfidence(ruleSet: ResolvedRuleSet, minConfidence: number, checks?: ReadonlyMap<string, CheckKind>): ResolvedRuleSet {
  assertConfidence(minConfidence, 'minConfidence');
  const kinds = new Map(checks ?? []);
  for (const rule of ruleSet.rules) kinds.set(rule.check.kind, rule.check);
  const definitions = ruleSet.definitions.map((def) => ({ ...def, rule: { ...def.rule, minConfidence: Math.max(def.rule.minConfidence ?? 0, minConfidence) } }));
  return compileRuleSet({ name: ruleSet.name, source: ruleSet.source, definitions, tests: ruleSet.tests }, kinds);
}
