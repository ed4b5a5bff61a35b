import type { MarkerRecord } from '../normalize/marker-record.js';
import type { GoldDocument, GoldMarker } from './gold.js';
import type { ScoredPrediction } from './measure-calibration.js';

/** Counts and rates for one family (or all). Precision counts predictions, recall counts gold markers. */
export interface AccuracyCounts {
  /** Predictions that match a required gold marker. */
  truePositives: number;
  /** Predictions that match nothing in the gold. */
  falsePositives: number;
  /** Required gold markers no prediction matches. */
  falseNegatives: number;
  /** Required gold markers some prediction matches. */
  found: number;
  precision: number;
  recall: number;
  f1: number;
}

/** One miss or false alarm, for reading the errors. */
export interface AccuracyError {
  file: string;
  kind: 'false-positive' | 'false-negative';
  family: string;
  code: string;
  start: number;
  end: number;
  text: string;
}

/** The result of {@link evaluateAccuracy}. */
export interface AccuracyReport {
  /** Per gold family (`foia`, `privacy`, `eo-exemption`, `classification`, `control`, `redaction`, `stamp`). */
  families: Record<string, AccuracyCounts>;
  /** Micro-averaged over all families. */
  overall: AccuracyCounts;
  /** Every false positive and false negative. */
  errors: AccuracyError[];
  /** Markings (not mentions) reported inside a document's `negatives` phrases. */
  negativeHits: Array<{ file: string; phrase: string; key: string; start: number }>;
  documents: number;
  /** Every scored prediction (true or false positive; neutral ones left out) with its confidence, for a reliability table. */
  predictions: ScoredPrediction[];
}

/** The gold family a record is scored under; `undefined` when the gold does not annotate it. */
export function goldFamilyOf(record: MarkerRecord): string | undefined {
  if (record.role === 'mention') return undefined; // mentions are not markings
  switch (record.family) {
    case 'eo':
    case 'declass':
      return 'eo-exemption';
    case 'page':
      // The gold annotates printed page footers (JFK "NW … DocId … Page N") as stamps, and not
      // the FRUS editorial "[Facsimile Page N]" / "[Typeset Page N]" markers.
      return record.code === 'page-number' ? 'stamp' : undefined;
    case 'stamp':
      // The gold does not annotate classification authority blocks (dev/README.md, "stamp").
      return record.code === 'classification-authority' ? undefined : 'stamp';
    default:
      return record.family;
  }
}

