import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, BUILT_IN_CHECKS, getBuiltInRuleSet, leaveOutBelowConfidence, parseRuleSet, resolveRuleSet, scan, withMinConfidence } from '../../src/index.js';

// Issue 13: each false alarm it names, on the real bench text where it occurred (excerpts in
// test/fixtures/issue-13, README there), and the evidence and confidence filters it asks for.
const fixture = (name: string): string => readFileSync(join(__dirname, '..', 'fixtures', 'issue-13', name), 'utf8');
const recommended = [getBuiltInRuleSet('recommended')];
const ruleIds = (text: string, options = {}): string[] => analyze(text, { ruleSets: recommended, ...options }).findings.map((f) => f.ruleId);

describe('issue 13: invalid codes only from real code tokens', () => {
  it('reads no Privacy Act or FOIA record from DI, DIA, J 4, D-4, b0, a j and a 4 on two lines, or a regulation\'s (d) (1)', () => {
    const { records } = scan(fixture('bare-tokens.txt'));
    expect(records.filter((r) => r.family === 'privacy' || r.family === 'foia').map((r) => r.raw)).toEqual([]);
    expect(ruleIds(fixture('bare-tokens.txt'))).not.toContain('pa-code-range');
    expect(ruleIds(fixture('bare-tokens.txt'))).not.toContain('foia-code-unknown');
  });

  it('still reports a code that does not exist when it is written as a code', () => {
    expect(ruleIds('(b)(6)\n(k)(9)')).toContain('pa-code-range');
    expect(ruleIds('(b)(1) (b)(10)')).toContain('foia-code-unknown');
  });

  it('keeps bare short forms that name an exemption (b6, b7C, k2 in a run)', () => {
    expect(scan('b6 b7C k2').records.map((r) => r.key)).toEqual(['foia:b6', 'foia:b7C', 'privacy:k2']);
    expect(scan('b6 DI b7C').records.map((r) => r.key)).toEqual(['foia:b6', 'foia:b7C']);
  });
});

describe('issue 13: evidence levels for dates', () => {
  it('dates a JFK release by its own 2025 release line, not by a letter of 1978 in the text', () => {
    const { assessment, findings } = analyze(fixture('jfk-release-letter-1978.txt'), { ruleSets: recommended });
    expect(assessment.reviewDate).toMatchObject({ year: 2025, source: 'stamp-field', explicit: true });
    expect(findings.map((f) => f.ruleId)).not.toContain('jfk-act-release-before-1992');
  });

  it('reads "Date: 2025" at the end of the release line as the release year', () => {
    const { assessment, findings } = analyze(fixture('jfk-release-case-date.txt'), { ruleSets: recommended });
    expect(assessment.reviewDate).toMatchObject({ year: 2025, source: 'stamp-field' });
    expect(findings.map((f) => f.ruleId)).not.toContain('jfk-act-release-before-1992');
  });

  it('takes the 1996 dateline, never the 1946 directive the text cites, as the document date', () => {
    const { assessment, findings } = analyze(fixture('x1-directive-1946.txt'), { ruleSets: recommended });
    expect(assessment.documentDate).toMatchObject({ iso: '1996-12-13', source: 'dateline', explicit: true });
    expect(findings.map((f) => f.ruleId)).not.toContain('eo-x-code-date');
  });

  it('never dates a document by a declassification instruction or a release word far back in a paragraph', () => {
    expect(scan('DECL X1; 12 November 2021').dates[0]?.cue).toBe('instruction');
    const long = `The review of the case went on for years and the committee met many times; ${'we talked. '.repeat(8)}on January 26, 1978 he wrote.`;
    expect(scan(long).dates[0]?.cue).toBe('prose');
    expect(scan('Approved For Release 2004/05/05 : CIA-RDP80').dates[0]?.cue).toBe('release');
    expect(scan('DRV FROM: HUM 1.1-86').dates).toEqual([]);
  });

  const errorOnDocumentDate = (weakEvidence?: 'skip'): ReturnType<typeof getBuiltInRuleSet> => {
    const parsed = parseRuleSet(`rules:
  x-date:
    description: X codes outside their window.
    severity: error
    message: "{{raw}} on a document dated {{date}}"
    authority: E.O. 12958
    check: valid-period
    options: { date: document${weakEvidence ? `, weakEvidence: ${weakEvidence}` : ''} }
    where: { family: declass, code: "X?" }
`);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const resolved = resolveRuleSet(parsed.ruleSet);
    if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
    return resolved.ruleSet;
  };

  it('gives a warning naming the date and where it was read when the date is weak evidence', () => {
    const text = 'MEMORANDUM\n\nCL BY: 0526335\nDECL ON: X1\n\nDATE: 22 January 1946';
    const [finding] = analyze(text, { ruleSets: [errorOnDocumentDate()] }).findings;
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toBe('X1 on a document dated 1946-01-22 (document date 1946-01-22, read from a form field at 6:7; pass --document-date to override)');
    expect(analyze(text, { ruleSets: [errorOnDocumentDate('skip')] }).findings).toEqual([]);
    // The caller's date is explicit: the same rule is an error.
    expect(analyze(text, { ruleSets: [errorOnDocumentDate()], documentDate: '1946-01-22' }).findings[0]?.severity).toBe('error');
    // A dateline at the head is explicit for its own page.
    expect(analyze('22 January 1946\n\nDECL ON: X1', { ruleSets: [errorOnDocumentDate()] }).findings[0]?.severity).toBe('error');
  });
});

