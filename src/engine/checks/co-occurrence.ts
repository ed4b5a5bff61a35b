import * as z from 'zod';
import type { MarkerRecord } from '../../normalize/marker-record.js';
import { defineCheck } from '../check-kind.js';
import { SelectorListSchema } from '../selector.js';

/** Options shared by `co-occurrence` and `exclusive`. */
const ScopeOptions = z.strictObject({
  /** The other records. */
  with: SelectorListSchema,
  /** Look on the subject's page (default) or in the whole document. */
  scope: z.enum(['page', 'document']).default('page'),
});

/**
 * For each scope (a page, or the whole document as page 0): its first two `with` records in
 * document order. The first of them that is not a given record is that record's partner, so
 * each subject costs one lookup, not a pass over every other record.
 */
function firstTwoByScope(others: readonly MarkerRecord[], scope: 'page' | 'document'): (r: MarkerRecord) => MarkerRecord | undefined {
  const firsts = new Map<number, MarkerRecord[]>();
  for (const o of others) {
    const key = scope === 'document' ? 0 : o.page;
    const list = firsts.get(key);
    if (!list) firsts.set(key, [o]);
    else if (list.length < 2) list.push(o);
  }
  return (r) => {
    const list = firsts.get(scope === 'document' ? 0 : r.page);
    return list?.[0] !== r ? list?.[0] : list[1];
  };
}

/** `co-occurrence`: each selected record needs a `with` record on its page (or in the document); those without one are findings. */
export const coOccurrenceCheck = defineCheck({
  kind: 'co-occurrence',
  description: 'Each selected record needs another record beside it on its page or in the document.',
  options: ScopeOptions,
  run(context, options) {
    const partnerOf = firstTwoByScope(context.select(options.with), options.scope);
    return context.subjects.filter((r) => partnerOf(r) === undefined).map((r) => ({ records: [r] }));
  },
});

/** `exclusive`: a selected record must not share its page (or the document) with a `with` record; each that does is a finding naming the other. */
export const exclusiveCheck = defineCheck({
  kind: 'exclusive',
  description: 'Selected records must not appear together with other records on a page or in the document.',
  options: ScopeOptions,
  run(context, options) {
    const partnerOf = firstTwoByScope(context.select(options.with), options.scope);
    const out = [];
    for (const r of context.subjects) {
      const other = partnerOf(r);
      if (other) out.push({ records: [r, other], values: { value: other.raw } });
    }
    return out;
  },
});
