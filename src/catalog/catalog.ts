import * as z from 'zod';
import { CatalogError } from '../core/errors.js';
import { FamilySchema, type Family } from '../core/vocabulary.js';
import { catalogData } from './catalog-data.js';

/** An ISO calendar date, `YYYY-MM-DD`. */
const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date, YYYY-MM-DD');

/** What the catalog says about one code. */
export const CatalogEntrySchema = z.strictObject({
  /** One line: what the code means (paraphrased). */
  label: z.string().min(1),
  /** The citation the code rests on: statute, Executive Order section, CFR. */
  authority: z.string().min(1),
  /** The window in which the code may be applied; `null` ends are open. */
  valid: z.strictObject({ from: IsoDateSchema.nullable(), to: IsoDateSchema.nullable() }),
  /** How well the facts are checked: `P` primary source, `S` secondary, `U` unverified. */
  tag: z.enum(['P', 'S', 'U']),
  /** Literal forms a detector searches for (control and classification markings). */
  spellings: z.array(z.string().min(1)).optional(),
  /**
   * The wording of a printed notice or stamp (stamps), read word by word and OCR-tolerantly: a
   * line counts when most of the words stand in order, each within an edit bound of its length.
   */
  phrases: z.array(z.string().min(1)).optional(),
  /**
   * Where a spelling counts as a marking: `after-level` only right after a classification
   * level on its line (`SECRET SENSITIVE`), never on its own. Absent: wherever markings stand.
   */
  position: z.enum(['after-level']).optional(),
  /** Anything a reviewer should know. */
  notes: z.string().optional(),
});
/** What the catalog says about one code; see {@link CatalogEntrySchema}. */
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;

const CatalogFileSchema = z.strictObject({
  file: z.string(),
  family: FamilySchema,
  title: z.string(),
  codes: z.record(z.string(), CatalogEntrySchema),
});

const CatalogSchema = z.array(CatalogFileSchema);

/** The catalog of codes: meaning, authority, validity and spellings, by family and code. */
export interface Catalog {
  /** The entry for `family:code`, or `undefined` when the catalog does not know the code. */
  lookup(family: Family, code: string): CatalogEntry | undefined;
  /** Every code of a family with its entry, in catalog order. */
  codes(family: Family): ReadonlyArray<readonly [code: string, entry: CatalogEntry]>;
}

let cached: Catalog | undefined;

/**
 * The catalog built into the package (compiled from `rules/catalog/*.yaml`).
 * It is validated on first use; a failure throws {@link CatalogError}, which means the
 * package itself is broken.
 */
export function getCatalog(): Catalog {
  if (cached) return cached;
  const parsed = CatalogSchema.safeParse(catalogData);
  if (!parsed.success) {
    throw new CatalogError(`the built-in catalog is invalid: ${z.prettifyError(parsed.error)}`);
  }
  const byFamily = new Map<Family, Map<string, CatalogEntry>>();
  for (const file of parsed.data) {
    const map = byFamily.get(file.family) ?? new Map<string, CatalogEntry>();
    for (const [code, entry] of Object.entries(file.codes)) map.set(code, entry);
    byFamily.set(file.family, map);
  }
  cached = {
    lookup: (family, code) => byFamily.get(family)?.get(code),
    codes: (family) => [...(byFamily.get(family) ?? new Map<string, CatalogEntry>())],
  };
  return cached;
}
