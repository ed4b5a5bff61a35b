/**
 * Builds the test PDFs with pdf-lib, in the tests themselves: no PDF binary is fetched or
 * committed. Coordinates are PDF units, origin at the bottom-left of the page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFHexString, PDFName, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

const require = createRequire(import.meta.url);

/** DejaVu Sans Mono (from the dejavu-fonts-ttf dev dependency): a monospaced font with every character of the seed documents. */
export function monoFontBytes(): Uint8Array {
  return readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf'));
}

/** A fresh document with Helvetica ready. */
export async function createPdf(): Promise<{ doc: PDFDocument; font: PDFFont }> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  return { doc, font };
}

/** Draws lines of text top-down from `y`, `size` points high, 1.2 × size apart. */
export function drawLines(page: PDFPage, font: PDFFont, lines: readonly string[], x: number, y: number, size = 12): void {
  lines.forEach((line, i) => page.drawText(line, { x, y: y - i * size * 1.2, size, font }));
}

/** The box `text` occupies when drawn at (x, y) in `font` at `size`, padded a little, as a redaction box drawn over it would be. */
export function boxOver(font: PDFFont, text: string, before: string, x: number, y: number, size = 12): { x: number; y: number; width: number; height: number } {
  const left = x + font.widthOfTextAtSize(before, size);
  return { x: left - 1, y: y - 0.3 * size, width: font.widthOfTextAtSize(text, size) + 2, height: 1.3 * size };
}

/** A black filled rectangle. */
export function drawBlackBox(page: PDFPage, box: { x: number; y: number; width: number; height: number }): void {
  page.drawRectangle({ ...box, color: rgb(0, 0, 0) });
}

/** A dark highlight annotation over a box (pdf.js draws its appearance: a filled quad, multiplied over the page). */
export function addHighlight(doc: PDFDocument, page: PDFPage, box: { x: number; y: number; width: number; height: number }): void {
  const { x, y, width, height } = box;
  const annot = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Highlight',
    Rect: [x, y, x + width, y + height],
    QuadPoints: [x, y + height, x + width, y + height, x, y, x + width, y],
    C: [0, 0, 0],
    CA: 1,
  });
  page.node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(annot)]));
}

/** A redaction annotation (`/Redact`) marked over a box and never applied: no appearance, nothing removed. */
export function addRedactMark(doc: PDFDocument, page: PDFPage, box: { x: number; y: number; width: number; height: number }): void {
  const { x, y, width, height } = box;
  const annot = doc.context.obj({ Type: 'Annot', Subtype: 'Redact', Rect: [x, y, x + width, y + height], IC: [0, 0, 0], OverlayText: PDFHexString.fromText('(b)(6)') });
  page.node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(annot)]));
}

// A 1 × 1 grey PNG: what a scanned page image stands for.
const PNG_1X1 = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==', 'base64'));

/** Paints an image over the whole page, as a scan that was never OCR'd is. */
export async function drawScan(doc: PDFDocument, page: PDFPage): Promise<void> {
  const image = await doc.embedPng(PNG_1X1);
  page.drawImage(image, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
}

/**
 * Marks a document as encrypted with a user password (standard security handler, RC4 40-bit):
 * its `/U` entry matches no empty password, so a reader must ask for one. pdf-lib cannot
 * encrypt; the dictionary is all a reader checks before it asks.
 */
export function markEncrypted(doc: PDFDocument): void {
  const encrypt = doc.context.obj({
    Filter: 'Standard',
    V: 1,
    R: 2,
    O: PDFHexString.of('a5'.repeat(32)),
    U: PDFHexString.of('5a'.repeat(32)),
    P: -44,
  });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of('0123456789abcdef0123456789abcdef'), PDFHexString.of('0123456789abcdef0123456789abcdef')]);
}

/**
 * Renders a text as a PDF, one page of the PDF per entry of `pages`, each line of a page on one
 * line of the PDF, in a monospaced font (10 pt, 12 pt apart), so the PDF's text layer holds the
 * text exactly: what a word processor's "save as PDF" of the text gives.
 */
export async function renderTextPdf(pages: readonly string[], options: { compress?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(monoFontBytes(), { subset: true });
  const size = 10;
  const leading = 12;
  const margin = 36;
  for (const text of pages) {
    const lines = text.split('\n');
    const longest = Math.max(1, ...lines.map((l) => l.length));
    const width = Math.min(14_000, 2 * margin + longest * font.widthOfTextAtSize('M', size));
    const height = Math.min(14_000, 2 * margin + lines.length * leading);
    const page = doc.addPage([width, height]);
    lines.forEach((line, i) => {
      if (line.length > 0) page.drawText(line, { x: margin, y: height - margin - (i + 1) * leading + 2, size, font });
    });
  }
  return doc.save({ useObjectStreams: options.compress !== false });
}
