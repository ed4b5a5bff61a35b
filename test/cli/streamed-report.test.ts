import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';
import { createBaseline, type ReportInput } from '../../src/index.js';
import { reportRuleSets } from '../../src/cli/analyze-pdf-input.js';
import { visitSelected, type InputPlan } from '../../src/cli/analyze-selected.js';
import { createCheckPlan } from '../../src/cli/check-plan.js';
import type { CliIo, InputFailure } from '../../src/cli/cli-io.js';
import { leaveOutDocumentsBelow } from '../../src/cli/leave-out-documents-below.js';
import { runCli } from '../../src/cli/run-cli.js';
import { loadSelection } from '../../src/cli/select-documents.js';
import { createSpool, type Spool } from '../../src/cli/spool.js';
import { createReport } from '../../src/report/create-report.js';
import { formatReport, type Format } from '../../src/report/format-report.js';
import type { CsvTable } from '../../src/report/formatters/format-csv.js';

const ROOT = join(__dirname, '..', '..');
const STDIN = 'TOP SECRET\n\n[REDACTED] (b)(1) (b)(3)\n\n[2 lines not declassified]\n';
// Real documents: the examples, a folder of the fixture corpus, a PDF, standard input, and an input that does not exist.
const INPUTS = [join(ROOT, 'examples', 'documents'), join(ROOT, 'test', 'fixtures', 'corpus', 'dev'), join(ROOT, 'examples', 'pdf', 'redacted-cable.pdf'), '-', join(ROOT, 'missing.txt')];

function io(extra: Partial<CliIo> = {}): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    stdin: async () => new TextEncoder().encode(STDIN),
    ...extra,
    out: () => out,
    err: () => err,
  };
}

/** Every input analyzed and kept, in input order. */
async function analyzeAll(plan: (source: string) => InputPlan, out: CliIo): Promise<{ documents: ReportInput[]; errors: InputFailure[] }> {
  const selected = await loadSelection({}, out);
  const documents: ReportInput[] = [];
  const errors: InputFailure[] = [];
  await visitSelected(INPUTS, selected!.selection, plan, undefined, {}, out, (result) => {
    if (result.ok) documents.push(result.document);
    else errors.push(result.error);
  });
  return { documents, errors };
}

interface Flags {
  baseline?: string;
  quiet?: boolean;
  minConfidence?: number;
  table?: CsvTable;
}

/**
 * What `check` and `summary` wrote before they streamed: every document analyzed and kept, one
 * report made of them, rendered whole by the formatter. The reference the streamed output must equal.
 */
async function wholeReport(command: 'check' | 'summary', format: Format, flags: Flags): Promise<string> {
  const out = io();
  const selected = await loadSelection({}, out);
  const plan = command === 'check' ? createCheckPlan(selected!.config, flags.minConfidence !== undefined ? { minConfidence: flags.minConfidence } : {}, out) : undefined;
  const { documents, errors } = await analyzeAll(plan ? plan.plan : () => ({ key: '', options: { ruleSets: [] } }), out);
  const kept = leaveOutDocumentsBelow(documents, flags.minConfidence);
  const shown = flags.quiet ? kept.map((d) => ({ ...d, findings: d.findings.filter((f) => f.severity === 'error') })) : kept;
  const fromPdf = documents.some((d) => (d as ReportInput & { fromPdf?: boolean }).fromPdf === true);
  const baseline = flags.baseline ? JSON.parse((await import('node:fs')).readFileSync(flags.baseline, 'utf8')) : undefined;
  const report = createReport(shown, { errors, ruleSets: reportRuleSets(fromPdf, plan?.ruleSets ?? []), ...(baseline ? { baseline } : {}) });
  return formatReport(report, format, { view: command === 'check' ? 'findings' : 'summary', color: false, ...(flags.table ? { table: flags.table } : {}), pathStyle: 'posix', root: process.cwd() });
}

