import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/run-cli.js';
import { sarifErrors } from '../support/sarif.js';

const ROOT = join(__dirname, '..', '..');
const SEEDS = join(ROOT, 'examples', 'documents');

async function run(argv: string[], extra: Partial<CliIo> = {}, stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), stdin: async () => new TextEncoder().encode(stdin), ...extra });
  return { code, out, err };
}

function csvRows(text: string): string[][] {
  // The code table has no quoted commas in key and count, the two columns compared here.
  return text.trimEnd().split('\r\n').map((l) => l.split(','));
}

describe('redaction-audit summary', () => {
  it('prints a per-code Markdown table whose counts match the records, and JSON and CSV agree with it', async () => {
    const md = await run(['summary', SEEDS, '--format', 'markdown']);
    const json = await run(['summary', SEEDS, '--format', 'json']);
    const csv = await run(['summary', SEEDS, '--format', 'csv']);
    const scan = await run(['scan', SEEDS, '--format', 'json']);
    expect([md.code, json.code, csv.code, scan.code]).toEqual([0, 0, 0, 0]);

    // What the records say: markings (not mentions, not page markers) per key.
    const fromRecords = new Map<string, number>();
    for (const d of JSON.parse(scan.out).documents) {
      for (const r of d.records) if (r.role !== 'mention' && r.family !== 'page') fromRecords.set(r.key, (fromRecords.get(r.key) ?? 0) + 1);
    }
    const section = md.out.slice(md.out.indexOf('## Codes\n'), md.out.indexOf('\n## ', md.out.indexOf('## Codes\n') + 1));
    const mdCounts = new Map(section.split('\n').filter((l) => /^\| [a-z]+:/.test(l)).map((l) => { const c = l.split(' | '); return [c[0]?.slice(2) as string, Number(c[3])]; }));
    const jsonCounts = new Map(JSON.parse(json.out).summary.corpus.codes.map((c: { key: string; count: number }) => [c.key, c.count]));
    const csvCounts = new Map(csvRows(csv.out).slice(1).map((r) => [r[0] as string, Number(r[3])]));
    expect(mdCounts.size).toBeGreaterThan(10);
    expect(mdCounts).toEqual(fromRecords);
    expect(jsonCounts).toEqual(mdCounts);
    expect(csvCounts).toEqual(mdCounts);
  });

  it('writes the withholding index as CSV and to --output, creating the directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-out-'));
    const file = join(dir, 'nested', 'vaughn.csv');
    const { code, out, err } = await run(['summary', SEEDS, '--format', 'csv', '--table', 'withholdings', '--output', file]);
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(err).toContain(`wrote ${file}`);
    const rows = readFileSync(file, 'utf8').trimEnd().split('\r\n');
    expect(rows[0]).toBe('source,page,page_label,line,column,kind,withheld,codes,extent,context');
    expect(rows.length).toBeGreaterThan(8);
  });
});

