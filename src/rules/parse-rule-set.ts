import type * as z from 'zod';
import { RuleSeveritySchema } from '../core/severity.js';
import type { CheckKind } from '../engine/check-kind.js';
import { BUILT_IN_CHECKS, SEPARATE_CHECKS } from '../engine/built-in-checks.js';
import { compileMessage, PLACEHOLDERS } from '../engine/message-template.js';
import { editDistance } from '../scan/ocr.js';
import { quote, readYamlData, type Locate, type YamlPath } from './read-yaml-data.js';
import type { RuleSetIssue, RuleSetIssueCode } from './rule-set-issue.js';
import {
  RuleIdSchema,
  RuleOverrideSchema,
  RuleSchema,
  RuleSetFileSchema,
  RuleTestCaseSchema,
  type RuleOverride,
  type RuleTestCase,
} from './rule-set-schema.js';

export type { YamlPath } from './read-yaml-data.js';
export { MAX_YAML_NODES as MAX_RULE_SET_NODES } from './read-yaml-data.js';

/**
 * One file's rule set, parsed and checked on its own (its `extends` are not yet followed;
 * see `resolveRuleSet`). `rules` keeps each entry as written: a full rule (with `check`), an
 * override of an extended rule, or a severity.
 */
export interface RuleSet {
  /** The file's path, or `redaction-audit:<name>` for a built-in. */
  readonly source: string;
  readonly name: string | null;
  readonly description: string | null;
  /** The `extends` entries, in order. */
  readonly extends: readonly string[];
  /** The set's `minConfidence`: the default of every rule it defines or extends, or `null`. */
  readonly minConfidence: number | null;
  /** Rule entries by id, in file order. */
  readonly rules: ReadonlyMap<string, RuleOverride>;
  readonly tests: readonly RuleTestCase[];
  /** The 1-based line and column of a YAML path in the file (the nearest existing node when the path is missing). */
  locate(path: YamlPath): { line: number; column: number };
}

/** Options of {@link parseRuleSet}. */
export interface ParseRuleSetOptions {
  /** The file's path or label, used in issues (default `<text>`). */
  source?: string;
  /** Custom check kinds, besides the built-in ones. */
  checks?: readonly CheckKind[];
  /** Refuse files longer than this many UTF-16 code units (default 1,000,000). */
  maxLength?: number;
}

/** What {@link parseRuleSet} returns: the rule set, or every issue found. */
export type ParseRuleSetResult = { ok: true; ruleSet: RuleSet } | { ok: false; issues: RuleSetIssue[] };

/** The top level of a rule-set file without `rules` and `tests` (checked entry by entry); built once, as zod compiles a schema on first use. */
const TOP_SCHEMA = RuleSetFileSchema.pick({ $schema: true, name: true, description: true, extends: true, minConfidence: true }).strict();

/** The keys of a rule-set file's top level. */
const TOP_KEYS = ['$schema', 'name', 'description', 'extends', 'minConfidence', 'rules', 'tests'];

/** Every key the format knows, for "did you mean" hints. */
const KNOWN_KEYS = [
  '$schema', 'name', 'description', 'extends', 'rules', 'tests', 'minConfidence',
  'severity', 'message', 'url', 'authority', 'check', 'options', 'where', 'when', 'report',
  'family', 'code', 'key', 'role', 'cancelled', 'invalid', 'ocr', 'confidence', 'below', 'atLeast', 'attributes', 'exists', 'includes', 'matches',
  'has', 'hasNot', 'documentDate', 'reviewDate', 'status', 'before', 'after', 'unknown',
  'text', 'expect', 'absent', 'rule', 'line',
  'target', 'lines', 'characters', 'samePage', 'keys', 'date', 'from', 'to', 'with', 'scope', 'min', 'max', 'aspect', 'pattern', 'flags',
];

