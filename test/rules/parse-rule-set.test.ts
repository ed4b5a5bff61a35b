import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  analyze,
  defineCheck,
  formatRuleSetIssue,
  parseRuleSet,
  resolveRuleSet,
  ruleSetJsonSchema,
  type ParseRuleSetResult,
  type RuleSetIssue,
} from '../../src/index.js';
import { patternCheck } from '../../src/pattern.js';

const RULE = `description: d
    severity: warning
    message: "found {{raw}}"
    authority: 5 U.S.C. 552(b)
    check: forbid`;

/** Issues of a rule set parsed and resolved by the main entry with the `pattern` check passed (`checks: []`: without it). */
function issuesOf(text: string, source = 'mine.yaml', checks = [patternCheck]): RuleSetIssue[] {
  const parsed = parseRuleSet(text, { source, checks });
  if (!parsed.ok) return parsed.issues;
  const resolved = resolveRuleSet(parsed.ruleSet, { checks });
  return resolved.ok ? [] : resolved.issues;
}

describe('parseRuleSet issues', () => {
  it('reports a pattern rule as check-not-loaded where the pattern check was not passed, saying where it is', () => {
    const text = `rules:\n  my-rule:\n    ${RULE.replace('check: forbid', 'check: pattern\n    options: { pattern: "STAT" }')}\n`;
    const found = issuesOf(text, 'mine.yaml', []);
    expect(found.map((i) => `${i.code} ${i.line}:${i.column}`)).toEqual(['check-not-loaded 7:12']);
    expect(found[0]?.message).toBe('the check kind "pattern" is not loaded: it lives in redaction-audit/pattern, which the main entry leaves out');
    expect(found[0]?.hint).toMatch(/^import \{ patternCheck \} from 'redaction-audit\/pattern' and pass it in `checks`/);
    expect(issuesOf(text)).toEqual([]);
    // A set extending one that does not load: its issues, and no override of its rules called unknown.
    const extending = 'extends: [redaction-audit:cia-crest]\nrules:\n  crest-stat-marker: off\n';
    expect(issuesOf(extending, 'ext.yaml', []).map((i) => `${i.source}:${i.line}:${i.column} ${i.code}`)).toEqual(['redaction-audit:cia-crest:34:12 check-not-loaded']);
    expect(issuesOf(extending)).toEqual([]);
    expect(issuesOf('extends: [redaction-audit:nope]\nrules:\n  crest-stat-marker: off\n').map((i) => i.code)).toEqual(['extends-not-found']);
    expect(issuesOf('rules:\n  crest-stat-marker: off\n').map((i) => i.code)).toEqual(['unknown-rule']);
    // A misspelt kind is still suggested from every kind, the separate ones included.
    expect(issuesOf(text.replace('check: pattern', 'check: patern'), 'mine.yaml', [])[0]?.hint).toMatch(/^did you mean "pattern"\?/);
  });

  const cases: Array<[name: string, text: string, code: string, line: number, column: number, hint?: RegExp]> = [
    ['a YAML syntax error', 'rules:\n  a: [1, 2\n', 'yaml-syntax', 3, 1],
    ['a duplicate key', 'name: a\nname: b\n', 'duplicate-key', 2, 1],
    ['an unknown top-level key', 'nmae: x\n', 'unknown-key', 1, 1, /did you mean "name"/],
    ['an unknown rule key', `rules:\n  my-rule:\n    ${RULE}\n    seveirty: error\n`, 'unknown-key', 8, 5, /did you mean "severity"/],
    ['an unknown check kind', `rules:\n  my-rule:\n    ${RULE.replace('check: forbid', 'check: neer')}\n`, 'unknown-check', 7, 12, /did you mean "near"/],
    ['an unknown placeholder', `rules:\n  my-rule:\n    ${RULE.replace('{{raw}}', '{{rwa}}')}\n`, 'unknown-placeholder', 5, 14, /did you mean \{\{raw\}\}/],
    ['a catastrophic pattern', `rules:\n  my-rule:\n    ${RULE.replace('check: forbid', 'check: pattern\n    options: { pattern: "(a+)+$" }')}\n`, 'catastrophic-pattern', 8, 25, /\(a\+\)\+/],
    ['a backreference', `rules:\n  my-rule:\n    ${RULE.replace('check: forbid', 'check: pattern\n    options: { pattern: "(a)\\\\1" }')}\n`, 'invalid-pattern', 8, 25, /RE2/],
    ['options of the wrong type', `rules:\n  my-rule:\n    ${RULE.replace('check: forbid', 'check: near\n    options: { lines: many, target: { family: foia } }')}\n`, 'invalid-options', 8, 23],
    ['a missing message', 'rules:\n  my-rule:\n    description: d\n    severity: error\n    authority: x\n    check: forbid\n', 'missing-key', 3, 5],
    ['a rule without citation', `rules:\n  my-rule:\n    ${RULE.replace('authority: 5 U.S.C. 552(b)\n    ', '')}\n`, 'invalid-value', 3, 5],
    ['a rule id that is not kebab-case', `rules:\n  MyRule:\n    ${RULE}\n`, 'invalid-rule-id', 2, 3],
    ['a bad severity shorthand', 'rules:\n  redact-no-code: loud\n', 'invalid-value', 2, 19],
    ['an override of a rule nobody defines', 'rules:\n  no-such-rule: off\n', 'unknown-rule', 2, 17],
    ['a missing built-in', 'extends: redaction-audit:lenient\n', 'extends-not-found', 1, 10, /redaction-audit:recommended/],
    ['a __proto__ key', '__proto__:\n  polluted: true\n', 'forbidden-key', 1, 1],
    ['a constructor key', 'name: x\nconstructor:\n  prototype: { polluted: true }\n', 'unknown-key', 2, 1],
    ['a test naming an unknown rule', 'extends: redaction-audit:recommended\ntests:\n  - text: x\n    absent: [no-such-rule]\n', 'invalid-test', 3, 5],
  ];
  for (const [name, text, code, line, column, hint] of cases) {
    it(`reports ${name} as ${code} at ${line}:${column}`, () => {
      const issues = issuesOf(text);
      expect(issues.map((i) => i.code)).toContain(code);
      const issue = issues.find((i) => i.code === code) as RuleSetIssue;
      expect([issue.line, issue.column]).toEqual([line, column]);
      expect(issue.source).toBe('mine.yaml');
      if (hint) expect(`${issue.message} ${issue.hint}`).toMatch(hint);
      expect(formatRuleSetIssue(issue)).toMatch(new RegExp(`^mine\\.yaml:${line}:${column}  ${code}  `));
    });
  }

  it('refuses an alias bomb without expanding it', () => {
    let text = 'a: &a [x, x, x, x, x, x, x, x, x]\n';
    let prev = 'a';
    for (let i = 0; i < 9; i++) {
      text += `b${i}: &b${i} [${Array(9).fill(`*${prev}`).join(', ')}]\n`;
      prev = `b${i}`;
    }
    expect(issuesOf(text).map((i) => i.code)).toEqual(['alias-limit']);
  });

  it('refuses hostile nesting and oversized files', () => {
    expect(issuesOf(`rules: ${'['.repeat(5000)}${']'.repeat(5000)}`)[0]?.code).toMatch(/too-deep|yaml-syntax|invalid-value/);
    expect(issuesOf(`# ${'x'.repeat(1_000_001)}`)[0]?.code).toBe('too-large');
    // 10 MB of plausible rules: refused by size before YAML parsing, at 1:1 of the file.
    const big = `rules:\n${'  r: { description: d, severity: warning, message: m, authority: a, check: forbid }\n'.repeat(130_000)}`;
    expect(big.length).toBeGreaterThan(10_000_000);
    const issue = issuesOf(big)[0];
    expect([issue?.code, issue?.line, issue?.column, issue?.source]).toEqual(['too-large', 1, 1, 'mine.yaml']);
  });

  it('never pollutes Object.prototype', () => {
    issuesOf('__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws, whatever the text', () => {
    for (const text of ['', '- a\n- b', 'rules: 3', 'rules:\n  a: []', '\u0000\u0001', ': : :', 'tests: {}', 'rules: { x: { check: forbid } }']) {
      expect(() => issuesOf(text)).not.toThrow();
    }
  });
});

describe('extends', () => {
  const files: Record<string, string> = {
    'a.yaml': 'extends: ./b.yaml\n',
    'b.yaml': 'extends: [./a.yaml]\n',
    'child.yaml': `extends: [redaction-audit:recommended]\nrules:\n  redact-no-code: off\n  foia-b3-no-statute: { severity: error, options: { samePage: false } }\n  my-rule:\n    ${RULE}\n    where: { family: foia, code: b9 }\n`,
  };
  const load = (ref: string): ParseRuleSetResult | undefined => {
    const name = ref.replace('./', '');
    const text = files[name];
    return text === undefined ? undefined : parseRuleSet(text, { source: name });
  };
  const resolve = (name: string) => {
    const parsed = load(name);
    if (!parsed?.ok) throw new Error('fixture does not parse');
    return resolveRuleSet(parsed.ruleSet, { load });
  };

  it('reports a cycle at the extends entry that closes it', () => {
    const result = resolve('a.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0]).toMatchObject({ code: 'extends-cycle', source: 'b.yaml', line: 1, column: 11 });
      expect(result.issues[0]?.message).toContain('a.yaml → b.yaml → a.yaml');
    }
  });

  it('reports a missing file', () => {
    const parsed = parseRuleSet('extends: ./nowhere.yaml\n', { source: 'x.yaml' });
    const result = parsed.ok ? resolveRuleSet(parsed.ruleSet, { load }) : parsed;
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.line, i.column])).toEqual([['extends-not-found', 1, 10]]);
  });

  it('lets a child turn rules off, override severity and options, and add rules', () => {
    const result = resolve('child.yaml');
    if (!result.ok) throw new Error(result.issues.map(formatRuleSetIssue).join('\n'));
    const ids = result.ruleSet.rules.map((r) => r.id);
    expect(ids).not.toContain('redact-no-code');
    expect(ids).toContain('my-rule');
    const b3 = result.ruleSet.rules.find((r) => r.id === 'foia-b3-no-statute');
    expect(b3?.severity).toBe('error');
    expect(b3?.options).toEqual({ attributes: 'statute', samePage: false });
    const def = result.ruleSet.definitions.find((d) => d.id === 'foia-b3-no-statute');
    expect(def).toMatchObject({ definedIn: 'redaction-audit:recommended', source: 'child.yaml' });
    // The override matters: with samePage false the second (b)(3) on the page now fires.
    const findings = analyze('(b)(3) 50 USC 403\n(b)(3)\n[REDACTED]\n(b)(9)', { ruleSets: [result.ruleSet] }).findings;
    expect(findings.map((f) => `${f.ruleId}:${f.span.start.line}:${f.severity}`)).toEqual(['foia-b3-no-statute:2:error', 'my-rule:4:warning']);
  });
});

