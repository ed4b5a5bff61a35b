import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocator } from '../../src/core/position.js';
import { scan } from '../../src/scan.js';
import { loadCorpusSet } from '../support/corpus.js';

/**
 * Cases per property: a CI subset by default; `npm run fuzz` sets FUZZ_RUNS=100000. The seed is
 * printed with any failure by fast-check; FUZZ_SEED replays one.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const SEED = process.env.FUZZ_SEED === undefined ? {} : { seed: Number(process.env.FUZZ_SEED) };
let casesRun = 0;
afterAll(() => {
  console.log(`scan properties: ${casesRun} cases ran (FUZZ_RUNS=${RUNS} per property); vitest reports any failure with its seed`);
});

// Real marking fragments, as they stand in the development corpus.
const FRAGMENTS = [
  '(b)(1)', '(b) (3)', '(b)(7)(C)', 'b7E-1, 2', 'B6', '(a)(3)', '(c)(1)', '(X)', 'OADR', 'OALR', '0A3R', '25X1', '25X (1)(6)',
  '50X1-HUM', 'DECL ON: X1', 'E2 IMPDET', 'SECRET', '~~SECRET~~', 'TOP SECRET', '(S) ', 'EYES ONLY', 'NOFORN', 'RYBAT WNINTEL',
  '[REDACTED]', '[illegible]', '[less than 1 line of source text not declassified]', '█████', 'XXXXXX', '[Facsimile Page 2]',
  '☒ RELEASE ☒ DECLASSIFIED\n☐ EXCISE', 'REVIEWED BY *Moskowitz* DATE *3/3*', 'NW 50953 DocId:32337518 Page 1', '\f',
  'Approved For Release 2004/05/05 : CIA-RDP80BO1495R000200090015-8', 'CL REASON: 1.5 (c)', 'RELEASE IN PART B5', '\r\n', '\n',
  '[', ']', '(', ')', '~~', '😀', 'é', ' ',
];

/**
 * Fragments drawn from the development corpus: each gold marker's text with up to 24 characters
 * either side, so real spellings arrive with the real text around them.
 */
function corpusFragments(): string[] {
  const out: string[] = [];
  for (const name of ['dev', 'dev-extra']) {
    const set = loadCorpusSet(name);
    if (!set) continue;
    for (const doc of set.documents) {
      const text = set.text(doc.file);
      for (const m of doc.markers) out.push(text.slice(Math.max(0, m.start - 24), Math.min(text.length, m.end + 24)));
    }
  }
  return out;
}
const CORPUS_FRAGMENTS = corpusFragments();

const fragmentArb = CORPUS_FRAGMENTS.length > 0 ? fc.oneof(fc.constantFrom(...FRAGMENTS), fc.constantFrom(...CORPUS_FRAGMENTS)) : fc.constantFrom(...FRAGMENTS);
const documentArb = fc
  .array(fc.oneof(fragmentArb, fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 40 })
  .map((parts) => parts.join(''));

function checkInvariants(text: string): void {
  casesRun += 1;
  const result = scan(text);
  const locator = createLocator(text);
  let lastStart = -1;
  let lastPage = 0;
  for (const r of result.records) {
    expect(r.span.start.offset).toBeGreaterThanOrEqual(0);
    expect(r.span.end.offset).toBeLessThanOrEqual(text.length);
    expect(r.span.end.offset).toBeGreaterThan(r.span.start.offset);
    expect(text.slice(r.span.start.offset, r.span.end.offset)).toBe(r.raw);
    expect(r.span.start).toEqual(locator.toPoint(r.span.start.offset));
    expect(r.span.start.offset).toBeGreaterThanOrEqual(lastStart);
    expect(r.page).toBeGreaterThanOrEqual(lastPage);
    lastStart = r.span.start.offset;
    lastPage = r.page;
  }
  const pages = result.pages;
  expect(pages[0]?.start).toBe(0);
  pages.forEach((p, i) => expect(p.number).toBe(i + 1));
}

describe('scan properties', () => {
  it('never throws on arbitrary strings; spans in bounds, sorted, exact', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => checkInvariants(text)), { numRuns: RUNS, ...SEED });
  });

  it('holds the invariants on documents built from real marking fragments', () => {
    fc.assert(fc.property(documentArb, (text) => checkInvariants(text)), { numRuns: RUNS, ...SEED });
  });

  it('draws real fragments from the development corpus', () => {
    if (loadCorpusSet('dev')) expect(CORPUS_FRAGMENTS.length).toBeGreaterThan(250);
  });

  it('gives the same records whether pages are found in the text or given as pageStarts', () => {
    fc.assert(
      fc.property(fc.array(documentArb, { minLength: 1, maxLength: 4 }), (pages) => {
        casesRun += 1;
        const text = pages.join('\f');
        const whole = scan(text);
        const given = scan(text, { pageStarts: whole.pages.map((p) => p.start) });
        expect(given.records).toEqual(whole.records);
        expect(given.pages.map((p) => [p.start, p.end])).toEqual(whole.pages.map((p) => [p.start, p.end]));
      }),
      { numRuns: Math.max(200, Math.floor(RUNS / 5)), ...SEED },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(documentArb, (text) => {
        casesRun += 1;
        expect(JSON.stringify(scan(text))).toBe(JSON.stringify(scan(text)));
      }),
      { numRuns: Math.max(300, Math.floor(RUNS / 5)), ...SEED },
    );
  });
});

describe('pathological input (results, not time)', () => {
  it('handles 100k × "(b)(" without a record', () => {
    expect(scan('(b)('.repeat(100_000)).records.filter((r) => r.family === 'foia')).toEqual([]);
  });
  it('handles 100k × "[" and unclosed "~~"', () => {
    expect(scan('['.repeat(100_000)).records).toEqual([]);
    expect(scan(`~~SECRET ${'~'.repeat(1000)}`).records.every((r) => r.raw.length < 2000)).toBe(true);
  });
  it('handles 1 MB of X as one typed-over run', () => {
    const records = scan('X'.repeat(1_000_000)).records;
    expect(records.map((r) => r.key)).toEqual(['redaction:redacted']);
  });
  it('handles 100k nested parentheses and a 1 MB line of codes', () => {
    expect(() => scan(`${'('.repeat(100_000)}b${')'.repeat(100_000)}`)).not.toThrow();
    const line = '(b)(1) '.repeat(150_000);
    expect(scan(line).records.filter((r) => r.key === 'foia:b1')).toHaveLength(150_000);
  });
  it('keeps offsets exact next to astral characters and CRLF', () => {
    const text = '😀(b)(6)\r\n😀OADR\r\n';
    const result = scan(text);
    expect(result.records.map((r) => [r.key, r.raw, r.span.start.line, r.span.start.column])).toEqual([
      ['foia:b6', '(b)(6)', 1, 3],
      ['declass:OADR', 'OADR', 2, 3],
    ]);
  });
});
