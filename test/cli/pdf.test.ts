import { spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';
import { runCli } from '../../src/cli/run-cli.js';
import { boxOver, createPdf, drawBlackBox, drawLines, drawScan, markEncrypted } from '../support/make-pdf.js';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'dist', 'cli', 'main.js');
const EXAMPLE = join(ROOT, 'examples', 'pdf', 'redacted-cable.pdf');

async function run(argv: string[], stdin: Uint8Array = new Uint8Array(0)): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), stdin: async () => stdin });
  return { code, out, err };
}

type Json = {
  documents: Array<{ source: string; records: Array<{ key: string; page: number; raw: string; attributes: Record<string, unknown> }>; findings: Array<{ ruleId: string; page: number; message: string }> }>;
  errors: Array<{ source: string; code: string; reason: string }>;
  rules: Array<{ id: string }>;
};

/** A three-page PDF: codes on pages 1 and 3, a box over live text on page 3, a scan on page 2. */
async function releasePdf(): Promise<Uint8Array> {
  const { doc, font } = await createPdf();
  drawLines(doc.addPage([612, 792]), font, ['SECRET', '', 'The talks went well.   (b)(1)'], 72, 700);
  await drawScan(doc, doc.addPage([612, 792]));
  const three = doc.addPage([612, 792]);
  three.drawText('Present: Ambassador Rusk and Mr. Jones.', { x: 72, y: 700, size: 12, font });
  three.drawText('(b)(6)', { x: 500, y: 700, size: 12, font });
  drawBlackBox(three, boxOver(font, 'Mr. Jones', 'Present: Ambassador Rusk and ', 72, 700));
  return doc.save();
}

/** A PDF whose content stream is not compressed: its raw syntax holds the words as text. */
async function plainPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Courier);
  drawLines(doc.addPage([612, 792]), font, ['SECRET', '(b)(1) [REDACTED]'], 72, 700);
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}

function folder(): string {
  return tempDir('redaction-audit-pdf-');
}

