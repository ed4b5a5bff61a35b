import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  analyze,
  createReport,
  csvField,
  escapeCell,
  FINGERPRINT_KEY,
  formatCsv,
  formatGithub,
  formatJson,
  formatMarkdown,
  formatReport,
  formatSarif,
  formatText,
  getBuiltInRuleSet,
  InvalidArgumentError,
  ReportSchema,
  type ReportInput,
} from '../../src/index.js';
import { sourceUri } from '../../src/report/formatters/format-sarif.js';
import { loadCorpusSet } from '../support/corpus.js';
import { sarifErrors } from '../support/sarif.js';

const SEEDS = join(__dirname, '..', '..', 'examples', 'documents');
const ruleSets = [getBuiltInRuleSet('strict')];

// One strict finding: a deletion with no code beside it, on a document that cites FOIA (issue 13: redact-no-code asks for that).
const ONE_FINDING = '[REDACTED] (b)(6)\n\n\n\n\n[REDACTED]\n';
function doc(text: string, source: string | null, options: { reviewDate?: string } = {}): ReportInput {
  return { ...analyze(text, { ...(source !== null ? { source } : {}), ruleSets, ...options }), text };
}

const seeds = readdirSync(SEEDS)
  .sort()
  .map((f) => doc(readFileSync(join(SEEDS, f), 'utf8'), `examples/documents/${f}`, f === 'seed-003.txt' ? { reviewDate: '1998-01-01' } : {}));
const report = createReport(seeds, { ruleSets, errors: [{ source: 'scans/broken.pdf', code: 'binary', reason: 'the file holds NUL bytes' }] });
const findings = report.documents.flatMap((d) => d.findings);