async function streamed(command: 'check' | 'summary', format: Format, flags: Flags): Promise<string> {
  const out = io();
  const argv = [command, ...INPUTS, '-f', format, '--no-progress'];
  if (flags.baseline) argv.push('--baseline', flags.baseline);
  if (flags.quiet) argv.push('-q');
  if (flags.minConfidence !== undefined) argv.push('--min-confidence', String(flags.minConfidence));
  if (flags.table) argv.push('--table', flags.table);
  const code = await runCli(argv, out);
  expect(code).toBe(2); // missing.txt
  return out.out();
}

// Half the findings accepted, and one entry that matches nothing any more.
const dir = tempDir('redaction-audit-streamed-');
const baselinePath = join(dir, 'baseline.json');
async function writeBaseline(): Promise<void> {
  const out = io();
  const selected = await loadSelection({}, out);
  const plan = createCheckPlan(selected!.config, {}, out)!;
  const { documents } = await analyzeAll(plan.plan, out);
  const baseline = createBaseline(documents.flatMap((d) => d.findings).filter((_, i) => i % 2 === 0));
  baseline.entries.push({ fingerprint: 'gone', ruleId: 'redact-no-code', source: join(ROOT, 'examples', 'documents', 'seed-003.txt'), message: 'fixed since' });
  writeFileSync(baselinePath, JSON.stringify(baseline));
}

describe('check and summary write, document by document, what the whole report rendered at once gives', () => {
  const checkCases: Array<[string, Flags]> = [
    ['', {}],
    ['with a baseline', { baseline: baselinePath }],
    ['--quiet --min-confidence 0.9', { quiet: true, minConfidence: 0.9 }],
  ];
  for (const format of ['text', 'json', 'markdown', 'sarif', 'github'] as const) {
    for (const [name, flags] of checkCases) {
      it(`check -f ${format} ${name}`, async () => {
        if (flags.baseline) await writeBaseline();
        const whole = await wholeReport('check', format, flags);
        expect(whole.length).toBeGreaterThan(100);
        expect(await streamed('check', format, flags)).toBe(whole);
      });
    }
  }
  const summaryCases: Array<[Format, Flags]> = [
    ['text', {}],
    ['json', {}],
    ['json', { minConfidence: 0.9 }],
    ['markdown', {}],
    ['csv', { table: 'codes' }],
    ['csv', { table: 'documents' }],
    ['csv', { table: 'pages' }],
    ['csv', { table: 'withholdings' }],
  ];
  for (const [format, flags] of summaryCases) {
    it(`summary -f ${format} ${JSON.stringify(flags)}`, async () => {
      const whole = await wholeReport('summary', format, flags);
      expect(whole.length).toBeGreaterThan(100);
      expect(await streamed('summary', format, flags)).toBe(whole);
    });
  }
});

describe('a streamed report keeps no document until the end', () => {
  it('writes each document to its spool files before the next document is taken', async () => {
    // The progress bar (stderr a terminal, 20 files or more) ticks as each input's result is taken, just before it is written.
    const events: string[] = [];
    const counting = (): Spool => {
      const spool = createSpool();
      return { ...spool, write: (text) => (events.push('write'), spool.write(text)) };
    };
    const out = io({ isTTY: { stdout: false, stderr: true }, spool: counting });
    const stderr = out.stderr;
    out.stderr = (s) => {
      if (s.startsWith('\r\u001b[2K[')) events.push('take');
      stderr(s);
    };
    const folder = join(ROOT, 'test', 'fixtures', 'corpus', 'dev');
    const code = await runCli(['check', folder, '-f', 'json', '-o', join(dir, 'report.json')], out);
    expect(code).toBeLessThan(2);
    const taken = events.filter((e) => e === 'take').length;
    expect(taken).toBeGreaterThanOrEqual(20);
    // Between one document taken and the next, that document's pieces (its JSON, its summary) were written out.
    const runs = events.join(' ').split('take').slice(1).map((run) => run.trim().split(' ').filter(Boolean).length);
    expect(runs).toHaveLength(taken);
    for (const writes of runs) expect(writes).toBeGreaterThanOrEqual(2);
  });
});
