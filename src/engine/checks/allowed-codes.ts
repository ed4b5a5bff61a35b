import * as z from 'zod';
import { defineCheck } from '../check-kind.js';
import { globToRegExp } from '../selector.js';

/** `allowed-codes`: each selected record's key must match one of `keys` (globs such as `foia:b7*`, `declass:25X?`); others are findings. */
export const allowedCodesCheck = defineCheck({
  kind: 'allowed-codes',
  description: "Each selected record's key must be on an allow-list.",
  options: z.strictObject({ keys: z.array(z.string().min(1)).min(1) }),
  run(context, options) {
    const allowed = options.keys.map(globToRegExp);
    return context.subjects.filter((r) => !allowed.some((g) => g.test(r.key))).map((r) => ({ records: [r] }));
  },
});
