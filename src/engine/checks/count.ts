import * as z from 'zod';
import { groupBy } from '../../core/group-by.js';
import type { MarkerRecord } from '../../normalize/marker-record.js';
import { defineCheck } from '../check-kind.js';

/**
 * `count`: the number of selected records per page (or in the document) must be at least
 * `min` and at most `max`. One finding per page (or document) out of bounds, at its first
 * selected record or at the page's start.
 */
export const countCheck = defineCheck({
  kind: 'count',
  description: 'The number of selected records per page or document must lie within bounds.',
  options: z
    .strictObject({
      min: z.number().int().nonnegative().optional(),
      max: z.number().int().nonnegative().optional(),
      scope: z.enum(['page', 'document']).default('document'),
    })
    .refine((o) => o.min !== undefined || o.max !== undefined, { message: 'give `min` or `max`', path: ['min'] })
    .refine((o) => o.min === undefined || o.max === undefined || o.min <= o.max, { message: '`min` must not exceed `max`', path: ['max'] }),
  run(context, options) {
    let groups: Array<{ start: number; records: MarkerRecord[] }>;
    if (options.scope === 'document') groups = [{ start: 0, records: [...context.subjects] }];
    else {
      const byPage = groupBy(context.subjects, (r) => r.page);
      groups = context.pages.map((p) => ({ start: p.start, records: byPage.get(p.number) ?? [] }));
    }
    const out = [];
    for (const g of groups) {
      const n = g.records.length;
      if ((options.min !== undefined && n < options.min) || (options.max !== undefined && n > options.max)) {
        out.push({ records: g.records, span: context.locator.toSpan(g.start, g.start), values: { count: n } });
      }
    }
    return out;
  },
});
