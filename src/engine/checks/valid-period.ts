import * as z from 'zod';
import type { AssessedDate } from '../../assess/assessment.js';
import { dateBounds } from '../../assess/date-bounds.js';
import { getCatalog } from '../../catalog/catalog.js';
import type { MarkerRecord } from '../../normalize/marker-record.js';
import { defineCheck } from '../check-kind.js';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD');

/**
 * `valid-period`: each selected record must have been applied inside its validity window —
 * the catalog's (`valid.from`…`valid.to`) unless `from`/`to` are given (both inclusive) —
 * judged against the document date, the review date or the record's own date (a stamp's
 * `isoDate`). Records with no date to judge by, or whose date was read from the text with a
 * confidence below `minConfidence`, are skipped. A year-only date is outside only
 * when the whole year is.
 */
export const validPeriodCheck = defineCheck({
  kind: 'valid-period',
  description: 'Each selected record must fall inside its validity window for the chosen date.',
  options: z.strictObject({
    /** Which date to judge by. */
    date: z.enum(['document', 'review', 'record']),
    /** First valid day (inclusive); overrides the catalog. */
    from: IsoDate.optional(),
    /** Last valid day (inclusive); overrides the catalog. */
    to: IsoDate.optional(),
    /** Skip document or review dates read from the text with a confidence below this (explicit dates have 1). */
    minConfidence: z.number().min(0).max(1).default(0),
  }),
  run(context, options) {
    const catalog = getCatalog();
    const out = [];
    const sure = (d: AssessedDate | null): AssessedDate | null => (d && d.confidence >= options.minConfidence ? d : null);
    const dateOf = (r: MarkerRecord): Pick<AssessedDate, 'iso' | 'year' | 'raw'> | null => {
      if (options.date === 'document') return sure(context.assessment.documentDate);
      if (options.date === 'review') return sure(context.assessment.reviewDate);
      const iso = r.attributes.isoDate;
      return typeof iso === 'string' ? { iso, year: Number(iso.slice(0, 4)), raw: iso } : null;
    };
    for (const r of context.subjects) {
      const date = dateOf(r);
      if (!date) continue;
      const entry = catalog.lookup(r.family, r.code);
      const from = options.from ?? (options.to === undefined ? entry?.valid.from : undefined) ?? null;
      const to = options.to ?? (options.from === undefined ? entry?.valid.to : undefined) ?? null;
      if (from === null && to === null) continue;
      const [lo, hi] = dateBounds(date);
      if ((from !== null && hi < from) || (to !== null && lo > to)) {
        out.push({ records: [r], values: { date: date.iso ?? String(date.year), value: `${from ?? '…'} to ${to ?? '…'}` } });
      }
    }
    return out;
  },
});
