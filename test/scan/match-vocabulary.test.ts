import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { renderNearWordsModule } from '../../scripts/build-near-words.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scan } from '../../src/scan.js';
import { ocrDistance, OcrAligner } from '../../src/scan/ocr.js';
import { getVocabulary } from '../../src/scan/vocabulary.js';

/** Records of the classification and control families as `key role "raw"`. */
function read(text: string): string[] {
  const { records } = scan(text, { families: ['classification', 'control'] });
  for (const r of records) expect(text.slice(r.span.start.offset, r.span.end.offset)).toBe(r.raw);
  return records.map((r) => `${r.key} ${r.role} ${JSON.stringify(r.raw)}`);
}

describe('ocrDistance (half edits)', () => {
  it.each([
    ['SECRET', 'SECRET', 0],
    ['secret', 'SECRET', 0],
    ['SEeRET', 'SECRET', 1], // c/e confusion
    ['5ECRET', 'SECRET', 1],
    ['SECRE7', 'SECRET', 2], // 7 is no confusion of T
    ['SECREL', 'SECRET', 2],
    ['SCERET', 'SECRET', 2], // two neighbours swapped
    ['NOFOM', 'NOFORN', 1], // "rn" read as "m"
    ['N0F0RN', 'NOFORN', 2],
    ['R¥BAT', 'RYBAT', 1],
    ['WN|NTEL', 'WNINTEL', 1],
  ])('%s → %s = %i', (written, word, expected) => {
    expect(ocrDistance(written, word, 8)).toBe(expected);
  });

  it('is bounded: beyond the bound it answers bound + 1', () => {
    expect(ocrDistance('SOVIET', 'SECRET', 2)).toBe(3);
    expect(ocrDistance('S', 'CONFIDENTIAL', 4)).toBe(5);
  });

  it('measures every window from one start in one pass', () => {
    const aligner = new OcrAligner().reset('SECRET', 4);
    const seen: number[] = [];
    for (const ch of 'SECRETS') {
      aligner.push(ch.charCodeAt(0));
      seen.push(aligner.distance);
    }
    // "S", "SE", … "SECRET" (0), "SECRETS" (one extra letter: 2); distances past the band are FAR.
    expect(seen[5]).toBe(0);
    expect(seen[6]).toBe(2);
  });
});

describe('the vocabulary comes from the catalog', () => {
  it('holds every classification and control spelling, with a budget by word length', () => {
    const terms = getVocabulary();
    const find = (spelling: string) => terms.find((t) => t.spelling === spelling);
    expect(find('SECRET')?.budget).toBe(2);
    expect(find('CONFIDENTIAL')?.budget).toBe(4);
    expect(find('TOP SECRET')?.budget).toBe(2); // TOP has none of its own
    expect(find('NO DISSEM ABROAD')?.family).toBe('control');
    expect(find('RYBAT')?.nearWords.length).toBeGreaterThan(0);
  });

  it('ships the near-word list generated from the catalog (npm run generate)', () => {
    expect(readFileSync(join(__dirname, '..', '..', 'src', 'scan', 'near-words-data.ts'), 'utf8')).toBe(renderNearWordsModule());
  });
});

