#!/usr/bin/env node
// npm run bench (its last section) and npm run bench:pdf: pages per second of extractPdf and
// analyzePdf (dist/pdf.js) on a 500-page PDF generated here with pdf-lib: 40 lines of text a
// page in Helvetica, FOIA codes in the margin, two black boxes a page (one over nothing, one
// over live text). A benchmark, not a test: it prints figures and fails only when it cannot run.
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

const PAGES = Number(process.env.BENCH_PDF_PAGES ?? 500);
const { extractPdf, analyzePdf } = await import(new URL('../../dist/pdf.js', import.meta.url).href);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const doc = await PDFDocument.create();
const font = await doc.embedFont(StandardFonts.Helvetica);
const sentence = 'The embassy officer met the source at the hotel on the third and discussed the proposal in detail.';
for (let p = 0; p < PAGES; p++) {
  const page = doc.addPage([612, 792]);
  page.drawText('S E C R E T', { x: 270, y: 760, size: 11, font });
  for (let line = 0; line < 40; line++) {
    const y = 720 - line * 16;
    page.drawText(`${line + 1}. ${sentence}`.slice(0, 92), { x: 72, y, size: 10, font });
    if (line % 10 === 3) page.drawText('(b)(1)', { x: 560, y, size: 9, font });
  }
  page.drawRectangle({ x: 150, y: 605, width: 90, height: 13, color: rgb(0, 0, 0) });
  page.drawRectangle({ x: 300, y: 420, width: 60, height: 13, color: rgb(0, 0, 0) });
}
const bytes = await doc.save();

const time = async (fn) => {
  const t = performance.now();
  const result = await fn();
  return { ms: performance.now() - t, result };
};
await extractPdf(bytes.slice(0, bytes.length)); // warm-up: loads pdf.js
const extracts = [];
for (let i = 0; i < 3; i++) extracts.push(await time(() => extractPdf(bytes)));
// pdf.js alone, reading every page's operator list (what extractPdf starts from), for scale.
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const operatorLists = [];
for (let i = 0; i < 3; i++) {
  operatorLists.push(
    await time(async () => {
      const pdf = await pdfjs.getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false, disableFontFace: true }).promise;
      for (let n = 1; n <= pdf.numPages; n++) await (await pdf.getPage(n)).getOperatorList();
      await pdf.destroy();
    }),
  );
}
const analyses = [];
for (let i = 0; i < 3; i++) analyses.push(await time(() => analyzePdf(bytes, { source: 'bench.pdf' })));
const first = extracts[0].result;
const analysis = analyses[0].result;
if (!first.ok || !analysis.ok) throw new Error('the generated PDF did not read');
const extractMs = median(extracts.map((r) => r.ms));
const analyzeMs = median(analyses.map((r) => r.ms));
console.log(`\nPDF extraction: a generated PDF of ${first.pages.length} pages (${(bytes.length / 1e6).toFixed(1)} MB, ${(first.text.length / 1e6).toFixed(2)} M characters of text), median of 3 after a warm-up:`);
console.log(`  extractPdf   ${(first.pages.length / (extractMs / 1000)).toFixed(0).padStart(5)} pages/s   (${(extractMs / 1000).toFixed(2)} s; runs ${extracts.map((r) => Math.round(r.ms)).join(', ')} ms)`);
const opListMs = median(operatorLists.map((r) => r.ms));
console.log(`  pdf.js alone ${(PAGES / (opListMs / 1000)).toFixed(0).padStart(5)} pages/s   (getOperatorList of every page, for scale; extractPdf takes ${(extractMs / opListMs).toFixed(1)}× as long)`);
console.log(`  analyzePdf   ${(first.pages.length / (analyzeMs / 1000)).toFixed(0).padStart(5)} pages/s   (${(analyzeMs / 1000).toFixed(2)} s; ${analysis.records.length.toLocaleString('en-US')} records, ${analysis.findings.filter((f) => f.ruleId === 'pdf-text-under-redaction').length} boxes over live text, ${first.boxes.length} boxes)`);
