import { describe, expect, it } from 'vitest';
import type { MarkerRecord } from '../../src/normalize/marker-record.js';
import { scan } from '../../src/scan.js';

/** A found marker as `key raw` (raw is always the exact slice), optionally with its role. */
function found(text: string, families?: MarkerRecord['family'][]): string[] {
  const { records } = scan(text, families ? { families } : {});
  for (const r of records) expect(text.slice(r.span.start.offset, r.span.end.offset)).toBe(r.raw);
  return records.map((r) => `${r.key} ${r.raw}${r.role === 'marking' ? '' : ` [${r.role}]`}`);
}

function one(text: string, key: string): MarkerRecord {
  const r = scan(text).records.find((x) => x.key === key);
  if (!r) throw new Error(`no ${key} in ${JSON.stringify(text)}: ${found(text).join(' | ')}`);
  return r;
}

describe('foia', () => {
  it.each([
    ['(b)(1)', ['foia:b1 (b)(1)']],
    ['(b) (1)', ['foia:b1 (b) (1)']],
    ['(B)(6)', ['foia:b6 (B)(6)']],
    ['( b )( 6 )', ['foia:b6 ( b )( 6 )']],
    ['(b)(7)(C)', ['foia:b7C (b)(7)(C)']],
    ['(b)(7)(c)', ['foia:b7C (b)(7)(c)']],
    ['(b)(7) (E)', ['foia:b7E (b)(7) (E)']],
    ['(b)(7)C', ['foia:b7C (b)(7)C']],
    ['(b)(l)', ['foia:b1 (b)(l)']],
    ['(b)(6), (b)(7)(C)', ['foia:b6 (b)(6)', 'foia:b7C (b)(7)(C)']],
    ['(b)(6)/(b)(7)(C)', ['foia:b6 (b)(6)', 'foia:b7C (b)(7)(C)']],
    ['(b)(1)\n(b)(3)', ['foia:b1 (b)(1)', 'foia:b3 (b)(3)']],
    ['b6, b7C', ['foia:b6 b6', 'foia:b7C b7C']],
    ['b6 -1', ['foia:b6 b6 -1']],
    ['b7C-1', ['foia:b7C b7C-1']],
    ['b7E-1, 2, 3, 6', ['foia:b7E b7E-1, 2, 3, 6']],
    ['B-6', ['foia:b6 B-6']],
    ['b7c', ['foia:b7C b7c']],
    ['b(1)', ['foia:b1 b(1)']],
    ['Ex. 5', ['foia:b5 Ex. 5']],
    ['(b)(2) High', ['foia:b2 (b)(2) High']],
  ])('finds %j', (text, expected) => {
    expect(found(text, ['foia'])).toEqual(expected);
  });

  it('keeps FBI Vaughn categories as an attribute, not part of the code', () => {
    expect(one('b7E-1, 2, 3, 6', 'foia:b7E').attributes.categories).toEqual([1, 2, 3, 6]);
    expect(one('b6 -1', 'foia:b6').attributes.categories).toEqual([1]);
  });

  it('keeps the statute cited under (b)(3)', () => {
    expect(one('(b)(3) 50 USC 3024(i)', 'foia:b3').attributes.statute).toBe('50 U.S.C. 3024(i)');
    expect(one('(b)(3) 50 U.S.C. 403g', 'foia:b3').attributes.statute).toBe('50 U.S.C. 403g');
    expect(one('(b)(3) 50 U.S.C. 3024i', 'foia:b3').attributes.statute).toBe('50 U.S.C. 3024(i)');
    expect(one('(b)(3) CIA Act', 'foia:b3').raw).toBe('(b)(3) CIA Act');
    expect(one('(b)(3) NatSecAct', 'foia:b3').attributes.statute).toBe('NatSecAct');
  });

  it('reads the (b)(2) variant and OCR repairs', () => {
    expect(one('(b)(2) High', 'foia:b2').attributes.variant).toBe('high');
    expect(one('(b)(l)', 'foia:b1').ocr).toEqual([{ from: 'l', to: '1', kind: 'letter-confusion' }]);
  });

  it("reads State's RELEASED IN PART B1, 1.4(B), B6", () => {
    expect(found('RELEASED IN PART B1, 1.4(B), B6', ['foia', 'eo'])).toEqual(['foia:b1 B1', 'eo:13526:1.4(b) 1.4(B)', 'foia:b6 B6']);
  });

  it('flags impossible codes instead of dropping them', () => {
    const r = one('(b)(10)', 'foia:b10');
    expect(r.attributes.invalid).toBe(true);
    expect(r.label).toBeNull();
    expect(one('(b)(7)(G)', 'foia:b7G').attributes.invalid).toBe(true);
  });

  it.each([
    'section b1 of the plan',
    'See Tab B1 and Tabs B3 and B4.',
    'Exhibit B6 shows the site.',
    'the B-52 bombers',
    'vitamin B6 and B12',
    'See § 1400.1(b)(1).',
    'under Section 620(a)(3) of the Foreign Assistance Act',
    'the EX 3600 file',
    'Plan B 1990',
    'sections (b)(1) of the contracts',
  ])('reports no FOIA marking in %j', (text) => {
    expect(scan(text).records.filter((r) => r.family === 'foia' && r.role !== 'mention')).toEqual([]);
  });

  it.each([
    ['in my view, (b)(3) applies', 1],
    ['exemption b(3) allows for withholding', 1],
    ['Exemption 5 protects deliberations', 1],
  ])('reads FOIA codes in prose as mentions: %j', (text, n) => {
    const foia = scan(text).records.filter((r) => r.family === 'foia');
    expect(foia).toHaveLength(n);
    expect(foia.every((r) => r.role === 'mention')).toBe(true);
  });
});

