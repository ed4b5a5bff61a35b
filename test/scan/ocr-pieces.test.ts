import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONFUSABLE, isConfusable, ocrDistance, PAIRS } from '../../src/scan/ocr.js';
import { holdsPiece, ocrClassOf, piecesOf } from '../../src/scan/ocr-pieces.js';
import { getVocabulary } from '../../src/scan/vocabulary.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
const SEED = process.env.FUZZ_SEED === undefined ? {} : { seed: Number(process.env.FUZZ_SEED) };

/** The written text as letter classes, the way readLine folds a line's tokens. */
function fold(written: string): Uint8Array {
  return Uint8Array.from(written, (ch) => ocrClassOf(ch.charCodeAt(0)));
}

/** Where each piece starts in the spelling and how long it is, from the flat layout of piecesOf. */
function spans(packed: Int32Array | undefined): Array<{ offset: number; length: number }> {
  const out: Array<{ offset: number; length: number }> = [];
  for (let k = 0; packed && k < packed.length; k += 2 + (packed[k + 1] as number)) out.push({ offset: packed[k] as number, length: packed[k + 1] as number });
  return out;
}

/** True when the pieces of `letters` for `budget` let `written` through, as readLine asks (from its start, m + budget characters). */
function passes(written: string, letters: string, budget: number): boolean {
  const pieces = piecesOf(letters, budget);
  if (!pieces) return true;
  return holdsPiece(fold(written), 0, Math.min(written.length, letters.length + budget), pieces, budget);
}

const SPELLINGS = [...new Set(getVocabulary().filter((t) => t.budget > 0).map((t) => t.letters))];
/** Written characters a mutation may bring: confusions, pair letters, digits, symbols, letters with diacritics, lower case. */
const WRITTEN = [...Object.keys(CONFUSABLE), ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz3479#-é¥€£|!$'];

/** A spelling OCR'd: each step one of the ways ocrDistance reads text (and some it does not). */
const misread = fc
  .record({
    letters: fc.constantFrom(...SPELLINGS),
    budget: fc.constantFrom(0, 2, 4, 6, 8),
    steps: fc.array(fc.record({ at: fc.nat(), kind: fc.nat(6), ch: fc.constantFrom(...WRITTEN) }), { maxLength: 5 }),
  })
  .map(({ letters, budget, steps }) => {
    let w = letters;
    for (const { at, kind, ch } of steps) {
      const k = at % (w.length + 1);
      const here = w[k] ?? '';
      if (kind === 0) w = w.slice(0, k) + (CONFUSABLE[here] ? ch : here.toLowerCase()) + w.slice(k + 1); // a confusion or a case change
      else if (kind === 1) w = w.slice(0, k) + ch + w.slice(k + 1); // any substitution
      else if (kind === 2) w = w.slice(0, k) + ch + w.slice(k); // an extra character
      else if (kind === 3) w = w.slice(0, k) + w.slice(k + 1); // a lost letter
      else if (kind === 4 && k + 1 < w.length) w = w.slice(0, k) + w[k + 1] + here + w.slice(k + 2); // two neighbours swapped
      else {
        // A letter written as its pair, or a pair as its letter ("rn" ↔ "m").
        const pair = Object.entries(PAIRS).find(([p, l]) => w.startsWith(p, k) || here === l);
        if (pair) w = w.startsWith(pair[0], k) ? w.slice(0, k) + pair[1] + w.slice(k + 2) : w.slice(0, k) + pair[0].toLowerCase() + w.slice(k + 1);
      }
    }
    return { letters, budget, written: w };
  });

describe('the pieces of a spelling (a necessary condition for an OCR reading)', () => {
  it('fold every confusion OCR makes into one class', () => {
    for (let code = 0; code < 0x2200; code++) {
      const ch = String.fromCharCode(code);
      for (let t = 65; t <= 90; t++) {
        const letter = String.fromCharCode(t);
        const upper = code >= 97 && code <= 122 ? ch.toUpperCase() : ch;
        if (upper === letter || isConfusable(upper, letter)) expect(ocrClassOf(code), `${ch} for ${letter}`).toBe(ocrClassOf(t));
      }
    }
    // Classes that differ stay apart: no letter stands for another it is not confused with.
    expect(ocrClassOf('S'.charCodeAt(0))).not.toBe(ocrClassOf('E'.charCodeAt(0)));
    expect(ocrClassOf('7'.charCodeAt(0))).toBe(0);
  });

  it('cut a spelling into floor(budget / 2) + 1 pieces apart, without pair letters', () => {
    expect(spans(piecesOf('SECRET', 2))).toEqual([
      { offset: 0, length: 2 },
      { offset: 3, length: 3 },
    ]);
    expect(Array.from(piecesOf('SECRET', 2) ?? []).slice(2, 4)).toEqual([ocrClassOf(83), ocrClassOf(69)]);
    expect(spans(piecesOf('CONFIDENTIAL', 4)).length).toBe(3);
    // NOFORN: "RN" may be written "m", so only N-O-F-O may hold pieces.
    for (const p of spans(piecesOf('NOFORN', 2))) expect(p.offset + p.length).toBeLessThanOrEqual(4);
    // Too few letters left for the pieces: no test at all.
    expect(piecesOf('ROM', 4)).toBeUndefined();
  });

  it('hold in every reading within the budget (and refuse a text far from the spelling)', () => {
    expect(passes('SECRET', 'SECRET', 2)).toBe(true);
    expect(passes('5EcRET', 'SECRET', 2)).toBe(true);
    expect(passes('SOVIET', 'SECRET', 2)).toBe(false);
    let within = 0;
    fc.assert(
      fc.property(misread, ({ letters, budget, written }) => {
        if (ocrDistance(written, letters, budget) > budget) return;
        within++;
        expect(passes(written, letters, budget), `${written} for ${letters} within ${budget}`).toBe(true);
      }),
      { numRuns: RUNS, ...SEED },
    );
    // The property must have been asked of real readings, not only of texts too far off.
    expect(within).toBeGreaterThan(RUNS / 10);
  });
});
