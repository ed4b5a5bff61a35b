import * as z from 'zod';
import { SpanSchema } from '../core/position.js';

/**
 * Where a date the assessment relies on was read: the evidence behind it.
 *
 * - `caller`: given by the caller (`documentDate`/`reviewDate`, the CLI's `--document-date`/`--review-date`).
 * - `release-line`: a release or review line names it (`Approved For Release 2004/05/05`, `DATE 4-19-96 BY 5668`).
 * - `stamp-field`: a field of a review or release stamp (`REVIEWED BY … DATE 5/12/98`, the year of `2025 RELEASE UNDER …`).
 * - `dateline`: a line holding little but the date, at the head of the document (its first 40 lines).
 * - `form-field`: a `Date:` field, which may be the document's date or some form's.
 * - `body-line`: a line holding little but the date, below the head (often an attachment's or a later note's).
 * - `prose`: running text, or a date cited there ("Directive of 22 January 1946").
 */
export const DateSourceSchema = z.enum(['caller', 'release-line', 'stamp-field', 'dateline', 'form-field', 'body-line', 'prose']);
/** One of the date sources; see {@link DateSourceSchema}. */
export type DateSource = z.infer<typeof DateSourceSchema>;

/** A date the assessment relies on, with where it came from and how sure it is. */
export const AssessedDateSchema = z.object({
  /** `YYYY-MM-DD` when complete, else `null` (only the year is known). */
  iso: z.string().nullable(),
  /** The four-digit year. */
  year: z.number().int(),
  /** The date as written (or as given by the caller). */
  raw: z.string(),
  /** 1 for a date given by the caller; below 1 for one read from the text. */
  confidence: z.number().min(0).max(1),
  /** `explicit` when the caller gave it (the CLI's `--document-date`/`--review-date`), `text` when read from the document. */
  origin: z.enum(['explicit', 'text']),
  /** Where it stands in the text; `null` for an explicit date. */
  span: SpanSchema.nullable(),
  /** Where it was read; see {@link DateSourceSchema}. */
  source: DateSourceSchema,
  /**
   * True when the date may back an `error`: given by the caller, a review date read from a release
   * line or a stamp's field, or a document date read from the dateline at the head. Rules that
   * judge by a date that is not explicit report a `warning` at most and say which date they used.
   */
  explicit: z.boolean(),
});
/** A date used by the assessment; see {@link AssessedDateSchema}. */
export type AssessedDate = z.infer<typeof AssessedDateSchema>;

/**
 * The document's release status.
 *
 * - `released-in-full`: release or declassification evidence, nothing withheld.
 * - `released-in-part`: something withheld (placeholders, exemption codes, an excise/deny decision).
 * - `still-marked`: live classification markings and no release evidence.
 * - `unmarked`: no classification marking, stamp or withholding found.
 */
export const ReleaseStatusSchema = z.enum(['released-in-full', 'released-in-part', 'still-marked', 'unmarked']);
/** One of the release statuses; see {@link ReleaseStatusSchema}. */
export type ReleaseStatus = z.infer<typeof ReleaseStatusSchema>;

/** The document-level verdict on a document's declassification markings. */
export const AssessmentSchema = z.object({
  status: ReleaseStatusSchema,
  /** True when a release or declassification stamp or line is present, or every classification marking is cancelled. */
  released: z.boolean(),
  /** The highest classification marked (`TS` > `S` > `C` > `R` > control levels > `U`), or `null`. */
  highestClassification: z
    .object({
      code: z.string(),
      /** True when every marking of that level is cancelled or the document carries release evidence. */
      cancelled: z.boolean(),
      recordId: z.string(),
    })
    .nullable(),
  /** The document's own date: explicit, or the best dateline or `Date:` field in the text. */
  documentDate: AssessedDateSchema.nullable(),
  /** The latest review or release date: explicit, or from stamps and release lines. */
  reviewDate: AssessedDateSchema.nullable(),
  /** Review and release stamps, in document order. */
  stamps: z.array(
    z.object({
      recordId: z.string(),
      code: z.string(),
      page: z.number().int().positive(),
      /** Ticked or printed decisions (`release`, `excise`, `declassify` …). */
      decisions: z.array(z.string()),
      reviewer: z.string().nullable(),
      date: z.string().nullable(),
      isoDate: z.string().nullable(),
    }),
  ),
  /** Exemption and declassification codes marked on the document (`foia`, `privacy`, `eo`, `declass`), by key. */
  codes: z.array(z.object({ key: z.string(), count: z.number().int().positive(), firstPage: z.number().int().positive() })),
  /** Each redaction placeholder and the codes found beside it (same page, within 3 lines). */
  redactions: z.array(
    z.object({
      recordId: z.string(),
      page: z.number().int().positive(),
      /** Keys of the codes beside it, sorted. */
      codes: z.array(z.string()),
      /** True when at least one code is beside it. */
      justified: z.boolean(),
    }),
  ),
  /** The highest classification on each page (`null` when none) and whether it is cancelled. */
  pages: z.array(z.object({ number: z.number().int().positive(), classification: z.string().nullable(), cancelled: z.boolean() })),
});
/** A document assessment; see {@link AssessmentSchema}. */
export type Assessment = z.infer<typeof AssessmentSchema>;