describe('redaction-audit on PDFs', () => {
  it('check some.pdf: findings on the PDF\'s own pages, and the box over live text is an error', async () => {
    const dir = folder();
    const file = join(dir, 'release.pdf');
    writeFileSync(file, await releasePdf());
    const { code, out } = await run(['check', file, '--format', 'json']);
    expect(code).toBe(1);
    const json = JSON.parse(out) as Json;
    const doc = json.documents[0];
    expect(doc?.records.filter((r) => r.key.startsWith('foia:')).map((r) => [r.key, r.page])).toEqual([['foia:b1', 1], ['foia:b6', 3]]);
    expect(doc?.findings.map((f) => [f.ruleId, f.page])).toEqual(expect.arrayContaining([['pdf-page-without-text', 2], ['pdf-text-under-redaction', 3]]));
    expect(doc?.findings.some((f) => f.ruleId === 'redact-no-code')).toBe(false);
    expect(json.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['pdf-text-under-redaction', 'pdf-page-without-text', 'redact-no-code']));
    expect(out).not.toContain('Jones');
    const shown = await run(['check', file, '--format', 'json', '--show-hidden-text']);
    expect(shown.out).toContain('under it: \\"Mr. Jones\\"');
  });

  it('a folder mixing PDFs and text: PDFs found by their bytes, text-only PDFs never read as raw syntax', async () => {
    const dir = folder();
    copyFileSync(join(ROOT, 'examples', 'documents', 'seed-004.txt'), join(dir, 'a-memo.txt'));
    writeFileSync(join(dir, 'b-release.pdf'), await releasePdf());
    writeFileSync(join(dir, 'c-scan-without-ending'), await plainPdf());
    writeFileSync(join(dir, 'd-picture.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const { code, out } = await run(['scan', dir, '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as Json;
    expect(json.documents.map((d) => d.source.slice(dir.length + 1))).toEqual(['a-memo.txt', 'b-release.pdf', 'c-scan-without-ending']);
    const plain = json.documents[2];
    expect(plain?.records.map((r) => r.key)).toEqual(['classification:S', 'foia:b1', 'redaction:redacted']);
    // The same through a glob.
    const glob = JSON.parse((await run(['scan', `${dir}/*`, '--format', 'json'])).out) as Json;
    expect(glob.documents).toHaveLength(3);
    expect(glob.errors.map((e) => [e.source.split('/').pop(), e.code])).toEqual([['d-picture.png', 'binary']]);
  });

  it('encrypted, damaged and truncated PDFs are one error each, and the other files are still checked', async () => {
    const dir = folder();
    const { doc, font } = await createPdf();
    drawLines(doc.addPage(), font, ['SECRET'], 72, 700);
    markEncrypted(doc);
    writeFileSync(join(dir, 'a-encrypted.pdf'), await doc.save({ useObjectStreams: false }));
    writeFileSync(join(dir, 'b-damaged.pdf'), `%PDF-1.7\n${'garbage '.repeat(100)}\n%%EOF\n`);
    const good = await releasePdf();
    writeFileSync(join(dir, 'c-truncated.pdf'), good.slice(0, good.length >> 1));
    writeFileSync(join(dir, 'd-good.pdf'), good);
    copyFileSync(join(ROOT, 'examples', 'documents', 'seed-004.txt'), join(dir, 'e-memo.txt'));
    const { code, out, err } = await run(['check', dir, '--format', 'json']);
    expect(code).toBe(2);
    const json = JSON.parse(out) as Json;
    expect(json.errors.map((e) => [e.source.slice(dir.length + 1), e.code])).toEqual([['a-encrypted.pdf', 'encrypted'], ['b-damaged.pdf', 'damaged'], ['c-truncated.pdf', 'truncated']]);
    expect(json.documents.map((d) => d.source.slice(dir.length + 1))).toEqual(['d-good.pdf', 'e-memo.txt']);
    expect(err).toContain('a-encrypted.pdf: the PDF is encrypted with a password');
  });

  it('--stdin-filename names text and PDFs piped on standard input', async () => {
    const pdf = await run(['check', '-', '--stdin-filename', 'piped.pdf', '--format', 'json'], await releasePdf());
    const json = JSON.parse(pdf.out) as Json;
    expect(json.documents.map((d) => d.source)).toEqual(['piped.pdf']);
    expect(json.documents[0]?.findings.find((f) => f.ruleId === 'pdf-text-under-redaction')?.page).toBe(3);
    const text = await run(['scan', '-', '--stdin-filename', 'memo.txt'], new TextEncoder().encode('SECRET\n(b)(1)'));
    expect(text.out).toMatch(/^memo\.txt:1:1 {2}classification:S/m);
  });

  it('scan and summary say on standard error which pages have no text layer', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'release.pdf'), await releasePdf());
    const { err } = await run(['summary', dir]);
    expect(err).toContain('release.pdf: Page 2 has no text layer');
    expect(err).not.toContain('Jones');
    expect((await run(['summary', dir, '--quiet'])).err).toBe('');
  });

  it('an empty folder names PDFs among what it looked for; rules lists and explains the pdf rules', async () => {
    const empty = await run(['scan', folder()]);
    expect(empty.out + empty.err).toContain('holds no .txt, .md or PDF documents');
    const rules = await run(['rules']);
    expect(rules.out).toMatch(/^pdf {2}\(redaction-audit:pdf\): 2 rules, 2 on$/m);
    const explain = await run(['rules', '--explain', 'pdf-text-under-redaction']);
    expect(explain.out).toContain('Redacting with Confidence');
  });

  it('the installed binary checks the bundled example PDF on worker threads', () => {
    const dir = folder();
    copyFileSync(EXAMPLE, join(dir, 'cable.pdf'));
    copyFileSync(join(ROOT, 'examples', 'documents', 'seed-004.txt'), join(dir, 'memo.txt'));
    const result = spawnSync(process.execPath, [BIN, 'check', dir, '--jobs', '2', '--format', 'json'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout) as Json;
    const cable = json.documents.find((d) => d.source.endsWith('cable.pdf'));
    expect(cable?.findings.map((f) => [f.ruleId, f.page])).toEqual([
      ['pdf-text-under-redaction', 1],
      ['redact-no-code', 2],
      // No eo-oadr-after-1995: the cable gives no date of its own, and its OADR may be the
      // originator's, valid before 1995 (issue 13: the rule needs a document date before 1982).
    ]);
    expect(result.stdout).not.toContain('Petrov');
    // One thread gives the same report.
    expect(spawnSync(process.execPath, [BIN, 'check', dir, '--jobs', '1', '--format', 'json'], { encoding: 'utf8' }).stdout).toBe(result.stdout);
  });
});
