import * as z from 'zod';
import { defineCheck } from '../check-kind.js';

/** `low-confidence`: each selected record read with confidence below `below` is a finding, to verify by eye. */
export const lowConfidenceCheck = defineCheck({
  kind: 'low-confidence',
  description: 'Each selected record below a confidence is a finding.',
  options: z.strictObject({ below: z.number().gt(0).max(1) }),
  run: (context, options) =>
    context.subjects.filter((r) => r.confidence < options.below).map((r) => ({ records: [r], values: { value: r.confidence } })),
});