/** The nearest known word within two edits, for hints. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase(), 2);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

type ZodIssue = z.ZodError['issues'][number];

/**
 * Replaces each failed union (`family: fioa` fails `foia` | list of families) by the issues of
 * the branch the value was meant for, so the message names the allowed values instead of
 * "Invalid input": the branch whose type the value has (no type mismatch at its root), with
 * the fewest issues, recursively. A union no branch of which fits is kept as it is.
 */
function unfoldUnions(issues: readonly ZodIssue[], base: readonly PropertyKey[] = []): ZodIssue[] {
  const out: ZodIssue[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union') {
      const branches = (issue as { errors?: ZodIssue[][] }).errors ?? [];
      // A branch failing at its root (wrong type, or a list given to a single value) was not meant;
      // among the others, the one with the fewest issues.
      const meant = branches.filter((b) => b.length > 0 && !b.some((i) => i.path.length === 0 && (i.code === 'invalid_type' || typeof (i as { input?: unknown }).input === 'object')));
      const chosen = meant.reduce<ZodIssue[] | undefined>((best, b) => (best === undefined || b.length < best.length ? b : best), undefined);
      if (chosen) {
        for (const i of unfoldUnions(chosen, path)) out.push(i);
        continue;
      }
    }
    out.push({ ...issue, path } as ZodIssue);
  }
  return out;
}

/** The message and hint of a value outside a closed list: the allowed values and the nearest one. */
function invalidValue(issue: ZodIssue): { message: string; hint: string | null } | undefined {
  const values = (issue as { values?: unknown[] }).values;
  const input = (issue as { input?: unknown }).input;
  if (issue.code !== 'invalid_value' || !Array.isArray(values) || values.length < 2 || typeof input !== 'string') return undefined;
  const allowed = values.map(String);
  const near = suggest(input, allowed);
  return {
    message: `"${quote(input)}" is not allowed here; expected one of ${allowed.join(', ')}`,
    hint: near ? `did you mean "${near}"?` : null,
  };
}

/** Turns zod issues into rule-set issues located in the file. */
export function zodIssues(
  error: z.ZodError,
  base: YamlPath,
  source: string,
  locate: (path: YamlPath, atKey?: boolean) => { line: number; column: number },
  fallbackCode: RuleSetIssueCode = 'invalid-value',
  format: { knownKeys: readonly string[]; schemaFile: string } = { knownKeys: KNOWN_KEYS, schemaFile: 'rules/rule-set.schema.json' },
): RuleSetIssue[] {
  const out: RuleSetIssue[] = [];
  for (const issue of unfoldUnions(error.issues)) {
    const path = [...base, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const near = suggest(key, format.knownKeys);
        out.push({
          code: 'unknown-key',
          message: `unknown key "${quote(key)}"`,
          hint: near ? `did you mean "${near}"?` : `remove it; see ${format.schemaFile} for the keys it may have`,
          source,
          path: [...path, key],
          ...locate([...path, key], true),
        });
      }
      continue;
    }
    // A missing key: a type or union (`files: glob | [globs]`) that got nothing.
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && (issue as { input?: unknown }).input === undefined && 'input' in issue) {
      const key = path.at(-1);
      out.push({ code: 'missing-key', message: `"${String(key)}" is required`, hint: `add \`${String(key)}:\``, source, path, ...locate(path.slice(0, -1)) });
      continue;
    }
    const params = (issue as { params?: { issueCode?: RuleSetIssueCode; hint?: string } }).params;
    const closed = invalidValue(issue);
    out.push({ code: params?.issueCode ?? fallbackCode, message: closed?.message ?? issue.message, hint: params?.hint ?? closed?.hint ?? null, source, path, ...locate(path) });
  }
  return out;
}

