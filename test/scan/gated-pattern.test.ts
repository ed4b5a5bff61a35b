import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { findRegisteredTriggers, findTriggers, gate, gatedMatches, gatedPatterns, type GatedPattern } from '../../src/scan/gated-pattern.js';
import { createScanContext } from '../../src/scan/scan-context.js';
import { compileTriggers, expand, findAllTriggers, trigger } from '../../src/scan/trigger-automaton.js';
import '../../src/scan.js';
import { BENCH_ROOT, loadCorpusSet } from '../support/corpus.js';

/**
 * Every gated pattern must find exactly the matches `String.prototype.matchAll` finds: same
 * offsets, same text, same groups. This is what lets the scanner try only the positions near a
 * trigger without changing any result.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

function viaMatchAll(text: string, p: GatedPattern): string[] {
  return [...text.matchAll(p.re)].map((m) => JSON.stringify([m.index, ...m]));
}
/** As the scanner runs it: every trigger found in one pass, then the pattern tried near its own. */
function viaTriggers(text: string, p: GatedPattern): string[] {
  return createScanContext(text)
    .matches(p)
    .map((m) => JSON.stringify([m.index, ...m]));
}

function corpusTexts(): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  for (const name of ['dev', 'dev-extra']) {
    const set = loadCorpusSet(name);
    if (set) for (const d of set.documents) out.push({ name: `${name}/${d.file}`, text: set.text(d.file) });
  }
  const bench = join(BENCH_ROOT, 'jfk-ocr.txt.gz');
  // 6 MB of noisy OCR: long enough to meet most patterns many times over.
  if (existsSync(bench)) out.push({ name: 'bench/jfk-ocr (first 6 MB)', text: gunzipSync(readFileSync(bench)).toString('utf8').slice(0, 6_000_000) });
  const doctly = join(BENCH_ROOT, 'jfk-doctly.txt.gz');
  if (existsSync(doctly)) out.push({ name: 'bench/jfk-doctly (first 6 MB)', text: gunzipSync(readFileSync(doctly)).toString('utf8').slice(0, 6_000_000) });
  return out;
}

describe('the trigger automaton', () => {
  it('finds every occurrence of every literal, overlapping ones included, folding case only when asked', () => {
    const sensitive = trigger('t1', ['ab', 'abc', 'bc', 'b']);
    const folded = trigger('t2', ['AB', 'xyz'], false);
    const compiled = compileTriggers([sensitive, folded]);
    const text = 'abcAbc xYz ab';
    expect(findAllTriggers(text, compiled)).toEqual([[0, 1, 4, 11, 12], [0, 3, 7, 11]]);
  });

  it('reports every place indexOf finds a registered literal, on corpus text', () => {
    const text = corpusTexts().map((d) => d.text).join('\n').slice(0, 3_000_000);
    const lookup = findRegisteredTriggers(text);
    for (const p of gatedPatterns()) {
      if (!p.trigger.caseSensitive) continue;
      const got = new Set(lookup(p.trigger));
      for (const lit of p.trigger.literals) {
        for (let i = text.indexOf(lit); i !== -1; i = text.indexOf(lit, i + 1)) expect(got.has(i), `${p.trigger.name}: "${lit}" at ${i}`).toBe(true);
      }
    }
  });

  it('reads every digit, every space character and every block character alike (a superset)', () => {
    const compiled = compileTriggers([trigger('d', ['1/2']), trigger('s', ['a b']), trigger('k', ['█'])]);
    expect(findAllTriggers('7-9 3/4 a\tb ■', compiled)).toEqual([[4], [8], [12]]);
  });

  it('expands small patterns into literals', () => {
    expect(expand(['O', '0'], ['', ' '], 'R')).toEqual(['OR', 'O R', '0R', '0 R']);
  });
});

let cases = 0;
afterAll(() => {
  if (cases > 0) console.log(`gated patterns property: ${cases} cases ran, each checking every pattern against matchAll`);
});

