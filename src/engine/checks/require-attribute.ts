import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { attributeAt } from '../selector.js';

/**
 * `require-attribute`: each selected record must carry the named attributes (dotted paths
 * reach inside: `extent.quantity`). With `samePage: true`, another record of the same key on
 * the same page carrying them also satisfies the rule (a statute written once per page).
 */
export const requireAttributeCheck = defineCheck({
  kind: 'require-attribute',
  description: 'Each selected record must carry the named attributes.',
  options: z.strictObject({
    attributes: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    samePage: z.boolean().default(false),
  }),
  run(context, options) {
    const names = Array.isArray(options.attributes) ? options.attributes : [options.attributes];
    const missing = (r: (typeof context.records)[number]): string[] => names.filter((n) => attributeAt(r, n) === undefined);
    const out = [];
    for (const r of context.subjects) {
      const lacking = missing(r);
      if (lacking.length === 0) continue;
      if (options.samePage && context.subjects.some((o) => o.page === r.page && o.key === r.key && missing(o).length === 0)) continue;
      out.push({ records: [r], values: { value: lacking.join(', ') } });
    }
    return out;
  },
});
