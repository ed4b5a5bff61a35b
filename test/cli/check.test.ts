import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';

const ROOT = join(__dirname, '..', '..');
const SEEDS = join(ROOT, 'examples', 'documents');
const SEED3 = join(SEEDS, 'seed-003.txt');

async function run(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), stdin: async () => new TextEncoder().encode(stdin) });
  return { code, out, err };
}

const RULE = 'description: d\n    severity: warning\n    message: "found {{raw}}"\n    authority: a\n    check: forbid\n';

describe('redaction-audit check', () => {
  it('flags the deletions of seed 003 that have no code beside them, and the (c)(7)-style codes', async () => {
    const { code, out } = await run(['check', SEEDS, '--format', 'json']);
    expect(code).toBe(0); // warnings only; --fail-on defaults to error
    type F = { ruleId: string; source: string; span: { start: { line: number; column: number } }; message: string };
    const findings: F[] = JSON.parse(out).documents.flatMap((d: { findings: F[] }) => d.findings);
    const at = (f: F): string => `${f.source.replace(`${SEEDS}/`, '')}:${f.span.start.line}:${f.span.start.column}`;
    expect(findings.filter((f) => f.ruleId === 'redact-no-code').map(at)).toEqual([
      'seed-003.txt:86:1', 'seed-003.txt:110:1', 'seed-003.txt:112:1', 'seed-003.txt:120:1', 'seed-003.txt:122:1', 'seed-003.txt:140:1', 'seed-003.txt:190:14',
    ]);
    expect(findings.filter((f) => f.ruleId === 'eo-review-code-unknown').map((f) => f.message.split(' ')[0])).toEqual(['(X)', '(c)(7)', '(c)(1)', '(c)(2)']);
    expect(findings.filter((f) => f.ruleId === 'ocr-repaired-code')).toHaveLength(4);
    expect(findings.some((f) => f.ruleId === 'eo-oadr-after-1995')).toBe(false);
  });

  it('prints the findings grouped by document, each as line:column severity message rule, then the totals', async () => {
    const { out } = await run(['check', SEEDS]);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe(`${SEEDS}/seed-003.txt`);
    // Since issue 13 redact-no-code asks for a FOIA or Privacy Act code elsewhere in the document.
    expect(lines.filter((l) => /^ {2}\d+:\d+ +warning +\[REDACTED\] has no exemption code .* redact-no-code$/.test(l))).toHaveLength(7);
    expect(lines.at(-1)).toMatch(/^⚠ \d+ findings \(0 errors, \d+ warnings, \d+ info\) in 5 documents$/);
    expect(out).not.toMatch(/\u001b\[/); // no colour when not on a terminal
  });

  it('gives one obsolete-OADR finding when the review is dated 1998, none for the 1993 review on the stamp', async () => {
    const as1993 = await run(['check', SEED3, '--format', 'json']);
    const doc = JSON.parse(as1993.out).documents[0];
    expect(doc.assessment.reviewDate.iso).toBe('1993-03-13');
    expect(doc.findings.filter((f: { ruleId: string }) => f.ruleId === 'eo-oadr-after-1995')).toEqual([]);
    const as1998 = await run(['check', SEED3, '--review-date', '1998-01-01', '--fail-on', 'info']);
    const oadr = as1998.out.split('\n').filter((l) => l.endsWith('eo-oadr-after-1995'));
    expect(oadr).toHaveLength(1);
    // Information since issue 13: the review that wrote an OADR need not be the latest one.
    expect(oadr[0]).toMatch(/^ {2}120:12 +info +11 OADR marking\(s\) on a review dated 1998-01-01/);
    expect(as1998.code).toBe(1);
  });

  it('adds findings and assessment to each document of the scan JSON', async () => {
    const json = JSON.parse((await run(['check', SEEDS, '--format', 'json'])).out);
    expect(Object.keys(json.documents[0])).toEqual(['assessment', 'dates', 'findings', 'pages', 'records', 'source']);
    expect(Object.keys(json)).toEqual(['baseline', 'counts', 'documents', 'errors', 'rules', 'summary', 'tool']);
    expect(json.documents.map((d: { assessment: { status: string } }) => d.assessment.status)).toEqual(['released-in-full', 'unmarked', 'released-in-part', 'released-in-part', 'released-in-full']);
    expect(json.errors).toEqual([]);
  });

  it('exits 1 at --fail-on warning, 0 on a clean document', async () => {
    expect((await run(['check', SEED3, '--fail-on', 'warning'])).code).toBe(1);
    expect((await run(['check', '-'], 'The talks went well.\n')).code).toBe(0);
  });

  it('exits 2 with file:line:col, a code and a hint for each bad rule file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-rules-'));
    const files: Record<string, [string, RegExp]> = {
      'syntax.yaml': ['rules:\n  a: [1, 2\n', /syntax\.yaml:3:1 {2}yaml-syntax {2}/],
      'unknown-key.yaml': ['rules:\n  my-rule:\n    ' + RULE + '    sevrity: error\n', /unknown-key\.yaml:8:5 {2}unknown-key {2}unknown key "sevrity".*\n {4}hint: did you mean "severity"\?/],
      'unknown-check.yaml': ['rules:\n  my-rule:\n    ' + RULE.replace('forbid', 'forbd') + '\n', /unknown-check\.yaml:7:12 {2}unknown-check {2}.*\n {4}hint: did you mean "forbid"\?/],
      'placeholder.yaml': ['rules:\n  my-rule:\n    ' + RULE.replace('{{raw}}', '{{text}}'), /placeholder\.yaml:5:14 {2}unknown-placeholder {2}.*\{\{text\}\}.*\n {4}hint: /],
      'regex.yaml': ['rules:\n  my-rule:\n    ' + RULE.replace('forbid', 'pattern') + '    options: { pattern: "(x+x+)+y" }\n', /regex\.yaml:8:25 {2}catastrophic-pattern {2}.*\n {4}hint: rewrite/],
    };
    for (const [name, [text, expected]] of Object.entries(files)) {
      writeFileSync(join(dir, name), text);
      const { code, err, out } = await run(['check', SEED3, '--rules', join(dir, name)]);
      expect(code, name).toBe(2);
      expect(err, name).toMatch(expected);
      expect(out, name).toBe('');
    }
  });

  it('extends the built-ins from a user rule set and reads relative extends', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-ext-'));
    writeFileSync(join(dir, 'base.yaml'), 'extends: redaction-audit:recommended\nrules:\n  redact-no-code: off\n');
    writeFileSync(join(dir, 'agency.yaml'), 'extends: ./base.yaml\nrules:\n  eo-review-code-unknown: error\n');
    const { code, out } = await run(['check', SEED3, '--rules', join(dir, 'agency.yaml')]);
    expect(out).not.toContain('redact-no-code');
    expect(out).toMatch(/error {4}\(c\)\(7\) fits no known/);
    expect(code).toBe(1);
  });

  it('writes a baseline, then hides its findings and reports stale entries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-base-'));
    const doc = join(dir, 'memo.txt');
    writeFileSync(doc, '[REDACTED]\n\n\n\n\n(b)(10)\n');
    const baseline = join(dir, 'baseline.json');
    expect((await run(['check', doc, '--write-baseline', baseline])).code).toBe(0);
    expect(JSON.parse(readFileSync(baseline, 'utf8')).entries.map((e: { ruleId: string }) => e.ruleId)).toEqual(['foia-code-unknown', 'redact-no-code']);
    writeFileSync(doc, 'A new opening line.\n[REDACTED]\n\n\n\n\n(b)(6)\n');
    const { code, out } = await run(['check', doc, '--baseline', baseline, '--fail-on', 'info']);
    expect(out).toContain('0 findings');
    expect(out).toContain('1 hidden by the baseline');
    expect(out).toMatch(/baseline entry no longer matches: .*foia-code-unknown/);
    expect(code).toBe(0);
  });

  it('refuses a badly written date with exit 2', async () => {
    const { code, err } = await run(['check', SEED3, '--review-date', '13/3/93']);
    expect(code).toBe(2);
    expect(err).toMatch(/--review-date must be a date written YYYY-MM-DD or YYYY/);
  });
});

describe('redaction-audit test-rules', () => {
  it('passes on every built-in rule set', async () => {
    const { code, out } = await run(['test-rules']);
    expect(code).toBe(0);
    expect(out).toMatch(/ok {4}redaction-audit:recommended: \d+ passed, 0 failed/);
    expect(out.trim().split('\n').at(-1)).toMatch(/^\d+ case\(s\): \d+ passed, 0 failed$/);
  });

  it('exits 1 on a failing case and names it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-tr-'));
    const file = join(dir, 'mine.yaml');
    writeFileSync(file, 'extends: redaction-audit:recommended\ntests:\n  - name: wrong line\n    text: "(b)(10)"\n    expect: [{ rule: foia-code-unknown, line: 3 }]\n');
    const { code, out } = await run(['test-rules', file]);
    expect(code).toBe(1);
    expect(out).toContain('tests[0] wrong line');
    expect(out).toContain('foia-code-unknown: expected findings on line 3, got line 1');
  });
});
