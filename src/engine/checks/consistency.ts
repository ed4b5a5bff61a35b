import * as z from 'zod';
import { LEVEL_RANK } from '../../assess/level-rank.js';
import { groupBy } from '../../core/group-by.js';
import type { MarkerRecord } from '../../normalize/marker-record.js';
import { defineCheck } from '../check-kind.js';

/** The levels banners and portion marks compare on; control levels (FOUO, CUI …) are left out. */
const BANNER_LEVELS = new Set(['TS', 'S', 'C', 'R', 'U']);
const RANK = (code: string): number => LEVEL_RANK[code] as number;

/**
 * `consistency`: classification markings that contradict each other.
 *
 * - `portion-above-banner`: a portion mark (`(TS)`) higher than the highest banner of the document.
 * - `banners-differ-on-page`: banner markings of different levels on the same page (top and bottom banners disagree).
 *
 * Cancelled markings count: a cancelled banner still states the level the page had.
 */
export const consistencyCheck = defineCheck({
  kind: 'consistency',
  description: 'Classification markings that contradict each other.',
  options: z.strictObject({ aspect: z.enum(['portion-above-banner', 'banners-differ-on-page']) }),
  run(context, options) {
    const levels = context.records.filter((r) => r.family === 'classification' && BANNER_LEVELS.has(r.code));
    const banners = levels.filter((r) => r.role === 'marking');
    if (options.aspect === 'portion-above-banner') {
      // The highest banner (the first of its rank).
      let highest: MarkerRecord | undefined;
      for (const b of banners) if (!highest || RANK(b.code) > RANK(highest.code)) highest = b;
      if (!highest) return [];
      const top = RANK(highest.code);
      const value = highest.code;
      return levels.filter((r) => r.role === 'portion' && RANK(r.code) > top).map((r) => ({ records: [r], values: { value } }));
    }
    const out = [];
    for (const list of groupBy(banners, (b) => b.page).values()) {
      const distinct = [...new Set(list.map((r) => r.code))];
      if (distinct.length > 1) out.push({ records: list, values: { value: distinct.join(', ') } });
    }
    return out;
  },
});
