import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess, InvalidArgumentError, scan } from '../../src/index.js';

const seed = (n: number): string => readFileSync(join(__dirname, '..', '..', 'examples', 'documents', `seed-00${n}.txt`), 'utf8');

describe('assess on the seed documents', () => {
  it('seed 003: a 1962 memo reviewed in 1993, released in part, its deletions without codes', () => {
    const a = assess(scan(seed(3)));
    expect(a.documentDate).toMatchObject({ raw: '1962/10/27', iso: '1962-10-27', origin: 'text' });
    expect(a.reviewDate).toMatchObject({ raw: '3/13/93', iso: '1993-03-13', origin: 'text' });
    expect(a.status).toBe('released-in-part');
    expect(a.released).toBe(true);
    expect(a.highestClassification).toMatchObject({ code: 'S', cancelled: true });
    expect(a.stamps[0]).toMatchObject({ code: 'release-decision', decisions: ['release', 'declassify'] });
    expect(a.redactions.length).toBe(7);
    expect(a.redactions.every((r) => !r.justified)).toBe(true);
    expect(a.codes.find((c) => c.key === 'foia:b1')).toMatchObject({ firstPage: 1 });
  });

  it('seed 002: the REVIEWED BY stamp gives a reviewer and a partial date, no review year', () => {
    const a = assess(scan(seed(2)));
    expect(a.documentDate?.iso).toBe('1962-10-28');
    expect(a.reviewDate).toBeNull();
    expect(a.stamps.find((s) => s.code === 'reviewed-by')).toMatchObject({ reviewer: 'Moskowitz', date: '3/3' });
  });

  it('seed 001: an unmarked OCR text', () => {
    expect(assess(scan(seed(1))).status).toBe('unmarked');
  });

  it('seed 004: a FRUS print with an editorial classification counts as released', () => {
    const a = assess(scan(seed(4)));
    expect(a.status).toBe('released-in-full');
    expect(a.highestClassification?.code).toBe('C');
    expect(a.pages.map((p) => p.number)).toEqual([1, 2]);
  });

  it('finds release dates and labelled dates in real stamp forms', () => {
    expect(assess(scan('SECRET\nApproved For Release 2004/05/05 : CIA-RDP80-00679A000100010010-5')).reviewDate?.iso).toBe('2004-05-05');
    expect(assess(scan('DATE: 12/17/63\nDATE OF LAST REVIEW: 09/28/1998')).documentDate?.iso).toBe('1963-12-17');
    expect(assess(scan('DATE: 12/17/63\nDATE OF LAST REVIEW: 09/28/1998')).reviewDate?.iso).toBe('1998-09-28');
    expect(assess(scan('SECRET\nThis reply is dated Declassify on 3/20/2041')).reviewDate).toBeNull();
  });
});

describe('explicit dates', () => {
  it('win over the text', () => {
    const a = assess(scan(seed(3)), { reviewDate: '1998-01-01', documentDate: '1962' });
    expect(a.reviewDate).toMatchObject({ iso: '1998-01-01', origin: 'explicit', confidence: 1 });
    expect(a.documentDate).toMatchObject({ iso: null, year: 1962 });
  });
  it('must be YYYY-MM-DD or YYYY', () => {
    for (const bad of ['1998-02-30', '98-01-01', '1/1/1998', '']) {
      expect(() => assess(scan('x'), { reviewDate: bad })).toThrow(InvalidArgumentError);
    }
  });
});
