#!/usr/bin/env node
// Writes examples/pdf/redacted-cable.pdf, the PDF of `npm run demo`: a two-page cable with
// classification banners, FOIA codes beside its redaction boxes, one box drawn over text that
// is still in the text layer (a failed redaction), and one box with no code beside it.
// Deterministic (fixed dates and ID), so a test can check the committed file is this script's.
// `--check` exits 1 when the committed file differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, PDFHexString, StandardFonts, rgb } from 'pdf-lib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'examples', 'pdf', 'redacted-cable.pdf');

export async function renderExamplePdf() {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Courier);
  const bold = await doc.embedFont(StandardFonts.CourierBold);
  const size = 11;
  const black = rgb(0, 0, 0);
  const box = (page, before, text, x, y) => {
    const left = x + font.widthOfTextAtSize(before, size);
    page.drawRectangle({ x: left - 1, y: y - 3, width: font.widthOfTextAtSize(text, size) + 2, height: size + 4, color: black });
  };

  const one = doc.addPage([612, 792]);
  one.drawText('S E C R E T', { x: 260, y: 740, size: 12, font: bold });
  one.drawText('DECLASSIFIED', { x: 400, y: 724, size, font });
  one.drawText('Authority NND 969011', { x: 400, y: 710, size, font });
  one.drawText('By KB NARA Date 6/4/98', { x: 400, y: 696, size, font });
  one.drawText('FM AMEMBASSY VIENNA', { x: 72, y: 660, size, font });
  one.drawText('TO SECSTATE WASHDC', { x: 72, y: 646, size, font });
  one.drawText('SUBJECT: CONTACT WITH SOVIET OFFICIAL', { x: 72, y: 620, size, font });
  // A proper redaction: the box is drawn where the text was removed, and the code is beside it.
  one.drawText('1. On June 3 the embassy officer met', { x: 72, y: 590, size, font });
  one.drawRectangle({ x: 72, y: 573, width: 140, height: 15, color: black });
  one.drawText('(b)(1)', { x: 520, y: 576, size, font });
  one.drawText('at the Hotel Sacher.', { x: 220, y: 576, size, font });
  // A failed redaction: the box covers a name that is still in the text layer.
  const line = '2. The source, Ivan Petrov, asked for a second meeting.';
  one.drawText(line, { x: 72, y: 550, size, font });
  box(one, '2. The source, ', 'Ivan Petrov', 72, 550);
  one.drawText('(b)(6)', { x: 520, y: 550, size, font });
  one.drawText('S E C R E T', { x: 260, y: 60, size: 12, font: bold });

  const two = doc.addPage([612, 792]);
  two.drawText('S E C R E T', { x: 260, y: 740, size: 12, font: bold });
  two.drawText('3. The embassy recommends no further contact.', { x: 72, y: 700, size, font });
  // A box with no exemption code beside it or on its page.
  two.drawRectangle({ x: 72, y: 663, width: 300, height: 15, color: black });
  two.drawText('DECL: OADR', { x: 72, y: 620, size, font });
  two.drawText('S E C R E T', { x: 260, y: 60, size: 12, font: bold });

  const date = new Date('1998-06-04T00:00:00Z');
  doc.setTitle('Example cable with redactions (redaction-audit demo)');
  doc.setProducer('redaction-audit scripts/make-example-pdf.mjs');
  doc.setCreator('pdf-lib');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of('72656461637465642d6361626c652d31'), PDFHexString.of('72656461637465642d6361626c652d31')]);
  return doc.save({ useObjectStreams: false });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const bytes = await renderExamplePdf();
  if (process.argv.includes('--check')) {
    if (Buffer.compare(readFileSync(target), Buffer.from(bytes)) !== 0) {
      console.error('examples/pdf/redacted-cable.pdf is out of date: run `node scripts/make-example-pdf.mjs`');
      process.exit(1);
    }
  } else {
    writeFileSync(target, bytes);
    console.log(`wrote ${target} (${bytes.length} bytes)`);
  }
}
