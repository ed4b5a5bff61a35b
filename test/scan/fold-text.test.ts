import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan.js';
import { foldText, unfoldSpan } from '../../src/scan/fold-text.js';

/** key and raw of every record; raw is checked to be the exact slice of the text as written. */
function read(text: string): string[] {
  const { records } = scan(text);
  for (const r of records) expect(text.slice(r.span.start.offset, r.span.end.offset)).toBe(r.raw);
  return records.map((r) => `${r.key} ${JSON.stringify(r.raw)}`);
}

describe('foldText', () => {
  it('leaves plain text alone, at no cost', () => {
    const text = 'SECRET\n(b)(1) and more';
    const folded = foldText(text);
    expect(folded.text).toBe(text);
    expect(folded.map).toBeNull();
  });

  it('reads Unicode spaces, tabs and fullwidth forms in place (same offsets)', () => {
    const folded = foldText('TOP\u00a0SECRET\t（b）（1）\u3000ＳＥＣＲＥＴ');
    expect(folded.text).toBe('TOP SECRET (b)(1) SECRET');
    expect(folded.map).toBeNull();
  });

  it('skips invisible format characters and maps every offset back', () => {
    const text = 'SEC\u00adRET (b)\u200b(1) 3.3(b)\u200f(1)\ufeff';
    const folded = foldText(text);
    expect(folded.text).toBe('SECRET (b)(1) 3.3(b)(1)');
    const map = folded.map as Int32Array;
    expect(map.length).toBe(folded.text.length + 1);
    expect(map[folded.text.length]).toBe(text.length);
    // Every folded character maps to the same character (or its fold) as written.
    for (let i = 0; i < folded.text.length; i++) expect(text[map[i] as number]).toBe(folded.text[i]);
    expect(unfoldSpan(map, 0, 6)).toEqual([0, 7]);
  });

  it('keeps line breaks, so lines never join or split', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '\n', '\r', '\u2028', '\u00a0', '\u200b', '\uff33', '\t', '\f', ' '), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const folded = foldText(text);
        const breaks = (s: string): string => s.replace(/[^\n\r\u2028\f]/g, '');
        expect(breaks(folded.text)).toBe(breaks(text));
      }),
    );
  });
});

describe('scan reads folded text, with spans on the text as written (issue 15 item 17)', () => {
  it.each([
    ['TOP\u00a0SECRET', ['classification:TS "TOP\u00a0SECRET"']],
    ['TOP\u2009SECRET', ['classification:TS "TOP\u2009SECRET"']],
    ['(b)\u00a0(1)', ['foia:b1 "(b)\u00a0(1)"']],
    ['(b)\t(1)', ['foia:b1 "(b)\\t(1)"']],
    ['(b)\u2009(1)', ['foia:b1 "(b)\u2009(1)"']],
    ['(b)\u200b(1)', ['foia:b1 "(b)\u200b(1)"']],
    ['(b)\u200d(6)', ['foia:b6 "(b)\u200d(6)"']],
    ['(b)(\u00ad3)', ['foia:b3 "(b)(\u00ad3)"']],
    ['ＳＥＣＲＥＴ', ['classification:S "ＳＥＣＲＥＴ"']],
    ['（b）（1）', ['foia:b1 "（b）（1）"']],
    ['［REDACTED］', ['redaction:redacted "［REDACTED］"']],
  ])('%j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('reads a citation with a bidirectional mark inside as the whole citation', () => {
    const keys = read('CL REASON: E.O. 12958 3.3(b)\u200f(1)');
    expect(keys.some((k) => k.startsWith('eo:12958:3.3(b)(1) '))).toBe(true);
  });

  it('gives positions on the text as written after skipped characters', () => {
    const text = '\u200b\u200bline one\nSEC\u00adRET\n(b)(6)';
    const { records } = scan(text);
    const b6 = records.find((r) => r.key === 'foia:b6');
    expect(b6?.span.start).toEqual({ line: 3, column: 1, offset: text.indexOf('(b)(6)') });
    const s = records.find((r) => r.key === 'classification:S');
    expect(s?.raw).toBe('SEC\u00adRET');
  });
});