describe('privacy', () => {
  it.each([
    ['(j)(2)', ['privacy:j2 (j)(2)']],
    ['(k)(5)', ['privacy:k5 (k)(5)']],
    ['(d)(5)', ['privacy:d5 (d)(5)']],
    ['(b)(6), (k)(1)', ['foia:b6 (b)(6)', 'privacy:k1 (k)(1)']],
    ['PA (k)(5)', ['privacy:k5 (k)(5)']],
  ])('finds %j', (text, expected) => {
    expect(found(text, ['foia', 'privacy'])).toEqual(expected);
  });
  it('reads 552a(k)(5) claimed as the basis of a withholding as a marking, and discussed as a mention', () => {
    expect(found('exempt under 5 U.S.C. 552a(k)(5)', ['privacy'])).toEqual(['privacy:k5 (k)(5)']);
    expect(found('Congress wrote 5 U.S.C. 552a(k)(5) for investigatory material', ['privacy'])).toEqual(['privacy:k5 (k)(5) [mention]']);
  });
  it('flags codes the Privacy Act does not have', () => {
    expect(one('(k)(9)', 'privacy:k9').attributes.invalid).toBe(true);
    expect(one('(j)(3)', 'privacy:j3').attributes.invalid).toBe(true);
  });
  it('does not fire on a statute subsection', () => {
    expect(found('the Boards authority under §7(j)(1)(C)(ii) of the Act', ['privacy'])).toEqual([]);
  });
});

