import { describe, expect, it } from 'vitest';
import { createLocator } from '../../src/core/position.js';

describe('createLocator', () => {
  it('counts LF, CRLF and lone CR as line breaks', () => {
    const loc = createLocator('a\nb\r\nc\rd');
    expect([0, 2, 5, 7].map((o) => loc.toPoint(o))).toEqual([
      { line: 1, column: 1, offset: 0 },
      { line: 2, column: 1, offset: 2 },
      { line: 3, column: 1, offset: 5 },
      { line: 4, column: 1, offset: 7 },
    ]);
    expect(loc.lineCount).toBe(4);
    expect(loc.lineRange(2)).toEqual({ start: 2, end: 3 });
  });
  it('round-trips offsets and points, and refuses points outside the text', () => {
    const text = 'x😀y\r\nz';
    const loc = createLocator(text);
    for (let o = 0; o <= text.length; o++) expect(loc.toOffset(loc.toPoint(o))).toBe(o);
    expect(loc.toOffset({ line: 9, column: 1 })).toBe(-1);
    expect(loc.toOffset({ line: 1, column: 99 })).toBe(-1);
  });
  it('clamps offsets outside the text', () => {
    const loc = createLocator('ab');
    expect(loc.toPoint(-5).offset).toBe(0);
    expect(loc.toPoint(99).offset).toBe(2);
  });
});
