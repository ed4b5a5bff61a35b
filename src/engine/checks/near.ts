import { z } from 'zod';
import { lineDistance, offsetDistance } from '../../assess/code-proximity.js';
import { defineCheck } from '../check-kind.js';
import { SelectorListSchema } from '../selector.js';

/**
 * `near`: each selected record must have a `target` record close by — within `lines` lines
 * (0 = the same line) or `characters` code units, on the same page unless `samePage: false`.
 * A record that is itself a target does not count as its own neighbour.
 */
export const nearCheck = defineCheck({
  kind: 'near',
  description: 'Each selected record must have a target record within a distance.',
  options: z
    .strictObject({
      /** What must be close by. */
      target: SelectorListSchema,
      /** Maximum distance in lines (0 = the same line). */
      lines: z.number().int().nonnegative().optional(),
      /** Maximum distance in UTF-16 code units between the spans. */
      characters: z.number().int().nonnegative().optional(),
      /** Only targets on the same page count (default `true`). */
      samePage: z.boolean().default(true),
    })
    .refine((o) => o.lines !== undefined || o.characters !== undefined, { message: 'give `lines` or `characters`', path: ['lines'] }),
  run(context, options) {
    const targets = context.select(options.target);
    return context.subjects
      .filter(
        (subject) =>
          !targets.some(
            (t) =>
              t !== subject &&
              (!options.samePage || t.page === subject.page) &&
              (options.lines === undefined || lineDistance(subject, t) <= options.lines) &&
              (options.characters === undefined || offsetDistance(subject, t) <= options.characters),
          ),
      )
      .map((r) => ({ records: [r] }));
  },
});
