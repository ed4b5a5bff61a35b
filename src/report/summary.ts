import * as z from 'zod';
import { ReleaseStatusSchema } from '../assess/assessment.js';
import { FamilySchema } from '../core/vocabulary.js';
import { ExtentSchema } from '../normalize/marker-record.js';

/**
 * Withheld extent as the documents state it, summed per unit. A FRUS placeholder such as
 * `[1 paragraph (11-1/2 lines of source text) not declassified]` adds 1 to `paragraphs` and
 * 11.5 to `lines`; "less than 1 line" adds 1 (an upper bound). Placeholders that state no
 * extent (`[REDACTED]`, `█████`, a deleted-page sheet) are counted in `unstated`.
 */
export const ExtentTallySchema = z.object({
  /** Lines withheld, including the lines a paragraph count states in parentheses. */
  lines: z.number().nonnegative(),
  paragraphs: z.number().nonnegative(),
  pages: z.number().nonnegative(),
  words: z.number().nonnegative(),
  /** Placeholders that do not state their extent. */
  unstated: z.number().int().nonnegative(),
});
/** Withheld extent per unit; see {@link ExtentTallySchema}. */
export type ExtentTally = z.infer<typeof ExtentTallySchema>;

/**
 * Redaction placeholders (every redaction record except `illegible` and mentions), split by
 * whether a withholding code stands beside them (same page, within 3 lines).
 */
export const RedactionTallySchema = z.object({
  total: z.number().int().nonnegative(),
  withCode: z.number().int().nonnegative(),
  withoutCode: z.number().int().nonnegative(),
});
/** Placeholder counts; see {@link RedactionTallySchema}. */
export type RedactionTally = z.infer<typeof RedactionTallySchema>;

/** How often one code is marked in a document (mentions excluded). */
export const DocumentCodeCountSchema = z.object({
  /** `family:code`, e.g. `foia:b6`. */
  key: z.string(),
  family: FamilySchema,
  code: z.string(),
  /** The catalog's meaning of the code, or `null` when the catalog does not know it. */
  label: z.string().nullable(),
  /** Records with this key whose role is not `mention`. */
  count: z.number().int().positive(),
  /** The 1-based page the code first appears on. */
  firstPage: z.number().int().positive(),
  /** Every 1-based page the code appears on, ascending. */
  pages: z.array(z.number().int().positive()),
});
/** One code's count in one document; see {@link DocumentCodeCountSchema}. */
export type DocumentCodeCount = z.infer<typeof DocumentCodeCountSchema>;

/** How often one code is marked across the corpus (mentions excluded). */
export const CorpusCodeCountSchema = z.object({
  key: z.string(),
  family: FamilySchema,
  code: z.string(),
  label: z.string().nullable(),
  /** The citation the code rests on, from the catalog, or `null`. */
  authority: z.string().nullable(),
  /** Records with this key whose role is not `mention`, in all documents. */
  count: z.number().int().positive(),
  /** How many documents mark it. */
  documents: z.number().int().positive(),
  /** Where it first appears: the first document (in input order) and its 1-based page. */
  first: z.object({ source: z.string().nullable(), page: z.number().int().positive() }),
});
/** One code's count across the corpus; see {@link CorpusCodeCountSchema}. */
export type CorpusCodeCount = z.infer<typeof CorpusCodeCountSchema>;

/** Records per family (mentions excluded), in the order of `FAMILIES`; families with no record are left out. */
export const FamilyCountSchema = z.object({ family: FamilySchema, count: z.number().int().positive() });
/** Records of one family; see {@link FamilyCountSchema}. */
export type FamilyCount = z.infer<typeof FamilyCountSchema>;

/**
 * Two withholding codes cited together: on the same line, or beside the same placeholder, e.g.
 * `foia:b6` + `foia:b7C`. `keys` is sorted; `count` is the number of withholdings (rows of the
 * withholding index) that cite both.
 */
export const CoOccurrenceSchema = z.object({
  keys: z.tuple([z.string(), z.string()]),
  count: z.number().int().positive(),
});
/** A pair of codes cited together; see {@link CoOccurrenceSchema}. */
export type CoOccurrence = z.infer<typeof CoOccurrenceSchema>;

/** One page of a document in a summary. */
export const PageSummarySchema = z.object({
  /** 1-based ordinal of the page. */
  number: z.number().int().positive(),
  /** The page number printed on it, when a page marker gives one. */
  label: z.string().nullable(),
  /** Records on the page, mentions excluded. */
  records: z.number().int().nonnegative(),
  /** Codes on the page (all families but `page`, mentions excluded), by key. */
  codes: z.array(z.object({ key: z.string(), count: z.number().int().positive() })),
  redactions: RedactionTallySchema,
  extent: ExtentTallySchema,
});
/** One page's summary; see {@link PageSummarySchema}. */
export type PageSummary = z.infer<typeof PageSummarySchema>;

