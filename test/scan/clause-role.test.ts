import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan.js';
import { clauseAround } from '../../src/scan/clause-role.js';

/** FOIA and Privacy Act records as `key role [context]`. */
function roles(text: string): string[] {
  return scan(text, { families: ['foia', 'privacy'] }).records.map((r) => `${r.key} ${r.role}${r.attributes.context ? ` ${r.attributes.context as string}` : ''}`);
}

describe('clauseAround', () => {
  it('stops at sentence ends but not at abbreviations', () => {
    const text = 'He left. The file is exempt under 5 U.S.C. 552 (b)(1). Next one.';
    const at = text.indexOf('(b)(1)');
    const c = clauseAround(text, at, at + 6);
    expect(text.slice(c.start, c.end)).toBe(' The file is exempt under 5 U.S.C. 552 (b)(1).');
  });
});

describe('a claim is a marking, decided once for its clause', () => {
  it.each([
    // release and denial letters
    ['Additional information concerning you is exempt from disclosure as provided by Title 5, United States Code, Section 552 (b) (1), (b) (2), (b) (5), (b) (6), (b) (7) (C) and (D).', ['foia:b1', 'foia:b2', 'foia:b5', 'foia:b6', 'foia:b7C', 'foia:b7D']],
    ['The excised portions are exempt under Title 5 U.S.C. 552 (b)(1), (b)(3), and (b) (6).', ['foia:b1', 'foia:b3', 'foia:b6']],
    ['It was originally denied in toto under Title 5 U.S.C. 552 (b) (5).', ['foia:b5']],
    ['the remainder withheld on the basis of Title 5 U.S.C. 552 (b) (1) and (b) (3).', ['foia:b1', 'foia:b3']],
    ['Per addendum to memo dated 6/19/75 the (b) (1) exemption is being utilized.', ['foia:b1']],
    // ticked forms
    ['(✔) Previously denied in toto under exemption(s)(b)(1) (b)(3) (b)(6) of FOIA', ['foia:b1', 'foia:b3', 'foia:b6']],
    ['(X) Sustain initial denial in toto under exemption(s) ((b)(1), (b)(3) (b)(6)) of FOIA', ['foia:b1', 'foia:b3', 'foia:b6']],
  ])('%j', (text, keys) => {
    const found = roles(text);
    expect(found.map((r) => r.split(' ')[0])).toEqual(keys);
    expect(found.every((r) => r.endsWith('marking claim'))).toBe(true);
  });
});

describe('a mention is not', () => {
  it.each([
    ['in my view, (b)(3) applies here', 'proposed'],
    ['Whether (b)(5) could be invoked is a question for counsel.', 'proposed'],
    ['(b)(6) not asserted', 'negated'],
    ['(b)(6) not assuled', 'negated'], // OCR of "not asserted" (104-10433-10212)
    ['The court held that Exemption 6 protects personnel files, and (b)(6) applies to similar files.', 'the law'],
    ['| () Information from a foreign liaison service | (b)(3) | (j)(1)(b)(c) |', 'unticked form option'],
  ])('%j (%s)', (text) => {
    expect(roles(text).every((r) => r.includes(' mention'))).toBe(true);
    expect(roles(text).length).toBeGreaterThan(0);
  });

  it('reads a printed legend of every exemption as mentions (FBI deleted page sheet, 104-10337-10001)', () => {
    const legend = '(b)(1)\n(b)(7)(A)\n(d)(5)\n\n(b)(2)\n(b)(7)(B)\n(j)(2)\n\n(b)(3)\n(b)(7)(C)\n(k)(1)\n\n(b)(7)(D)\n(k)(2)\n\n(b)(7)(E)\n(k)(3)';
    const found = roles(legend);
    expect(found.length).toBe(13);
    expect(found.every((r) => r.endsWith('mention form-legend'))).toBe(true);
  });

  it('keeps a short margin stack of codes a marking', () => {
    expect(roles('(b)(1)\n(b)(3)\n(b)(6)')).toEqual(['foia:b1 marking', 'foia:b3 marking', 'foia:b6 marking']);
  });

  it('reads codes at the point of a deletion as markings even where the line goes on', () => {
    expect(roles('The source [REDACTED] (b)(1) met the officer and spoke at length.')).toEqual(['foia:b1 marking']);
  });
});
