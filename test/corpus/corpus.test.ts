import { describe, expect, it } from 'vitest';
import { evaluateAccuracy, formatAccuracy } from '../../src/accuracy/evaluate-accuracy.js';
import { MarkerRecordSchema, type MarkerRecord } from '../../src/normalize/marker-record.js';
import { scan } from '../../src/scan.js';
import { loadCorpusSet } from '../support/corpus.js';

// Floors on micro-F1 per set, regression tests only: every set here was developed against at
// some point (the blind samples after their first, pre-registered score; see their READMEs and
// the CHANGELOG for the honest figures). Raise a floor as the scanner improves; never lower it.
const FLOOR: Record<string, number> = { dev: 0.97, 'dev-extra': 0.97, blind: 0.98, 'blind-2': 0.92, 'blind-3': 0.9, 'blind-4': 0.95 };
/** Sets whose every family must keep its recall at 0.90 or more (issue 12, "done when"). */
const FAMILY_RECALL: Record<string, number> = { blind: 0.9 };

for (const name of ['dev', 'dev-extra', 'blind', 'blind-2', 'blind-3', 'blind-4']) {
  const set = loadCorpusSet(name);
  describe.skipIf(!set)(`corpus ${name}`, () => {
    if (!set) return;
    const predicted = new Map<string, { text: string; records: MarkerRecord[] }>();
    for (const doc of set.documents) {
      const text = set.text(doc.file);
      predicted.set(doc.file, { text, records: scan(text, { source: doc.file }).records });
    }

    it(`scores micro-F1 >= ${FLOOR[name]} against the gold`, () => {
      const report = evaluateAccuracy(set.documents, predicted);
      console.log(formatAccuracy(report, `${name} (${set.dir})`));
      expect(report.overall.f1).toBeGreaterThanOrEqual(FLOOR[name] as number);
      // blind-2's 015 lists "ANY SENSITIVE ACTIVITY OR SECRET" as a negative; dev's 008, the same CIA
      // letter template, has "… CREDIBLE THREAT TO SECRET" as the page's footer banner run into the
      // last line. The scanner follows dev's reading; the one hit is that known disagreement.
      // blind-3's 022 lists a form's instruction "DO NOT WRITE IN THIS BLOCK - FOR CCS INTERNAL USE
      // ONLY" as a negative; the scanner reads its INTERNAL USE ONLY as the control, as on a banner.
      expect(report.negativeHits.length).toBeLessThanOrEqual(name === 'blind-2' || name === 'blind-3' ? 1 : 0);
      const recallFloor = FAMILY_RECALL[name];
      if (recallFloor !== undefined) {
        for (const [family, counts] of Object.entries(report.families)) expect({ family, recall: counts.recall >= recallFloor }).toEqual({ family, recall: true });
      }
    });

    it('gives records that pass the schema, slice exactly and sit on a real page', () => {
      for (const doc of set.documents) {
        const { text, records } = predicted.get(doc.file) as { text: string; records: MarkerRecord[] };
        const pages = scan(text).pages;
        for (const r of records) {
          expect(() => MarkerRecordSchema.parse(r)).not.toThrow();
          expect(text.slice(r.span.start.offset, r.span.end.offset)).toBe(r.raw);
          expect(r.key).toBe(`${r.family}:${r.code}`);
          expect(pages.some((p) => p.number === r.page && r.span.start.offset >= p.start && r.span.start.offset < Math.max(p.end, p.start + 1))).toBe(true);
        }
      }
    });
  });
}

