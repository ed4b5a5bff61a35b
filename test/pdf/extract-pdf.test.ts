import { degrees, rgb, type PDFDocument, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { createReport, CSV_TABLES, formatReport, FORMATS, scan } from '../../src/index.js';
import { analyzePdf, extractPdf, isPdf, MASK } from '../../src/pdf.js';
import { addHighlight, addRedactMark, boxOver, createPdf, drawBlackBox, drawLines, drawScan, markEncrypted } from '../support/make-pdf.js';

/** Every rendering of a report of the document (each format, view and CSV table), joined: what any output could show. */
function everyOutput(result: Extract<Awaited<ReturnType<typeof analyzePdf>>, { ok: true }>): string {
  const report = createReport([result]);
  const views = ['findings', 'summary', 'records'] as const;
  const outputs = FORMATS.flatMap((format) => {
    if (format === 'csv') return CSV_TABLES.map((table) => formatReport(report, format, { table }));
    return views.filter((view) => !(format === 'markdown' && view === 'records')).map((view) => formatReport(report, format, { view }));
  });
  return [JSON.stringify(result), ...outputs].join('\n');
}

function findings(result: Awaited<ReturnType<typeof analyzePdf>>): string[] {
  if (!result.ok) throw new Error(`${result.code}: ${result.reason}`);
  return result.findings.map((f) => `${f.page} ${f.ruleId}`);
}

describe('extractPdf: text', () => {
  it('reads a text page in reading order, with its page size, text layer and word boxes', async () => {
    const { doc, font } = await createPdf();
    const page = doc.addPage([612, 792]);
    drawLines(page, font, ['SECRET', 'MEMORANDUM FOR THE RECORD', 'Subject: The talks'], 72, 700);
    const pdf = await extractPdf(await doc.save());
    expect(pdf.ok).toBe(true);
    if (!pdf.ok) return;
    expect(pdf.text).toBe('SECRET\nMEMORANDUM FOR THE RECORD\nSubject: The talks');
    expect(pdf.pageStarts).toEqual([0]);
    expect(pdf.pages).toEqual([{ number: 1, width: 612, height: 792, hasTextLayer: true, hasImages: false }]);
    expect(pdf.items[0]).toMatchObject({ page: 1, start: 0, end: 6 });
    const [left, bottom, right, top] = pdf.items[0]?.box ?? [];
    expect(left).toBe(72);
    expect(right).toBeCloseTo(72 + font.widthOfTextAtSize('SECRET', 12), 1);
    expect(bottom).toBeLessThan(700);
    expect(top).toBeGreaterThan(700);
    expect(pdf.boxes).toEqual([]);
  });

  it('puts a code in the margin on the line it stands beside, and a gap as spaces', async () => {
    const { doc, font } = await createPdf();
    const page = doc.addPage([612, 792]);
    page.drawText('The source met the officer in Vienna.', { x: 72, y: 700, size: 12, font });
    page.drawText('(b)(1)', { x: 480, y: 700, size: 12, font });
    const pdf = await extractPdf(await doc.save());
    if (!pdf.ok) throw new Error(pdf.reason);
    expect(pdf.text).toMatch(/^The source met the officer in Vienna\. {10,}\(b\)\(1\)$/);
  });

  it('numbers pages as the PDF does, and every record carries its page and box', async () => {
    const { doc, font } = await createPdf();
    for (const [i, code] of ['(b)(1)', '(b)(3)', '(b)(6)'].entries()) {
      const page = doc.addPage([612, 792]);
      drawLines(page, font, [`Page ${i + 1} of the cable.`], 72, 700);
      page.drawText(code, { x: 20, y: 400, size: 10, font });
    }
    const result = await analyzePdf(await doc.save(), { source: 'cable.pdf' });
    if (!result.ok) throw new Error(result.reason);
    expect(result.pdf.pages.map((p) => p.number)).toEqual([1, 2, 3]);
    const codes = result.records.filter((r) => r.family === 'foia');
    expect(codes.map((r) => [r.code, r.page])).toEqual([['b1', 1], ['b3', 2], ['b6', 3]]);
    for (const r of codes) {
      expect((r.attributes.box as number[])[0]).toBe(20);
      expect(result.text.slice(r.span.start.offset, r.span.end.offset)).toBe(r.raw);
    }
  });

  it('tells a PDF by its bytes, not its name', async () => {
    const { doc } = await createPdf();
    doc.addPage();
    expect(isPdf(await doc.save())).toBe(true);
    expect(isPdf(new TextEncoder().encode('SECRET\n(b)(1)'))).toBe(false);
    expect(isPdf(new TextEncoder().encode(`${' '.repeat(100)}%PDF-1.7`))).toBe(true);
  });
});

describe('extractPdf: redaction boxes', () => {
  const line = 'The informant John Smith met the officer.';
  const hidden = 'John Smith';
  const before = 'The informant ';

  it('finds a black box drawn over live text, masks the text, and never repeats it', async () => {
    const { doc, font } = await createPdf();
    const page = doc.addPage([612, 792]);
    page.drawText(line, { x: 72, y: 700, size: 12, font });
    page.drawText('(b)(6)', { x: 520, y: 700, size: 12, font });
    drawBlackBox(page, boxOver(font, hidden, before, 72, 700));
    const result = await analyzePdf(await doc.save(), { source: 'leak.pdf' });
    expect(findings(result)).toEqual(['1 pdf-text-under-redaction']);
    if (!result.ok) return;
    const finding = result.findings[0];
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toContain('covers 9 character(s)');
    expect(finding?.authority).toContain('Redacting with Confidence');
    expect(result.text.split('\n')[0]).toMatch(new RegExp(`^The informant ${MASK}{10} met the officer\\. +\\(b\\)\\(6\\)$`));
    const box = result.records.find((r) => r.key === 'redaction:blacked-out');
    expect(box?.attributes).toMatchObject({ hiddenCharacters: 9, boxKind: 'text-under', boxSource: 'content' });
    expect(result.assessment.redactions).toEqual([{ recordId: box?.id, page: 1, codes: ['foia:b6'], justified: true }]);
    const out = everyOutput(result);
    expect(out).toContain('met the officer'); // the text around the box is there, masked
    expect(out).not.toContain('John');
    expect(out).not.toContain('Smith');
  });

  it('shows the hidden text only when asked (showHiddenText)', async () => {
    const { doc, font } = await createPdf();
    const page = doc.addPage([612, 792]);
    page.drawText(line, { x: 72, y: 700, size: 12, font });
    drawBlackBox(page, boxOver(font, hidden, before, 72, 700));
    const result = await analyzePdf(await doc.save(), { showHiddenText: true });
    if (!result.ok) throw new Error(result.reason);
    expect(result.findings.find((f) => f.ruleId === 'pdf-text-under-redaction')?.message).toContain('under it: "John Smith"');
    expect(result.text).not.toContain('John');
  });

  it('reads a box over a whole paragraph as one redaction, one finding', async () => {
    const { doc, font } = await createPdf();
    const page = doc.addPage([612, 792]);
    drawLines(page, font, ['Summary of the meeting.', 'The source reported that the', 'minister will resign in May', 'and that his deputy agrees.', 'End of summary.'], 72, 700);
    drawBlackBox(page, { x: 70, y: 700 - 3 * 14.4 - 4, width: 200, height: 3 * 14.4 + 1 });
    page.drawText('(b)(1)', { x: 300, y: 700 - 14.4, size: 12, font });
    const result = await analyzePdf(await doc.save());
    expect(findings(result)).toEqual(['1 pdf-text-under-redaction']);
    if (!result.ok) return;
    const boxes = result.records.filter((r) => r.key === 'redaction:blacked-out');
    expect(boxes).toHaveLength(1);
    expect(boxes[0]?.attributes).toMatchObject({ lines: 3, boxKind: 'text-under' });
    expect(result.pdf.boxes[0]?.spans).toHaveLength(3);
    expect(result.text).not.toMatch(/minister|deputy|source/);
    expect(result.text.split('\n').slice(0, 5)).toEqual([
      'Summary of the meeting.',
      expect.stringMatching(new RegExp(`^${MASK}{20,} +\\(b\\)\\(1\\)$`)),
      expect.stringMatching(new RegExp(`^${MASK}{20,}$`)),
      expect.stringMatching(new RegExp(`^${MASK}{20,}$`)),
      'End of summary.',
    ]);
  });

  it('reads a rotated page upright', async () => {
    const { doc, font } = await createPdf();
    const page = doc.addPage([612, 792]);
    page.setRotation(degrees(90));
    // Drawn so that it reads upright once the page is turned: along the page's y axis.
    page.drawText('SECRET', { x: 100, y: 100, size: 12, font, rotate: degrees(90) });
    page.drawText('(b)(1) withheld', { x: 120, y: 100, size: 12, font, rotate: degrees(90) });
    const result = await analyzePdf(await doc.save());
    if (!result.ok) throw new Error(result.reason);
    expect(result.pdf.pages[0]).toMatchObject({ width: 792, height: 612 });
    expect(result.text).toMatch(/^SECRET\n+\(b\)\(1\) withheld$/);
  });

  /** The informant line with a code beside it, and a mark made over the name by `mark`. */
  async function markedLine(mark: (doc: PDFDocument, page: PDFPage, box: ReturnType<typeof boxOver>) => void): Promise<Awaited<ReturnType<typeof analyzePdf>>> {
    const { doc, font } = await createPdf();
    const page = doc.addPage([612, 792]);
    page.drawText(line, { x: 72, y: 700, size: 12, font });
    page.drawText('(b)(6)', { x: 520, y: 700, size: 12, font });
    mark(doc, page, boxOver(font, hidden, before, 72, 700));
    return analyzePdf(await doc.save());
  }

  it('finds text under a dark highlight annotation', async () => {
    const result = await markedLine(addHighlight);
    expect(findings(result)).toEqual(['1 pdf-text-under-redaction']);
    if (result.ok) expect(result.pdf.boxes.map((b) => b.source)).toEqual(['annotation']);
  });

  it('finds text under a redaction marked and never applied (a /Redact annotation)', async () => {
    const result = await markedLine(addRedactMark);
    expect(findings(result)).toEqual(['1 pdf-text-under-redaction']);
    if (!result.ok) return;
    expect(result.pdf.boxes.map((b) => b.source)).toEqual(['unapplied-redaction']);
    expect(result.findings[0]?.message).toContain('a redaction marked but never applied');
    expect(result.text).not.toContain('Smith');
  });

  it('reads a box over nothing as a placeholder, and asks for a code beside it', async () => {
    const { doc, font } = await createPdf();
    const page = doc.addPage([612, 792]);
    page.drawText('The informant', { x: 72, y: 700, size: 12, font });
    drawBlackBox(page, { x: 150, y: 696, width: 80, height: 16 });
    page.drawText('met the officer.', { x: 240, y: 700, size: 12, font });
    drawLines(page, font, ['Second paragraph.', '', '', '', '', 'Far below.'], 72, 600);
    drawBlackBox(page, { x: 72, y: 400, width: 120, height: 16 });
    page.drawText('(b)(1)', { x: 200, y: 404, size: 12, font });
    const result = await analyzePdf(await doc.save());
    expect(findings(result)).toEqual(['1 redact-no-code']);
    if (!result.ok) return;
    expect(result.pdf.boxes.map((b) => b.kind)).toEqual(['placeholder', 'placeholder']);
    const boxes = result.records.filter((r) => r.key === 'redaction:blacked-out');
    expect(boxes.map((r) => r.attributes.box)).toEqual([[150, 696, 230, 712], [72, 400, 192, 416]]);
    expect(result.findings[0]?.recordIds).toEqual([boxes[0]?.id]);
    expect(result.text.split('\n')[0]).toMatch(new RegExp(`^The informant +${MASK}{3,} +met the officer\\.$`));
  });

  it('ignores table borders, thin rules and frames', async () => {
    const { doc, font } = await createPdf();
    const page = doc.addPage([612, 792]);
    const rows = ['Name        Office', 'Smith       Vienna', 'Jones       Bonn'];
    rows.forEach((row, i) => page.drawText(row, { x: 80, y: 700 - i * 20, size: 12, font }));
    for (let i = 0; i <= 3; i++) page.drawRectangle({ x: 72, y: 716 - i * 20, width: 300, height: 1.5, color: rgb(0, 0, 0) });
    for (const x of [72, 170, 370]) page.drawRectangle({ x, y: 656, width: 1.5, height: 61.5, color: rgb(0, 0, 0) });
    // A strike-through rule over a word, and a stroked (unfilled) rectangle around a line.
    page.drawRectangle({ x: 80, y: 683, width: 40, height: 1, color: rgb(0, 0, 0) });
    page.drawRectangle({ x: 75, y: 636, width: 200, height: 16, borderColor: rgb(0, 0, 0), borderWidth: 3 });
    page.drawText('Boxed note', { x: 80, y: 640, size: 12, font });
    const result = await analyzePdf(await doc.save());
    expect(findings(result)).toEqual([]);
    if (result.ok) {
      expect(result.pdf.boxes).toEqual([]);
      expect(result.text).toContain('Smith');
    }
  });

  it('leaves white text on a black header alone', async () => {
    const { doc, font } = await createPdf();
    const page = doc.addPage([612, 792]);
    page.drawRectangle({ x: 72, y: 700, width: 468, height: 24, color: rgb(0, 0, 0) });
    page.drawText('SECTION 2: THE NEGOTIATIONS', { x: 80, y: 707, size: 14, font, color: rgb(1, 1, 1) });
    page.drawRectangle({ x: 72, y: 660, width: 468, height: 24, color: rgb(0.1, 0.1, 0.3) });
    page.drawText('Annex', { x: 80, y: 667, size: 14, font, color: rgb(1, 1, 0.6) });
    drawLines(page, font, ['Body text of the section.'], 72, 620);
    const result = await analyzePdf(await doc.save());
    expect(findings(result)).toEqual([]);
    if (!result.ok) return;
    expect(result.pdf.boxes.map((b) => b.kind)).toEqual(['labelled', 'labelled']);
    expect(result.text).toContain('SECTION 2: THE NEGOTIATIONS');
    expect(result.text).toContain('Annex');
    expect(result.text).not.toContain(MASK);
  });

  it('finds black text drawn on a black box, and text under a box filled over it later', async () => {
    const { doc, font } = await createPdf();
    const page = doc.addPage([612, 792]);
    page.drawRectangle({ x: 70, y: 696, width: 120, height: 16, color: rgb(0, 0, 0) });
    page.drawText('Agent CASTLE', { x: 72, y: 700, size: 12, font });
    page.drawText('(b)(1)', { x: 200, y: 700, size: 12, font });
    const result = await analyzePdf(await doc.save());
    expect(findings(result)).toEqual(['1 pdf-text-under-redaction']);
  });

  it('does not count filler under a box: XXXX, REDACTED, punctuation', async () => {
    const { doc, font } = await createPdf();
    const page = doc.addPage([612, 792]);
    page.drawText('Name: XXXXXXXX (b)(6)', { x: 72, y: 700, size: 12, font });
    drawBlackBox(page, boxOver(font, 'XXXXXXXX', 'Name: ', 72, 700));
    page.drawText('REDACTED (b)(6)', { x: 72, y: 660, size: 12, font });
    drawBlackBox(page, boxOver(font, 'REDACTED', '', 72, 660));
    const result = await analyzePdf(await doc.save());
    expect(findings(result)).toEqual([]);
    if (result.ok) expect(result.text).not.toContain('XXXX');
  });

  it('reports a page with no text layer on that page', async () => {
    const { doc, font } = await createPdf();
    drawLines(doc.addPage([612, 792]), font, ['(b)(1) withheld in part'], 72, 700);
    await drawScan(doc, doc.addPage([612, 792]));
    drawLines(doc.addPage([612, 792]), font, ['Last page.'], 72, 700);
    const result = await analyzePdf(await doc.save());
    expect(findings(result)).toEqual(['2 pdf-page-without-text']);
    if (!result.ok) return;
    expect(result.pdf.pages.map((p) => [p.hasTextLayer, p.hasImages])).toEqual([[true, false], [false, true], [true, false]]);
    expect(result.findings[0]?.message).toContain('Page 2 has no text layer');
    expect(result.findings[0]?.severity).toBe('info');
  });
});

describe('extractPdf: files that cannot be read', () => {
  it('an encrypted PDF', async () => {
    const { doc, font } = await createPdf();
    drawLines(doc.addPage(), font, ['SECRET'], 72, 700);
    markEncrypted(doc);
    const result = await extractPdf(await doc.save({ useObjectStreams: false }));
    expect(result).toMatchObject({ ok: false, code: 'encrypted' });
    if (!result.ok) expect(result.reason).toContain('password');
  });

  it('a truncated PDF', async () => {
    const { doc, font } = await createPdf();
    drawLines(doc.addPage(), font, ['SECRET'], 72, 700);
    const bytes = await doc.save();
    expect(await extractPdf(bytes.slice(0, Math.floor(bytes.length * 0.6)))).toMatchObject({ ok: false, code: 'truncated' });
  });

  it('a damaged PDF, and bytes that are no PDF', async () => {
    const junk = new TextEncoder().encode(`%PDF-1.7\n${'garbage '.repeat(200)}\n%%EOF\n`);
    expect(await extractPdf(junk)).toMatchObject({ ok: false, code: 'damaged' });
    expect(await extractPdf(new TextEncoder().encode('SECRET'))).toMatchObject({ ok: false, code: 'not-pdf' });
  });

  it('leaves the caller\'s bytes usable', async () => {
    const { doc, font } = await createPdf();
    drawLines(doc.addPage(), font, ['SECRET'], 72, 700);
    const bytes = await doc.save();
    const length = bytes.length;
    await extractPdf(bytes);
    expect(bytes.length).toBe(length);
  });
});

describe('extractPdf and scan agree', () => {
  it('masks keep the text scannable: a box reads as a blacked-out placeholder', async () => {
    const { doc, font } = await createPdf();
    const page = doc.addPage([612, 792]);
    page.drawText('met X at noon (b)(6)', { x: 72, y: 700, size: 12, font });
    drawBlackBox(page, boxOver(font, 'X', 'met ', 72, 700));
    const pdf = await extractPdf(await doc.save());
    if (!pdf.ok) throw new Error(pdf.reason);
    expect(scan(pdf.text).records.map((r) => r.key)).toEqual(['redaction:blacked-out', 'foia:b6']);
  });
});