/** Checks a rule entry's message placeholders; returns issues. */
function placeholderIssues(message: string | undefined, path: YamlPath, source: string, locate: Locate): RuleSetIssue[] {
  if (message === undefined) return [];
  const compiled = compileMessage(message);
  if (compiled.ok) return [];
  return compiled.unknown.map((name) => {
    const near = suggest(name, PLACEHOLDERS);
    return {
      code: 'unknown-placeholder' as const,
      message: `unknown placeholder {{${name}}} in the message`,
      hint: `${near ? `did you mean {{${near}}}? ` : ''}placeholders: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(' ')}`,
      source,
      path: [...path, 'message'],
      ...locate([...path, 'message']),
    };
  });
}

/**
 * Checks a rule's check kind and options against the registry; returns issues. Used for
 * complete rules when parsing and again for merged rules when resolving `extends`.
 */
export function checkIssues(rule: RuleOverride, path: YamlPath, source: string, locate: Locate, checks: ReadonlyMap<string, CheckKind>): RuleSetIssue[] {
  if (rule.check === undefined) return [];
  const kind = checks.get(rule.check);
  const entry = kind ? undefined : SEPARATE_CHECKS.get(rule.check);
  if (entry !== undefined) {
    return [
      {
        code: 'check-not-loaded',
        message: `the check kind "${rule.check}" is not loaded: it lives in ${entry}, which the main entry leaves out`,
        hint: `import { ${camel(rule.check)}Check } from '${entry}' and pass it in \`checks\` (redaction-audit/node's rule-set functions and the CLI load it for you)`,
        source,
        path: [...path, 'check'],
        ...locate([...path, 'check']),
      },
    ];
  }
  if (!kind) {
    const known = [...new Set([...checks.keys(), ...SEPARATE_CHECKS.keys()])];
    const near = suggest(rule.check, known);
    return [
      {
        code: 'unknown-check',
        message: `unknown check kind "${rule.check}"`,
        hint: `${near ? `did you mean "${near}"? ` : ''}check kinds: ${known.join(', ')}`,
        source,
        path: [...path, 'check'],
        ...locate([...path, 'check']),
      },
    ];
  }
  const parsed = kind.options.safeParse(rule.options ?? {}, { reportInput: true });
  return parsed.success ? [] : zodIssues(parsed.error, [...path, 'options'], source, locate, 'invalid-options');
}