describe('issue 13: confidence as a filter', () => {
  const text = 'SECRET\n(b)(1) (b)(3) 50 USC 3024(i)\nThe memorandum [REDACTED] was sent.\nDECL: OALR';

  it('scan and analyze leave out records below minConfidence and count them', () => {
    const all = scan(text).records;
    const sure = scan(text, { minConfidence: 0.9 });
    expect(sure.records.every((r) => r.confidence >= 0.9)).toBe(true);
    expect(sure.belowConfidence).toBe(all.filter((r) => r.confidence < 0.9).length);
    expect(sure.belowConfidence).toBeGreaterThan(0);
    expect(analyze(text, { minConfidence: 0.9 }).findings.map((f) => f.ruleId)).not.toContain('ocr-repaired-code');
    expect(leaveOutBelowConfidence(all, 0).belowConfidence).toBe(0);
    expect(() => scan(text, { minConfidence: 2 })).toThrow(/minConfidence must be a number from 0 to 1/);
  });

  it('a rule\'s minConfidence and a set\'s minConfidence leave low-confidence records out of the rule', () => {
    const base = 'rules:\n  ocr:\n    description: d\n    severity: info\n    message: m\n    authority: a\n    check: forbid\n    where: { family: declass }\n';
    const load = (yaml: string) => {
      const parsed = parseRuleSet(yaml);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      const resolved = resolveRuleSet(parsed.ruleSet);
      if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
      return resolved.ruleSet;
    };
    const count = (set: ReturnType<typeof load>): number => analyze(text, { ruleSets: [set] }).findings.length;
    expect(count(load(base))).toBe(1);
    expect(count(load(base.replace('check: forbid', 'check: forbid\n    minConfidence: 0.8')))).toBe(0);
    expect(count(load(`minConfidence: 0.8\n${base}`))).toBe(0);
    // A rule's own threshold wins over the set's.
    expect(count(load(`minConfidence: 0.8\n${base.replace('check: forbid', 'check: forbid\n    minConfidence: 0.5')}`))).toBe(1);
    // A set's threshold reaches the rules it extends.
    expect(analyze(text, { ruleSets: [load('extends: redaction-audit:recommended\nminConfidence: 0.8\n')] }).findings.map((f) => f.ruleId)).not.toContain('ocr-repaired-code');
    expect(analyze(text, { ruleSets: [withMinConfidence(getBuiltInRuleSet('recommended'), 0.8, new Map(BUILT_IN_CHECKS))] }).findings.map((f) => f.ruleId)).not.toContain('ocr-repaired-code');
  });
});