describe('declass and eo', () => {
  it.each([
    ['DECL: OADR', 'declass:OADR OADR'],
    ['OALR', 'declass:OADR OALR'],
    ['0A3R', 'declass:OADR 0A3R'],
    ['0ADR', 'declass:OADR 0ADR'],
    ['OAD R', 'declass:OADR OAD R'],
    ['25X1', 'declass:25X1 25X1'],
    ['25Xl', 'declass:25X1 25Xl'],
    ['25X1A', 'declass:25X1 25X1A'],
    ['25X (4)', 'declass:25X4 25X (4)'],
    ['DECLASSIFY ON: 25X 1', 'declass:25X1 25X 1'],
    ['50X1-HUM', 'declass:50X1-HUM 50X1-HUM'],
    ['50X2-WMD', 'declass:50X2-WMD 50X2-WMD'],
    ['75X3', 'declass:75X3 75X3'],
    ['DECL ON: X1', 'declass:X1 X1'],
    ['E.O. 11652: GDS', 'declass:GDS GDS'],
    ['E.O. 11652: XGDS-2', 'declass:XGDS-2 XGDS-2'],
    ['E.O. 12065: RDS-2 12/31/98', 'declass:RDS-2 RDS-2'],
    ['E.O. 12065: XDS-1', 'declass:XDS-1 XDS-1'],
    ['E2 IMPDET', 'declass:E2-IMPDET E2 IMPDET'],
    ['Exempt from GDS, Categories 2 and 3', 'declass:XGDS-2 Exempt from GDS, Categories 2 and 3'],
    ['EXEMPT FROM GENERAL DECLASSIFICATION SCHEDULE OF E.O. 11652 EXEMPTION CATEGORY 5B (2)', 'declass:XGDS-2 EXEMPT FROM GENERAL DECLASSIFICATION SCHEDULE OF E.O. 11652 EXEMPTION CATEGORY 5B (2)'],
    ['E.O. 12958 Sec. 3.4(b)(1)', 'eo:12958:3.4(b)(1) 3.4(b)(1)'],
    ['CL REASON: 1.5 (c)', 'eo:12958:1.5(c) 1.5 (c)'],
    ['Reason: 1.4(c)', 'eo:13526:1.4(c) 1.4(c)'],
    ['RESTRICTIONS: JFK Act 6 (1)(B)', 'declass:JFK-6(1)(B) JFK Act 6 (1)(B) [editorial]'],
  ])('finds %j', (text, expected) => {
    expect(found(text, ['declass', 'eo'])).toContain(expected);
  });

  it('reads 25X16 as two categories written together', () => {
    expect(found('DECLASSIFY ON: 25X16', ['declass'])).toEqual(['declass:25X1 25X16', 'declass:25X6 25X16']);
  });

  it('reads X1–X8 only after a declassification cue', () => {
    expect(found('Route X1 to the annex', ['declass'])).toEqual([]);
    expect(found('the X1 model', ['declass'])).toEqual([]);
  });

  it('keeps State review codes beside exemption codes, with how sure it is', () => {
    const text = '(b)(1)\n(a)(3)\n(c)(1)';
    const a3 = one(text, 'eo:review:a3');
    expect(a3.attributes.interpretedAs).toBe('12356:1.3(a)(3)');
    const c1 = one(text, 'eo:review:c1');
    expect(c1.confidence).toBeLessThan(0.5);
    expect(c1.note).toMatch(/verify/);
    expect(found('under subsection (a)(3) of the Act', ['eo'])).toEqual([]);
  });

  it('splits (b)(1)(A)(3) into the FOIA code and an inferred E.O. category', () => {
    const r = one('(b)(1)(A)(3),\n(b)(5)', 'foia:b1');
    expect(r.raw).toBe('(b)(1)(A)(3)');
    expect(r.attributes.cite).toBe('(A)(3)');
    expect(r.attributes.interpretedAs).toEqual(['12356:1.3(a)(3)']);
    expect(r.confidence).toBeLessThan(0.95);
  });

  it('reads OADR in prose as a mention and ignores garbled words in prose', () => {
    expect(found('The OADR instruction was abolished in 1995 and replaced by dates.', ['declass'])).toEqual(['declass:OADR OADR [mention]']);
    expect(found('WOYLD_NOTADR TO YOUR DISCUSSION', ['declass'])).toEqual([]);
  });
});

describe('classification', () => {
  it.each([
    ['SECRET', ['classification:S SECRET']],
    ['TOP SECRET', ['classification:TS TOP SECRET']],
    ['CONFIDENTIAL', ['classification:C CONFIDENTIAL']],
    ['UNCLASSIFIED', ['classification:U UNCLASSIFIED']],
    ['RESTRICTED', ['classification:R RESTRICTED']],
    ['LIMITED OFFICIAL USE', ['classification:LOU LIMITED OFFICIAL USE']],
    ['S E C R E T', ['classification:S S E C R E T']],
    ['# SECRET', ['classification:S SECRET']],
    ['SECRET 271911Z JUL 95 STAFF', ['classification:S SECRET']],
    ['END OF MESSAGE SECRET', ['classification:S SECRET']],
  ])('finds the banner %j', (text, expected) => {
    expect(found(text, ['classification'])).toEqual(expected);
  });

  it('splits SECRET//NOFORN', () => {
    expect(found('SECRET//NOFORN', ['classification', 'control'])).toEqual(['classification:S SECRET', 'control:NOFORN NOFORN']);
  });

  it('reads struck-through markings as cancelled', () => {
    for (const text of ['~~SECRET~~', '~~CONFIDENTIAL~~ OADR', '~~SECRET - CDR~~']) {
      const r = scan(text).records.find((x) => x.family === 'classification');
      expect(r?.attributes.cancelled, text).toBe(true);
    }
  });

  it('reads "Classification cancelled by authority of …" as a stamp that cancels the page banner', () => {
    const text = 'SECRET\n\nClassification cancelled by authority of DDI memo 12 May 1978';
    expect(one(text, 'classification:S').attributes.cancelled).toBe(true);
    expect(one(text, 'stamp:classification-change').attributes.authority).toBe('DDI memo 12 May 1978');
  });

  it('reads portion marks only where they head a paragraph', () => {
    expect(found('1. (S) The HSCA requests the following.', ['classification'])).toEqual(['classification:S (S) [portion]']);
    expect(found('SUBJECT: (U) Identity of Human Sources', ['classification'])).toEqual(['classification:U (U) [portion]']);
    expect(found('(S//NF) The source reported.', ['classification'])).toEqual(['classification:S (S//NF) [portion]']);
    expect(found('the newspaperman(s) who was in Cuba', ['classification'])).toEqual([]);
    expect(found('(A) First item.\n(B) Second item.\n(C) Third item.', ['classification'])).toEqual([]);
  });

  it('reads FRUS source notes as editorial', () => {
    const text = '  1. Source: Department of State, INR/IL Historical Files. Secret; Eyes Only.';
    expect(found(text, ['classification', 'control'])).toEqual(['classification:S Secret [editorial]', 'control:EYES-ONLY Eyes Only [editorial]']);
    expect(found('  1. Soviet strategy. Top Secret. 1 p. DOS, CF.', ['classification'])).toEqual(['classification:TS Top Secret [editorial]']);
  });

  it.each([
    'SECRET AGENTS CAME TO TELL ALL.',
    'UNCLASSIFIED PAPER PRESENTING THE FINDINGS OF THE U.S.',
    'the secret talks went on',
    'THE SECRETARY OF STATE',
    'FROM : [ RESTRICTED ]',
    'This Form is Unclassified Unless The Classification is Changed',
    'MI-5 and British Secret, Intelligence',
  ])('reports no classification marking in %j', (text) => {
    expect(scan(text).records.filter((r) => r.family === 'classification' && r.role !== 'mention')).toEqual([]);
  });

  it('reads talk about a classification as a mention', () => {
    expect(found('all the documents classified SECRET have been downgraded to CONFIDENTIAL.', ['classification'])).toEqual([
      'classification:S SECRET [mention]',
      'classification:C CONFIDENTIAL [mention]',
    ]);
  });
});