/** `co-occurrence` → `coOccurrence`: a check kind's name as its export is named. */
function camel(kind: string): string {
  return kind.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The check kinds available: built-in ones plus custom ones (a custom kind may not reuse a built-in name). */
export function checkRegistry(custom: readonly CheckKind[] = []): ReadonlyMap<string, CheckKind> {
  const map = new Map(BUILT_IN_CHECKS);
  for (const c of custom) map.set(c.kind, c);
  return map;
}

/**
 * Parses and checks one rule-set file. Never throws on any text: problems come back as
 * issues, each with a closed `code`, the YAML path and the 1-based line and column
 * (from `yaml`'s `LineCounter`). Unknown keys get a "did you mean" hint; alias bombs, hostile
 * nesting and `__proto__` keys are refused as issues, never evaluated.
 *
 * @example
 * const result = parseRuleSet('rules:\n  redact-no-code: off\n', { source: 'mine.yaml' });
 * if (!result.ok) for (const issue of result.issues) console.error(formatRuleSetIssue(issue));
 */
export function parseRuleSet(text: string, options: ParseRuleSetOptions = {}): ParseRuleSetResult {
  const source = options.source ?? '<text>';
  const at1 = { line: 1, column: 1 };
  const maxLength = options.maxLength ?? 1_000_000;
  const read = readYamlData(text, { source, maxLength, kind: 'rule set' });
  if (!read.ok) return read;
  const { locate } = read;
  const data = read.data;
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, issues: [{ code: 'not-a-rule-set', message: 'the file is not a rule set: a rule set is a YAML mapping', hint: 'start with `rules:` (and optionally `name:`, `extends:`)', source, path: [], ...at1 }] };
  }
  // A key that is one of the top-level keys, or a misspelling of one, makes the file a rule set.
  const keys = Object.keys(data as object);
  if (keys.length > 0 && !keys.some((k) => TOP_KEYS.includes(k) || suggest(k, TOP_KEYS) !== undefined)) {
    // Quote nothing of a file that is not a rule set: `extends: /etc/shadow` must not print it.
    return {
      ok: false,
      issues: [{ code: 'not-a-rule-set', message: `the file is not a rule set: its top level has none of the keys ${TOP_KEYS.join(', ')}`, hint: 'check the path; a rule set starts with `rules:` (and optionally `name:`, `extends:`)', source, path: [], ...at1 }],
    };
  }

  const issues: RuleSetIssue[] = [];
  const { rules: rawRules, tests: rawTests, ...rest } = data as Record<string, unknown>;
  const topResult = TOP_SCHEMA.safeParse(rest, { reportInput: true });
  if (!topResult.success) for (const issue of zodIssues(topResult.error, [], source, locate)) issues.push(issue);

  const checks = checkRegistry(options.checks);
  const rules = new Map<string, RuleOverride>();
  if (rawRules !== undefined && (rawRules === null || typeof rawRules !== 'object' || Array.isArray(rawRules))) {
    issues.push({ code: 'invalid-value', message: '`rules` must be a mapping of rule ids to rules', hint: 'rules:\n  my-rule:\n    description: …', source, path: ['rules'], ...locate(['rules']) });
  } else if (rawRules) {
    for (const [id, entry] of Object.entries(rawRules)) {
      const path = ['rules', id];
      if (!RuleIdSchema.safeParse(id).success) {
        issues.push({ code: 'invalid-rule-id', message: `rule id "${id}" is not kebab-case`, hint: 'use lower-case words joined by hyphens, like "redact-no-code"', source, path, ...locate(path, true) });
        continue;
      }
      if (typeof entry === 'string') {
        const sev = RuleSeveritySchema.safeParse(entry, { reportInput: true });
        if (sev.success) rules.set(id, { severity: sev.data });
        else issues.push({ code: 'invalid-value', message: `"${entry}" is not a severity`, hint: 'use error, warning, info or off', source, path, ...locate(path) });
        continue;
      }
      const complete = entry !== null && typeof entry === 'object' && 'check' in entry;
      const parsed = (complete ? RuleSchema : RuleOverrideSchema).safeParse(entry, { reportInput: true });
      if (!parsed.success) {
        for (const issue of zodIssues(parsed.error, path, source, locate)) issues.push(issue);
        continue;
      }
      const rule = parsed.data as RuleOverride;
      const found = [...placeholderIssues(rule.message, path, source, locate), ...checkIssues(rule, path, source, locate, checks)];
      for (const issue of found) issues.push(issue);
      if (found.length === 0) rules.set(id, rule);
    }
  }

  const tests: RuleTestCase[] = [];
  if (rawTests !== undefined && !Array.isArray(rawTests)) {
    issues.push({ code: 'invalid-value', message: '`tests` must be a list of test cases', hint: 'tests:\n  - text: "…"\n    expect: [{ rule: my-rule, line: 1 }]', source, path: ['tests'], ...locate(['tests']) });
  } else if (rawTests) {
    rawTests.forEach((t, i) => {
      const parsed = RuleTestCaseSchema.safeParse(t, { reportInput: true });
      if (parsed.success) tests.push(parsed.data);
      else for (const issue of zodIssues(parsed.error, ['tests', i], source, locate)) issues.push(issue);
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  const head = topResult.success ? topResult.data : {};
  return {
    ok: true,
    ruleSet: {
      source,
      name: head.name ?? null,
      description: head.description ?? null,
      extends: head.extends === undefined ? [] : Array.isArray(head.extends) ? head.extends : [head.extends],
      minConfidence: head.minConfidence ?? null,
      rules,
      tests,
      locate: (path) => locate(path),
    },
  };
}
