import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan, type MarkerRecord } from '../../src/index.js';
import { analyzePdf, extractPdf } from '../../src/pdf.js';
import { renderTextPdf } from '../support/make-pdf.js';

const SEEDS = join(__dirname, '..', '..', 'examples', 'documents');

/**
 * A record as it stands on its page: everything but offsets, ids and the PDF box, with its line
 * counted from the page's first line of text (a PDF has no blank lines above its first line).
 */
function onPage(record: MarkerRecord, text: string, pageStart: number): Record<string, unknown> {
  const firstText = pageStart + (/\S/.exec(text.slice(pageStart))?.index ?? 0);
  const linesBefore = text.slice(0, firstText).split('\n').length;
  const { box: _box, ...attributes } = record.attributes;
  return {
    key: record.key,
    raw: record.raw,
    role: record.role,
    confidence: record.confidence,
    ocr: record.ocr,
    label: record.label,
    authority: record.authority,
    note: record.note,
    attributes,
    line: record.span.start.line - linesBefore,
    column: record.span.start.column,
    endLine: record.span.end.line - linesBefore,
    endColumn: record.span.end.column,
  };
}

describe('a PDF rendered from each seed document gives the records of its text, page for page', () => {
  for (const name of readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()) {
    it(name, async () => {
      const text = readFileSync(join(SEEDS, name), 'utf8');
      const expected = scan(text);
      const pageTexts = expected.pages.map((p) => text.slice(p.start, p.end));
      const bytes = await renderTextPdf(pageTexts);
      const result = await analyzePdf(bytes, { source: name, ruleSets: [] });
      if (!result.ok) throw new Error(`${result.code}: ${result.reason}`);
      expect(result.pages.map((p) => p.number)).toEqual(expected.pages.map((p) => p.number));
      for (const page of expected.pages) {
        const pdfPage = result.pages[page.number - 1];
        if (!pdfPage) throw new Error(`page ${page.number} missing`);
        const want = expected.records.filter((r) => r.page === page.number).map((r) => onPage(r, text, page.start));
        const got = result.records.filter((r) => r.page === page.number).map((r) => onPage(r, result.text, pdfPage.start));
        expect(got, `page ${page.number}`).toEqual(want);
        // Every record read from the PDF says where it is on its page.
        for (const r of result.records) expect(r.attributes.box).toHaveLength(4);
      }
      expect(result.records.length).toBe(expected.records.length);
    });
  }

  it('an uncompressed PDF reads the same as a compressed one', async () => {
    const text = readFileSync(join(SEEDS, 'seed-002.txt'), 'utf8');
    const a = await extractPdf(await renderTextPdf([text]));
    const b = await extractPdf(await renderTextPdf([text], { compress: false }));
    expect(a.ok && b.ok && a.text === b.text).toBe(true);
  });
});
