import { z } from 'zod';
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
    const groups: Array<{ start: number; records: MarkerRecord[] }> =
      options.scope === 'document'
        ? [{ start: 0, records: [...context.subjects] }]
        : context.pages.map((p) => ({ start: p.start, records: context.subjects.filter((r) => r.page === p.number) }));
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
