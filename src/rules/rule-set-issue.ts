import * as z from 'zod';
import { escapeControlCharacters } from '../core/escape-control-characters.js';

/**
 * What is wrong in a rule-set file. Codes are stable, kebab-case:
 *
 * - `yaml-syntax`: the file is not valid YAML (`duplicate-key` for a key given twice).
 * - `not-a-rule-set`: the file is not a rule set at all (not UTF-8 text, or a mapping with none of the top-level keys); nothing of it is quoted.
 * - `too-large`, `too-deep`, `alias-limit`: the file exceeds a resource limit (bytes, YAML nodes, files extended, nesting, alias expansion: a "billion laughs" file).
 * - `unsupported-tag`: a YAML tag other than the plain ones (`!!omap`, `!!set`, `!!binary`, custom tags).
 * - `forbidden-key`: a `__proto__` key.
 * - `unknown-key`: a key the format does not have (the message suggests the nearest one).
 * - `missing-key`: a required key is absent.
 * - `invalid-value`: a value of the wrong type or out of range.
 * - `invalid-rule-id`: a rule id that is not kebab-case.
 * - `unknown-check`: `check` names no built-in or registered check kind.
 * - `check-not-loaded`: `check` names a kind that lives in an entry of its own (`pattern`, in `redaction-audit/pattern`) and was not passed in `checks`.
 * - `invalid-options`: the check's `options` do not fit its schema.
 * - `unknown-placeholder`: the message uses a `{{placeholder}}` that does not exist.
 * - `invalid-pattern`, `catastrophic-pattern`, `pattern-too-large`: a `pattern` that is not RE2 syntax, that nests unbounded repetition, or that compiles to more RE2 instructions than allowed.
 * - `unknown-rule`: a rule entry that only overrides (no `check`) but no extended rule set defines that rule.
 * - `extends-not-found`, `extends-cycle`: an `extends` target (or the rule set named) that cannot be read, or that extends back to this file.
 * - `extends-outside-root`: an `extends` path outside the directory tree of the rule set given (and of the directories allowed besides).
 * - `invalid-test`: a `tests:` case names a rule the set does not have.
 */
export const RuleSetIssueCodeSchema = z.enum([
  'yaml-syntax',
  'duplicate-key',
  'not-a-rule-set',
  'too-large',
  'too-deep',
  'alias-limit',
  'unsupported-tag',
  'forbidden-key',
  'unknown-key',
  'missing-key',
  'invalid-value',
  'invalid-rule-id',
  'unknown-check',
  'check-not-loaded',
  'invalid-options',
  'unknown-placeholder',
  'invalid-pattern',
  'catastrophic-pattern',
  'pattern-too-large',
  'unknown-rule',
  'extends-not-found',
  'extends-cycle',
  'extends-outside-root',
  'invalid-test',
]);
/** A rule-set issue code; see {@link RuleSetIssueCodeSchema}. */
export type RuleSetIssueCode = z.infer<typeof RuleSetIssueCodeSchema>;

/** A problem in a rule-set file, with where it is: never a finding, never thrown. */
export const RuleSetIssueSchema = z.object({
  code: RuleSetIssueCodeSchema,
  /** What is wrong, in one sentence. */
  message: z.string(),
  /** How to fix it, often with a valid example; `null` when the message says it all. */
  hint: z.string().nullable(),
  /** The rule-set file (path, or `redaction-audit:<name>` for a built-in). */
  source: z.string(),
  /** The path to the offending value in the YAML, e.g. `['rules', 'redact-no-code', 'options', 'lines']`. */
  path: z.array(z.union([z.string(), z.number()])),
  /** 1-based line in the rule-set file. */
  line: z.number().int().positive(),
  /** 1-based column in the rule-set file. */
  column: z.number().int().positive(),
});
/** A rule-set issue; see {@link RuleSetIssueSchema}. */
export type RuleSetIssue = z.infer<typeof RuleSetIssueSchema>;

/**
 * Formats an issue as `file:line:column  code  message (hint)`, the way compilers print errors,
 * for a terminal: the source, message and path (which may quote the rule file) have their
 * control characters shown as escapes, so a rule file cannot forge output lines.
 */
export function formatRuleSetIssue(issue: RuleSetIssue): string {
  const where = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return `${escapeControlCharacters(`${issue.source}:${issue.line}:${issue.column}  ${issue.code}  ${issue.message}${where}`)}${issue.hint ? `\n    hint: ${issue.hint}` : ''}`;
}