describe('redaction-audit check: formats and flags', () => {
  it('--format sarif validates against the SARIF 2.1.0 schema', async () => {
    const { code, out } = await run(['check', SEEDS, '--format', 'sarif', '--review-date', '1998-01-01', '--fail-on', 'warning']);
    expect(code).toBe(1);
    const log = JSON.parse(out);
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs[0].results.length).toBeGreaterThan(10);
  });

  it('--format github prints one annotation per finding', async () => {
    const json = JSON.parse((await run(['check', SEEDS, '--format', 'json'])).out);
    const count = json.documents.reduce((a: number, d: { findings: unknown[] }) => a + d.findings.length, 0);
    const { out } = await run(['check', SEEDS, '--format', 'github']);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(count);
    expect(lines.every((l) => /^::(error|warning|notice) file=/.test(l))).toBe(true);
  });

  it('--quiet shows errors only and the exit code follows them', async () => {
    const quiet = await run(['check', SEEDS, '--quiet', '--format', 'json', '--fail-on', 'warning']);
    const severities = JSON.parse(quiet.out).documents.flatMap((d: { findings: Array<{ severity: string }> }) => d.findings.map((f) => f.severity));
    expect(severities.every((s: string) => s === 'error')).toBe(true);
    expect(quiet.code).toBe(0);
    expect((await run(['check', SEEDS, '--fail-on', 'warning'])).code).toBe(1);
  });

  it('expands glob patterns and reports a pattern that matches nothing, still checking the rest', async () => {
    const { code, out } = await run(['check', `${SEEDS}/seed-00[34].txt`, `${SEEDS}/*.pdf`, '--format', 'json']);
    const json = JSON.parse(out);
    expect(json.documents.map((d: { source: string }) => d.source.split('/').pop())).toEqual(['seed-003.txt', 'seed-004.txt']);
    expect(json.errors).toEqual([{ source: `${SEEDS}/*.pdf`, code: 'no-match', reason: 'the pattern matches no file' }]);
    expect(code).toBe(2);
  });

  it('colours by --color/--no-color, then NO_COLOR and FORCE_COLOR, then the terminal', async () => {
    const esc = /\u001b\[/;
    const args = ['check', join(SEEDS, 'seed-003.txt')];
    expect((await run(args, { isTTY: { stdout: true, stderr: true } })).out).toMatch(esc);
    expect((await run(args, { isTTY: { stdout: true, stderr: true }, env: { NO_COLOR: '1' } })).out).not.toMatch(esc);
    expect((await run(args, { env: { FORCE_COLOR: '1' } })).out).toMatch(esc);
    expect((await run([...args, '--color'])).out).toMatch(esc);
    expect((await run([...args, '--no-color'], { env: { FORCE_COLOR: '1' } })).out).not.toMatch(esc);
  });

  it('draws a progress bar on a terminal for runs of 20 files or more, never on stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-many-'));
    for (let i = 0; i < 25; i++) writeFileSync(join(dir, `doc-${String(i).padStart(2, '0')}.txt`), `SECRET\n[REDACTED] (b)(${(i % 9) + 1})\n`);
    const tty = await run(['summary', dir, '--format', 'json'], { isTTY: { stdout: false, stderr: true } });
    expect(tty.err).toContain('25/25');
    expect(() => JSON.parse(tty.out)).not.toThrow();
    expect((await run(['summary', dir], { isTTY: { stdout: false, stderr: false } })).err).toBe('');
    expect((await run(['summary', dir, '--no-progress'], { isTTY: { stdout: false, stderr: true } })).err).toBe('');
  });
});

describe('pattern rules in the CLI', () => {
  // The main entry leaves the `pattern` check (and its RE2 engine) out; the CLI loads it, in the
  // main thread and in worker threads alike.
  it('runs cia-crest\'s pattern rule on every document, with one job and with two', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-pattern-'));
    for (let i = 0; i < 3; i++) writeFileSync(join(dir, `doc-${i}.txt`), `SECRET\nThe source reported\nSTATINTL\nthat the shipment left.\n`);
    // The built program, so that --jobs 2 runs the worker threads (runCli in-process has none).
    for (const jobs of ['1', '2']) {
      const { status: code, stdout: out, stderr: err } = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), 'check', dir, '--rules', 'cia-crest', '--format', 'json', '--jobs', jobs], { encoding: 'utf8' });
      expect(err, jobs).toBe('');
      expect(code, jobs).toBe(0);
      const report = JSON.parse(out) as { documents: Array<{ findings: Array<{ ruleId: string; span: { start: { line: number } } }> }> };
      const stat = report.documents.flatMap((d) => d.findings.filter((f) => f.ruleId === 'crest-stat-marker').map((f) => f.span.start.line));
      expect(stat, jobs).toEqual([3, 3, 3]);
    }
  });
});

