import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { SelectorListSchema } from '../selector.js';

/** Options shared by `co-occurrence` and `exclusive`. */
const ScopeOptions = z.strictObject({
  /** The other records. */
  with: SelectorListSchema,
  /** Look on the subject's page (default) or in the whole document. */
  scope: z.enum(['page', 'document']).default('page'),
});

/** `co-occurrence`: each selected record needs a `with` record on its page (or in the document); those without one are findings. */
export const coOccurrenceCheck = defineCheck({
  kind: 'co-occurrence',
  description: 'Each selected record needs another record beside it on its page or in the document.',
  options: ScopeOptions,
  run(context, options) {
    const others = context.select(options.with);
    return context.subjects
      .filter((r) => !others.some((o) => o !== r && (options.scope === 'document' || o.page === r.page)))
      .map((r) => ({ records: [r] }));
  },
});

/** `exclusive`: a selected record must not share its page (or the document) with a `with` record; each that does is a finding naming the other. */
export const exclusiveCheck = defineCheck({
  kind: 'exclusive',
  description: 'Selected records must not appear together with other records on a page or in the document.',
  options: ScopeOptions,
  run(context, options) {
    const others = context.select(options.with);
    const out = [];
    for (const r of context.subjects) {
      const other = others.find((o) => o !== r && (options.scope === 'document' || o.page === r.page));
      if (other) out.push({ records: [r, other], values: { value: other.raw } });
    }
    return out;
  },
});
