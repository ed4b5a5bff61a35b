import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError, scan, scanStream, SEGMENT_LENGTH, type ScannedPage } from '../src/index.js';
import { BENCH_ROOT, loadCorpusSet } from './support/corpus.js';
import { cut } from './support/cut.js';

async function collect(chunks: AsyncIterable<string> | Iterable<string>): Promise<{ pages: ScannedPage['page'][]; records: ScannedPage['records']; dates: ScannedPage['dates'] }> {
  const out = { pages: [] as ScannedPage['page'][], records: [] as ScannedPage['records'], dates: [] as ScannedPage['dates'] };
  for await (const p of scanStream(chunks)) {
    out.pages.push(p.page);
    // No spread: a page of a long text can hold more records than a call takes arguments.
    for (const r of p.records) out.records.push(r);
    for (const d of p.dates) out.dates.push(d);
  }
  return out;
}

function expectSameAsWhole(text: string, streamed: Awaited<ReturnType<typeof collect>>): void {
  const whole = scan(text);
  expect(streamed.records).toEqual(whole.records);
  expect(streamed.pages).toEqual(whole.pages);
  expect(streamed.dates).toEqual(whole.dates);
}

/** Several MB of real text from the benchmark corpus, or the dev corpus repeated. */
function longText(): string {
  const bench = join(BENCH_ROOT, 'jfk-ocr.txt.gz');
  if (existsSync(bench)) return gunzipSync(readFileSync(bench)).toString('utf8').slice(0, 3 * SEGMENT_LENGTH + 12345);
  const set = loadCorpusSet('dev');
  const all = set ? set.documents.map((d) => set.text(d.file)).join('\n') : '(b)(1) SECRET\n';
  return all.repeat(Math.ceil((3 * SEGMENT_LENGTH) / all.length));
}

describe('scanStream', () => {
  it('yields, page by page, exactly what scan gives for each development document, in any chunking', async () => {
    for (const name of ['dev', 'dev-extra']) {
      const set = loadCorpusSet(name);
      if (!set) continue;
      for (const [i, doc] of set.documents.entries()) {
        const text = set.text(doc.file);
        expectSameAsWhole(text, await collect(cut(text, [1 + (i % 7), 97, 4096, 13])));
      }
    }
  });

  it('gives the same records as scan on a multi-segment text, whole or in random chunks, with LF, CRLF or lone CR line ends', async () => {
    const base = longText();
    expect(base.length).toBeGreaterThan(3 * SEGMENT_LENGTH);
    for (const text of [base, base.replace(/\n/g, '\r\n'), base.replace(/\n/g, '\r')]) {
      const streamed = await collect(cut(text, [65536, 1, 7919, 300000, 2]));
      expect(streamed.records.length).toBeGreaterThan(1000);
      expectSameAsWhole(text, streamed);
    }
  });

  it('gives the same records as scan at every segment boundary of a text dense with markings', async () => {
    // Plain prose, with 8,000 code units of dense markings around each place a segment ends.
    const unit = 'SECRET\n(b)(1) (b)(3) 50 USC 3024(i)\n[REDACTED] 25X1\r\n~~CONFIDENTIAL~~ DECL: OADR\rPage 2 of 9\n\f';
    const prose = 'the committee met again on the question of the new building and its cost.\n';
    let text = '';
    for (let k = 1; k <= 3; k++) {
      text += prose.repeat(Math.ceil((k * SEGMENT_LENGTH - 4000 - text.length) / prose.length));
      text += unit.repeat(Math.ceil(8000 / unit.length));
    }
    const streamed = await collect(cut(text, [33333, 1]));
    expect(streamed.records.length).toBeGreaterThan(2000);
    expectSameAsWhole(text, streamed);
  });

  it('pages a text marked only by footers at its end, as scan does', async () => {
    const text = 'SECRET\n(b)(6)\nPage 1 of 2\n(b)(7)(C)\nPage 2 of 2\n';
    const streamed = await collect(cut(text, [5]));
    expect(streamed.pages.map((p) => p.number)).toEqual([1, 2]);
    expectSameAsWhole(text, streamed);
  });

  it('hands out the pages of a long footer-paged text without copying what is left once per page', async () => {
    // Footers page a text only at its end, so every record waits until then: handing them out
    // page by page once copied the rest of the list for each page (2.6 MB of 20,000 footer
    // pages took 33 s). Counted, not timed: the elements every Array#slice returns while the
    // stream runs, for n and 4n pages. Linear work grows about 4×; copying per page grows 16×.
    const footerPaged = (pages: number): string =>
      Array.from({ length: pages }, (_, k) => `SECRET\nA memo line with (b)(1) and (b)(3) withheld. [REDACTED]\nPage ${k + 1} of ${pages}\n`).join('');
    const copied = async (text: string): Promise<{ elements: number; pages: number }> => {
      const original = Array.prototype.slice;
      let elements = 0;
      Array.prototype.slice = function counted(this: unknown[], ...args: [number?, number?]) {
        const out = original.apply(this, args);
        elements += out.length;
        return out;
      };
      try {
        const streamed = await collect(cut(text, [65536]));
        return { elements, pages: streamed.pages.length };
      } finally {
        Array.prototype.slice = original;
      }
    };
    const small = await copied(footerPaged(1000));
    const large = await copied(footerPaged(4000));
    expect([small.pages, large.pages]).toEqual([1000, 4000]);
    expect(large.elements / small.elements).toBeLessThan(5);
  });

  it('takes sync iterables, async iterables and empty input', async () => {
    async function* gen(): AsyncGenerator<string> {
      yield '(b)(1)\n';
      yield '';
      yield 'OADR';
    }
    expect((await collect(gen())).records.map((r) => r.key)).toEqual(['foia:b1', 'declass:OADR']);
    const empty = await collect([]);
    expect(empty.pages).toEqual([{ number: 1, label: null, start: 0, end: 0 }]);
    expect(empty.records).toEqual([]);
  });

  it('refuses what is not a stream of strings, with the reason', async () => {
    await expect(collect(42 as never)).rejects.toThrow(InvalidArgumentError);
    await expect(collect([new Uint8Array(3)] as never)).rejects.toThrow(/every chunk must be a string, got object/);
    await expect(collect(scanStream(['x'], { families: ['nope' as never] }) as never)).rejects.toThrow(/unknown family "nope"/);
  });
});

describe('scanStream, property', () => {
  let cases = 0;
  afterAll(() => {
    if (cases > 0) console.log(`scanStream property: ${cases} cases ran (streamed in random chunk sizes = scanned whole)`);
  });
  it('streamed in random chunk sizes, any text gives what scan gives', async () => {
    const pieces = ['(b)(1)', 'SECRET', '\r\n', '\r', '\n', '\f', 'Page 2 of 3', '[Facsimile Page 2]', '## Page 4', 'OADR', '[REDACTED]', '😀', '~~', 'DocId: 32204411 Page 1'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 })), { maxLength: 40 }).map((p) => p.join('')),
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 8 }),
        async (text, sizes) => {
          cases++;
          expectSameAsWhole(text, await collect(cut(text, sizes)));
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });
});
