import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan.js';
import { getPhrases } from '../../src/scan/match-phrase.js';

/** Stamp records as `key "raw"`, spans checked against the text. */
function stamps(text: string): string[] {
  const { records } = scan(text, { families: ['stamp'] });
  for (const r of records) expect(text.slice(r.span.start.offset, r.span.end.offset)).toBe(r.raw);
  return records.map((r) => `${r.key} ${JSON.stringify(r.raw)}`);
}

describe('notice wordings from the catalog, read word by word through OCR damage', () => {
  it('reads the catalog\'s phrases', () => {
    expect(getPhrases().map((p) => `${p.family}:${p.code}`)).toContain('stamp:reproduction-prohibited');
  });

  // Lines of the CIA cable forms as OCR left them in the benchmark corpus (jfk-doctly documents
  // 242, 379, 522, 527, 533, 616; jfk-ocr: the third blind sample's cables).
  it.each([
    ['REPRODUCTION BY OTHER THAN THE USUING OFFICE IS PROHIBITED', 'REPRODUCTION BY OTHER THAN THE USUING OFFICE IS PROHIBITED'],
    ['BEPRODUCTION RY OTHER THAN THE ISSHING OFFICE IS DOQUISITED', 'BEPRODUCTION RY OTHER THAN THE ISSHING OFFICE IS'],
    ['REPRODUCTIC VOF THIS. COPY PROHIBITEC', 'REPRODUCTIC VOF THIS. COPY PROHIBITEC'],
    ['REPRODUCTION OTHER THAN THE ISSUING OFFICE IS PROHIBITED.', 'REPRODUCTION OTHER THAN THE ISSUING OFFICE IS PROHIBITED'],
    ['REPRODUCTION DY OTHER THAN ISSUING OFFICE IS PROHIBITED.', 'REPRODUCTION DY OTHER THAN ISSUING OFFICE IS PROHIBITED'],
    ['REFACOUCTION BY OTHER THAN THE ISSUING OFFICE IS PROHITEO.', 'BY OTHER THAN THE ISSUING OFFICE IS PROHITEO'],
    ['REPRODUCTION BY OTHER THAM THE ISSUING OFFICE IS PROHISITED, cory HO.', 'REPRODUCTION BY OTHER THAM THE ISSUING OFFICE IS PROHISITED'],
  ])('%s', (line, raw) => {
    expect(stamps(`SECRET\n${line}\nCITE DIRECTOR 12345\n`)).toContain(`stamp:reproduction-prohibited ${JSON.stringify(raw)}`);
  });

  it.each([
    // Running prose that uses the words is not the notice.
    'The station said that reproduction of the report by other than the issuing office would be prohibited under the new rules.',
    // Two of the words are not enough.
    'OTHER THAN THE ISSUING BANK',
    'OFFICE OF THE DEPUTY DIRECTOR (PLANS)',
  ])('not a notice: %s', (line) => {
    expect(stamps(`${line}\n`).filter((s) => s.startsWith('stamp:reproduction'))).toEqual([]);
  });
});