// Lines as they stand in the benchmark corpus (document ids in comments) and the dev corpora.
describe('OCR-tolerant reading of banners and control lines', () => {
  it.each([
    // letter-spacing, any separator
    ['S-E-C-R-E-T', ['classification:S marking "S-E-C-R-E-T"']], // 104-10186-10099
    ['S E C R E T', ['classification:S marking "S E C R E T"']],
    ['S.E.C.R.E.T', ['classification:S marking "S.E.C.R.E.T"']],
    ['C-O-N-F-I-D-E-N-T-I-A-L', ['classification:C marking "C-O-N-F-I-D-E-N-T-I-A-L"']],
    ['T-O-P S-E-C-R-E-T', ['classification:TS marking "T-O-P S-E-C-R-E-T"']],
    ['S ECRET 222354Z', ['classification:S marking "S ECRET"']],
    // OCR confusions and edits on banner lines
    ['SEeRET', ['classification:S marking "SEeRET"']],
    ['2 SECREL ee', ['classification:S marking "SECREL"']], // 124-90138-10066
    ['_UD 52 Es unre eee SECRET m', ['classification:S marking "SECRET"']],
    ['oa Pe SECRED a ee', ['classification:S marking "SECRED"']], // 124-90138-10066
    ['26SECRET', ['classification:S marking "SECRET"']],
    ['TUP SECRET', ['classification:TS marking "TUP SECRET"']],
    ['NO POREIGN DISSEM', ['control:NOFORN marking "NO POREIGN DISSEM"']], // jfk_doc_576
    ['NU FOREIGN DISSEM', ['control:NOFORN marking "NU FOREIGN DISSEM"']],
    ['SECRET/NOFORH', ['classification:S marking "SECRET"', 'control:NOFORN marking "NOFORH"']],
    ['R¥BAT', ['control:RYBAT marking "R¥BAT"']],
    ['ININTEL', ['control:WNINTEL marking "ININTEL"']],
    // controls catalogued with issue 12
    [
      'NO FOREIGN DISSEM/BACKGROUND USE ONLY/NO DISSEM ABOAD', // 176-10036-10095
      ['control:NOFORN marking "NO FOREIGN DISSEM"', 'control:BACKGROUND-USE-ONLY marking "BACKGROUND USE ONLY"', 'control:NO-DISSEM-ABROAD marking "NO DISSEM ABOAD"'],
    ],
    ['RETURN TO CIA\nBackground Use Only\nDo Not Reproduce', ['control:BACKGROUND-USE-ONLY marking "Background Use Only"']], // 104-10077-10382
    ['For The President Only - Top Secret', ['control:FOR-THE-PRESIDENT-ONLY marking "For The President Only"', 'classification:TS marking "Top Secret"']], // 177-10002-10096
    ['SPECIAL HANDLING REQUIRED (AFR 124-4)', ['control:SPECIAL-HANDLING-REQUIRED marking "SPECIAL HANDLING REQUIRED"']], // 194-10001-10168
    ['HANDLE VIA COMINT CHANNELS ONLY', ['control:HANDLE-VIA-COMINT marking "HANDLE VIA COMINT CHANNELS ONLY"']],
    ['SECRET KAPOK', ['classification:S marking "SECRET"', 'control:KAPOK marking "KAPOK"']],
    ['SECRET/SENSITIVE', ['classification:S marking "SECRET"', 'control:SENSITIVE marking "SENSITIVE"']],
    ['U.S. OFFICIALS ONLY', ['control:US-OFFICIALS-ONLY marking "U.S. OFFICIALS ONLY"']],
  ])('%j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});

describe('what the matcher refuses', () => {
  it.each([
    ['SECRETS'], // an ordinary word
    ['CONFIDENTIALLY'],
    ['The secret police met the minister yesterday at noon.'],
    ['now is the time'], // words run together do not read as NODIS
    ['FAYEZ A L\'ORDRE OF CON DE DANGURES SUISSES'],
    ['GIVEN NAME:\nNidia'], // a name is not NODIS
    ['POSSIBLE SENSITIVE DESERTION OF THE UNIT COMMANDER'], // SENSITIVE only after a level
    ['SECRET SERVICE AGENTS ARRIVED'],
    ['THE SECRET WAR'],
  ])('%j', (text) => {
    expect(read(text).filter((r) => r.includes(' marking '))).toEqual([]);
  });

  it('reads a classification verb before a level as a mention', () => {
    expect(read('DOWNGRADED TO SECRET')).toEqual(['classification:S mention "SECRET"']);
  });

  it('records each repair with its kind', () => {
    const { records } = scan('S-E-C-R-E-T\nSEeRET\n2 SECREL ee');
    expect(records.map((r) => r.ocr?.map((o) => o.kind))).toEqual([['letter-spacing'], ['letter-confusion'], ['edit']]);
    // Confidence falls with the distance.
    expect(records.map((r) => r.confidence)).toEqual([0.9, 0.8, 0.7]);
  });
});