describe('control', () => {
  it.each([
    ['EYES ONLY', 'control:EYES-ONLY EYES ONLY'],
    ['NOFORN', 'control:NOFORN NOFORN'],
    ['NODIS', 'control:NODIS NODIS'],
    ['EXDIS', 'control:EXDIS EXDIS'],
    ['LIMDIS', 'control:LIMDIS LIMDIS'],
    ['ORCON', 'control:ORCON ORCON'],
    ['NOCONTRACT', 'control:NOCONTRACT NOCONTRACT'],
    ['PROPIN', 'control:PROPIN PROPIN'],
    ['WNINTEL', 'control:WNINTEL WNINTEL'],
    ['RYBAT UNINTEL', 'control:WNINTEL UNINTEL'],
    ['RESTRICTED DATA', 'control:RD RESTRICTED DATA'],
    ['FORMERLY RESTRICTED DATA', 'control:FRD FORMERLY RESTRICTED DATA'],
    ['SECRET//REL TO USA, GBR', 'control:REL-TO REL TO USA, GBR'],
  ])('finds %j', (text, expected) => {
    expect(found(text, ['control'])).toContain(expected);
  });
  it('keeps the REL TO countries', () => {
    expect(one('SECRET//REL TO USA, GBR, CAN', 'control:REL-TO').attributes.countries).toEqual(['USA', 'GBR', 'CAN']);
  });
});

describe('redaction', () => {
  it.each([
    ['[REDACTED]', 'redaction:redacted [REDACTED]'],
    ['[DELETED]', 'redaction:redacted [DELETED]'],
    ['[EXCISED]', 'redaction:redacted [EXCISED]'],
    ['[WITHHELD]', 'redaction:withheld [WITHHELD]'],
    ['[illegible]', 'redaction:illegible [illegible]'],
    ['[text not declassified]', 'redaction:not-declassified [text not declassified] [editorial]'],
    ['[name not declassified]', 'redaction:not-declassified [name not declassified] [editorial]'],
    ['█████', 'redaction:blacked-out █████'],
    ['met XXXXXXXX in Rome', 'redaction:redacted XXXXXXXX'],
    ['Deleted Page(s)', 'redaction:withheld-page Deleted Page(s)'],
  ])('finds %j', (text, expected) => {
    expect(found(text, ['redaction'])).toEqual([expected]);
  });

  it.each([
    ['[1 line not declassified]', { quantity: 1, unit: 'line' }],
    ['[less than 1 line not declassified]', { quantity: 1, unit: 'line', lessThan: true }],
    ['[1 paragraph (11-1/2 lines of source text) not declassified]', { quantity: 1, unit: 'paragraph', lines: 11.5 }],
    ['[2 pages not declassified]', { quantity: 2, unit: 'page' }],
    ['[1½ lines not declassified]', { quantity: 1.5, unit: 'line' }],
    ['[less than 1 line of source text not declassified]', { quantity: 1, unit: 'line', lessThan: true, measure: 'lines of source text' }],
  ])('parses the extent of %j', (text, extent) => {
    expect(one(text, 'redaction:not-declassified').attributes.extent).toMatchObject(extent);
  });

  it('keeps what a named placeholder withheld', () => {
    expect(one('[file name not declassified]', 'redaction:not-declassified').attributes.object).toBe('file name');
  });

  it('ignores FRUS editorial brackets that are not redactions', () => {
    expect(found('[Omitted here is a table of contents.] Neither Khrushchev [nor Fomin] deal', ['redaction'])).toEqual([]);
  });
});