/**
 * One withholding, as a row of a Vaughn index: a redaction placeholder with the codes beside it,
 * or a line of withholding codes that stands beside no placeholder (a `25X1` in the margin).
 */
export const WithholdingSchema = z.object({
  source: z.string().nullable(),
  /** 1-based page ordinal. */
  page: z.number().int().positive(),
  /** The page number printed on the page, when known. */
  pageLabel: z.string().nullable(),
  /** 1-based line and column, 0-based UTF-16 offset of the placeholder (or of the first code). */
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  offset: z.number().int().nonnegative(),
  /** `placeholder` for a redaction record, `code` for codes standing alone. */
  kind: z.enum(['placeholder', 'code']),
  /** The placeholder's code (`redacted`, `not-declassified`, `blacked-out` …), or `null` for a `code` row. */
  placeholder: z.string().nullable(),
  /** The text of the placeholder or of the codes, as written (for a streamed document, whose text was not kept, the codes joined by spaces). */
  raw: z.string(),
  /** Keys of the withholding codes cited, sorted; empty when none stands beside the placeholder. */
  codes: z.array(z.string()),
  /** The stated extent, or `null`. */
  extent: ExtentSchema.nullable(),
  /** Up to 60 characters either side, whitespace collapsed, `…` where cut; `null` for a streamed document, whose text was not kept. */
  context: z.string().nullable(),
  /** Ids of the records the row is made of: the placeholder first, then the codes. */
  recordIds: z.array(z.string()),
});
/** A row of the withholding (Vaughn) index; see {@link WithholdingSchema}. */
export type Withholding = z.infer<typeof WithholdingSchema>;

/** What one document withholds and marks. */
export const DocumentSummarySchema = z.object({
  source: z.string().nullable(),
  status: ReleaseStatusSchema,
  /** The highest classification marked, or `null`. */
  highestClassification: z.string().nullable(),
  /** Records found, mentions excluded. */
  records: z.number().int().nonnegative(),
  /** Records whose role is `mention`: reported, never counted as markings. */
  mentions: z.number().int().nonnegative(),
  /** Records left out because their confidence was below the `minConfidence` given; absent when none was given. */
  belowConfidence: z.number().int().nonnegative().optional(),
  codes: z.array(DocumentCodeCountSchema),
  families: z.array(FamilyCountSchema),
  coOccurrences: z.array(CoOccurrenceSchema),
  redactions: RedactionTallySchema,
  extent: ExtentTallySchema,
  /** Rows of the withholding index that belong to this document. */
  withholdings: z.number().int().nonnegative(),
  pages: z.array(PageSummarySchema),
});
/** One document's summary; see {@link DocumentSummarySchema}. */
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

/** Totals over every document of a summary. */
export const CorpusSummarySchema = z.object({
  documents: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  records: z.number().int().nonnegative(),
  mentions: z.number().int().nonnegative(),
  /** Records left out in all documents because their confidence was below the `minConfidence` given; absent when none was given. */
  belowConfidence: z.number().int().nonnegative().optional(),
  codes: z.array(CorpusCodeCountSchema),
  families: z.array(FamilyCountSchema),
  coOccurrences: z.array(CoOccurrenceSchema),
  redactions: RedactionTallySchema,
  extent: ExtentTallySchema,
  /** Documents per release status (every status listed, zeros included). */
  statuses: z.object({
    'released-in-full': z.number().int().nonnegative(),
    'released-in-part': z.number().int().nonnegative(),
    'still-marked': z.number().int().nonnegative(),
    unmarked: z.number().int().nonnegative(),
  }),
  /** Documents per highest classification (`TS`, `S` … or `none`), most severe first. */
  classifications: z.array(z.object({ code: z.string(), documents: z.number().int().positive() })),
});
/** Corpus totals; see {@link CorpusSummarySchema}. */
export type CorpusSummary = z.infer<typeof CorpusSummarySchema>;

/**
 * Exemption summary of a set of documents: per document (with per-page detail), across the
 * corpus, and the withholding index with one row per withholding.
 */
export const SummarySchema = z.object({
  corpus: CorpusSummarySchema,
  documents: z.array(DocumentSummarySchema),
  withholdings: z.array(WithholdingSchema),
});
/** An exemption summary; see {@link SummarySchema}. */
export type Summary = z.infer<typeof SummarySchema>;