describe('gated patterns', () => {
  const patterns = gatedPatterns();
  const texts = corpusTexts();

  it('are registered by the detectors', () => {
    expect(patterns.length).toBeGreaterThan(10);
    expect(new Set(patterns.map((p) => p.name)).size).toBe(patterns.length);
  });

  it.each(patterns.map((p) => [p.name, p] as const))('%s finds what matchAll finds on the corpus', (_name, p) => {
    for (const { name, text } of texts) {
      const want = viaMatchAll(text, p);
      const got = viaTriggers(text, p);
      expect(got, `${p.name} on ${name}`).toEqual(want);
    }
  });

  it('find what matchAll finds on random text built from pattern pieces', () => {
    const pieces = [
      'Page', '[Facsimile Page 2]', '---------- Page 3', '## Page 4', 'Page 2 of 5', 'DocId: 32204411 Page 1', '(b)(1)', '( b ) ( 7 ) ( C )', '(X)',
      'SECRET', 'S E C R E T', 'TOP  SECRET', 'T O P SECRET', 'CONFIDENTIAL', 'C O N F I D E N T I A L', 'UNCLASSIFIED', 'Top Secret', 'Secret',
      'OADR', 'O A D R', '0A3R', '25X1', '2SX (1)', '50X1-HUM', 'X1', 'XGDS-2', 'GDS', 'RDS-3', 'E2 IMPDET', '6-2.- IMPDET', 'IMPDET', 'GROUP 3',
      'JFK Act 6 (1)(B)', 'RESTRICTIONS: 1B; 4', 'Exempt from GDS Category 2', '5B(2)', 'CLASSIFICATION: Secret', 'ORIGINAL CLASSIFICATION:',
      '(S) ', '1. (TS//NF) ', '[^1] (U) ', ' 1. Source: ', '[REDACTED]', '[1 line not declassified]', '2 pages of source text not declassified',
      'XXXXX', 'xxxxx', 'XXXX XXXX', 'Approved For Release 2004/05/05 : CIA-RDP80B01495R000200090015-8', 'Sanitized Copy Approved for Release',
      'Declassified in Part - ', '1993 RELEASED UNDER THE JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992', 'CIA HAS NO OBJECTION TO',
      'NO DOD OSSECTION TO', 'ALL INFORMATION CONTAINED HEREIN IS UNCLASSIFIED', 'REPRODUCTION BY OTHER THAN THE ISSUING OFFICE IS PROHIBITED',
      'CL BY: 0012', 'DECL: OADR', '- * DERIVED FROM: ', 'Reason: 1.4(b)', '~~SECRET~~', '~~', '\n', '\r\n', '\r', ' ', '\t', '-', '#', '*',
      '(', ')', '[', ']', 'a', 'Z', '1', '5', '/', '.', ':', '😀', '\u2028',
    ];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 })), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        // One context, as in a scan: every trigger found in one pass, shared by all patterns.
        const context = createScanContext(text);
        for (const p of patterns) expect(context.matches(p).map((m) => JSON.stringify([m.index, ...m])), p.name).toEqual(viaMatchAll(text, p));
        cases++;
      }),
      { numRuns: RUNS },
    );
  }, 900_000);

  it('catches a broken trigger contract (the test can fail)', () => {
    // "IMPDET" matches start up to 12 code units before the word; a back of 0 misses "E2 IMPDET".
    const broken = gate('test/broken', /(?:(?<![A-Za-z0-9])([E6])[-.\s]{0,4}([1-4])?[-.\s]{0,6})?IMPDET\b/g, trigger('test IMPDET', ['IMPDET']), 0);
    const text = 'DECL: E2 IMPDET';
    expect(viaTriggers(text, broken)).not.toEqual(viaMatchAll(text, broken));
    const text2 = 'E2 IMPDET';
    expect(gatedMatches(text2, broken, findTriggers(text2, broken.trigger)).map((m) => m[0])).toEqual(['IMPDET']);
  });

  it('refuses patterns without the g flag', () => {
    expect(() => gate('test/no-g', /a/, trigger('a', ['a']))).toThrow(/g flag/);
    expect(() => trigger('empty', [''])).toThrow(/non-empty/);
  });
});
