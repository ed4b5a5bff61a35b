import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, createBaseline, createReport, formatReport, getBuiltInRuleSet, type ReportInput } from '../../src/index.js';
import { leaveOutDocumentsBelow } from '../../src/cli/leave-out-documents-below.js';
import { createReportStream } from '../../src/report/create-report-stream.js';
import { createReportWriter } from '../../src/report/create-report-writer.js';
import type { Format, FormatReportOptions } from '../../src/report/format-report.js';
import { fillTokens, joinReportLayout } from '../../src/report/report-writer.js';
import { getPdfRuleSet } from '../../src/pdf/pdf-rule-set.js';
import type { Baseline } from '../../src/engine/baseline.js';
import type { ReportError } from '../../src/report/report.js';

const ROOT = join(__dirname, '..', '..');
const ruleSets = [getBuiltInRuleSet('recommended'), getBuiltInRuleSet('strict')];

function read(dir: string): ReportInput[] {
  return readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(ROOT, dir, f), 'utf8');
      return { ...analyze(text, { source: `${dir}/${f}`, ruleSets }), text };
    });
}

// Real documents: the examples and two folders of the fixture corpus (FRUS, JFK, CIA …).
const documents = [...read('examples/documents'), ...read('test/fixtures/corpus/dev'), ...read('test/fixtures/corpus/blind')];
const errors: ReportError[] = [
  { source: 'scans/broken.pdf', code: 'damaged', reason: 'the file is damaged' },
  { source: 'a|b*[c].txt', code: 'not-found', reason: 'no such file' },
];
const all = documents.flatMap((d) => d.findings);
// Half the findings accepted, and an entry that matches nothing (stale).
const baseline: Baseline = createBaseline(all.filter((_, i) => i % 2 === 0));
baseline.entries.push({ fingerprint: 'gone', ruleId: 'redact-no-code', source: 'examples/documents/seed-003.txt', message: 'fixed since' });

/** Every format and view `check` and `summary` write. */
const OUTPUTS: Array<[Format, FormatReportOptions]> = [
  ['text', { view: 'findings' }],
  ['text', { view: 'findings', color: true }],
  ['text', { view: 'summary' }],
  ['text', { view: 'records' }],
  ['json', { view: 'findings' }],
  ['json', { view: 'summary' }],
  ['markdown', { view: 'findings' }],
  ['markdown', { view: 'summary' }],
  ['sarif', { root: '/work/project' }],
  ['sarif', { pathStyle: 'windows' }],
  ['github', {}],
  ['csv', { table: 'codes' }],
  ['csv', { table: 'documents' }],
  ['csv', { table: 'pages' }],
  ['csv', { table: 'withholdings' }],
];

interface Case {
  inputs: ReportInput[];
  errors?: ReportError[];
  baseline?: Baseline;
  ruleSets?: Parameters<typeof createReport>[1] extends infer O ? (O extends { ruleSets?: infer R } ? R : never) : never;
}

/** The streamed output of a case: each document through `createReportStream` and the writer, sections kept in memory. */
function streamed(c: Case, format: Format, options: FormatReportOptions): string {
  const stream = createReportStream(c.baseline ? { baseline: c.baseline } : {});
  const writer = createReportWriter(format, options);
  const sections: string[][] = Array.from({ length: writer.sections }, () => []);
  for (const input of c.inputs) {
    const pieces = writer.document(stream.add(input));
    expect(pieces).toHaveLength(writer.sections);
    pieces.forEach((p, i) => sections[i]?.push(p));
  }
  const layout = writer.end(stream.end({ errors: c.errors ?? [], ruleSets: c.ruleSets ?? ruleSets }));
  return joinReportLayout(layout, sections);
}

function whole(c: Case, format: Format, options: FormatReportOptions): string {
  const report = createReport(c.inputs, { errors: c.errors ?? [], ruleSets: c.ruleSets ?? ruleSets, ...(c.baseline ? { baseline: c.baseline } : {}) });
  return formatReport(report, format, options);
}

const quiet = (docs: ReportInput[]): ReportInput[] => docs.map((d) => ({ ...d, findings: d.findings.filter((f) => f.severity === 'error') }));
// A finding of a rule that no rule set lists gets its own SARIF descriptor, after the listed rules.
const unlisted = documents.map((d, i) => (i === 3 ? { ...d, findings: d.findings.map((f, j) => (j === 0 ? { ...f, ruleId: 'custom-check' } : f)) } : d));

const CASES: Array<[string, Case]> = [
  ['the fixture documents', { inputs: documents }],
  ['with unreadable inputs', { inputs: documents, errors }],
  ['with a baseline (hidden findings, a stale entry)', { inputs: documents, errors, baseline }],
  ['--quiet (errors only)', { inputs: quiet(documents) }],
  ['--min-confidence 0.8', { inputs: leaveOutDocumentsBelow(documents, 0.8) }],
  ['the pdf rules listed (a PDF among the inputs), and an unlisted rule', { inputs: unlisted, ruleSets: [getPdfRuleSet(), ...ruleSets] }],
  ['a document without a source', { inputs: [{ ...(documents[2] as ReportInput), source: null }, ...documents.slice(0, 2)] }],
  ['no documents, only failures', { inputs: [], errors }],
  ['no documents at all', { inputs: [] }],
];

describe('streamed report writers give what the whole-report formatters give', () => {
  it('has documents with findings, withholdings and records to compare', () => {
    expect(documents.length).toBeGreaterThan(30);
    expect(all.length).toBeGreaterThan(50);
    expect(createReport(documents).summary.withholdings.length).toBeGreaterThan(50);
  });
  for (const [name, c] of CASES) {
    describe(name, () => {
      for (const [format, options] of OUTPUTS) {
        it(`${format} ${JSON.stringify(options)}`, () => {
          expect(streamed(c, format, options)).toBe(whole(c, format, options));
        });
      }
    });
  }
});

describe('fillTokens', () => {
  it('fills placeholders cut anywhere between chunks', () => {
    const text = 'a\u00000\u0000b\u000012\u0000c\u00001\u0000';
    const tokens = ['X', 'YY', ...Array.from({ length: 11 }, (_, i) => `Z${i}`)];
    const expected = 'aXbZ10cYY';
    for (let size = 1; size <= text.length; size++) {
      const chunks: string[] = [];
      for (let at = 0; at < text.length; at += size) chunks.push(text.slice(at, at + size));
      expect([...fillTokens(chunks, tokens)].join('')).toBe(expected);
    }
  });
});
