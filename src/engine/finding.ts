import * as z from 'zod';
import { SpanSchema } from '../core/position.js';
import { SeveritySchema } from '../core/severity.js';

/**
 * What a rule reports about a document, in the shape of vfile-message: who (`ruleId`), how
 * serious, what (`message`), where (`span`, `page`, `source`), about which records, and the
 * citation to read.
 */
export const FindingSchema = z.object({
  /** The rule's id, kebab-case and stable: `redact-no-code`. */
  ruleId: z.string(),
  severity: SeveritySchema,
  /** The rule's message with its placeholders filled in. */
  message: z.string(),
  /** The document's `source` (path or label), or `null`. */
  source: z.string().nullable(),
  /** Where the finding points: its first record's span, or the document's start for document-level findings. */
  span: SpanSchema,
  /** 1-based page of `span.start`. */
  page: z.number().int().positive(),
  /** Ids of the records the finding is about (`key@offset`), in document order. */
  recordIds: z.array(z.string()),
  /** A link explaining the rule, or `null`. */
  url: z.string().nullable(),
  /** The statute, Executive Order section or CFR part the rule rests on, or `null`. */
  authority: z.string().nullable(),
  /**
   * A stable fingerprint for baselines: a hash of the rule id, the codes and the normalized
   * text of the finding's line (on a line longer than 300 code units, the 300 either side of
   * the finding). Offsets are left out, so edits elsewhere do not change it.
   */
  fingerprint: z.string(),
});
/** A finding; see {@link FindingSchema}. */
export type Finding = z.infer<typeof FindingSchema>;