describe('stamp', () => {
  it('parses a CREST release line and repairs the RDP id', () => {
    const r = one('Approved For Release 2004/05/05 : CIA-RDP80BO1495R000200090015-8', 'stamp:cia-release');
    expect(r.attributes).toMatchObject({ isoDate: '2004-05-05', documentId: 'CIA-RDP80B01495R000200090015-8' });
    expect(r.ocr).toEqual([{ from: 'CIA-RDP80BO1495R000200090015-8', to: 'CIA-RDP80B01495R000200090015-8', kind: 'letter-confusion' }]);
  });
  it('reads sanitized copies', () => {
    const r = one('Declassified in Part - Sanitized Copy Approved for Release 2013/08/06 : CIA-RDP02B05208R000100180002-3', 'stamp:sanitized-copy');
    expect(r.attributes).toMatchObject({ isoDate: '2013-08-06', declassified: 'in-part' });
  });
  it('parses the NARA declassification stamp', () => {
    const r = one('DECLASSIFIED\nAuthority NND 959000\nBy JB NARA Date 3/4/99', 'stamp:declassified-authority');
    expect(r.attributes).toMatchObject({ authority: 'NND 959000', by: 'JB', isoDate: '1999-03-04' });
  });
  it('parses JFK Act release lines and footers', () => {
    const text = 'Released under the John F. Kennedy Assassination Records Collection Act of 1992 (44 USC 2107 Note). Case#:NW 53217 Date: 06-05-2017\n\nNW 53217 DocId: 32204411 Page 3';
    expect(one(text, 'stamp:jfk-act').attributes).toMatchObject({ caseNumber: 'NW 53217', isoDate: '2017-06-05' });
    expect(one(text, 'page:page-number').attributes).toMatchObject({ recordNumber: '53217', docId: '32204411', pageNumber: 3 });
  });
  it('parses a classification authority block', () => {
    const r = one('Classified By: Jane Doe, Director\nDerived From: Multiple Sources\nDeclassify On: 20350101', 'stamp:classification-authority');
    expect(r.attributes).toMatchObject({ classifiedBy: 'Jane Doe, Director', derivedFrom: 'Multiple Sources', declassifyOn: '20350101' });
  });
  it('parses a State release decision with boxes', () => {
    const r = one('( ) RELEASE (X) EXCISE ( ) DENY\n( ) DECLASSIFY (X) DECLASSIFY IN PART\nFOIA Exemptions (b)(6)', 'stamp:release-decision');
    expect(r.attributes.decisions).toEqual(['excise', 'declassify-in-part']);
    expect(r.attributes.foiaExemptions).toBe('(b)(6)');
  });
});

describe('page', () => {
  it('numbers pages from markers, form feeds and separators', () => {
    expect(scan('a\fb\fc').pages.map((p) => p.number)).toEqual([1, 2, 3]);
    const text = 'head\n[Facsimile Page 1]\nx\n[Facsimile Page 2]\ny';
    const result = scan(text);
    expect(result.pages.map((p) => p.label)).toEqual(['1', '2']);
    expect(result.records.filter((r) => r.family === 'page').map((r) => r.page)).toEqual([1, 2]);
    expect(scan('x\n---------------------------------------- Page 2\ny').pages).toHaveLength(2);
  });
  it('takes caller-given page starts and checks them', () => {
    const result = scan('(b)(1)\n(b)(3)', { pageStarts: [0, 7] });
    expect(result.records.map((r) => r.page)).toEqual([1, 2]);
    expect(() => scan('abc', { pageStarts: [1] })).toThrow(/must begin with 0/);
    expect(() => scan('abc', { pageStarts: [0, 5] })).toThrow(/less than the text length/);
  });
});
