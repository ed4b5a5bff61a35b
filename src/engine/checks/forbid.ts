import * as z from 'zod';
import { defineCheck } from '../check-kind.js';

/** `forbid`: every record the rule's `where` selects is a finding. */
export const forbidCheck = defineCheck({
  kind: 'forbid',
  description: 'Every selected record is a finding.',
  options: z.strictObject({}),
  run: (context) => context.subjects.map((r) => ({ records: [r] })),
});
