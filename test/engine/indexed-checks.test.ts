import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createNearIndex, isWithholdingCode, isWithholdingPlaceholder, lineDistance, NEAR_LINES, offsetDistance } from '../../src/assess/code-proximity.js';
import { createLocator } from '../../src/core/position.js';
import { coOccurrenceCheck, exclusiveCheck } from '../../src/engine/checks/co-occurrence.js';
import { nearCheck } from '../../src/engine/checks/near.js';
import { requireAttributeCheck } from '../../src/engine/checks/require-attribute.js';
import type { CheckContext } from '../../src/engine/check-kind.js';
import { compileSelectorList, type SelectorList } from '../../src/engine/selector.js';
import { assess, scan, type MarkerRecord } from '../../src/index.js';

// The checks and lookups that index records instead of comparing every pair give exactly what
// the pairwise definitions give, on random documents of real marking fragments.

const RUNS = Math.min(Number(process.env.FUZZ_RUNS ?? 300), 3000);
let documentsChecked = 0;
afterAll(() => console.log(`indexed checks: ${documentsChecked} random documents compared with the pairwise definitions (FUZZ_RUNS capped at 3000 per property)`));

const FRAGMENTS = [
  '(b)(1)', '(b)(6)', '(b)(7)(C)', 'b6', '25X1', 'OADR', '[REDACTED]', '█████', '[1 line not declassified]', '[illegible]',
  'SECRET', 'TOP SECRET', 'CONFIDENTIAL', '(S) ', '(TS) ', 'NOFORN', 'text ', 'the talks ', '\n', '\n', '\n\n', '\f', ' ',
  'DECLASSIFIED Authority NND 12345 By JB NARA Date 5/1/98', 'Date: January 1, 1970', 'March 3, 1999', 'RELEASE IN PART B5',
];
const documents = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(''));

function contextOf(text: string): CheckContext {
  documentsChecked += 1;
  const scanned = scan(text);
  return {
    text,
    source: null,
    records: scanned.records,
    subjects: scanned.records.filter(compileSelectorList(undefined)),
    pages: scanned.pages,
    assessment: assess(scanned),
    locator: createLocator(text),
    select: (selectors: SelectorList | undefined) => scanned.records.filter(compileSelectorList(selectors)),
  };
}

const ids = (results: ReadonlyArray<{ records: readonly MarkerRecord[] }>): string[][] => results.map((r) => r.records.map((m) => m.id));

describe('indexed checks give what the pairwise definitions give', () => {
  it('near (lines and/or characters, same page or not)', () => {
    fc.assert(
      fc.property(documents, fc.option(fc.nat(4), { nil: undefined }), fc.option(fc.nat(40), { nil: undefined }), fc.boolean(), (text, lines, characters, samePage) => {
        fc.pre(lines !== undefined || characters !== undefined);
        const context = contextOf(text);
        const target = { family: 'foia' as const };
        const options = nearCheck.options.parse({ target, samePage, ...(lines !== undefined ? { lines } : {}), ...(characters !== undefined ? { characters } : {}) });
        const targets = context.select(target);
        const expected = context.subjects.filter(
          (s) =>
            !targets.some(
              (t) =>
                t !== s &&
                (!samePage || t.page === s.page) &&
                (lines === undefined || lineDistance(s, t) <= lines) &&
                (characters === undefined || offsetDistance(s, t) <= characters),
            ),
        );
        expect(ids(nearCheck.run(context, options))).toEqual(expected.map((r) => [r.id]));
      }),
      { numRuns: RUNS },
    );
  });

  it('co-occurrence and exclusive (page and document scope)', () => {
    fc.assert(
      fc.property(documents, fc.constantFrom('page' as const, 'document' as const), (text, scope) => {
        const context = contextOf(text);
        const withSel = { family: ['foia', 'classification'] as ('foia' | 'classification')[] };
        const others = context.select(withSel);
        const partner = (r: MarkerRecord): MarkerRecord | undefined => others.find((o) => o !== r && (scope === 'document' || o.page === r.page));
        const co = coOccurrenceCheck.run(context, coOccurrenceCheck.options.parse({ with: withSel, scope }));
        expect(ids(co)).toEqual(context.subjects.filter((r) => !partner(r)).map((r) => [r.id]));
        const ex = exclusiveCheck.run(context, exclusiveCheck.options.parse({ with: withSel, scope }));
        expect(ids(ex)).toEqual(context.subjects.flatMap((r) => (partner(r) ? [[r.id, (partner(r) as MarkerRecord).id]] : [])));
      }),
      { numRuns: RUNS },
    );
  });

  it('require-attribute with samePage', () => {
    fc.assert(
      fc.property(documents, (text) => {
        const context = contextOf(text);
        const complete = (r: MarkerRecord): boolean => r.attributes.statute !== undefined;
        const expected = context.subjects.filter((r) => !complete(r) && !context.subjects.some((o) => o.page === r.page && o.key === r.key && complete(o)));
        expect(ids(requireAttributeCheck.run(context, requireAttributeCheck.options.parse({ attributes: 'statute', samePage: true })))).toEqual(expected.map((r) => [r.id]));
      }),
      { numRuns: RUNS },
    );
  });

  it('the codes beside each placeholder (same page, within 3 lines)', () => {
    fc.assert(
      fc.property(documents, (text) => {
        const { records } = scan(text);
        const codes = records.filter(isWithholdingCode);
        const index = createNearIndex(codes);
        for (const p of records.filter(isWithholdingPlaceholder)) {
          const expected = codes.filter((c) => c.page === p.page && lineDistance(p, c) <= NEAR_LINES);
          expect(index.codesNear(p)).toEqual(expected);
          expect(index.keysNear(p)).toEqual([...new Set(expected.map((c) => c.key))].sort());
        }
      }),
      { numRuns: RUNS },
    );
  });
});
