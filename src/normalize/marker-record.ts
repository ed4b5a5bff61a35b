import * as z from 'zod';
import { SpanSchema } from '../core/position.js';
import { FamilySchema, OcrCorrectionSchema, RoleSchema } from '../core/vocabulary.js';

/** The size of a withheld passage as stated by the document: `[1 paragraph (11-1/2 lines of source text) not declassified]`. */
export const ExtentSchema = z.looseObject({
  /** How many units: `1`, `11.5`, `2`. */
  quantity: z.number().nonnegative(),
  /** `line`, `paragraph`, `page` or `word`. */
  unit: z.string(),
  /** True for "less than …". */
  lessThan: z.boolean().optional(),
  /** Lines of source text, when a paragraph count also gives them. */
  lines: z.number().nonnegative().optional(),
  /** The extent as written. */
  written: z.string().optional(),
});
/** A stated withheld extent; see {@link ExtentSchema}. */
export type Extent = z.infer<typeof ExtentSchema>;

/**
 * What a record carries besides its code. The named keys are the ones detectors set; others
 * may appear (they are kept, never dropped).
 *
 * Records read from a PDF (`redaction-audit/pdf`) also carry `box`: where the record stands on
 * its page, `[left, bottom, right, top]` in PDF units (1/72 inch) in the page's user space,
 * origin at the bottom-left, before `/Rotate` (pdf.js's `convertToViewportRectangle` maps it
 * onto a rendered page). A redaction box read from a PDF is a `redaction:blacked-out` record
 * with `boxKind` (`text-under` or `placeholder`), `boxSource` (`content`, `annotation` or
 * `unapplied-redaction`), `hiddenCharacters` (characters still in the text layer under it,
 * when any) and `hiddenText` (only when asked for with `showHiddenText`).
 */
export const AttributesSchema = z.looseObject({
  /** The statute cited with a `(b)(3)`, e.g. `50 U.S.C. 3024(i)`. */
  statute: z.string().optional(),
  /** `high` or `low` for Exemption 2; `human` for `25X1-human`. */
  variant: z.string().optional(),
  /** FBI Vaughn category numbers (`b7E-1, 2` → `[1, 2]`). */
  categories: z.array(z.number()).optional(),
  /** Further groups written with the code, e.g. `(A)(3)` after `(b)(1)`. */
  cite: z.string().optional(),
  /** Withheld extent of a placeholder. */
  extent: ExtentSchema.optional(),
  /** What a placeholder says was withheld: `name`, `file name`, `text`. */
  object: z.string().optional(),
  /** True when the marking is struck through or cancelled by a stamp. */
  cancelled: z.boolean().optional(),
  /** True when the code does not exist (`(b)(10)`, `(k)(9)`): report it, do not trust it. */
  invalid: z.boolean().optional(),
  /**
   * Where the marking stands when that is not plain: `claim` (an exemption asserted in words as
   * the basis of a withholding, or ticked on a form), `form-legend` (an option printed on a form,
   * its tick lost), `form-field`, `source-note`.
   */
  context: z.string().optional(),
  /** Ticked decisions of a release stamp: `release`, `excise`, `deny`, `declassify`, `declassify-in-part` … */
  decisions: z.array(z.string()).optional(),
  /** A reviewer's name from a stamp. */
  reviewer: z.string().optional(),
  /** A date as written on the stamp. */
  date: z.string().optional(),
  /** The same date as `YYYY-MM-DD`, when complete. */
  isoDate: z.string().optional(),
});
/** A record's attributes; see {@link AttributesSchema}. */
export type Attributes = z.infer<typeof AttributesSchema>;

/**
 * One marker found in a document, normalized: the canonical code, where it is, what it is
 * (role), how sure the scanner is, and what the catalog says it means.
 *
 * Invariant: `raw === text.slice(span.start.offset, span.end.offset)`.
 */
export const MarkerRecordSchema = z.object({
  /** Unique within its document: `key@offset`, e.g. `foia:b6@1032`. */
  id: z.string(),
  family: FamilySchema,
  /** Canonical code within the family: `b7C`, `OADR`, `S`, `not-declassified`. */
  code: z.string().min(1),
  /** `family:code`, e.g. `foia:b7C`, `declass:OADR`. */
  key: z.string(),
  /** The text exactly as it stands in the document. */
  raw: z.string(),
  span: SpanSchema,
  /** 1-based page number (the ordinal of the page in the document). */
  page: z.number().int().positive(),
  role: RoleSchema,
  /** How sure the scanner is, 0–1. */
  confidence: z.number().min(0).max(1),
  /** OCR corrections applied to read the code, or `null` when the text was read as written. */
  ocr: z.array(OcrCorrectionSchema).nullable(),
  /** What the code means, from the catalog; `null` when the catalog does not know the code. */
  label: z.string().nullable(),
  /** The citation the code rests on, from the catalog; `null` when unknown. */
  authority: z.string().nullable(),
  attributes: AttributesSchema,
  /** Why the scanner is unsure, or what a reviewer should check; `null` when nothing. */
  note: z.string().nullable(),
});
/** One normalized marker; see {@link MarkerRecordSchema}. */
export type MarkerRecord = z.infer<typeof MarkerRecordSchema>;

/** A page of a document; see {@link PageSchema}. */
export const PageSchema = z.object({
  /** 1-based ordinal of the page in the document; records' `page` refers to it. */
  number: z.number().int().positive(),
  /** The page number printed by the marker that opened the page, when there is one. */
  label: z.string().nullable(),
  /** 0-based offset where the page starts. */
  start: z.number().int().nonnegative(),
  /** 0-based offset where the page ends (exclusive). */
  end: z.number().int().nonnegative(),
});
/** A page of a document. */
export type Page = z.infer<typeof PageSchema>;
