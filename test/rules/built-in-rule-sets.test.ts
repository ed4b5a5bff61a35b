import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BUILT_IN_CHECKS, BUILT_IN_RULE_SET_NAMES, defineCheck, getBuiltInRuleSet as getCoreBuiltInRuleSet, InvalidArgumentError, parseRuleSet, runRuleSetTests, withMinConfidence } from '../../src/index.js';
// The node entry's getBuiltInRuleSet loads the `pattern` check, which cia-crest runs.
import { getBuiltInRuleSet } from '../../src/node.js';
import { compileRuleSet } from '../../src/rules/compile-rule-set.js';
import { patternCheck } from '../../src/pattern.js';
// @ts-expect-error: a plain .mjs script without types
import { renderRuleSetsModule } from '../../scripts/embed-rules.mjs';

describe('built-in rule sets', () => {
  it('are embedded from rules/*.yaml (run `npm run generate` after editing them)', () => {
    expect(readFileSync(join(__dirname, '..', '..', 'src', 'rules', 'built-in-rule-sets.ts'), 'utf8')).toBe(renderRuleSetsModule());
  });

  it('are the six documented ones', () => {
    expect(BUILT_IN_RULE_SET_NAMES).toEqual(['cia-crest', 'fbi', 'frus', 'recommended', 'state-department', 'strict']);
  });

  const own = new Map<string, string>(); // rule id → the set that defines it
  for (const name of BUILT_IN_RULE_SET_NAMES) {
    const parsed = parseRuleSet(readFileSync(join(__dirname, '..', '..', 'rules', `${name}.yaml`), 'utf8'), { source: name, checks: [patternCheck] });
    if (!parsed.ok) throw new Error(`${name} does not parse`);
    for (const [id, rule] of parsed.ruleSet.rules) if (rule.check !== undefined) own.set(id, name);
  }

  it('hold at least 25 rules, each with a citation, a description and a kebab-case id', () => {
    expect(own.size).toBeGreaterThanOrEqual(25);
    for (const name of BUILT_IN_RULE_SET_NAMES) {
      for (const def of getBuiltInRuleSet(name).definitions) {
        expect(def.rule.authority ?? def.rule.url, def.id).toBeTruthy();
        expect(def.rule.description.length, def.id).toBeGreaterThan(10);
      }
    }
  });

  for (const name of BUILT_IN_RULE_SET_NAMES) {
    it(`${name}: every tests: case passes`, () => {
      const report = runRuleSetTests(getBuiltInRuleSet(name));
      const failures = report.outcomes.filter((o) => o.problems.length > 0).map((o) => `${o.name}: ${o.problems.join('; ')}`);
      expect(failures).toEqual([]);
      expect(report.passed).toBeGreaterThan(0);
    });
  }

  it('give every rule at least two firing cases and one non-firing case in the file that defines it', () => {
    for (const [id, name] of own) {
      const tests = getBuiltInRuleSet(name).tests;
      const firing = tests.filter((t) => t.expect.some((e) => e.rule === id)).length;
      const silent = tests.filter((t) => t.absent.includes(id)).length;
      expect({ id, firing: firing >= 2, silent: silent >= 1 }).toEqual({ id, firing: true, silent: true });
    }
  });

  it('load in the main entry without the pattern check, but for cia-crest, which says where the check is', () => {
    for (const name of BUILT_IN_RULE_SET_NAMES.filter((n) => n !== 'cia-crest')) expect(getCoreBuiltInRuleSet(name).rules.length, name).toBeGreaterThan(0);
    expect(() => getCoreBuiltInRuleSet('cia-crest')).toThrow(/needs a check kind that was not passed: the check kind "pattern" is not loaded: it lives in redaction-audit\/pattern.*import \{ patternCheck \} from 'redaction-audit\/pattern'/);
    const checks = [patternCheck];
    const crest = getCoreBuiltInRuleSet('cia-crest', { checks });
    expect(crest.rules.map((r) => r.id)).toContain('crest-stat-marker');
    expect(getCoreBuiltInRuleSet('cia-crest', { checks })).toBe(crest);
    // Cached per list of kinds, not per array: a list written anew at each call still hits.
    expect(getCoreBuiltInRuleSet('cia-crest', { checks: [patternCheck] })).toBe(crest);
    const custom = defineCheck({ kind: 'nothing', description: 'reports nothing', options: z.object({}), run: () => [] });
    expect(getBuiltInRuleSet('recommended', { checks: [custom] })).toBe(getBuiltInRuleSet('recommended', { checks: [custom] }));
    expect(getBuiltInRuleSet('recommended', { checks: [custom] })).not.toBe(getBuiltInRuleSet('recommended'));
    expect(getBuiltInRuleSet('redaction-audit:cia-crest').rules.map((r) => r.id)).toEqual(crest.rules.map((r) => r.id));
    // withMinConfidence compiles the rules again with the kinds they hold, whatever map is passed.
    for (const set of [withMinConfidence(crest, 0.8), withMinConfidence(crest, 0.8, new Map(BUILT_IN_CHECKS))]) {
      expect(set.rules.map((r) => [r.id, r.minConfidence >= 0.8])).toEqual(crest.rules.map((r) => [r.id, true]));
    }
    // Compiled from definitions without a kind a rule that is on needs: an error, not a rule dropped.
    expect(() => compileRuleSet(crest, new Map(BUILT_IN_CHECKS))).toThrow(InvalidArgumentError);
    expect(() => compileRuleSet(crest, new Map(BUILT_IN_CHECKS))).toThrow(/rule "crest-stat-marker" of redaction-audit:cia-crest runs the check kind "pattern", which is not among the checks passed \(.*\); it lives in redaction-audit\/pattern/);
  });

  it('catch a wrong expectation (the tests can fail)', () => {
    const set = getBuiltInRuleSet('recommended');
    const report = runRuleSetTests({ ...set, tests: [{ text: '(b)(10)', expect: [{ rule: 'foia-code-unknown', line: 2 }], absent: ['redact-no-code'] }, { text: '(b)(1)', expect: [], absent: ['foia-b3-no-statute'] }, { text: '(b)(3)', expect: [], absent: ['foia-b3-no-statute'] }] });
    expect(report.failed).toBe(2);
    expect(report.outcomes[0]?.problems[0]).toBe('foia-code-unknown: expected findings on line 2, got line 1');
  });
});

describe('the README', () => {
  it('lists every built-in rule with its set and severity', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `([a-z0-9-]+)` \| ([a-z-]+) \| (error|warning|info) \| ([a-z-]+) \|/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]} ${m[4]}`);
    const actual: string[] = [];
    for (const name of BUILT_IN_RULE_SET_NAMES) {
      const parsed = parseRuleSet(readFileSync(join(__dirname, '..', '..', 'rules', `${name}.yaml`), 'utf8'), { source: name, checks: [patternCheck] });
      if (!parsed.ok) throw new Error(name);
      for (const [id, rule] of parsed.ruleSet.rules) if (rule.check !== undefined) actual.push(`${id} ${name} ${rule.severity} ${rule.check}`);
    }
    expect(rows).toEqual(actual);
  });
});
