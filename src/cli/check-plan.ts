import { resolve } from 'node:path';
import picomatch from 'picomatch';
import type { ResolvedRuleSet } from '../rules/resolve-rule-set.js';
import { withMinConfidence } from '../rules/with-min-confidence.js';
import type { AnalyzeInputsOptions } from './analyze-inputs.js';
import type { CliIo } from './cli-io.js';
import type { InputPlan } from './analyze-selected.js';
import { asList, ruleSetRef, type LoadedConfig } from './load-config.js';
import { relativePath } from './select-documents.js';
import { loadRuleSets as loadRuleSetsFrom } from './load-rule-sets.js';

/** What the command line gives `check`, which wins over the config. */
export interface CheckFlags {
  rules?: string[];
  documentDate?: string;
  reviewDate?: string;
  stdinFilename?: string;
  showHiddenText?: boolean;
  allowExtends?: string[];
  /** `--min-confidence` (or the config's): every rule set's rules leave out records below it. */
  minConfidence?: number;
}

/** How `check` analyzes each input under a config: every rule set it loaded, and the plan for a path. */
export interface CheckPlan {
  /** Every rule set that some input is checked against (for the report's rule list), each once. */
  ruleSets: ResolvedRuleSet[];
  plan(source: string): InputPlan;
}

/**
 * Loads the rule sets of a run and decides, per input path, what it is checked against: the
 * top level's rule sets (`--rules`, else the config's `extends`, else `recommended`), then those
 * of every override whose `files` match the path (relative to the config file) and whose
 * `ignores` do not; dates from the flags, else the last matching override that gives one, else
 * the top level. Prints rule-set issues and returns `undefined` when a rule set fails to load.
 */
export function createCheckPlan(config: LoadedConfig, flags: CheckFlags, io: CliIo): CheckPlan | undefined {
  const top = flags.rules ?? (config.settings.extends !== undefined ? asList(config.settings.extends).map((ref) => ruleSetRef(ref, config)) : undefined);
  const { minConfidence } = flags;
  const loadRuleSets = (refs: string[] | undefined, out: CliIo, allow: string[] | undefined): ResolvedRuleSet[] | undefined => {
    const loaded = loadRuleSetsFrom(refs, out, allow);
    return loaded && minConfidence !== undefined ? loaded.map((set) => withMinConfidence(set, minConfidence)) : loaded;
  };
  const base = loadRuleSets(top, io, flags.allowExtends);
  let failed = base === undefined;
  const overrides = (config.settings.overrides ?? []).map((o) => {
    const loaded = loadRuleSets(asList(o.extends).map((ref) => ruleSetRef(ref, config)), io, flags.allowExtends);
    if (loaded === undefined) failed = true;
    const ruleSets = loaded ?? [];
    const files = picomatch(asList(o.files), { dot: true });
    const ignores = o.ignores === undefined ? () => false : picomatch(asList(o.ignores), { dot: true });
    return { ruleSets, matches: (rel: string) => files(rel) && !ignores(rel), documentDate: o.documentDate, reviewDate: o.reviewDate };
  });
  if (failed || base === undefined) return undefined;
  const all = new Map<string, ResolvedRuleSet>();
  for (const set of [...base, ...overrides.flatMap((o) => o.ruleSets)]) if (!all.has(set.source)) all.set(set.source, set);
  return {
    ruleSets: [...all.values()],
    plan(source) {
      const rel = relativePath(config.dir, source);
      const applied = rel === undefined ? [] : overrides.flatMap((o, i) => (o.matches(rel) ? [i] : []));
      // Later overrides win: the dates are taken from the last one that gives them.
      const chosen = applied.map((i) => overrides[i] as (typeof overrides)[number]);
      const latest = [...chosen].reverse();
      const documentDate = flags.documentDate ?? latest.find((o) => o.documentDate !== undefined)?.documentDate ?? config.settings.documentDate;
      const reviewDate = flags.reviewDate ?? latest.find((o) => o.reviewDate !== undefined)?.reviewDate ?? config.settings.reviewDate;
      const options: AnalyzeInputsOptions = {
        ruleSets: [...base, ...chosen.flatMap((o) => o.ruleSets)],
        ...(documentDate !== undefined ? { documentDate } : {}),
        ...(reviewDate !== undefined ? { reviewDate } : {}),
        ...(flags.stdinFilename !== undefined ? { stdinFilename: flags.stdinFilename } : {}),
        ...(flags.showHiddenText ? { showHiddenText: true } : {}),
      };
      return { key: applied.join(','), options };
    },
  };
}
