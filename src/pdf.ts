/**
 * redaction-audit/pdf: read PDFs directly, and find redactions that hide nothing. Built on
 * Mozilla's pdf.js (`pdfjs-dist`, loaded on first use); runs in Node and in browsers, with no
 * native code. The core entry (`redaction-audit`) does not depend on it.
 *
 * Positions: offsets into the extracted text are 0-based UTF-16, end exclusive; page numbers
 * are 1-based; boxes are `[left, bottom, right, top]` in PDF units (see {@link PdfBoxSchema}).
 */
export { extractPdf, PAGE_SEPARATOR } from './pdf/extract-pdf.js';
export { isPdf } from './pdf/is-pdf.js';
export type { ExtractPdfOptions, ExtractPdfResult, PdfExtraction, PdfPage, PdfTextItem, PdfRedactionBox, PdfReadFailureCode } from './pdf/extract-pdf.js';
export { analyzePdf } from './pdf/analyze-pdf.js';
export type { AnalyzePdfOptions, AnalyzePdfResult, PdfAnalysis } from './pdf/analyze-pdf.js';
export { getPdfRuleSet, PDF_CHECKS, PDF_RULE_SET_SOURCE } from './pdf/pdf-rule-set.js';
export { PdfBoxSchema } from './pdf/pdf-box.js';
export type { PdfBox } from './pdf/pdf-box.js';
export type { BoxKind } from './pdf/find-redaction-boxes.js';
export { MASK } from './pdf/layout-page.js';
