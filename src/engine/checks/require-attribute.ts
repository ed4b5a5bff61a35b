import * as z from 'zod';
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
    // Pages and keys on which some subject carries every attribute.
    const complete = new Set<string>();
    if (options.samePage) for (const o of context.subjects) if (missing(o).length === 0) complete.add(`${o.page}\u0000${o.key}`);
    const out = [];
    for (const r of context.subjects) {
      const lacking = missing(r);
      if (lacking.length === 0) continue;
      if (options.samePage && complete.has(`${r.page}\u0000${r.key}`)) continue;
      out.push({ records: [r], values: { value: lacking.join(', ') } });
    }
    return out;
  },
});
