import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FEW_TOKENS, isProseLine, type LineShape, SHAPE_READ, shapeBannerCandidate, shapeLine, SHORT_INK } from '../../src/scan/line-shape.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
const SEED = process.env.FUZZ_SEED === undefined ? {} : { seed: Number(process.env.FUZZ_SEED) };

/** The shape as its definition reads, one character at a time, with no tables: what the fast pass must agree with. */
function shapeByDefinition(text: string, start: number, end: number): LineShape {
  const markup = ' \t#*_>|`\'"!.,:;-[](){}~';
  const words = text.slice(start, Math.min(end, start + SHAPE_READ));
  const letters = words.match(/[A-Za-z]/g)?.length ?? 0;
  const upper = words.match(/[A-Z]/g)?.length ?? 0;
  // A lower-case word: a run of letters all lower case, three or more.
  const lowerWords = (words.match(/[A-Za-z]+/g) ?? []).filter((w) => w.length >= 3 && /^[a-z]+$/.test(w)).length;
  const tokens = words.match(/[A-Za-z0-9]+/g)?.length ?? 0;
  let ink = 0;
  for (const ch of words) if (!markup.includes(ch) && ch !== '\u00a0') ink += ch.length;
  return { start, end, letters, upper, lowerWords, tokens, ink, prose: lowerWords >= 4, short: ink <= 40, caps: letters >= 3 && upper >= 0.7 * letters };
}

const line = fc.array(fc.constantFrom(...'aAbZz09 \t#*|-.:é€\u00a0', 'word', 'SECRET', 'the', 'Page 2 of 3'), { maxLength: 80 }).map((parts) => parts.join(''));

describe('line shapes', () => {
  it('agree with their definition, and shapeBannerCandidate with isProseLine and shapeLine', () => {
    fc.assert(
      fc.property(line, fc.nat(3), (text, cut) => {
        const start = Math.min(cut, text.length);
        const end = text.length;
        const shape = shapeLine(text, start, end);
        expect(shape).toEqual(shapeByDefinition(text, start, end));
        expect(isProseLine(text, start, end)).toBe(shape.prose);
        // Undefined only for prose or for a line of many tokens and much ink (never banner-like), else the shape.
        const candidate = shapeBannerCandidate(text, start, end);
        const plainlyNoBanner = shape.prose || (shape.tokens > FEW_TOKENS && shape.ink > SHORT_INK);
        if (candidate === undefined) expect(plainlyNoBanner).toBe(true);
        else expect(candidate).toEqual(shape);
        if (shape.prose) expect(candidate).toBeUndefined();
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('read only the first SHAPE_READ code units of a long line', () => {
    const text = `${'X'.repeat(SHAPE_READ)} and the other words here`;
    expect(shapeBannerCandidate(text, 0, text.length)?.letters).toBe(SHAPE_READ);
    expect(shapeBannerCandidate('the cat sat on mats', 0, 19)).toBeUndefined();
    const numbers = Array.from({ length: 30 }, (_, k) => k + 1).join(' '); // 30 tokens, 51 code units of ink
    expect(shapeBannerCandidate(numbers, 0, numbers.length)).toBeUndefined();
  });
});
