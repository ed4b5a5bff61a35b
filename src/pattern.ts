/**
 * redaction-audit/pattern: the `pattern` check kind, which reports every match of a rule's
 * regular expression, and the linear-time engine it runs on (RE2 semantics, via `re2js`).
 *
 * It is an entry of its own because the engine weighs about 150 kB minified, more than a third
 * of the main entry: a browser app that runs no `pattern` rule does not bundle it. Pass it to
 * the functions that take `checks`:
 *
 * @example
 * import { getBuiltInRuleSet, parseRuleSet, resolveRuleSet } from 'redaction-audit';
 * import { patternCheck } from 'redaction-audit/pattern';
 * const crest = getBuiltInRuleSet('cia-crest', { checks: [patternCheck] });
 * const parsed = parseRuleSet(text, { source: 'mine.yaml', checks: [patternCheck] });
 * const resolved = parsed.ok ? resolveRuleSet(parsed.ruleSet, { checks: [patternCheck] }) : parsed;
 *
 * `redaction-audit/node` (its `parseRuleSet`, `resolveRuleSet`, `getBuiltInRuleSet` and
 * `loadRuleSet`) and the CLI load it without being asked. A rule naming `check: pattern` where it was not passed gets a
 * `check-not-loaded` issue, never a silent skip.
 */
export { patternCheck } from './engine/checks/pattern.js';
export { compileSafePattern, findNestedRepetition, MAX_PATTERN_LENGTH, MAX_PROGRAM_SIZE } from './engine/safe-pattern.js';
export type { SafePattern, PatternProblem } from './engine/safe-pattern.js';
