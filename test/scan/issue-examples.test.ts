import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan.js';

/**
 * Every passage of the benchmark corpus that issue 12 quotes, copied into
 * test/fixtures/issue-12 by scripts/extract-issue-excerpts.mjs (record ids and line ranges in its
 * table), with the exact span, code and role a reviewer gives each marker. Form legends and
 * mentions are listed with their role; nothing else may be read.
 */
const DIR = join(__dirname, '..', 'fixtures', 'issue-12');

/** `key role "raw"` (and `context` when set) for each record of an excerpt; raw is checked to slice exactly. */
function read(name: string): string[] {
  const text = readFileSync(join(DIR, `${name}.txt`), 'utf8');
  return scan(text).records.map((r) => {
    expect(text.slice(r.span.start.offset, r.span.end.offset)).toBe(r.raw);
    return `${r.key} ${r.role} ${JSON.stringify(r.raw)}${r.attributes.context ? ` ${r.attributes.context as string}` : ''}`;
  });
}

describe('issue 12: OCR-tolerant banners and controls', () => {
  it.each([
    ['104-10186-10099-doctly', ['classification:S marking "S-E-C-R-E-T"', 'control:NOFORN marking "NO FOREIGN DISSEM"']],
    [
      '104-10186-10099-ocr-a',
      ['classification:S marking "S-E-C-R-E-T"', 'stamp:return-to-cia marking "RETURNTO CIA\\nNO FOREIGN DISSEM Background Use Only"', 'control:NOFORN marking "NO FOREIGN DISSEM"', 'control:BACKGROUND-USE-ONLY marking "Background Use Only"'],
    ],
    ['104-10186-10099-ocr-b', ['classification:S marking "S-E-C-R-E-T"', 'control:NOFORN marking "NO POREIGN DISSEM"']],
    ['104-10222-10043-ocr', ['classification:S marking "SECRET"', 'classification:S marking "SECRET"']],
    ['124-90138-10066-ocr-a', ['classification:S marking "SECREL"']],
    ['124-90138-10066-ocr-b', ['classification:S marking "SECRED"']],
    ['176-10036-10095-doctly', ['control:NOFORN marking "NO FOREIGN DISSEM"', 'control:BACKGROUND-USE-ONLY marking "BACKGROUND USE ONLY"', 'control:NO-DISSEM-ABROAD marking "NO DISSEM ABOAD"']],
    ['104-10077-10382-doctly', ['classification:S marking "SECRET"', 'stamp:return-to-cia marking "RETURN TO CIA\\nBackground Use Only\\nDo Not Reproduce"', 'control:BACKGROUND-USE-ONLY marking "Background Use Only"']],
    ['177-10002-10096-doctly-a', ['control:HANDLE-VIA-COMINT marking "Handle Via\\n\\nCOMINT\\n\\nChannels"']],
    ['177-10002-10096-doctly-b', ['control:FOR-THE-PRESIDENT-ONLY marking "For The President Only"', 'classification:TS marking "Top Secret"']],
    ['194-10001-10168-doctly-a', ['control:SPECIAL-HANDLING-REQUIRED marking "SPECIAL HANDLING REQUIRED"']],
    ['104-10213-10352-doctly', ['classification:S portion "(S)"']],
  ])('%s', (name, expected) => {
    expect(read(name)).toEqual(expected);
  });

  it('records the repairs of the damaged readings', () => {
    const text = readFileSync(join(DIR, '124-90138-10066-ocr-a.txt'), 'utf8');
    expect(scan(text).records[0]?.ocr).toEqual([{ from: 'SECREL', to: 'SECRET', kind: 'edit' }]);
  });
});

