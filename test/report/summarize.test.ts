import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, InvalidArgumentError, SummarySchema, summarize, type MarkerRecord, type SummaryInput } from '../../src/index.js';
import { loadCorpusSet } from '../support/corpus.js';

const SEEDS = join(__dirname, '..', '..', 'examples', 'documents');

function input(text: string, source: string): SummaryInput {
  return { ...analyze(text, { source, ruleSets: [] }), text };
}

const seeds = readdirSync(SEEDS)
  .sort()
  .map((f) => input(readFileSync(join(SEEDS, f), 'utf8'), f));

const counted = (r: MarkerRecord): boolean => r.role !== 'mention' && r.family !== 'page';

describe('summarize', () => {
  const summary = summarize(seeds);

  it('returns data that passes its own schema', () => {
    expect(SummarySchema.safeParse(summary).success).toBe(true);
  });

  it('counts every marking by key: the corpus table equals the records', () => {
    const expected = new Map<string, number>();
    for (const doc of seeds) for (const r of doc.records.filter(counted)) expected.set(r.key, (expected.get(r.key) ?? 0) + 1);
    expect(new Map(summary.corpus.codes.map((c) => [c.key, c.count]))).toEqual(expected);
    expect(summary.corpus.records).toBe([...expected.values()].reduce((a, b) => a + b, 0));
    expect(summary.corpus.families.reduce((a, f) => a + f.count, 0)).toBe(summary.corpus.records);
    // The seeds hold OADR 25 times and (b)(1) 11 times; both are real markings of seed 002 and 003.
    expect(summary.corpus.codes.find((c) => c.key === 'declass:OADR')).toMatchObject({ count: 25, documents: 2, first: { source: 'seed-002.txt', page: 1 } });
  });

  it('agrees between documents, pages and the corpus', () => {
    for (const doc of summary.documents) {
      const pageTotal = doc.pages.reduce((a, p) => a + p.records, 0);
      expect(pageTotal).toBe(doc.records);
      for (const code of doc.codes) {
        const onPages = doc.pages.reduce((a, p) => a + (p.codes.find((c) => c.key === code.key)?.count ?? 0), 0);
        expect(onPages, `${doc.source} ${code.key}`).toBe(code.count);
        expect(code.firstPage).toBe(code.pages[0]);
      }
    }
    expect(summary.corpus.statuses).toEqual({ 'released-in-full': 2, 'released-in-part': 2, 'still-marked': 0, unmarked: 1 });
    expect(summary.corpus.classifications.reduce((a, c) => a + c.documents, 0)).toBe(5);
  });

  it('lists every placeholder of seed 003 once in the withholding index, none with a code beside it', () => {
    const rows = summary.withholdings.filter((w) => w.source === 'seed-003.txt' && w.kind === 'placeholder');
    const placeholders = seeds[3]?.records.filter((r) => r.family === 'redaction' && r.code !== 'illegible') ?? [];
    expect(rows.map((r) => r.recordIds[0])).toEqual(placeholders.map((r) => r.id));
    expect(rows.every((r) => r.codes.length === 0 && r.raw === '[REDACTED]')).toBe(true);
    expect(summary.documents[3]?.redactions).toEqual({ total: 7, withCode: 0, withoutCode: 7 });
    expect(rows[0]?.context).toContain('[REDACTED]');
  });

  it('groups codes standing alone by line and counts codes cited together', () => {
    const row = summary.withholdings.find((w) => w.source === 'seed-003.txt' && w.line === 43);
    expect(row).toMatchObject({ kind: 'code', raw: '(b)(1) (b)(3) (X)', codes: ['eo:review:X', 'foia:b1', 'foia:b3'] });
    expect(summary.corpus.coOccurrences).toContainEqual({ keys: ['foia:b1', 'foia:b3'], count: 1 });
  });

  it('leaves struck-through codes out of the withholding index but counts them as markings', () => {
    const [doc] = [input('SECRET\n~~(b)(1)~~\n\n\n\n\n(b)(6) (b)(7)(C)\n', 'x')];
    const s = summarize([doc as SummaryInput]);
    expect(s.withholdings.map((w) => w.codes)).toEqual([['foia:b6', 'foia:b7C']]);
    expect(s.corpus.codes.find((c) => c.key === 'foia:b1')?.count).toBe(1);
    expect(s.corpus.coOccurrences).toEqual([{ keys: ['foia:b6', 'foia:b7C'], count: 1 }]);
  });

  it('does not count mentions in prose', () => {
    const s = summarize([input('Exemption 5 protects deliberative memoranda.\n(b)(6)\n', 'x')]);
    expect(s.corpus.mentions).toBeGreaterThan(0);
    expect(s.corpus.codes.map((c) => c.key)).toEqual(['foia:b6']);
  });

  it('throws InvalidArgumentError when called wrongly', () => {
    expect(() => summarize('x' as never)).toThrow(InvalidArgumentError);
    expect(() => summarize([{ source: 'a' } as never])).toThrow(/documents\[0\] must have text/);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(summarize(seeds))).toBe(JSON.stringify(summary));
  });
});

describe.skipIf(!loadCorpusSet('dev'))('summarize on the dev corpus', () => {
  const set = loadCorpusSet('dev');
  const docs = (set?.documents ?? []).map((d) => input(set?.text(d.file) ?? '', d.file));
  const summary = summarize(docs);

  it('sums the stated FRUS extents exactly as the records state them', () => {
    let lines = 0;
    let paragraphs = 0;
    let unstated = 0;
    for (const doc of docs) {
      for (const r of doc.records) {
        if (r.family !== 'redaction' || r.role === 'mention' || r.code === 'illegible') continue;
        const e = r.attributes.extent;
        if (!e) unstated += 1;
        else if (e.unit === 'line') lines += e.quantity;
        else if (e.unit === 'paragraph') {
          paragraphs += e.quantity;
          lines += e.lines ?? 0;
        }
      }
    }
    expect(summary.corpus.extent.lines).toBe(lines);
    expect(summary.corpus.extent.paragraphs).toBe(paragraphs);
    expect(summary.corpus.extent.unstated).toBe(unstated);
    expect(lines).toBeGreaterThan(0); // the dev corpus has FRUS "[n lines not declassified]" notes
  });

  it('puts every placeholder in exactly one row and every live withholding code in at least one', () => {
    for (const doc of docs) {
      const rows = summary.withholdings.filter((w) => w.source === doc.source);
      const placeholders = doc.records.filter((r) => r.family === 'redaction' && r.role !== 'mention' && r.code !== 'illegible');
      expect(rows.filter((w) => w.kind === 'placeholder').map((w) => w.recordIds[0]), doc.source ?? '').toEqual(placeholders.map((r) => r.id));
      const inRows = new Set(rows.flatMap((w) => w.recordIds));
      const live = doc.records.filter((r) => r.role !== 'mention' && ['foia', 'privacy', 'eo'].includes(r.family) && r.attributes.cancelled !== true);
      for (const r of live) expect(inRows.has(r.id), `${doc.source} ${r.id}`).toBe(true);
    }
    expect(summary.corpus.redactions.total).toBe(summary.withholdings.filter((w) => w.kind === 'placeholder').length);
  });
});