/** Compares codes as the gold README says: upper-cased, letters and digits only. E.O. citations drop the order (`12958:1.5(c)` ~ `EO:1.5(c)`). */
export function comparableCode(family: string, code: string): string {
  let c = code;
  if (family === 'eo-exemption') c = c.replace(/^1\d{4}:/, 'EO:');
  return c.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function iou(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const inter = overlap(a, b);
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return union === 0 ? 0 : inter / union;
}

function counts(tp: number, fp: number, fn: number, found: number): AccuracyCounts {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = found + fn === 0 ? 1 : found / (found + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, found, precision, recall, f1 };
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  found: number;
}

/**
 * Scores records against hand-made gold annotations, per family and overall.
 *
 * Matching, as the gold README suggests: a prediction matches a gold marker when the family and
 * the comparable code agree and the spans overlap with IoU ≥ 0.5; stamps match on family and any
 * overlap. Optional gold markers (and the further codes of a gold `also`) never count as missed,
 * and predictions matching them are neither true nor false. A prediction that overlaps an
 * optional gold marker of its family is likewise not counted: the annotator marked that stretch
 * as uncertain. Mentions are not markings and are not scored.
 *
 * @param gold - the gold documents
 * @param predicted - for each gold `file`, the document's text and the records found in it;
 *   a file missing here counts all its gold markers as missed
 */
export function evaluateAccuracy(gold: readonly GoldDocument[], predicted: ReadonlyMap<string, { text: string; records: readonly MarkerRecord[] }>): AccuracyReport {
  const tallies = new Map<string, Tally>();
  const tally = (family: string): Tally => {
    let t = tallies.get(family);
    if (!t) tallies.set(family, (t = { tp: 0, fp: 0, fn: 0, found: 0 }));
    return t;
  };
  const errors: AccuracyError[] = [];
  const negativeHits: AccuracyReport['negativeHits'] = [];
  const scored: ScoredPrediction[] = [];

  for (const doc of gold) {
    const text = predicted.get(doc.file)?.text;
    const predictions = (predicted.get(doc.file)?.records ?? [])
      .map((r) => ({ record: r, family: goldFamilyOf(r) }))
      .filter((p): p is { record: MarkerRecord; family: string } => p.family !== undefined)
      .map((p) => ({ ...p, start: p.record.span.start.offset, end: p.record.span.end.offset, code: comparableCode(p.family, p.record.code) }));
    // Expand `also` codes into optional gold markers on the same span.
    const golds: Array<GoldMarker & { comparable: string }> = [];
    for (const m of doc.markers) {
      golds.push({ ...m, comparable: comparableCode(m.family, m.code) });
      for (const extra of m.also ?? []) golds.push({ ...m, code: extra, optional: true, comparable: comparableCode(m.family, extra) });
    }
    for (const m of golds) if (!m.optional) tally(m.family);
    for (const p of predictions) tally(p.family);

    const goldMatched = new Set<number>();
    const predMatched = new Set<number>();
    const predNeutral = new Set<number>();

    // Stamps: any overlap, many to many.
    predictions.forEach((p, pi) => {
      if (p.family !== 'stamp') return;
      golds.forEach((g, gi) => {
        if (g.family !== 'stamp' || overlap(p, g) === 0) return;
        if (g.optional) predNeutral.add(pi);
        else {
          predMatched.add(pi);
          goldMatched.add(gi);
        }
      });
    });

    // Other families: one to one, best IoU first.
    const pairs: Array<{ pi: number; gi: number; score: number }> = [];
    predictions.forEach((p, pi) => {
      if (p.family === 'stamp') return;
      golds.forEach((g, gi) => {
        if (g.family !== p.family || g.comparable !== p.code) return;
        const score = iou(p, g);
        if (score >= 0.5) pairs.push({ pi, gi, score });
      });
    });
    pairs.sort((a, b) => b.score - a.score || a.pi - b.pi || a.gi - b.gi);
    const usedGold = new Set<number>();
    const usedPred = new Set<number>();
    for (const { pi, gi } of pairs) {
      if (usedGold.has(gi) || usedPred.has(pi)) continue;
      usedGold.add(gi);
      usedPred.add(pi);
      if ((golds[gi] as GoldMarker).optional) predNeutral.add(pi);
      else {
        predMatched.add(pi);
        goldMatched.add(gi);
      }
    }
    predictions.forEach((p, pi) => {
      if (predMatched.has(pi) || predNeutral.has(pi)) return;
      if (golds.some((g) => g.optional && g.family === p.family && overlap(p, g) > 0)) predNeutral.add(pi);
    });

    predictions.forEach((p, pi) => {
      const t = tally(p.family);
      if (predMatched.has(pi)) {
        t.tp++;
        scored.push({ confidence: p.record.confidence, correct: true });
      } else if (!predNeutral.has(pi)) {
        t.fp++;
        scored.push({ confidence: p.record.confidence, correct: false });
        errors.push({ file: doc.file, kind: 'false-positive', family: p.family, code: p.record.code, start: p.start, end: p.end, text: p.record.raw });
      }
    });
    golds.forEach((g, gi) => {
      if (g.optional) return;
      const t = tally(g.family);
      if (goldMatched.has(gi)) t.found++;
      else {
        t.fn++;
        errors.push({ file: doc.file, kind: 'false-negative', family: g.family, code: g.code, start: g.start, end: g.end, text: g.text });
      }
    });

    if (text && doc.negatives) {
      for (const phrase of doc.negatives) {
        for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) {
          for (const p of predictions) {
            if (overlap(p, { start: at, end: at + phrase.length }) > 0) negativeHits.push({ file: doc.file, phrase, key: p.record.key, start: p.start });
          }
        }
      }
    }
  }

  const families: Record<string, AccuracyCounts> = {};
  const total: Tally = { tp: 0, fp: 0, fn: 0, found: 0 };
  for (const family of [...tallies.keys()].sort()) {
    const t = tallies.get(family) as Tally;
    families[family] = counts(t.tp, t.fp, t.fn, t.found);
    total.tp += t.tp;
    total.fp += t.fp;
    total.fn += t.fn;
    total.found += t.found;
  }
  return { families, overall: counts(total.tp, total.fp, total.fn, total.found), errors, negativeHits, documents: gold.length, predictions: scored };
}

/** Renders an accuracy report as a plain-text table: one row per family and an overall row. */
export function formatAccuracy(report: AccuracyReport, title = 'accuracy'): string {
  const pct = (n: number): string => (n * 100).toFixed(1).padStart(6);
  const rows = Object.entries(report.families).map(([family, c]) => ({ family, c }));
  rows.push({ family: 'overall (micro)', c: report.overall });
  const lines = [
    `${title}: ${report.documents} documents`,
    `${'family'.padEnd(16)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)} ${'P%'.padStart(6)} ${'R%'.padStart(6)} ${'F1%'.padStart(6)}`,
  ];
  for (const { family, c } of rows) {
    lines.push(`${family.padEnd(16)} ${String(c.truePositives).padStart(4)} ${String(c.falsePositives).padStart(4)} ${String(c.falseNegatives).padStart(4)} ${pct(c.precision)} ${pct(c.recall)} ${pct(c.f1)}`);
  }
  lines.push(`markings inside negative phrases: ${report.negativeHits.length}`);
  return lines.join('\n');
}