describe('issue 12: roles a reviewer would agree with', () => {
  it('reads a denial letter\'s exemptions as claims (124-10185-10099)', () => {
    expect(read('124-10185-10099-doctly')).toEqual([
      'foia:b1 marking "(b) (1)" claim',
      'foia:b2 marking "(b) (2)" claim',
      'foia:b5 marking "(b) (5)" claim',
      'foia:b6 marking "(b) (6)" claim',
      'foia:b7C marking "(b) (7) (C)" claim',
      'foia:b7D marking "(D)" claim',
    ]);
  });

  it('reads ticked appeal forms as claims, every code of the clause alike (104-10433-10212)', () => {
    expect(read('104-10433-10212-doctly-b')).toEqual(['foia:b1 marking "(b)(I)" claim', 'foia:b3 marking "(b)(3)" claim', 'foia:b6 marking "(b)(6)" claim']);
    expect(read('104-10433-10212-doctly-c')).toEqual(['foia:b1 marking "(b)(1)" claim', 'foia:b3 marking "(b)(3)" claim', 'foia:b6 marking "(b)(6)" claim']);
  });

  it('reads a negated exemption as a mention (104-10433-10212, "(b)(6) not assuled")', () => {
    expect(read('104-10433-10212-doctly-a')).toEqual(['foia:b6 mention "(b)(6)"']);
  });

  it('reads the FBI deleted page sheet: the notice is a marking, its printed legend mentions (104-10337-10001)', () => {
    const found = read('104-10337-10001-doctly');
    expect(found.slice(0, 2)).toEqual(['redaction:withheld-page marking "DELETED PAGE INFORMATION SHEET"', 'redaction:withheld-page marking "28 Page(s) withheld entirely at this location in the file"']);
    const codes = found.slice(2);
    expect(codes).toHaveLength(23);
    expect(codes.every((r) => / mention "\([bdjk]\)/.test(r) && r.endsWith(' form-legend'))).toBe(true);
  });

  it('reads the CIA review form\'s column heads as a legend (104-10438-10186)', () => {
    const found = read('104-10438-10186-doctly');
    // The two "JI" are letters only (issue 13: a bare token needs its digit written as a digit).
    expect(found.map((r) => r.split(' ')[0])).toEqual(['foia:b1', 'foia:b2', 'foia:b3', 'foia:b4', 'foia:b5', 'foia:b6', 'foia:b7C', 'privacy:j1', 'privacy:k1']);
    expect(found.every((r) => r.includes(' mention ') && r.endsWith(' form-legend'))).toBe(true);
  });
});

describe('issue 12: forms still missing', () => {
  it.each([
    ['194-10001-10168-doctly-c', ['page:page-number marking "NW 88613 Docld:34530443 Page 5"', 'stamp:reviewed-by marking "Reviewed By AFOSI\\nFor Public Disclosure\\nIn Accordance With\\nJFKARCA, 1992\\n14 AUG 95"']],
    ['202-10002-10124-ocr-a', ['classification:C marking "CONFIDENTIAL"', 'declass:JFK-6(1)(A) editorial "LA"', 'declass:JFK-6(1)(C) editorial "1C"']],
    // The DoD legend: 3-year intervals, declassified after 12 years, is group 4 (markings.md §3.2).
    ['202-10002-10124-ocr-b', ['declass:GROUP-4 marking "DOWNGRADED AT 3 YEAR INTERVALS; - ay\\neOECLASSTETED AFTRR 12 YEARS"']],
    ['202-10002-10124-ocr-c', ['stamp:reviewed-by marking "SYTEMATALLY REVIEWED was"']],
  ])('%s', (name, expected) => {
    expect(read(name)).toEqual(expected);
  });

  it('reads the Army review block as one stamp (198-10005-10017)', () => {
    const found = read('198-10005-10017-ocr');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^stamp:declassification-review marking "Department of the Army EO 13528\\nDeclassify “ Exclude “ Exempt\\n\\nAuthority re\\n\\n© Refer To\\nReview Dato/);
  });

  it('reads a blank E.O. 11652 form\'s categories as a legend, never FOIA b5 (104-10176-10010)', () => {
    const found = read('104-10176-10010-doctly');
    expect(found).toContain('declass:XGDS-1 mention "5B(1)" form-legend');
    expect(found.some((r) => r.startsWith('foia:'))).toBe(false);
  });
});

describe('issue 12: precision', () => {
  it('gives no record for a regulation paragraph before (b)(10) (104-10225-10007)', () => {
    expect(read('104-10225-10007-doctly-a')).toEqual([]);
  });
  it('gives no Privacy Act record for a lone DI (104-10225-10007)', () => {
    expect(read('104-10225-10007-doctly-b')).toEqual([]);
  });
  it('gives no no-objection stamp for "had no objection to an interview" (194-10001-10168)', () => {
    expect(read('194-10001-10168-doctly-b')).toEqual([]);
  });
  it.each([
    ['[R] - ITEM IS RESTRICTED', 'classification'],
    ['EX1CO', 'foia'],
    ['DIA\nDDP, DDI, DIA', 'privacy'],
    ['BI', 'foia'],
    ['j\n4', 'privacy'],
  ])('gives no %s record for %j', (text, family) => {
    expect(scan(text).records.filter((r) => r.family === family)).toEqual([]);
  });
});
