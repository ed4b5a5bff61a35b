import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { RuleSeveritySchema } from '../core/severity.js';
import type { CheckKind } from '../engine/check-kind.js';
import { BUILT_IN_CHECKS } from '../engine/built-in-checks.js';
import { compileMessage, PLACEHOLDERS } from '../engine/message-template.js';
import { editDistance } from '../scan/ocr.js';
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

/** A YAML path: keys and sequence indexes. */
export type YamlPath = ReadonlyArray<string | number>;

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
  /** Rule entries by id, in file order. */
  readonly rules: ReadonlyMap<string, RuleOverride>;
  readonly tests: readonly RuleTestCase[];
  /** The 1-based line and column of a YAML path in the file (the nearest existing node when the path is missing). */
  locate(path: YamlPath): { line: number; column: number };
}

/** Options of {@link parseRuleSet}. */
export interface ParseRuleSetOptions {
  /** The file's path or label, used in issues. */
  source: string;
  /** Custom check kinds, besides the built-in ones. */
  checks?: readonly CheckKind[];
  /** Refuse files longer than this many UTF-16 code units (default 1,000,000). */
  maxLength?: number;
}

/** What {@link parseRuleSet} returns: the rule set, or every issue found. */
export type ParseRuleSetResult = { ok: true; ruleSet: RuleSet } | { ok: false; issues: RuleSetIssue[] };

const MAX_DEPTH = 64;
const MAX_ALIASES = 100;

/** Every key the format knows, for "did you mean" hints. */
const KNOWN_KEYS = [
  '$schema', 'name', 'description', 'extends', 'rules', 'tests',
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

function depthOf(value: unknown, limit: number): number {
  // Iterative, so hostile nesting cannot overflow the stack.
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/** Builds the position finder of one parsed YAML document. */
function createLocate(doc: Document, counter: LineCounter): (path: YamlPath, atKey?: boolean) => { line: number; column: number } {
  return (path, atKey = false) => {
    let node: unknown = doc.contents;
    let offset = 0;
    const rangeStart = (n: unknown): number | undefined => (n as { range?: [number, number, number] } | null)?.range?.[0];
    offset = rangeStart(node) ?? 0;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === segment);
        if (!pair) break;
        if (last && atKey) {
          offset = rangeStart(pair.key) ?? offset;
          break;
        }
        node = pair.value;
        offset = rangeStart(node) ?? rangeStart(pair.key) ?? offset;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (item === undefined) break;
        node = item;
        offset = rangeStart(node) ?? offset;
      } else break;
    }
    const { line, col } = counter.linePos(offset);
    return { line, column: col };
  };
}

type Locate = ReturnType<typeof createLocate>;

/** Turns zod issues into rule-set issues located in the file. */
export function zodIssues(
  error: z.ZodError,
  base: YamlPath,
  source: string,
  locate: (path: YamlPath, atKey?: boolean) => { line: number; column: number },
  fallbackCode: RuleSetIssueCode = 'invalid-value',
): RuleSetIssue[] {
  const out: RuleSetIssue[] = [];
  for (const issue of error.issues) {
    const path = [...base, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const near = suggest(key, KNOWN_KEYS);
        out.push({
          code: 'unknown-key',
          message: `unknown key "${key}"`,
          hint: near ? `did you mean "${near}"?` : 'remove it; see rules/rule-set.schema.json for the keys a rule set may have',
          source,
          path: [...path, key],
          ...locate([...path, key], true),
        });
      }
      continue;
    }
    if (issue.code === 'invalid_type' && issue.input === undefined) {
      const key = path.at(-1);
      out.push({ code: 'missing-key', message: `"${String(key)}" is required`, hint: `add \`${String(key)}:\``, source, path, ...locate(path.slice(0, -1)) });
      continue;
    }
    const params = (issue as { params?: { issueCode?: RuleSetIssueCode; hint?: string } }).params;
    out.push({ code: params?.issueCode ?? fallbackCode, message: issue.message, hint: params?.hint ?? null, source, path, ...locate(path) });
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
  if (!kind) {
    const near = suggest(rule.check, [...checks.keys()]);
    return [
      {
        code: 'unknown-check',
        message: `unknown check kind "${rule.check}"`,
        hint: `${near ? `did you mean "${near}"? ` : ''}check kinds: ${[...checks.keys()].join(', ')}`,
        source,
        path: [...path, 'check'],
        ...locate([...path, 'check']),
      },
    ];
  }
  const parsed = kind.options.safeParse(rule.options ?? {}, { reportInput: true });
  return parsed.success ? [] : zodIssues(parsed.error, [...path, 'options'], source, locate, 'invalid-options');
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
export function parseRuleSet(text: string, options: ParseRuleSetOptions): ParseRuleSetResult {
  const { source } = options;
  const at1 = { line: 1, column: 1 };
  const maxLength = options.maxLength ?? 1_000_000;
  if (typeof text !== 'string') return { ok: false, issues: [{ code: 'invalid-value', message: 'the rule set is not text', hint: null, source, path: [], ...at1 }] };
  if (text.length > maxLength) {
    return { ok: false, issues: [{ code: 'too-large', message: `the rule set is ${text.length} characters long; the limit is ${maxLength}`, hint: 'split it into files joined with `extends`', source, path: [], ...at1 }] };
  }
  const counter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    return { ok: false, issues: [{ code: 'too-deep', message: `the YAML cannot be parsed: ${error instanceof Error ? error.message : String(error)}`, hint: 'nest less deeply', source, path: [], ...at1 }] };
  }
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => {
        const pos = counter.linePos(e.pos[0]);
        return {
          code: e.code === 'DUPLICATE_KEY' ? ('duplicate-key' as const) : ('yaml-syntax' as const),
          message: e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? e.message,
          hint: e.code === 'DUPLICATE_KEY' ? 'each key may appear once in a mapping; merge the two entries' : 'check indentation, quotes and closing brackets',
          source,
          path: [],
          line: pos.line,
          column: pos.col,
        };
      }),
    };
  }
  const locate = createLocate(doc, counter);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const alias = error instanceof ReferenceError;
    return {
      ok: false,
      issues: [{
        code: alias ? 'alias-limit' : 'too-deep',
        message: alias ? 'the file expands too many aliases (a "billion laughs" file)' : `the YAML cannot be converted: ${error instanceof Error ? error.message : String(error)}`,
        hint: alias ? `use fewer than ${MAX_ALIASES} alias references` : 'nest less deeply',
        source, path: [], ...at1,
      }],
    };
  }
  if (depthOf(data, MAX_DEPTH) > MAX_DEPTH) {
    return { ok: false, issues: [{ code: 'too-deep', message: `the file nests deeper than ${MAX_DEPTH} levels`, hint: 'a rule set needs at most about 8 levels', source, path: [], ...at1 }] };
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, issues: [{ code: 'invalid-value', message: 'a rule set must be a YAML mapping', hint: 'start with `rules:` (and optionally `name:`, `extends:`)', source, path: [], ...at1 }] };
  }

  const issues: RuleSetIssue[] = [];
  const top = RuleSetFileSchema.pick({ $schema: true, name: true, description: true, extends: true }).strict();
  const { rules: rawRules, tests: rawTests, ...rest } = data as Record<string, unknown>;
  const topResult = top.safeParse(rest, { reportInput: true });
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
      rules,
      tests,
      locate: (path) => locate(path),
    },
  };
}
