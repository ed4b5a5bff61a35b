import * as z from 'zod';
import type { AssessedDate } from '../../assess/assessment.js';
import { dateBounds } from '../../assess/date-bounds.js';
import { getCatalog } from '../../catalog/catalog.js';
import type { MarkerRecord } from '../../normalize/marker-record.js';
import { pageAt } from '../../normalize/build-pages.js';
import { defineCheck, type CheckResult } from '../check-kind.js';
import { describeDateEvidence } from '../describe-date-evidence.js';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD');

/**
 * `valid-period`: each selected record must have been applied inside its validity window —
 * the catalog's (`valid.from`…`valid.to`) unless `from`/`to` are given (both inclusive) —
 * judged against the document date, the review date or the record's own date (a stamp's
 * `isoDate`). Records with no date to judge by, or whose date was read from the text with a
 * confidence below `minConfidence`, are skipped. A year-only date is outside only
 * when the whole year is. A document or review date that is not explicit evidence (see
 * `AssessedDate.explicit`: a date from prose, a form field, a later line) makes a `warning` at
 * most, whose message names the date and where it was read.
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
    /**
     * What to do when the date is not explicit evidence for a record (read from prose, a form
     * field, a later line, or a dateline more than one page before the record): `warn` gives a
     * `warning` that names the date and where it was read (default); `skip` gives nothing.
     */
    weakEvidence: z.enum(['warn', 'skip']).default('warn'),
  }),
  run(context, options) {
    const catalog = getCatalog();
    const out = [];
    const sure = (d: AssessedDate | null): AssessedDate | null => (d && d.confidence >= options.minConfidence ? d : null);
    const assessed = options.date === 'document' ? sure(context.assessment.documentDate) : options.date === 'review' ? sure(context.assessment.reviewDate) : null;
    // A dateline dates the records of its own page and the next; further on, a file of several
    // documents (a cable packet) has moved on to others.
    const datelinePage = assessed?.source === 'dateline' && assessed.span && context.pages.length > 0 ? pageAt(context.pages, assessed.span.start.offset) : null;
    const isWeak = (r: MarkerRecord): boolean =>
      assessed !== null && (!assessed.explicit || (datelinePage !== null && r.page > datelinePage + 1));
    // Weak evidence: at most a warning, naming the date and where it was read.
    const weak = (r: MarkerRecord): Partial<CheckResult> => {
      if (options.date === 'record' || !assessed || !isWeak(r)) return {};
      const far = assessed.explicit ? `, ${r.page - (datelinePage as number)} pages before this one` : '';
      return { atMost: 'warning', evidence: describeDateEvidence(options.date, assessed).replace(/;/, `${far};`) };
    };
    const dateOf = (r: MarkerRecord): Pick<AssessedDate, 'iso' | 'year' | 'raw'> | null => {
      if (options.date !== 'record') return assessed;
      const iso = r.attributes.isoDate;
      return typeof iso === 'string' ? { iso, year: Number(iso.slice(0, 4)), raw: iso } : null;
    };
    for (const r of context.subjects) {
      const date = dateOf(r);
      if (!date || (options.weakEvidence === 'skip' && options.date !== 'record' && isWeak(r))) continue;
      const entry = catalog.lookup(r.family, r.code);
      const from = options.from ?? (options.to === undefined ? entry?.valid.from : undefined) ?? null;
      const to = options.to ?? (options.from === undefined ? entry?.valid.to : undefined) ?? null;
      if (from === null && to === null) continue;
      const [lo, hi] = dateBounds(date);
      if ((from !== null && hi < from) || (to !== null && lo > to)) {
        out.push({ records: [r], values: { date: date.iso ?? String(date.year), value: `${from ?? '…'} to ${to ?? '…'}` }, ...weak(r) });
      }
    }
    return out;
  },
});