describe('custom check kinds', () => {
  const noStampOnPageOne = defineCheck({
    kind: 'no-stamp-on-page-one',
    description: 'The first page carries no review stamp.',
    options: z.strictObject({ family: z.literal('stamp').default('stamp') }),
    run: (ctx, options) => (ctx.records.some((r) => r.family === options.family && r.page === 1) ? [] : [{ records: [] }]),
  });
  const text = 'rules:\n  stamp-first:\n    description: d\n    severity: info\n    message: no stamp on {{page}}\n    authority: local policy\n    check: no-stamp-on-page-one\n';

  it('are unknown unless registered, then run like built-ins', () => {
    expect(parseRuleSet(text, { source: 'c.yaml' }).ok).toBe(false);
    const parsed = parseRuleSet(text, { source: 'c.yaml', checks: [noStampOnPageOne] });
    if (!parsed.ok) throw new Error('should parse');
    const resolved = resolveRuleSet(parsed.ruleSet, { checks: [noStampOnPageOne] });
    if (!resolved.ok) throw new Error('should resolve');
    expect(analyze('SECRET', { ruleSets: [resolved.ruleSet] }).findings.map((f) => f.message)).toEqual(['no stamp on 1']);
    expect(analyze('DECLASSIFIED\nAuthority NND 959000', { ruleSets: [resolved.ruleSet] }).findings).toEqual([]);
  });

  it('refuse a kind name that is not kebab-case', () => {
    expect(() => defineCheck({ ...noStampOnPageOne, kind: 'NoStamp' })).toThrow(/kebab-case/);
  });
});

describe('the JSON Schema of rule files', () => {
  const shipped = JSON.parse(readFileSync(join(__dirname, '..', '..', 'rules', 'rule-set.schema.json'), 'utf8'));
  it('is generated from the zod schema (run `npm run schema` after changing it)', () => {
    expect(shipped).toEqual(JSON.parse(JSON.stringify(ruleSetJsonSchema())));
  });
  it('is referenced by every built-in rule set', () => {
    for (const name of ['recommended', 'strict', 'frus', 'state-department', 'cia-crest', 'fbi']) {
      expect(readFileSync(join(__dirname, '..', '..', 'rules', `${name}.yaml`), 'utf8')).toMatch(/^\$schema: \.\/rule-set\.schema\.json$/m);
    }
  });
});
