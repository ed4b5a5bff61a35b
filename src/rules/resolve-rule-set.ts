import { RuleSetError } from '../core/errors.js';
import type { CheckKind } from '../engine/check-kind.js';
import type { CompiledRule } from '../engine/compiled-rule.js';
import { BUILT_IN_RULE_SET_TEXTS } from './built-in-rule-sets.js';
import { compileRuleSet } from './compile-rule-set.js';
import { checkIssues, checkRegistry, parseRuleSet, suggest, zodIssues, type ParseRuleSetResult, type RuleSet, type YamlPath } from './parse-rule-set.js';
import type { RuleSetIssue, RuleSetIssueCode } from './rule-set-issue.js';
import { RuleSchema, type Rule, type RuleOverride, type RuleTestCase } from './rule-set-schema.js';

/** The prefix of built-in rule-set names in `extends` and `--rules`: `redaction-audit:recommended`. */
export const BUILT_IN_PREFIX = 'redaction-audit:';

/** The names of the built-in rule sets (`recommended`, `strict`, `frus`, …). */
export const BUILT_IN_RULE_SET_NAMES: readonly string[] = Object.keys(BUILT_IN_RULE_SET_TEXTS).sort();

/** One rule of a resolved rule set, as merged from the files that define and override it. */
export interface RuleDefinition {
  readonly id: string;
  /** The merged rule (severity may be `off`). */
  readonly rule: Rule;
  /** The file that defined it first. */
  readonly definedIn: string;
  /** The last file that changed it (equal to `definedIn` when nothing overrode it). */
  readonly source: string;
}

/** A rule set with its `extends` followed, overrides merged and every rule compiled. */
export interface ResolvedRuleSet {
  readonly name: string | null;
  /** The file it was loaded from. */
  readonly source: string;
  /** Every rule, including those turned `off`, in definition order (parents first). */
  readonly definitions: readonly RuleDefinition[];
  /** The rules to run: every rule not turned off. */
  readonly rules: readonly CompiledRule[];
  /** The `tests:` cases of this file (not of the sets it extends). */
  readonly tests: readonly RuleTestCase[];
}

/** What {@link resolveRuleSet} returns. */
export type ResolveRuleSetResult = { ok: true; ruleSet: ResolvedRuleSet } | { ok: false; issues: RuleSetIssue[] };

/** Options of {@link resolveRuleSet}. */
export interface ResolveRuleSetOptions {
  /**
   * Loads an `extends` entry that is not a built-in: `ref` as written, `from` the source of the
   * file that names it. Return the parse result, or `undefined` when there is no such file.
   * Without it, only built-in names resolve (the browser case). The node entry's `loadRuleSet`
   * passes a loader that reads paths relative to the file.
   */
  load?: (ref: string, from: string) => ParseRuleSetResult | ExtendsRefusal | undefined;
  /** Custom check kinds, besides the built-in ones. */
  checks?: readonly CheckKind[];
}

/**
 * Why `load` gives no rule set for an `extends` entry (outside the allowed directories, not a
 * regular file, too large …): reported as an issue at that entry.
 */
export interface ExtendsRefusal {
  ok: false;
  refused: { code: RuleSetIssueCode; message: string; hint: string | null };
}

/** The most rule-set files one rule set may extend, directly or not (each counted once). */
export const MAX_EXTENDED_RULE_SETS = 100;

interface Merged {
  rule: RuleOverride;
  /** True when `rule.minConfidence` came from a set's `minConfidence`, which a nearer set's replaces. */
  setLevel?: boolean;
  definedIn: string;
  source: string;
  path: YamlPath;
  locate: RuleSet['locate'];
}

/** Parses a built-in rule set by name (without the prefix), or `undefined` when there is none. */
export function parseBuiltInRuleSet(name: string, checks?: readonly CheckKind[]): ParseRuleSetResult | undefined {
  const text = BUILT_IN_RULE_SET_TEXTS[name];
  if (text === undefined || !Object.hasOwn(BUILT_IN_RULE_SET_TEXTS, name)) return undefined;
  return parseRuleSet(text, { source: `${BUILT_IN_PREFIX}${name}`, ...(checks ? { checks } : {}) });
}

function mergeRule(parent: RuleOverride, child: RuleOverride): RuleOverride {
  const merged: RuleOverride = { ...parent, ...child };
  if (parent.options && child.options) merged.options = { ...parent.options, ...child.options };
  return merged;
}

/**
 * Follows a rule set's `extends` (built-ins by `redaction-audit:<name>`, other files through
 * `options.load`), merges overrides child over parent, and compiles every rule. Never throws
 * on bad data: missing targets, cycles, overrides of rules no parent defines, and options that
 * no longer fit after merging come back as issues.
 */
