import { loadRuleSet } from '../node.js';
import type { ResolvedRuleSet } from '../rules/resolve-rule-set.js';
import { formatRuleSetIssue } from '../rules/rule-set-issue.js';
import type { CliIo } from './cli-io.js';

/**
 * Loads rule-set references (files or built-in names; default `recommended`), letting their
 * `extends` reach the `allowExtends` directories too; prints every issue and returns
 * `undefined` when one fails.
 */
export function loadRuleSets(refs: readonly string[] | undefined, io: CliIo, allowExtends: readonly string[] = []): ResolvedRuleSet[] | undefined {
  const ruleSets: ResolvedRuleSet[] = [];
  let failed = false;
  for (const ref of refs ?? ['recommended']) {
    const loaded = loadRuleSet(ref, { allowExtends });
    if (loaded.ok) ruleSets.push(loaded.ruleSet);
    else {
      failed = true;
      for (const issue of loaded.issues) io.stderr(`${formatRuleSetIssue(issue)}\n`);
    }
  }
  return failed ? undefined : ruleSets;
}
