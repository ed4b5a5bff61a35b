import { describe, expect, it } from 'vitest';
import { contrast, countRecoverable, DARK_LUMINANCE, luminance } from '../../src/pdf/find-redaction-boxes.js';
import { IDENTITY, type Matrix } from '../../src/pdf/matrix.js';
import { parseColor, rectanglesOf } from '../../src/pdf/read-page-content.js';

// pdf.js path commands: 0 moveTo x y, 1 lineTo x y, 2 curveTo (6 numbers), 4 closePath.
const rect = (x: number, y: number, w: number, h: number): number[] => [0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 4];

describe('rectanglesOf', () => {
  it.each<[string, number[], Matrix, number[][]]>([
    ['a rectangle', rect(10, 20, 30, 40), IDENTITY, [[10, 20, 40, 60]]],
    ['a rectangle scaled and moved by the CTM', rect(0, 0, 10, 10), [2, 0, 0, 3, 100, 200], [[100, 200, 120, 230]]],
    ['two rectangles side by side', [...rect(0, 0, 10, 10), ...rect(20, 0, 10, 10)], IDENTITY, [[0, 0, 10, 10], [20, 0, 30, 10]]],
    ['a frame: a rectangle around a hole', [...rect(0, 0, 100, 50), ...rect(2, 2, 96, 46)], IDENTITY, []],
    ['a rectangle turned 45°', rect(0, 0, 10, 10), [0.7071, 0.7071, -0.7071, 0.7071, 0, 0], []],
    ['a shape with a curve', [0, 0, 0, 2, 5, 5, 10, 5, 10, 0, 1, 0, 10, 4], IDENTITY, []],
    ['a triangle', [0, 0, 0, 1, 10, 0, 1, 5, 10, 4], IDENTITY, []],
  ])('%s', (_, buffer, ctm, expected) => {
    expect(rectanglesOf(buffer, ctm)).toEqual(expected);
  });
});

describe('countRecoverable', () => {
  it.each([
    ['John Smith', 9],
    ['Ivan Petrov, KGB', 14],
    ['12/3/98', 7],
    ['XXXXXXXX', 0],
    ['xxxx xxxx', 0],
    ['REDACTED', 0],
    ['Name Redacted', 0],
    ['confidential', 0],
    ['. , ;', 0],
    ['   ', 0],
  ])('%j → %i', (text, n) => {
    expect(countRecoverable(text)).toBe(n);
  });
});

describe('colours', () => {
  it('reads pdf.js colours and tells dark from light', () => {
    expect(parseColor(['#000000'])).toEqual([0, 0, 0]);
    expect(parseColor([255, 255, 255])).toEqual([1, 1, 1]);
    expect(parseColor(['TilingPattern'])).toBeNull();
    expect(luminance([0, 0, 0])).toBe(0);
    expect(luminance([0.46, 0.46, 0.46])).toBeLessThanOrEqual(DARK_LUMINANCE);
    expect(luminance([0.5, 0.5, 0.5])).toBeGreaterThan(DARK_LUMINANCE);
    expect(contrast([0, 0, 0], [1, 1, 1])).toBeCloseTo(21, 5);
    expect(contrast([0.2, 0.2, 0.2], [0, 0, 0])).toBeLessThan(2);
  });
});