export function resolveRuleSet(ruleSet: RuleSet, options: ResolveRuleSetOptions = {}): ResolveRuleSetResult {
  const checks = checkRegistry(options.checks);
  const issues: RuleSetIssue[] = [];

  // Each file is loaded and merged once, however many paths lead to it: a diamond of extends
  // (every file extending the next one three times) costs one visit per file, not 3^depth.
  const loads = new Map<string, ParseRuleSetResult | ExtendsRefusal | undefined>();
  const done = new Map<string, Map<string, Merged>>();
  let tooMany = false;
  const load = (ref: string, from: string): ParseRuleSetResult | ExtendsRefusal | undefined => {
    const key = ref.startsWith(BUILT_IN_PREFIX) ? ref : `${from}\u0000${ref}`;
    if (!loads.has(key)) loads.set(key, ref.startsWith(BUILT_IN_PREFIX) ? parseBuiltInRuleSet(ref.slice(BUILT_IN_PREFIX.length), options.checks) : options.load?.(ref, from));
    return loads.get(key);
  };

  const collect = (set: RuleSet, stack: readonly string[]): Map<string, Merged> => {
    const merged = new Map<string, Merged>();
    // Whether an `extends` entry did not load: an override of a rule it may define is then not `unknown-rule`.
    let parentMissing = false;
    set.extends.forEach((ref, i) => {
      const path = ['extends', i];
      const at = set.locate(path);
      const builtIn = ref.startsWith(BUILT_IN_PREFIX);
      const loaded = load(ref, set.source);
      if (!loaded) {
        parentMissing = true;
        const near = builtIn ? suggest(ref.slice(BUILT_IN_PREFIX.length), BUILT_IN_RULE_SET_NAMES) : undefined;
        issues.push({
          code: 'extends-not-found',
          message: `cannot find the rule set "${ref}"`,
          hint: builtIn
            ? `${near ? `did you mean "${BUILT_IN_PREFIX}${near}"? ` : ''}built-in rule sets: ${BUILT_IN_RULE_SET_NAMES.map((n) => BUILT_IN_PREFIX + n).join(', ')}`
            : options.load
              ? 'paths are relative to the file that extends them'
              : 'only built-in rule sets resolve here; load files with loadRuleSet from "redaction-audit/node"',
          source: set.source,
          path,
          ...at,
        });
        return;
      }
      if ('refused' in loaded) {
        parentMissing = true;
        issues.push({ ...loaded.refused, source: set.source, path, ...at });
        return;
      }
      if (!loaded.ok) {
        parentMissing = true;
        for (const issue of loaded.issues) issues.push(issue);
        return;
      }
      const parent = loaded.ruleSet;
      if (stack.includes(parent.source)) {
        issues.push({
          code: 'extends-cycle',
          message: `"${ref}" extends back to this file: ${[...stack, parent.source].join(' → ')}`,
          hint: 'remove one of the `extends` entries of the cycle',
          source: set.source,
          path,
          ...at,
        });
        return;
      }
      let inherited = done.get(parent.source);
      if (!inherited) {
        if (done.size >= MAX_EXTENDED_RULE_SETS) {
          if (!tooMany) {
            issues.push({ code: 'too-large', message: `the rule set extends more than ${MAX_EXTENDED_RULE_SETS} rule-set files`, hint: 'merge some of them', source: set.source, path, ...at });
          }
          tooMany = true;
          return;
        }
        // Marked before the visit, so a file counts once even while its own parents are visited.
        done.set(parent.source, new Map());
        inherited = collect(parent, [...stack, parent.source]);
        done.set(parent.source, inherited);
      }
      for (const [id, m] of inherited) {
        const existing = merged.get(id);
        merged.set(id, existing ? { ...m, rule: mergeRule(existing.rule, m.rule), definedIn: existing.definedIn } : m);
      }
    });
    for (const [id, rule] of set.rules) {
      const path = ['rules', id];
      const existing = merged.get(id);
      if (existing) {
        const setLevel = existing.setLevel === true && rule.minConfidence === undefined;
        merged.set(id, { rule: mergeRule(existing.rule, rule), definedIn: existing.definedIn, source: set.source, path, locate: set.locate, ...(setLevel ? { setLevel } : {}) });
      } else if (rule.check !== undefined) {
        merged.set(id, { rule, definedIn: set.source, source: set.source, path, locate: set.locate });
      } else if (!parentMissing) {
        issues.push({
          code: 'unknown-rule',
          message: `rule "${id}" only overrides, but no extended rule set defines it`,
          hint: 'give it `description`, `severity`, `message`, `authority` and `check`, or fix the id',
          source: set.source,
          path,
          ...set.locate(path),
        });
      }
    }
    // The set's minConfidence is the default of every rule it has, its own and inherited ones.
    if (set.minConfidence !== null) {
      for (const [id, m] of merged) {
        if (m.rule.minConfidence === undefined || m.setLevel) merged.set(id, { ...m, rule: { ...m.rule, minConfidence: set.minConfidence }, setLevel: true });
      }
    }
    return merged;
  };

  const merged = collect(ruleSet, [ruleSet.source]);
  const definitions: RuleDefinition[] = [];
  for (const [id, m] of merged) {
    const parsed = RuleSchema.safeParse(m.rule, { reportInput: true });
    if (!parsed.success) {
      for (const issue of zodIssues(parsed.error, m.path, m.source, (p) => m.locate(p))) issues.push(issue);
      continue;
    }
    const found = checkIssues(parsed.data, m.path, m.source, (p) => m.locate(p), checks);
    if (found.length > 0) {
      for (const issue of found) issues.push(issue);
      continue;
    }
    definitions.push({ id, rule: parsed.data, definedIn: m.definedIn, source: m.source });
  }
  const known = new Set(merged.keys());
  ruleSet.tests.forEach((test, i) => {
    for (const id of [...test.expect.map((e) => e.rule), ...test.absent]) {
      if (!known.has(id)) {
        issues.push({ code: 'invalid-test', message: `test case names rule "${id}", which this rule set does not have`, hint: null, source: ruleSet.source, path: ['tests', i], ...ruleSet.locate(['tests', i]) });
      }
    }
  });
  if (issues.length > 0) return { ok: false, issues: dedupeIssues(issues) };
  return { ok: true, ruleSet: compileRuleSet({ name: ruleSet.name, source: ruleSet.source, definitions, tests: ruleSet.tests }, checks) };
}

