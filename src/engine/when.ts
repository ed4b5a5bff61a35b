import * as z from 'zod';
import { ReleaseStatusSchema, type AssessedDate, type Assessment } from '../assess/assessment.js';
import { dateBounds } from '../assess/date-bounds.js';
import type { MarkerRecord } from '../normalize/marker-record.js';
import { compileSelectorList, SelectorListSchema } from './selector.js';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD');

/**
 * A condition on a date: `before` and `after` are exclusive bounds. `unknown` says what to do
 * when the document has no such date: `skip` the rule (default) or `apply` it anyway.
 */
export const DateConditionSchema = z.strictObject({
  before: IsoDate.optional(),
  after: IsoDate.optional(),
  unknown: z.enum(['skip', 'apply']).default('skip'),
});
/** A date condition; see {@link DateConditionSchema}. */
export type DateCondition = z.infer<typeof DateConditionSchema>;

/**
 * When a rule applies to a document at all. Every key given must hold.
 *
 * @example
 * { reviewDate: { after: '1995-10-13' }, hasNot: { family: 'stamp' } }
 */
export const WhenSchema = z.strictObject({
  /** The document holds a record matching this selector. */
  has: SelectorListSchema.optional(),
  /** The document holds no record matching this selector. */
  hasNot: SelectorListSchema.optional(),
  documentDate: DateConditionSchema.optional(),
  reviewDate: DateConditionSchema.optional(),
  /** The assessment's release status is one of these. */
  status: z.union([ReleaseStatusSchema, z.array(ReleaseStatusSchema).min(1)]).optional(),
});
/** A rule's document condition; see {@link WhenSchema}. */
export type When = z.infer<typeof WhenSchema>;

/** A compiled `when`: true when the rule applies to the document. */
export type DocumentPredicate = (records: readonly MarkerRecord[], assessment: Assessment) => boolean;

function dateHolds(date: AssessedDate | null, condition: DateCondition): boolean {
  if (!date) return condition.unknown === 'apply';
  const [lo, hi] = dateBounds(date);
  // A year-only date satisfies a bound only when the whole year does.
  if (condition.before !== undefined && !(hi < condition.before)) return false;
  if (condition.after !== undefined && !(lo > condition.after)) return false;
  return true;
}

/** Compiles a `when` condition; `undefined` always applies. */
export function compileWhen(when: When | undefined): DocumentPredicate {
  if (!when) return () => true;
  const has = when.has === undefined ? undefined : compileSelectorList(when.has);
  const hasNot = when.hasNot === undefined ? undefined : compileSelectorList(when.hasNot);
  const statuses = when.status === undefined ? undefined : Array.isArray(when.status) ? when.status : [when.status];
  return (records, assessment) =>
    (!has || records.some(has)) &&
    (!hasNot || !records.some(hasNot)) &&
    (!when.documentDate || dateHolds(assessment.documentDate, when.documentDate)) &&
    (!when.reviewDate || dateHolds(assessment.reviewDate, when.reviewDate)) &&
    (!statuses || statuses.includes(assessment.status));
}
