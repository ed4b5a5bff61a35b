import * as z from 'zod';
import { groupBy } from '../../core/group-by.js';
import type { MarkerRecord } from '../../normalize/marker-record.js';
import { defineCheck } from '../check-kind.js';
import { SelectorListSchema } from '../selector.js';

/**
 * Targets sorted by start, with, for each prefix, the two targets that end furthest: whether
 * some target other than a given record lies within a window is then one binary search.
 */
interface TargetIndex {
  sorted: MarkerRecord[];
  /** For the prefix ending at k: the target of it that ends furthest, and the next one. */
  first: Array<MarkerRecord | undefined>;
  second: Array<MarkerRecord | undefined>;
}

function endsLater(a: MarkerRecord, b: MarkerRecord | undefined): boolean {
  return b === undefined || a.span.end.offset > b.span.end.offset;
}

function indexTargets(targets: readonly MarkerRecord[]): TargetIndex {
  const sorted = [...targets].sort((a, b) => a.span.start.offset - b.span.start.offset);
  const first: Array<MarkerRecord | undefined> = [];
  const second: Array<MarkerRecord | undefined> = [];
  let a: MarkerRecord | undefined;
  let b: MarkerRecord | undefined;
  for (const t of sorted) {
    if (endsLater(t, a)) [a, b] = [t, a];
    else if (endsLater(t, b)) b = t;
    first.push(a);
    second.push(b);
  }
  return { sorted, first, second };
}

/**
 * `near`: each selected record must have a `target` record close by — within `lines` lines
 * (0 = the same line) or `characters` code units, on the same page unless `samePage: false`.
 * A record that is itself a target does not count as its own neighbour.
 *
 * A target is close when it starts no later than the window's end and ends no earlier than its
 * start (in lines and in code units). Lines grow with offsets, so the targets starting early
 * enough are a prefix of the targets sorted by start, and among them the one ending furthest
 * decides: one binary search per record, not a pass over every target.
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
    const byPage = options.samePage ? groupBy(targets, (t) => t.page) : new Map<number, MarkerRecord[]>();
    const indexes = new Map<number, TargetIndex>();
    const indexOf = (page: number): TargetIndex | undefined => {
      const key = options.samePage ? page : 0;
      let index = indexes.get(key);
      if (!index) {
        const list = options.samePage ? byPage.get(page) : targets;
        if (!list) return undefined;
        indexes.set(key, (index = indexTargets(list)));
      }
      return index;
    };
    const { lines, characters } = options;
    const hasNeighbour = (s: MarkerRecord): boolean => {
      const index = indexOf(s.page);
      if (!index) return false;
      // The window: targets must start by (lastLine, lastOffset) and end from (firstLine, firstOffset) on.
      const lastLine = lines === undefined ? Number.POSITIVE_INFINITY : s.span.end.line + lines;
      const lastOffset = characters === undefined ? Number.POSITIVE_INFINITY : s.span.end.offset + characters;
      const firstLine = lines === undefined ? Number.NEGATIVE_INFINITY : s.span.start.line - lines;
      const firstOffset = characters === undefined ? Number.NEGATIVE_INFINITY : s.span.start.offset - characters;
      let lo = 0;
      let hi = index.sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const t = index.sorted[mid] as MarkerRecord;
        if (t.span.start.line <= lastLine && t.span.start.offset <= lastOffset) lo = mid + 1;
        else hi = mid;
      }
      if (lo === 0) return false;
      const reaches = (t: MarkerRecord | undefined): boolean => t !== undefined && t.span.end.line >= firstLine && t.span.end.offset >= firstOffset;
      const best = index.first[lo - 1];
      return best !== s ? reaches(best) : reaches(index.second[lo - 1]);
    };
    return context.subjects.filter((s) => !hasNeighbour(s)).map((r) => ({ records: [r] }));
  },
});
