import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLoneTokens, LONE_TOKEN } from '../../src/scan/lone-tokens.js';
import { BENCH_ROOT, loadCorpusSet } from '../support/corpus.js';

/** What the reference expression gives. */
function reference(text: string): Array<{ index: number; tokenStart: number; token: string }> {
  return [...text.matchAll(LONE_TOKEN)].map((m) => ({ index: m.index, tokenStart: m.index + m[0].lastIndexOf(m[1] as string), token: m[1] as string }));
}

describe('findLoneTokens', () => {
  it('finds what the expression finds on the corpora (line-by-line fast path and fallback)', () => {
    const texts: string[] = [];
    for (const name of ['dev', 'dev-extra']) {
      const set = loadCorpusSet(name);
      if (set) for (const d of set.documents) texts.push(set.text(d.file));
    }
    const bench = join(BENCH_ROOT, 'jfk-ocr.txt.gz');
    const hasBench = existsSync(bench);
    if (hasBench) for (const doc of gunzipSync(readFileSync(bench)).toString('utf8').slice(0, 8_000_000).split(/^(?==== )/m)) texts.push(doc);
    else console.log(`lone tokens: ${bench} is not there; checked on the repository's corpora only`);
    let fast = 0;
    let found = 0;
    for (const text of texts) {
      if (!/\r|\u2028|\u2029/.test(text)) fast++;
      const want = reference(text);
      found += want.length;
      expect(findLoneTokens(text)).toEqual(want);
    }
    // The fast path must serve the LF texts (nearly all of them), and the corpora hold real lone tokens.
    expect(fast).toBeGreaterThan(hasBench ? 100 : 40);
    expect(found).toBeGreaterThan(hasBench ? 100 : 5);
  });

  it('finds what the expression finds on random lines of markup, letters and breaks', () => {
    const pieces = ['SECRET', 'SBRERET', 'secret', 'S<CRET', 'Soviet', 'END OF MESSAGE', 'MESSAGE', 'END', 'ENDOF', 'OF', 'ENDORSE', '  ', '\n', '\r\n', '\r', '\u2028', ' ', '\t', '*', '#', '-', '—', '™', '.', '"', '”', ']', '[', '<', 'ab', 'x', '1'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(findLoneTokens(text)).toEqual(reference(text));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000) },
    );
  }, 900_000);
});
