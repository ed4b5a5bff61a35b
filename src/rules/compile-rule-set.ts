import { InvalidArgumentError } from '../core/errors.js';
import { SEPARATE_CHECKS } from '../engine/built-in-checks.js';
import type { CheckKind } from '../engine/check-kind.js';
import type { CompiledRule } from '../engine/compiled-rule.js';
import { compileMessage } from '../engine/message-template.js';
import { compileSelectorList } from '../engine/selector.js';
import { compileWhen } from '../engine/when.js';
import type { ResolvedRuleSet } from './resolve-rule-set.js';
import type { Rule } from './rule-set-schema.js';

/**
 * A resolved rule set without its compiled rules: plain data (no functions), so it survives
 * `structuredClone` (a message to a worker thread) and JSON. {@link compileRuleSet} makes it a
 * {@link ResolvedRuleSet} again, with no file read.
 */
export type RuleSetData = Pick<ResolvedRuleSet, 'name' | 'source' | 'definitions' | 'tests'>;

/** Compiles one checked rule (its check kind known, its message valid); `undefined` when either is not, or when it is turned off. */
export function compileRule(id: string, rule: Rule, kind: CheckKind | undefined): CompiledRule | undefined {
  const { severity } = rule;
  const message = compileMessage(rule.message);
  if (!kind || !message.ok || severity === 'off') return undefined;
  return {
    id,
    severity,
    description: rule.description,
    url: rule.url ?? null,
    authority: rule.authority ?? null,
    message: message.render,
    where: compileSelectorList(rule.where),
    when: compileWhen(rule.when),
    check: kind,
    options: kind.options.parse(rule.options ?? {}),
    report: rule.report ?? 'each',
    minConfidence: rule.minConfidence ?? 0,
    whenDates: (['documentDate', 'reviewDate'] as const).filter((d) => rule.when?.[d] !== undefined),
  };
}

/**
 * Compiles the rules of a resolved rule set from its definitions: what `resolveRuleSet`
 * does once the files are merged, and what a worker thread does with the rule sets it is
 * sent (never re-reading a file). Rules turned `off` are left out of `rules`. Throws
 * {@link InvalidArgumentError} when a rule that is on names a check kind missing from `checks`
 * (the definitions were resolved with more kinds than were passed here): a rule is never
 * dropped silently.
 */
export function compileRuleSet(data: RuleSetData, checks: ReadonlyMap<string, CheckKind>): ResolvedRuleSet {
  const rules: CompiledRule[] = [];
  for (const def of data.definitions) {
    const kind = checks.get(def.rule.check);
    if (!kind && def.rule.severity !== 'off') {
      const entry = SEPARATE_CHECKS.get(def.rule.check);
      const where = entry ? `it lives in ${entry}` : 'pass the kinds the rule set was resolved with';
      throw new InvalidArgumentError(`rule "${def.id}" of ${data.source} runs the check kind "${def.rule.check}", which is not among the checks passed (${[...checks.keys()].join(', ')}); ${where}`);
    }
    const compiled = compileRule(def.id, def.rule, kind);
    if (compiled) rules.push(compiled);
  }
  return { name: data.name, source: data.source, definitions: data.definitions, rules, tests: data.tests };
}
