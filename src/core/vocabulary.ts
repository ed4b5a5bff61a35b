import * as z from 'zod';

/**
 * The marker families. Every record belongs to exactly one; its `key` is `family:code`.
 *
 * - `foia`: FOIA exemptions, 5 U.S.C. 552(b)(1)–(9) (`b1` … `b9`, `b7A` … `b7F`).
 * - `privacy`: Privacy Act exemptions, 5 U.S.C. 552a (`d5`, `j1`, `j2`, `k1` … `k7`).
 * - `eo`: Executive Order classification-reason citations (`13526:1.4(c)`) and State review-stamp codes (`review:a3`).
 * - `declass`: declassification instructions and exemptions (`OADR`, `25X1`, `50X1-HUM`, `X1`, `GDS`, `XGDS-2` …).
 * - `classification`: classification levels (`TS`, `S`, `C`, `R`, `U`, `LOU`, `FOUO`, `SBU`, `CUI`).
 * - `control`: control and dissemination markings (`NOFORN`, `EYES-ONLY`, `NODIS` …).
 * - `redaction`: redaction placeholders (`redacted`, `not-declassified`, `illegible` …).
 * - `stamp`: review, release and declassification stamps, parsed into fields.
 * - `page`: page markers (`facsimile`, `typeset`, `page-number`).
 */
export const FamilySchema = z.enum([
  'foia',
  'privacy',
  'eo',
  'declass',
  'classification',
  'control',
  'redaction',
  'stamp',
  'page',
]);
/** One of the marker families; see {@link FamilySchema}. */
export type Family = z.infer<typeof FamilySchema>;

/** Every family, in the order reports list them. */
export const FAMILIES: readonly Family[] = FamilySchema.options;

/**
 * What a record is, as opposed to what it says.
 *
 * - `marking`: put on the document itself (a banner, a margin code, a stamp).
 * - `editorial`: added by an editor or archivist describing the original (a FRUS source note, an archive's identification form).
 * - `mention`: running prose that talks about a marking ("Exemption 5 protects…", "classified SECRET"). Never counted as a marking.
 * - `portion`: a portion mark heading a paragraph, such as `(S)`.
 */
export const RoleSchema = z.enum(['marking', 'editorial', 'mention', 'portion']);
/** One of the roles; see {@link RoleSchema}. */
export type Role = z.infer<typeof RoleSchema>;

/**
 * The kind of OCR confusion a correction undid.
 *
 * - `letter-confusion`: a letter read for another letter or a digit, as OCR commonly confuses them (`OALR` → `OADR`, `0A3R` → `OADR`, `(b)(l)` → `(b)(1)`, `SEeRET` → `SECRET`).
 * - `letter-spacing`: letters written apart or spaces inserted or dropped inside a token (`S-E-C-R-E-T`, `OAD R`, `25X 1`).
 * - `edit`: a reading within a small edit distance of the expected word, beyond the common confusions (`SECREL` → `SECRET`, `UNINTEL` → `WNINTEL`).
 */
export const OcrKindSchema = z.enum(['letter-confusion', 'letter-spacing', 'edit']);
/** One of the OCR confusion kinds; see {@link OcrKindSchema}. */
export type OcrKind = z.infer<typeof OcrKindSchema>;

/** One OCR correction applied to a token: what was read, what it stands for, and the kind of confusion. */
export const OcrCorrectionSchema = z.object({
  /** The text as read, e.g. `OALR`. */
  from: z.string(),
  /** The text it stands for, e.g. `OADR`. */
  to: z.string(),
  kind: OcrKindSchema,
});
/** One OCR correction; see {@link OcrCorrectionSchema}. */
export type OcrCorrection = z.infer<typeof OcrCorrectionSchema>;
