import { describe, expect, it } from 'vitest';
import { analyze, assess, combineRules, createReport, evaluate, getBuiltInRuleSet, scan, summarize } from '../src/index.js';

// The stages after the scan (assess, evaluate, summarize, report) on inputs built to make them
// compare everything with everything. Work is counted, not timed: every property read on a
// record, date or page goes through a counting proxy, and every step of an array iterator
// (for…of, spreads such as [...list, r], new Set(list)) is counted too, so copying a list per
// record shows as well as comparing every pair. Growing an input 4× may grow the
// count at most 5× (n log n gives 4.7× at these sizes; n² gives 16×) — or 5/4 of what the
// output grows, when the output itself grows faster: the withholding index lists, for every
// placeholder, each code within 3 lines, so a line of n placeholders and n codes has n² entries
// by definition. `npm run bench:adversarial` times the same inputs.

/** Wraps each item in a proxy that counts property reads. */
function counting<T extends object>(items: readonly T[], counter: { reads: number }): T[] {
  return items.map((item) => new Proxy(item, { get: (target, key, receiver) => ((counter.reads += 1), Reflect.get(target, key, receiver)) }));
}

const rules = combineRules([getBuiltInRuleSet('strict')]);

/**
 * Runs `stages` with every array iterator counting its steps. Only synchronous code runs in
 * between, so only the stages' own iterations are counted.
 */
function countingIterations<T>(counter: { reads: number }, stages: () => T): T {
  const original = Array.prototype[Symbol.iterator];
  Array.prototype[Symbol.iterator] = function counted(this: unknown[]) {
    const inner = original.call(this);
    return Object.assign(Object.create(inner) as IterableIterator<unknown>, {
      next: () => ((counter.reads += 1), inner.next()),
      [Symbol.iterator]() {
        return this;
      },
    });
  };
  try {
    return stages();
  } finally {
    Array.prototype[Symbol.iterator] = original;
  }
}

/** Property reads on records, dates and pages and array iteration steps of assess, evaluate, summarize and createReport for one text, and the size of what they return. */
function workAfterScan(text: string): { reads: number; output: number } {
  const scanned = scan(text, { source: 'doc.txt' });
  const counter = { reads: 0 };
  const records = counting(scanned.records, counter);
  const dates = counting(scanned.dates, counter);
  const pages = counting(scanned.pages, counter);
  const { assessment, findings, withholdings } = countingIterations(counter, () => {
    const assessment = assess({ records, pages, dates });
    const findings = evaluate({ text, source: 'doc.txt', records, pages, assessment }, rules);
    const { withholdings } = summarize([{ source: 'doc.txt', text, records, pages, assessment }]);
    createReport([{ source: 'doc.txt', text, records, pages, dates, assessment, findings }]);
    return { assessment, findings, withholdings };
  });
  let output = records.length + findings.length;
  for (const f of findings) output += f.recordIds.length;
  for (const r of assessment.redactions) output += r.codes.length;
  for (const w of withholdings) output += w.recordIds.length;
  return { reads: counter.reads, output };
}

const STAMP = 'DECLASSIFIED Authority NND 12345 By JB NARA Date 5/1/98\n';

/** The adversarial inputs of issue 15 (item 5) and their kin, as a unit repeated n times. */
const INPUTS: Array<[name: string, unit: (i: number) => string, n: number, tail?: string]> = [
  ['SECRET on every line (one page)', () => 'SECRET\n', 2000],
  ['a placeholder and a code on every line', () => '[REDACTED] (b)(1)\n', 2000],
  ['TOP SECRET//NOFORN on every line', () => 'TOP SECRET//NOFORN\n', 1000],
  ['a dated line and a release stamp on every line', () => `Date: January 1, 1970\n${STAMP}`, 1000],
  ['(b)(1)(A)(3) on every line', () => '(b)(1)(A)(3)\n', 2000],
  ['placeholders and codes on one line', (i) => (i % 2 === 0 ? '█████ (b)(6) ' : '[REDACTED] (b)(7)(C) '), 400],
  ['portion marks above the banners, the highest banner last', () => '(TS) The plan.\nRESTRICTED\n', 1000, 'CONFIDENTIAL\n'],
];

describe('work after the scan grows at most 5× when the input grows 4× (item 5)', () => {
  for (const [name, unit, n, tail = ''] of INPUTS) {
    it(name, () => {
      const make = (count: number): string => Array.from({ length: count }, (_, i) => unit(i)).join('') + tail;
      const small = workAfterScan(make(n));
      const large = workAfterScan(make(4 * n));
      expect(small.reads).toBeGreaterThan(n);
      const allowed = 5 * Math.max(1, large.output / small.output / 4);
      expect(large.reads / small.reads, `${small.reads} → ${large.reads} reads; output ${small.output} → ${large.output}`).toBeLessThanOrEqual(allowed);
    });
  }
});

describe('no stack overflow on long lists (item 4)', () => {
  it('analyzes 130,000 dated lines (2.9 MB) without a RangeError', () => {
    const text = 'Date: January 1, 1970\n'.repeat(130_000);
    const result = analyze(text, { ruleSets: [] });
    expect(result.dates).toHaveLength(130_000);
    expect(result.assessment.documentDate?.year).toBe(1970);
  });

  it('summarizes 2 MB of "(b)(1)(A)(3)" lines without a RangeError', () => {
    const text = '(b)(1)(A)(3)\n'.repeat(160_000);
    const result = analyze(text, { ruleSets: [] });
    const { corpus } = summarize([{ ...result, text }]);
    expect(corpus.records).toBe(result.records.filter((r) => r.role !== 'mention' && r.family !== 'page').length);
    expect(corpus.records).toBeGreaterThan(150_000);
  });
});