/** A small RFC 4180 reader for checking what formatCsv writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      (row = []), (field = ''), i++;
    } else field += ch;
  }
  return rows;
}

describe('createReport', () => {
  it('counts findings per severity and lists every rule of the sets', () => {
    expect(findings.length).toBeGreaterThan(10);
    expect(report.counts.error + report.counts.warning + report.counts.info).toBe(findings.length);
    expect(report.counts.error).toBeGreaterThan(0); // strict: redact-no-code and foia-b3-no-statute are errors
    expect(report.rules.map((r) => r.id)).toEqual(getBuiltInRuleSet('strict').definitions.map((d) => d.id).sort());
    expect(report.errors).toHaveLength(1);
  });

  it('applies a baseline: hidden findings are counted, not shown', () => {
    const baseline = { version: 1 as const, entries: findings.slice(0, 3).map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, source: f.source, message: f.message })) };
    const withBaseline = createReport(seeds, { ruleSets, baseline });
    expect(withBaseline.baseline?.suppressed).toBeGreaterThanOrEqual(3);
    expect(withBaseline.documents.flatMap((d) => d.findings).length).toBe(findings.length - (withBaseline.baseline?.suppressed ?? 0));
  });
});

describe('formatJson', () => {
  it('parses back with ReportSchema and is byte-stable', () => {
    const json = formatJson(report);
    expect(ReportSchema.safeParse(JSON.parse(json)).success).toBe(true);
    expect(formatJson(createReport(seeds, { ruleSets, errors: report.errors }))).toBe(json);
  });
  it('sorts the keys of every object', () => {
    const value = JSON.parse(formatJson(report));
    const check = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(check);
      else if (v && typeof v === 'object') {
        const keys = Object.keys(v);
        expect(keys).toEqual([...keys].sort());
        Object.values(v).forEach(check);
      }
    };
    check(value);
  });
  it('gives the summary view only tool, summary and errors', () => {
    expect(Object.keys(JSON.parse(formatJson(report, { view: 'summary' })))).toEqual(['errors', 'summary', 'tool']);
  });
});

describe('formatSarif', () => {
  const log = JSON.parse(formatSarif(report));
  const run = log.runs[0];

  it('validates against the official SARIF 2.1.0 schema', () => {
    expect(sarifErrors(log)).toEqual([]);
  });

  it('has one result per finding with rule index, level, 1-based region and a stable fingerprint', () => {
    expect(run.results).toHaveLength(findings.length);
    findings.forEach((f, i) => {
      const r = run.results[i];
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(f.ruleId);
      expect(r.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[f.severity]);
      expect(r.locations[0].physicalLocation.region).toMatchObject({ startLine: f.span.start.line, startColumn: f.span.start.column, charOffset: f.span.start.offset });
      expect(r.partialFingerprints[FINGERPRINT_KEY]).toBe(f.fingerprint);
    });
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('describes every rule with its citation', () => {
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'pa-code-range');
    expect(rule.fullDescription.text).toMatch(/Authority: /);
    expect(rule.defaultConfiguration.level).toBe('error');
  });

  it('turns unreadable inputs into tool execution notifications', () => {
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toContain('scans/broken.pdf');
  });

  it('encodes paths as URIs: relative to %SRCROOT%, absolute as file://, standard input as -, unnamed documents named', () => {
    const odd = createReport([doc(ONE_FINDING, '/tmp/A memo #1.txt'), doc(ONE_FINDING, 'C:\\scans\\b.txt'), doc(ONE_FINDING, '-'), doc(ONE_FINDING, null)], { ruleSets });
    const uris = (log: { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> }): Array<string | undefined> =>
      (log.runs[0]?.results ?? []).map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri);
    const windowsLog = JSON.parse(formatSarif(odd, { pathStyle: 'windows' }));
    expect(sarifErrors(windowsLog)).toEqual([]);
    expect(uris(windowsLog)).toEqual(['file:///tmp/A%20memo%20%231.txt', 'file:///C:/scans/b.txt', '-', 'document']);
    // On POSIX a backslash is part of a file name.
    const posixLog = JSON.parse(formatSarif(odd));
    expect(sarifErrors(posixLog)).toEqual([]);
    expect(uris(posixLog)[1]).toBe('C%3A%5Cscans%5Cb.txt');
  });

  it('keeps a backslash in a POSIX file name and never points above %SRCROOT% (item 20)', () => {
    expect(sourceUri('a\\b.txt')).toEqual({ uri: 'a%5Cb.txt', uriBaseId: '%SRCROOT%' });
    expect(sourceUri('a\\b.txt', { pathStyle: 'windows' })).toEqual({ uri: 'a/b.txt', uriBaseId: '%SRCROOT%' });
    expect(sourceUri('./docs/../memo.txt')).toEqual({ uri: 'memo.txt', uriBaseId: '%SRCROOT%' });
    expect(sourceUri('../other/memo.txt', { root: '/work/run' })).toEqual({ uri: 'file:///work/other/memo.txt' });
    expect(sourceUri('docs/../../memo.txt')).toEqual({ uri: '../memo.txt' });
    expect(sourceUri('/tmp/../etc/x.txt')).toEqual({ uri: 'file:///etc/x.txt' });
    const log = JSON.parse(formatSarif(createReport([doc(ONE_FINDING, '../up.txt')], { ruleSets }), { root: '/work/run' }));
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///work/up.txt', index: 0 });
  });

  it.skipIf(!loadCorpusSet('dev'))('stays valid on the whole dev corpus', () => {
    const set = loadCorpusSet('dev');
    const docs = (set?.documents ?? []).map((d) => doc(set?.text(d.file) ?? '', d.file));
    const big = JSON.parse(formatSarif(createReport(docs, { ruleSets })));
    expect(big.runs[0].results.length).toBeGreaterThan(40);
    expect(sarifErrors(big)).toEqual([]);
  });
});

describe('formatGithub', () => {
  it('prints one annotation per finding, then one per unreadable input', () => {
    const lines = formatGithub(report).trimEnd().split('\n');
    expect(lines).toHaveLength(findings.length + 1);
    expect(lines[0]).toMatch(/^::(error|warning|notice) file=examples\/documents\/seed-\d+\.txt,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z0-9-]+::.+$/);
    expect(lines.at(-1)).toBe('::error file=scans/broken.pdf,title=binary::scans/broken.pdf: the file holds NUL bytes');
  });
  it('escapes %, line breaks, and commas and colons in properties', () => {
    const r = createReport([doc(ONE_FINDING, 'a,b:c%.txt')], { ruleSets });
    const line = formatGithub(r).trim();
    expect(line).toContain('file=a%2Cb%3Ac%25.txt,');
    expect(line.split('\n')).toHaveLength(1);
  });
});

describe('formatMarkdown', () => {
  it('writes a per-code table whose counts equal the summary', () => {
    const md = formatMarkdown(report, { view: 'summary' });
    const section = md.slice(md.indexOf('## Codes\n'), md.indexOf('\n## ', md.indexOf('## Codes\n') + 1));
    const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Key') && !l.startsWith('| ---'));
    expect(rows.map((l) => { const cells = l.split(' | '); return [cells[0]?.slice(2), Number(cells[3])]; })).toEqual(report.summary.corpus.codes.map((c) => [c.key, c.count]));
  });
  it('escapes cells so document text cannot break the table or inject HTML', () => {
    expect(escapeCell('a | b\n<script>`x`</script> *y* [l](u) \\')).toBe('a \\| b &lt;script&gt;\\`x\\`&lt;/script&gt; \\*y\\* \\[l\\](u) \\\\');
    const md = formatMarkdown(createReport([doc('x | y <b>\n[REDACTED]\n', 'p|q.txt')], { ruleSets }), { view: 'summary' });
    const cells = (line: string): number => line.split(/(?<!\\)\|/).length;
    // Each table is a run of lines starting with "| ": every row must have as many cells as its header.
    for (const table of md.split(/\n(?!\| )/).map((block) => block.split('\n').filter((l) => l.startsWith('| '))).filter((t) => t.length > 0)) {
      for (const line of table) expect(cells(line), line).toBe(cells(table[0] as string));
    }
    expect(md).toContain('p\\|q.txt');
  });
  it('lists findings per document', () => {
    const md = formatMarkdown(report);
    expect(md).toContain('## examples/documents/seed-003.txt');
    expect(md.split('\n').filter((l) => /^\| \d+ \| \d+ \| \d+ \| (error|warning|info) \|/.test(l))).toHaveLength(findings.length);
  });
});

describe('formatCsv', () => {
  it('writes the same per-code counts as the summary, with a header', () => {
    const rows = parseCsv(formatCsv(report));
    expect(rows[0]).toEqual(['key', 'family', 'code', 'count', 'documents', 'first_source', 'first_page', 'label', 'authority']);
    expect(rows.slice(1).map((r) => [r[0], Number(r[3])])).toEqual(report.summary.corpus.codes.map((c) => [c.key, c.count]));
  });
  it('writes the withholding index, one row per withholding, quoting what needs it', () => {
    const rows = parseCsv(formatCsv(report, { table: 'withholdings' }));
    expect(rows.length - 1).toBe(report.summary.withholdings.length);
    expect(rows.every((r) => r.length === 10)).toBe(true);
  });
  it('quotes per RFC 4180 and defuses spreadsheet formulas', () => {
    expect(csvField('a,"b"\nc')).toBe('"a,""b""\\nc"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-2')).toBe("'-2");
    expect(csvField(-2)).toBe('-2');
    expect(csvField(null)).toBe('');
  });
});

describe('formatText', () => {
  it('colours only when asked', () => {
    expect(formatText(report)).not.toMatch(/\u001b\[/);
    expect(formatText(report, { color: true })).toMatch(/\u001b\[31merror/);
  });
  it('names unreadable inputs in every view', () => {
    for (const view of ['findings', 'summary', 'records'] as const) expect(formatText(report, { view })).toContain('scans/broken.pdf');
  });
});

describe('formatReport', () => {
  it('dispatches by format and refuses what it cannot do', () => {
    expect(formatReport(report, 'sarif')).toBe(formatSarif(report));
    expect(formatReport(report, 'csv', { table: 'documents' })).toBe(formatCsv(report, { table: 'documents' }));
    expect(() => formatReport(report, 'xml' as never)).toThrow(InvalidArgumentError);
    expect(() => formatReport(report, 'markdown', { view: 'records' })).toThrow(InvalidArgumentError);
  });
});
