import * as z from 'zod';
import { defineCheck } from '../check-kind.js';
import { compileSafePattern } from '../safe-pattern.js';

/** Findings one `pattern` rule reports per document at most. */
const MAX_MATCHES = 1000;

/**
 * `pattern`: every match of a user regular expression over the document's text is a finding,
 * for things no detector knows. Patterns run on the linear-time RE2 engine; one that cannot
 * (backreferences, look-around) or that nests unbounded repetition is refused when the rule set
 * loads. The rule's `where` is not used.
 */
export const patternCheck = defineCheck({
  kind: 'pattern',
  description: 'Every match of a regular expression (RE2 syntax) is a finding.',
  options: z
    .strictObject({
      pattern: z.string().min(1),
      /** `i` ignore case, `m` multi-line anchors, `s` dot matches line breaks. */
      flags: z.string().regex(/^[ims]*$/, 'flags may hold only i, m and s').default(''),
    })
    .superRefine((o, ctx) => {
      const compiled = compileSafePattern(o.pattern, o.flags);
      if ('code' in compiled) ctx.addIssue({ code: 'custom', path: ['pattern'], message: compiled.message, params: { issueCode: compiled.code, hint: compiled.hint } });
    }),
  run(context, options) {
    const compiled = compileSafePattern(options.pattern, options.flags);
    if ('code' in compiled) return [];
    return compiled.matches(context.text, MAX_MATCHES).map(([start, end]) => ({
      records: [],
      span: context.locator.toSpan(start, end),
      values: { raw: context.text.slice(start, end), value: context.text.slice(start, end) },
    }));
  },
});