const dev = loadCorpusSet('dev');
describe.skipIf(!dev)('the seed documents (issue #2 "done when")', () => {
  const recordsOf = (file: string): MarkerRecord[] => scan((dev as NonNullable<typeof dev>).text(file), { source: file }).records;

  it('reads every OADR and OCR form of it as declass:OADR, naming the correction', () => {
    const seed3 = recordsOf('seed-003.txt');
    const text = (dev as NonNullable<typeof dev>).text('seed-003.txt');
    for (const form of ['OALR', '0A3R']) {
      const at = [...text.matchAll(new RegExp(form, 'g'))].map((m) => m.index);
      expect(at.length).toBeGreaterThan(0);
      for (const offset of at) {
        const r = seed3.find((x) => x.span.start.offset === offset);
        expect(r?.key).toBe('declass:OADR');
        expect(r?.ocr).toEqual([{ from: form, to: 'OADR', kind: 'letter-confusion' }]);
      }
    }
    const exact = [...text.matchAll(/\bOADR\b/g)].length;
    expect(seed3.filter((r) => r.key === 'declass:OADR' && r.raw === 'OADR').length).toBe(exact);
  });

  it('reads struck-through banners as cancelled classification markings', () => {
    const seed3 = recordsOf('seed-003.txt');
    const struck = seed3.filter((r) => r.family === 'classification' && r.attributes.cancelled);
    expect(struck.map((r) => `${r.code}:${r.raw}`).sort()).toEqual(['C:CONFIDENTIAL', 'S:SECRET']);
    expect(struck.every((r) => r.role === 'marking')).toBe(true);
    const seed2 = recordsOf('seed-002.txt');
    expect(seed2.find((r) => r.family === 'classification')?.attributes.cancelled).toBe(true);
  });

  it('splits SECRET - EYES ONLY into classification:S and control:EYES-ONLY', () => {
    const seed3 = recordsOf('seed-003.txt');
    const s = seed3.find((r) => r.raw === 'SECRET' && !r.attributes.cancelled);
    const eyes = seed3.find((r) => r.key === 'control:EYES-ONLY');
    expect(s?.key).toBe('classification:S');
    expect(eyes?.raw).toBe('EYES ONLY');
    expect(eyes?.span.start.line).toBe(s?.span.start.line);
  });

  it('finds each [REDACTED] and [illegible] as a redaction record', () => {
    const text = (dev as NonNullable<typeof dev>).text('seed-003.txt');
    const seed3 = recordsOf('seed-003.txt');
    const redacted = [...text.matchAll(/\[REDACTED\]/g)].map((m) => m.index);
    expect(seed3.filter((r) => r.key === 'redaction:redacted').map((r) => r.span.start.offset)).toEqual(redacted);
    expect(seed3.filter((r) => r.key === 'redaction:illegible').map((r) => r.raw)).toEqual(['[illegible]']);
  });

  it('parses the ☒ RELEASE ☒ DECLASSIFIED block as one stamp with its ticked decisions', () => {
    const stamps = recordsOf('seed-003.txt').filter((r) => r.key === 'stamp:release-decision');
    expect(stamps).toHaveLength(1);
    expect(stamps[0]?.raw.startsWith('☒ RELEASE ☒ DECLASSIFIED')).toBe(true);
    expect(stamps[0]?.attributes.decisions).toEqual(['release', 'declassify']);
  });

  it('reads REVIEWED BY … DATE … into reviewer and date', () => {
    const r = recordsOf('seed-002.txt').find((x) => x.key === 'stamp:reviewed-by');
    expect(r?.attributes.reviewer).toBe('Moskowitz');
    expect(r?.attributes.date).toBe('3/3');
  });

  it('gives the FRUS source notes editorial classifications', () => {
    const ts = recordsOf('seed-000.txt').find((r) => r.family === 'classification');
    expect([ts?.code, ts?.raw, ts?.role]).toEqual(['TS', 'Top Secret', 'editorial']);
    const c = recordsOf('seed-004.txt').find((r) => r.family === 'classification');
    expect([c?.code, c?.raw, c?.role]).toEqual(['C', 'Confidential', 'editorial']);
  });

  it('starts page 2 at [Facsimile Page 2]', () => {
    const text = (dev as NonNullable<typeof dev>).text('seed-004.txt');
    const result = scan(text);
    const at = text.indexOf('[Facsimile Page 2]');
    expect(result.pages.map((p) => [p.number, p.start])).toEqual([
      [1, 0],
      [2, at],
    ]);
    expect(result.records.find((r) => r.raw === '[Facsimile Page 2]')?.page).toBe(2);
  });
});