describe('REDACTION_AUDIT_TIMING', () => {
  const BIN = join(ROOT, 'dist', 'cli', 'main.js');
  it('prints when the command was loaded and the run finished, in order, and only when asked', () => {
    const timed = spawnSync(process.execPath, [BIN, 'scan', join(SEEDS, 'seed-000.txt'), '-q'], { encoding: 'utf8', env: { ...process.env, REDACTION_AUDIT_TIMING: '1' } });
    expect(timed.status).toBe(0);
    const m = /^redaction-audit: timing: Node ready at ([\d.]+) ms; command loaded at ([\d.]+) ms \(module loading ([\d.]+) ms\); finished at ([\d.]+) ms\n$/.exec(timed.stderr);
    expect(m, timed.stderr).not.toBeNull();
    const [ready, loaded, loading, finished] = (m as RegExpExecArray).slice(1).map(Number) as [number, number, number, number];
    expect(ready).toBeGreaterThan(0);
    expect(loaded).toBeGreaterThan(ready);
    expect(loading).toBeCloseTo(loaded - ready, 0);
    expect(finished).toBeGreaterThanOrEqual(loaded);
    const { REDACTION_AUDIT_TIMING: _, ...quiet } = process.env;
    expect(spawnSync(process.execPath, [BIN, 'scan', join(SEEDS, 'seed-000.txt'), '-q'], { encoding: 'utf8', env: quiet }).stderr).toBe('');
    // --version loads no command: nothing to time.
    expect(spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8', env: { ...process.env, REDACTION_AUDIT_TIMING: '1' } }).stderr).toBe('');
  });
});

describe('redaction-audit rules and init', () => {
  it('lists every built-in rule set with its rules', async () => {
    const { code, out } = await run(['rules']);
    expect(code).toBe(0);
    for (const name of ['recommended', 'strict', 'frus', 'state-department', 'cia-crest', 'fbi']) expect(out).toMatch(new RegExp(`^${name} +\\(redaction-audit:${name}\\): \\d+ rules`, 'm'));
    expect(out).toMatch(/^ {2}redact-no-code +warning +A deletion with no exemption code/m);
  });

  it('explains one rule with its check, message and citation, and exits 2 for an unknown one', async () => {
    const { code, out } = await run(['rules', '--explain', 'redact-no-code']);
    expect(code).toBe(0);
    expect(out).toContain('check      near');
    expect(out).toContain('authority  5 U.S.C. 552(b) (final sentences)');
    expect(out).toMatch(/frus +off/);
    const unknown = await run(['rules', '--explain', 'no-such-rule']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('no rule "no-such-rule"');
  });

  it('writes a config and a starter rule set whose tests pass and which check uses; refuses to overwrite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-init-'));
    const file = join(dir, 'rules', 'agency.yaml');
    mkdirSync(join(dir, 'rules'));
    expect((await run(['init', file], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'redaction-audit.config.yaml'), 'utf8')).toContain('"./rules/agency.yaml"');
    const tests = await run(['test-rules', file]);
    expect(tests.out).toContain('2 case(s): 2 passed, 0 failed');
    expect(tests.code).toBe(0);
    const doc = join(dir, 'memo.txt');
    writeFileSync(doc, '[REDACTED] (b)(8)\n\n\n\n\n[REDACTED]\n');
    const json = JSON.parse((await run(['check', doc, '--rules', file, '--format', 'json'])).out);
    expect(json.documents[0].findings.map((f: { ruleId: string; severity: string }) => `${f.ruleId}:${f.severity}`)).toEqual(['no-exemption-b8:warning', 'redact-no-code:error']);
    const again = await run(['init', file], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.err).toContain('already exists; pass --force');
    expect((await run(['init', file, '--force'], { cwd: dir })).code).toBe(0);
  });
});

describe('redaction-audit --help', () => {
  it('shows examples for the program and for each command', async () => {
    const top = await run(['--help']);
    expect(top.code).toBe(0);
    for (const cmd of ['scan', 'check', 'summary', 'rules', 'init', 'test-rules', 'eval']) expect(top.out).toContain(cmd);
    expect(top.out).toContain('Examples:');
    for (const cmd of ['scan', 'check', 'summary', 'rules']) expect((await run([cmd, '--help'])).out).toContain('Examples:');
  });
});

describe('--min-confidence (issue 13)', () => {
  it('scan, summary and check leave out the records below it; summary says how many', async () => {
    const all = JSON.parse((await run(['scan', SEEDS, '--format', 'json', '--jobs', '1'])).out);
    const sure = JSON.parse((await run(['scan', SEEDS, '--format', 'json', '--jobs', '1', '--min-confidence', '0.9'])).out);
    const records = (j: { documents: Array<{ records: Array<{ confidence: number }> }> }) => j.documents.flatMap((d) => d.records);
    const below = records(all).filter((r) => r.confidence < 0.9).length;
    expect(below).toBeGreaterThan(0);
    expect(records(sure)).toHaveLength(records(all).length - below);
    expect(records(sure).every((r) => r.confidence >= 0.9)).toBe(true);

    const summary = await run(['summary', SEEDS, '--jobs', '1', '--min-confidence', '0.9']);
    expect(summary.code).toBe(0);
    expect(summary.out).toContain(`${below} records below --min-confidence left out`);
    const json = JSON.parse((await run(['summary', SEEDS, '--format', 'json', '--jobs', '1', '--min-confidence', '0.9'])).out);
    expect(json.summary.corpus.belowConfidence).toBe(below);
    expect(JSON.parse((await run(['summary', SEEDS, '--format', 'json', '--jobs', '1'])).out).summary.corpus.belowConfidence).toBeUndefined();

    const check = JSON.parse((await run(['check', SEEDS, '--format', 'json', '--jobs', '1', '--min-confidence', '0.9'])).out);
    expect(check.documents.flatMap((d: { findings: Array<{ ruleId: string }> }) => d.findings.map((f) => f.ruleId))).not.toContain('ocr-repaired-code');
    expect(records(check).every((r) => r.confidence >= 0.9)).toBe(true);
  });

  it('refuses a value outside 0 to 1', async () => {
    const bad = await run(['scan', SEEDS, '--min-confidence', '1.5']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('expected a number from 0 to 1');
  });
});
