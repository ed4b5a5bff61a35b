import * as z from 'zod';

/** One hand-annotated marker of a gold file (JSON Lines; see {@link GoldDocumentSchema}). Offsets are 0-based UTF-16, `end` exclusive. */
export const GoldMarkerSchema = z.looseObject({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  /** Gold family: `foia`, `privacy`, `eo-exemption`, `classification`, `control`, `redaction`, `stamp`. */
  family: z.string(),
  code: z.string(),
  /** Optional markers are neither missed when absent nor false when found. */
  optional: z.boolean().optional(),
  /** Further codes written in the same token (`25X16` → `25X1`, also `25X6`). */
  also: z.array(z.string()).optional(),
});
/** One gold marker; see {@link GoldMarkerSchema}. */
export type GoldMarker = z.infer<typeof GoldMarkerSchema>;

/** One line of a gold file: a document and its markers. */
export const GoldDocumentSchema = z.looseObject({
  file: z.string(),
  kind: z.string().optional(),
  /** Exact substrings that look like markers but are not. */
  negatives: z.array(z.string()).optional(),
  markers: z.array(GoldMarkerSchema),
});
/** One gold document; see {@link GoldDocumentSchema}. */
export type GoldDocument = z.infer<typeof GoldDocumentSchema>;

/** A problem in a gold file: its 1-based line and what is wrong. */
export interface GoldIssue {
  line: number;
  message: string;
}

/** Parses a gold file (JSON Lines). Bad lines are returned as issues, never thrown. */
export function parseGold(jsonl: string): { documents: GoldDocument[]; issues: GoldIssue[] } {
  const documents: GoldDocument[] = [];
  const issues: GoldIssue[] = [];
  jsonl.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      issues.push({ line: i + 1, message: `not JSON: ${(error as Error).message}` });
      return;
    }
    const parsed = GoldDocumentSchema.safeParse(value);
    if (parsed.success) documents.push(parsed.data);
    else issues.push({ line: i + 1, message: z.prettifyError(parsed.error) });
  });
  return { documents, issues };
}
