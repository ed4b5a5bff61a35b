import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import {
  analyze,
  createReport,
  formatCsv,
  formatGithub,
  formatMarkdown,
  formatRuleSetIssue,
  formatSarif,
  formatText,
  parseRuleSet,
  resolveRuleSet,
  type Report,
  type ReportInput,
  type ResolvedRuleSet,
} from '../../src/index.js';
import { sarifErrors } from '../support/sarif.js';
import { patternCheck } from '../../src/pattern.js';

// Every output channel escapes what came from a document, a file name or a rule file: no text
// can act on the terminal, forge a line, become HTML or a link, or start a workflow command.

/** Control characters that must never reach an output unescaped (the structural LF and CR of each format are checked apart). */
const CONTROL = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const HOSTILE_PIECES = ['\u001bc', '\u001b[8m', '\u001bM', '\u009b31m', '\u0007', '\u0000', '\r', '\n', '\nFORGED ', '\r\nFORGED ', '\u202e', '\u2028', '::error file=x,line=1::Injected', '<script>alert(1)</script>', '[click](javascript:alert(1))', '|', '=HYPERLINK("x")', '\ud800', '😀'];
const hostile = fc.array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));

/** A rule set whose message and description quote the document and the rule file. */
function ruleSetWith(description: string, authority: string): ResolvedRuleSet {
  const yaml = `rules:\n  echo-text:\n    description: ${JSON.stringify(`d${description}`)}\n    severity: error\n    message: "matched {{value}}"\n    authority: ${JSON.stringify(`a${authority}`)}\n    url: https://example.org/a(b)\n    check: pattern\n    options: { pattern: "(?s)X.*" }\n`;
  const parsed = parseRuleSet(yaml, { source: 'hostile.yaml', checks: [patternCheck] });
  if (!parsed.ok) throw new Error(parsed.issues.map(formatRuleSetIssue).join('\n'));
  const resolved = resolveRuleSet(parsed.ruleSet, { checks: [patternCheck] });
  if (!resolved.ok) throw new Error(resolved.issues.map(formatRuleSetIssue).join('\n'));
  return resolved.ruleSet;
}

function hostileReport(text: string, source: string, description: string, authority: string): Report {
  const ruleSets = [ruleSetWith(description, authority)];
  const doc: ReportInput = { ...analyze(`SECRET [REDACTED] (b)(1) ${text}\nX${text}`, { source, ruleSets }), text: `SECRET [REDACTED] (b)(1) ${text}\nX${text}` };
  return createReport([doc], {
    ruleSets,
    errors: [{ source, code: 'binary', reason: text }],
    baseline: { version: 1, entries: [{ fingerprint: 'f', ruleId: 'echo-text', source, message: text }] },
  });
}

/** Lines of an output, split on its structural line ends. */
const lines = (out: string, end = '\n'): string[] => out.split(end);

const RUNS = Math.min(Number(process.env.FUZZ_RUNS ?? 200), 2000);
let cases = 0;
afterAll(() => console.log(`escaping property: ${cases} hostile reports rendered in every format (FUZZ_RUNS capped at 2000)`));

describe('one escaping function per output channel', () => {
  it('text, Markdown, CSV, GitHub annotations and SARIF show no control character and forge no line', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (text, source, description, authority) => {
        cases += 1;
        const report = hostileReport(text, source, description, authority);
        for (const view of ['findings', 'summary', 'records'] as const) {
          const out = formatText(report, { view });
          expect(out, `text ${view}`).not.toMatch(CONTROL);
          expect(out.includes('\r')).toBe(false);
          for (const line of lines(out)) expect(line.startsWith('FORGED')).toBe(false);
        }
        for (const view of ['findings', 'summary'] as const) {
          const out = formatMarkdown(report, { view });
          expect(out, `markdown ${view}`).not.toMatch(CONTROL);
          expect(out).not.toMatch(/<script|(^|[^\\])\]\(javascript:/m);
          for (const line of lines(out)) expect(line.startsWith('FORGED')).toBe(false);
        }
        for (const table of ['codes', 'documents', 'pages', 'withholdings'] as const) {
          const out = formatCsv(report, { table });
          expect(out, `csv ${table}`).not.toMatch(CONTROL);
          for (const line of lines(out, '\r\n')) {
            expect(line.includes('\n') || line.includes('\r')).toBe(false);
            expect(line.startsWith('FORGED')).toBe(false);
          }
        }
        const github = formatGithub(report);
        expect(github).not.toMatch(CONTROL);
        for (const line of lines(github).filter(Boolean)) expect(line).toMatch(/^::(error|warning|notice) file=[^\n]*::/);
        const sarif = JSON.parse(formatSarif(report));
        expect(sarifErrors(sarif)).toEqual([]);
        const texts: string[] = [];
        const collect = (v: unknown, key = ''): void => {
          if (typeof v === 'string' && ['text', 'markdown'].includes(key)) texts.push(v);
          else if (Array.isArray(v)) v.forEach((x) => collect(x));
          else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x, k);
        };
        collect(sarif);
        for (const t of texts.map((x) => x.replace(/\n\n\[More\]\(https:\/\/example\.org\/a%28b%29\)$/, ''))) {
          expect(t).not.toMatch(CONTROL);
          expect(t).not.toMatch(/(^|[^\\])\[[^\]]*[^\\]\]\(/); // no embedded link [text](target) but the rule's own
        }
        // Plain-text fields stay literal (a viewer shows them as text); Markdown fields must not carry HTML.
        for (const rule of sarif.runs[0].tool.driver.rules) expect(rule.help.markdown).not.toMatch(/<script/);
        expect(sarif.runs[0].tool.driver.rules[0].help.markdown).toMatch(/\[More\]\(https:\/\/example\.org\/a%28b%29\)$/);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps the text report of an ESC-laden document on its lines (item 15)', () => {
    const text = '[\u001bc not declassified] \u001bM (b)(1)\nX\u001b[32m✔ 0 findings\u001b[8m';
    const report = hostileReport(text, 'memo.txt', 'd', 'a');
    const out = formatText(report, { view: 'findings' });
    expect(out).not.toContain('\u001b');
    expect(out).toContain('\\x1b[32m✔ 0 findings\\x1b[8m');
    expect(formatText(report, { view: 'records' })).toContain('[\\x1bc not declassified]');
  });
});

describe('the CLI escapes file names on stdout and stderr (items 15, 16)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ra-escape-'));
  const forged = join(dir, 'a\n::error file=forged.txt,line=1::Injected\n.txt');
  const forgedScan = join(dir, 'b\nforged.txt:1:1  foia:b9  FORGED  marking  1.00\n.txt');
  writeFileSync(forged, '\u0000binary');
  writeFileSync(forgedScan, '(b)(1)\n');
  async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), stdin: async () => new Uint8Array() });
    return { code, out, err };
  }

  it('check -f github: no workflow command comes from a file name, on stdout or on stderr', async () => {
    const { code, out, err } = await run(['check', forged, '--format', 'github']);
    expect(code).toBe(2);
    expect(lines(out).filter(Boolean)).toHaveLength(1);
    expect(lines(err).filter((l) => l.startsWith('::'))).toEqual([]);
    expect(err).toContain('a\\n::error file=forged.txt,line=1::Injected\\n.txt');
  });

  it('scan: a file name cannot forge record lines', async () => {
    const { out } = await run(['scan', forgedScan]);
    expect(lines(out).filter(Boolean)).toHaveLength(1);
    expect(out).not.toMatch(/^forged\.txt/m);
  });
});