function dedupeIssues(issues: RuleSetIssue[]): RuleSetIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.source}\0${i.line}\0${i.column}\0${i.code}\0${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Built-in rule sets resolved with the main entry's checks only, by name. */
const builtInCache = new Map<string, ResolvedRuleSet>();
/**
 * Built-in rule sets resolved with custom checks, by the checks passed (the same kinds in the
 * same order, compared by identity: `[patternCheck]` written anew at each call still hits),
 * then by name. The most recent {@link CHECK_CACHES} lists of checks are kept.
 */
const builtInCacheByChecks: Array<{ checks: readonly CheckKind[]; sets: Map<string, ResolvedRuleSet> }> = [];
const CHECK_CACHES = 8;

/** The cache of built-in sets resolved with these checks (made, and the oldest dropped, when new). */
function cacheFor(checks: readonly CheckKind[]): Map<string, ResolvedRuleSet> {
  const found = builtInCacheByChecks.find((c) => c.checks.length === checks.length && c.checks.every((k, i) => k === checks[i]));
  if (found) return found.sets;
  if (builtInCacheByChecks.length >= CHECK_CACHES) builtInCacheByChecks.shift();
  const entry = { checks: [...checks], sets: new Map<string, ResolvedRuleSet>() };
  builtInCacheByChecks.push(entry);
  return entry.sets;
}

/** Options of {@link getBuiltInRuleSet}. */
export interface GetBuiltInRuleSetOptions {
  /**
   * Check kinds besides the main entry's: `cia-crest` needs `patternCheck` from
   * `redaction-audit/pattern`. Results are cached per list of kinds (compared one by one).
   */
  checks?: readonly CheckKind[];
}

/**
 * A built-in rule set, resolved and compiled: `recommended`, `strict`, `frus`,
 * `state-department`, `cia-crest` or `fbi` (with or without the `redaction-audit:` prefix).
 * Cached per name (and per list of `checks`). Throws {@link RuleSetError} for an unknown name,
 * when the set needs a check kind that was not passed (`cia-crest` runs a `pattern` rule: pass
 * `{ checks: [patternCheck] }`, or use `redaction-audit/node`'s `getBuiltInRuleSet`, which does),
 * or if the built-in set does not load (a bug in the package).
 */
export function getBuiltInRuleSet(name: string, options: GetBuiltInRuleSetOptions = {}): ResolvedRuleSet {
  const bare = name.startsWith(BUILT_IN_PREFIX) ? name.slice(BUILT_IN_PREFIX.length) : name;
  const { checks } = options;
  const cache = checks && checks.length > 0 ? cacheFor(checks) : builtInCache;
  const cached = cache.get(bare);
  if (cached) return cached;
  const parsed = parseBuiltInRuleSet(bare, checks);
  if (!parsed) throw new RuleSetError(`no built-in rule set "${name}"; built-in sets: ${BUILT_IN_RULE_SET_NAMES.join(', ')}`);
  const resolved = parsed.ok ? resolveRuleSet(parsed.ruleSet, checks ? { checks } : {}) : parsed;
  if (!resolved.ok) {
    const notLoaded = resolved.issues.find((i) => i.code === 'check-not-loaded');
    if (notLoaded) throw new RuleSetError(`the built-in rule set "${bare}" needs a check kind that was not passed: ${notLoaded.message}; ${notLoaded.hint ?? ''}`);
    throw new RuleSetError(`the built-in rule set "${bare}" does not load: ${resolved.issues.map((i) => `${i.source}:${i.line}:${i.column} ${i.code} ${i.message}`).join('; ')}`);
  }
  cache.set(bare, resolved.ruleSet);
  return resolved.ruleSet;
}
