import { combineRules, type AnalysisResult, type AnalyzeOptions } from '../analyze.js';
import { assess } from '../assess/assess.js';
import { InvalidArgumentError } from '../core/errors.js';
import { evaluate } from '../engine/evaluate.js';
import { getBuiltInRuleSet } from '../rules/resolve-rule-set.js';
import { scan } from '../scan.js';
import { extractPdf, type ExtractPdfOptions, type PdfPage, type PdfReadFailureCode, type PdfRedactionBox } from './extract-pdf.js';
import { getPdfRuleSet } from './pdf-rule-set.js';
import { placePdfRecords } from './place-pdf-records.js';

/** Options of {@link analyzePdf}: those of `analyze` (but `pageStarts`, which the PDF gives) and of `extractPdf`. */
export interface AnalyzePdfOptions extends Omit<AnalyzeOptions, 'pageStarts'>, ExtractPdfOptions {}

/** What {@link analyzePdf} resolves to for a readable PDF: `analyze`'s result, the extracted text, and the PDF's pages and boxes. */
export interface PdfAnalysis extends AnalysisResult {
  ok: true;
  /** The extracted text the records point into (text under boxes masked as `█`). */
  text: string;
  pdf: { pages: PdfPage[]; boxes: PdfRedactionBox[] };
}

/** What {@link analyzePdf} resolves to. */
export type AnalyzePdfResult = PdfAnalysis | { ok: false; code: PdfReadFailureCode; reason: string };

/**
 * Reads a PDF and runs the whole pipeline on it: extract (text, pages, boxes) → scan with the
 * PDF's own pages → place records on their pages (`attributes.box`; one record per redaction
 * box) → assess → evaluate. The `pdf` rule set (`getPdfRuleSet`) runs first, then
 * `options.ruleSets` (default: `recommended`), so every box is checked for text under it and
 * for an exemption code beside it (`redact-no-code`), as placeholders in text are.
 *
 * Resolves to `{ok: false, code, reason}` for a PDF that cannot be read; never rejects on bad
 * bytes. Throws {@link InvalidArgumentError} when called wrongly.
 *
 * @example
 * const result = await analyzePdf(bytes, { source: 'release.pdf' });
 * if (result.ok) for (const f of result.findings) console.log(`page ${f.page}: ${f.message}`);
 */
export async function analyzePdf(bytes: Uint8Array | ArrayBuffer, options: AnalyzePdfOptions = {}): Promise<AnalyzePdfResult> {
  const { ruleSets, documentDate, reviewDate, source, families, password, showHiddenText, cMapUrl, standardFontDataUrl } = options;
  const sets = ruleSets ?? [getBuiltInRuleSet('recommended')];
  for (const set of sets) {
    if (!set || !Array.isArray(set.rules) || !Array.isArray(set.definitions)) {
      throw new InvalidArgumentError('analyzePdf: ruleSets must hold resolved rule sets (from loadRuleSet, resolveRuleSet or getBuiltInRuleSet), not parse results');
    }
  }
  const extraction = await extractPdf(bytes, {
    ...(password !== undefined ? { password } : {}),
    ...(showHiddenText !== undefined ? { showHiddenText } : {}),
    ...(cMapUrl !== undefined ? { cMapUrl } : {}),
    ...(standardFontDataUrl !== undefined ? { standardFontDataUrl } : {}),
  });
  if (!extraction.ok) return extraction;
  const scanned = scan(extraction.text, { pageStarts: extraction.pageStarts, ...(source !== undefined ? { source } : {}), ...(families ? { families } : {}) });
  const records = placePdfRecords(scanned.records, extraction, scanned.pages);
  const assessment = assess(
    { records, pages: scanned.pages, dates: scanned.dates },
    { ...(documentDate !== undefined ? { documentDate } : {}), ...(reviewDate !== undefined ? { reviewDate } : {}) },
  );
  const findings = evaluate({ text: extraction.text, source: scanned.source, records, pages: scanned.pages, assessment }, combineRules([getPdfRuleSet(), ...sets]));
  return {
    ok: true,
    source: scanned.source,
    records,
    pages: scanned.pages,
    dates: scanned.dates,
    assessment,
    findings,
    text: extraction.text,
    pdf: { pages: extraction.pages, boxes: extraction.boxes },
  };
}
