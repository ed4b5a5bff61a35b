import * as z from 'zod';
import { defineCheck } from '../check-kind.js';

/** `require`: the document must hold at least one record the rule's `where` selects; one finding at the document's start when it holds none. */
export const requireCheck = defineCheck({
  kind: 'require',
  description: 'The document must contain a selected record.',
  options: z.strictObject({}),
  run: (context) => (context.subjects.length > 0 ? [] : [{ records: [] }]),
});
