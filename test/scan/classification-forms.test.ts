import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan.js';

/** Classification and control records as `key role "raw"`, spans checked against the text. */
function read(text: string): string[] {
  const { records } = scan(text, { families: ['classification', 'control'] });
  for (const r of records) expect(text.slice(r.span.start.offset, r.span.end.offset)).toBe(r.raw);
  return records.map((r) => `${r.key} ${r.role} ${JSON.stringify(r.raw)}`);
}

const PROSE = 'The station reported that the meeting had been held as planned on Monday.';

// Lines of the benchmark corpus (the documents named beside each), set in a few lines of prose.
describe('a level at the head of a line, set off from a descriptor', () => {
  it.each([
    ['TOP SECRET - EIDER - CHESS', 'classification:TS marking "TOP SECRET"'], // jfk-doctly 292
    ['SEERET - E. FONTAINE DISSEM', 'classification:S marking "SEERET"'], // jfk-doctly 665
    ['CONFIDENTIAL - Security Information', 'classification:C marking "CONFIDENTIAL"'],
    ['SECRET / Sensitive', 'classification:S marking "SECRET"'],
  ])('%s', (line, record) => {
    expect(read(`${PROSE}\n${line}\n${PROSE}\n`)).toContain(record);
  });

  it('not a sentence that goes on after a dash', () => {
    expect(read(`${PROSE}\nSECRET - the talks were held in the embassy and the minister was there too.\n`)).toEqual([]);
  });
});

describe("a dispatch's header: the level, then the dispatch symbol and number", () => {
  it.each([['SECRET HMMA-22595'], ['SECRET UFGA - 3521'], ['## SECRET UFGA-10412']])('%s', (line) => {
    expect(read(`${PROSE}\n${line}\n${PROSE}\n`)).toContain('classification:S marking "SECRET"');
  });
});

describe('controls through OCR damage and lost levels', () => {
  it.each([
    ['EVES ONLY', 'control:EYES-ONLY marking "EVES ONLY"'], // jfk-doctly 372
    ['SECRET-EVES ONLY', 'control:EYES-ONLY marking "EVES ONLY"'], // jfk-doctly 884
    ['/SENSITIVE', 'control:SENSITIVE marking "SENSITIVE"'], // a caveat whose level OCR lost
  ])('%s', (line, record) => {
    expect(read(`${PROSE}\n${line}\n${PROSE}\n`)).toContain(record);
  });

  it('SENSITIVE on its own is a word, not a caveat', () => {
    expect(read(`${PROSE}\nSENSITIVE\n${PROSE}\n`)).toEqual([]);
  });
});

describe("a cable's continuation header", () => {
  it.each([
    ['PAGE 2 SJOS 9564 SECRET.'], // jfk-doctly 532
    ['PAGE 6 MEXICO CITY 2472 SECRET:'], // jfk-doctly 651
    ['PAGE 2 MADRID 5215 SECRET RID/MI'], // jfk-doctly 674
  ])('%s', (line) => {
    expect(read(`${PROSE}\n${line}\n${PROSE}\n`)).toContain('classification:S marking "SECRET"');
  });
});

describe('RESTRICTED and the Security Information suffix (E.O. 10290, 1951–1953)', () => {
  it('RESTRICTED HANDLING, the title of a CIA message form, is no level', () => {
    expect(read(`# RESTRICTED HANDLING\n${PROSE}\n`)).toEqual([]);
  });

  it.each([
    ['RESTRICTED SECURITY INFORMATION', ['classification:R marking "RESTRICTED"', 'control:SECURITY-INFORMATION marking "SECURITY INFORMATION"']], // jfk-doctly 609
    ['# RESTRICTED - SECURITY INFORMATION', ['classification:R marking "RESTRICTED"', 'control:SECURITY-INFORMATION marking "SECURITY INFORMATION"']],
    ['SECRET - SECURITY INFORMATION', ['classification:S marking "SECRET"', 'control:SECURITY-INFORMATION marking "SECURITY INFORMATION"']], // jfk-doctly 855
  ])('%s', (line, records) => {
    expect(read(`${PROSE}\n${line}\n${PROSE}\n`)).toEqual(records);
  });

  it('security information in a sentence is prose', () => {
    expect(read('The security information was shared with him at the meeting on Monday.\n')).toEqual([]);
  });
});

describe('portion marks inside lines, in a document that is portion-marked', () => {
  // An FBI letter as the 1990s review left it (the third blind sample, 006): released portions
  // marked in place.
  const LETTER = [
    '[SCOTT HOLLOWAY](S) head of the CIA Station,',
    '(S)[American Embassy](S)Managua, Nicaragua, advised on 9-5-62 that he had met the source.(S) He was made available for contact by [HOLLOWAY](S) and was interviewed.',
    'It is pointed out that the U.S. Army (U) Attache has also done some investigation.',
  ].join('\n');

  it('reads each mark, whatever stands before it', () => {
    const marks = read(`${LETTER}\nThe confidential source abroad is a minister.](x)[S]`).filter((r) => r.includes(' portion '));
    expect(marks).toEqual([
      'classification:S portion "(S)"',
      'classification:S portion "(S)"',
      'classification:S portion "(S)"',
      'classification:S portion "(S)"',
      'classification:S portion "(S)"',
      'classification:U portion "(U)"',
      'classification:S portion "[S]"',
    ]);
  });

  it('reads a paragraph mark before a numbered paragraph', () => {
    // A 1998 CIA memorandum (jfk-doctly 1266).
    expect(read('(S) 4. ARRB Request, CIA-IR-15, Mexico City Tapes.\n')).toEqual(['classification:S portion "(S)"']);
  });

  it.each([
    // The plural written after a word (jfk-doctly 544, 651).
    ['THE ABOVE DOCUMENT (S) IS CROSS REFERENCED TO THE 201 FILE.\nOFFICER (S) SIGNATURE\nTHE ABOVE DOCUMENT (S) IS CROSS REFERENCED.'],
    // A form that keys letters in brackets (jfk-doctly 862).
    ['ACHIEVEMENT (A) ELEMENTARY (E) READING (R) SPEAKING (S)\nM MAINTENANCE (M) HIGH (H) COMPREHENSIVE (C)\nREADING (R) SPEAKING (S)\nAREA (S)'],
    // Too little evidence: one mark inside a line of an unmarked document.
    ['Director, Domestic Contact Service (S)\nThe report follows.'],
    // Codes, not marks.
    ['Withheld under (b)(7)(C) and (b)(7) (C); see Section 5(C).'],
  ])('not a portion-marked document: %s', (text) => {
    expect(read(text).filter((r) => r.includes(' portion '))).toEqual([]);
  });
});
