import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readDocumentBytes } from '../node/read-document-bytes.js';
import { getPdfRuleSet } from '../pdf/pdf-rule-set.js';
import type { ReportInput } from '../report/create-report.js';
import { escapeText } from '../report/formatters/format-text.js';
import type { ResolvedRuleSet } from '../rules/resolve-rule-set.js';
import type { InputFailure } from './cli-io.js';

/** What the input layer passes on for a PDF: the rule sets and dates, and whether to show hidden text. */
export interface PdfInputOptions {
  ruleSets: readonly ResolvedRuleSet[];
  documentDate?: string;
  reviewDate?: string;
  /** Quote the text found under redaction boxes in findings (`--show-hidden-text`). */
  showHiddenText?: boolean;
}

/** A document read from a PDF, marked so the report lists the `pdf` rules it was checked by. */
export type PdfReportInput = ReportInput & { text: string; fromPdf: true };

/** pdf.js's character maps, for PDFs with CJK fonts that do not embed them; `undefined` when pdfjs-dist is not where Node resolves it. */
function cMapDirectory(): string | undefined {
  try {
    return `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps')}/`;
  } catch {
    return undefined;
  }
}

/**
 * Reads and analyzes one PDF input: the input layer calls it when a file's (or standard
 * input's) bytes start as a PDF. pdf.js is loaded here, on the first PDF, never for text.
 * Resolves to the document, or to a failure with a code (`encrypted`, `truncated`, `damaged`,
 * `not-readable`) and a reason; never rejects.
 */
export async function analyzePdfInput(source: string, options: PdfInputOptions, bytes?: Uint8Array): Promise<{ ok: true; document: PdfReportInput } | { ok: false; error: InputFailure }> {
  let data = bytes;
  if (!data) {
    // Through the input layer, as every file: a regular file, its size checked before reading.
    const read = await readDocumentBytes(source);
    if (!read.ok) return { ok: false, error: { source, code: read.code, reason: read.reason } };
    data = read.bytes;
  }
  const { analyzePdf } = await import('../pdf.js');
  const cMapUrl = cMapDirectory();
  const result = await analyzePdf(data, {
    source,
    ruleSets: options.ruleSets,
    ...(options.documentDate !== undefined ? { documentDate: options.documentDate } : {}),
    ...(options.reviewDate !== undefined ? { reviewDate: options.reviewDate } : {}),
    ...(options.showHiddenText ? { showHiddenText: true } : {}),
    ...(cMapUrl ? { cMapUrl } : {}),
  });
  if (!result.ok) return { ok: false, error: { source, code: result.code, reason: result.reason } };
  // `scan` and `summary` ask for no findings: keep only what the pdf rule set says about the file itself.
  const findings = options.ruleSets.length === 0 ? result.findings.filter((f) => f.ruleId.startsWith('pdf-')) : result.findings;
  const { source: label, records, pages, dates, assessment, text } = result;
  return { ok: true, document: { source: label, records, pages, dates, assessment, findings, text, fromPdf: true } };
}

/** The rule sets a report lists: those given, and the `pdf` rule set first when any document was read from a PDF (`fromPdf`). */
export function reportRuleSets(fromPdf: boolean, ruleSets: readonly ResolvedRuleSet[]): ResolvedRuleSet[] {
  return fromPdf ? [getPdfRuleSet(), ...ruleSets] : [...ruleSets];
}

/**
 * One line per finding the `pdf` rules made about PDFs (a page with no text layer, text under a
 * box), for `scan` and `summary`, whose reports show records rather than findings: written to
 * standard error so no such page passes as an empty, clean one.
 */
export function pdfNotes(documents: ReadonlyArray<ReportInput & { fromPdf?: boolean }>): string[] {
  return documents.filter((d) => d.fromPdf === true).flatMap((d) => d.findings.filter((f) => f.ruleId.startsWith('pdf-')).map((f) => `redaction-audit: ${escapeText(`${d.source ?? '-'}: ${f.message} (${f.ruleId})`)}\n`));
}
