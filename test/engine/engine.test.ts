import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  analyze,
  applyBaseline,
  CheckError,
  createBaseline,
  defineCheck,
  getBuiltInRuleSet,
  parseRuleSet,
  resolveRuleSet,
  RuleTester,
  RuleTestError,
  type ResolvedRuleSet,
} from '../../src/index.js';
import { patternCheck } from '../../src/pattern.js';
import { findNestedRepetition } from '../../src/engine/safe-pattern.js';

const recommended = getBuiltInRuleSet('recommended');

function ruleSet(yaml: string, checks = [] as ReturnType<typeof defineCheck>[]): ResolvedRuleSet {
  const parsed = parseRuleSet(yaml, { source: 't.yaml', checks });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const resolved = resolveRuleSet(parsed.ruleSet, { checks });
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
  return resolved.ruleSet;
}

describe('RuleTester', () => {
  const tester = new RuleTester(recommended);
  it('passes valid and invalid cases asserting span and message', () => {
    tester.run('foia-code-unknown', {
      valid: ['(b)(1) (b)(6)', { text: '(k)(5)' }],
      invalid: [
        { text: 'FOIA\n(b)(1) (b)(10)', findings: [{ line: 2, column: 8, endLine: 2, endColumn: 15, message: /^\(b\)\(10\) is not a FOIA exemption/ }] },
      ],
    });
  });
  it('throws RuleTestError listing each failing case', () => {
    expect(() =>
      tester.run('foia-code-unknown', { valid: ['(b)(10)'], invalid: [{ text: '(b)(1)', findings: [{ line: 1 }] }] }),
    ).toThrow(RuleTestError);
    try {
      tester.run('foia-code-unknown', { valid: ['(b)(10)'], invalid: [{ text: '(b)(11)', findings: [{ line: 1, column: 2 }] }] });
    } catch (error) {
      expect((error as Error).message).toContain('valid[0]: expected no finding, got 1:1');
      expect((error as Error).message).toContain('invalid[0] finding 1: column 1, expected 2');
    }
  });
  it('refuses a rule the set does not have', () => {
    expect(() => tester.run('no-such-rule', { valid: [], invalid: [] })).toThrow(/no enabled rule/);
  });
});

describe('evaluate', () => {
  const text = '[REDACTED]\n\nSECRET\n\n\n\n(b)(10)\n(b)(l)';
  it('sorts findings by offset, then severity, then rule id, and is deterministic', () => {
    const a = analyze(text, { source: 'x.txt' }).findings;
    const b = analyze(text, { source: 'x.txt' }).findings;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const order = a.map((f) => [f.span.start.offset, f.ruleId]);
    expect(order).toEqual([...order].sort((x, y) => (x[0] as number) - (y[0] as number)));
    expect(a.map((f) => f.ruleId)).toEqual(['cls-banner-without-declass', 'redact-no-code', 'foia-code-unknown', 'ocr-repaired-code'].sort((x, y) => a.findIndex((f) => f.ruleId === x) - a.findIndex((f) => f.ruleId === y)));
    expect(a[0]).toMatchObject({ ruleId: 'redact-no-code', severity: 'warning', source: 'x.txt', page: 1, recordIds: ['redaction:redacted@0'] });
  });

  it('gives findings fingerprints that survive edits elsewhere in the text', () => {
    const before = analyze(text, { source: 'x.txt' }).findings;
    const after = analyze(`A new first paragraph.\n\n${text}`, { source: 'x.txt' }).findings;
    expect(after.map((f) => f.fingerprint).sort()).toEqual(before.map((f) => f.fingerprint).sort());
    expect(new Set(before.map((f) => f.fingerprint)).size).toBe(before.length);
  });

  it('wraps a throwing check in CheckError with the rule id and cause', () => {
    const boom = defineCheck({ kind: 'boom', description: 'throws', options: z.strictObject({}), run: () => { throw new Error('bang'); } });
    const set = ruleSet('rules:\n  explode:\n    description: d\n    severity: info\n    message: m\n    authority: a\n    check: boom\n', [boom]);
    expect(() => analyze('x', { ruleSets: [set] })).toThrow(CheckError);
    expect(() => analyze('x', { ruleSets: [set] })).toThrow(/rule "explode": check "boom" threw: bang/);
  });

  it('runs user patterns on the linear-time engine with UTF-16 positions', () => {
    const set = ruleSet('rules:\n  stat:\n    description: d\n    severity: info\n    message: "saw {{value}}"\n    authority: a\n    check: pattern\n    options: { pattern: "STAT(?:INTL)?", flags: i }\n', [patternCheck]);
    const findings = analyze('😀 stat\nSTATINTL', { ruleSets: [set] }).findings;
    expect(findings.map((f) => [f.span.start.offset, f.span.end.offset, f.message])).toEqual([[3, 7, 'saw stat'], [8, 16, 'saw STATINTL']]);
  });

  it('merges results for report: once and once-per-page', () => {
    const base = 'rules:\n  oadr:\n    description: d\n    severity: info\n    message: "{{count}} x {{code}}"\n    authority: a\n    check: forbid\n    where: { code: OADR }\n';
    const text2 = 'DECL: OADR\nDECL: OADR\n\f\nDECL: OADR';
    expect(analyze(text2, { ruleSets: [ruleSet(base)] }).findings).toHaveLength(3);
    expect(analyze(text2, { ruleSets: [ruleSet(`${base}    report: once\n`)] }).findings.map((f) => f.message)).toEqual(['3 x OADR']);
    expect(analyze(text2, { ruleSets: [ruleSet(`${base}    report: once-per-page\n`)] }).findings.map((f) => f.message)).toEqual(['2 x OADR', '1 x OADR']);
  });
});

describe('baseline', () => {
  it('hides recorded findings and reports entries that no longer match', () => {
    const first = analyze('[REDACTED]\n\n\n\n\n(b)(10)', { source: 'a.txt' }).findings;
    const baseline = createBaseline(first);
    expect(baseline.entries).toHaveLength(2);
    const later = analyze('Intro.\n[REDACTED]\n\n\n\n\n(b)(6)', { source: 'a.txt' }).findings;
    const applied = applyBaseline(later, baseline);
    expect(applied.suppressed).toBe(1);
    expect(applied.findings).toEqual([]);
    expect(applied.stale.map((e) => e.ruleId)).toEqual(['foia-code-unknown']);
  });
});

describe('findNestedRepetition', () => {
  const cases: Array<[string, string | undefined]> = [
    ['(a+)+$', '(a+)+'],
    ['(\\w*x)*', '(\\w*x)*'],
    ['(a|b+){2,}', '(a|b+){2,}'],
    ['((ab)*c)+', '((ab)*c)+'],
    ['(?:ab)+', undefined],
    ['a+b*', undefined],
    ['(a+)?', undefined],
    ['[(+)]+x', undefined],
    ['(a{1,3})+', '(a{1,3})+'],
    ['(a{3})+', undefined],
    ['\\(a+\\)+', undefined],
  ];
  for (const [pattern, found] of cases) {
    it(`${pattern} → ${found ?? 'safe'}`, () => expect(findNestedRepetition(pattern)).toBe(found));
  }
});
