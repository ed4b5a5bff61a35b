/** One scored prediction: the confidence the scanner gave it and whether the gold bears it out. */
export interface ScoredPrediction {
  /** The record's confidence, 0–1. */
  confidence: number;
  /** True when it matches a required gold marker (a true positive), false for a false positive. */
  correct: boolean;
}

/** One confidence bucket of a reliability table. */
export interface CalibrationBucket {
  /** Lower bound of the bucket (inclusive). */
  from: number;
  /** Upper bound (exclusive; the last bucket includes 1). */
  to: number;
  /** Predictions in the bucket. */
  count: number;
  /** Their mean confidence, or `null` when the bucket is empty. */
  meanConfidence: number | null;
  /** The share of them that are correct (observed precision), or `null` when the bucket is empty. */
  precision: number | null;
}

/** A reliability table and its expected calibration error. */
export interface Calibration {
  buckets: CalibrationBucket[];
  /** Predictions scored. */
  count: number;
  /**
   * Expected calibration error: the mean, weighted by bucket size, of |observed precision − mean
   * confidence| over the buckets. 0 is perfectly calibrated.
   */
  ece: number;
}

/** The bucket bounds of {@link measureCalibration}: the levels the README's "Confidence" section names. */
export const CALIBRATION_BOUNDS: readonly number[] = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

/**
 * Groups scored predictions by confidence ([0, 0.5), [0.5, 0.6) … [0.9, 1]) and compares each
 * bucket's mean confidence with the share found correct: a reliability table, with the expected
 * calibration error over all buckets. Pure.
 *
 * @example
 * measureCalibration([{ confidence: 0.95, correct: true }, { confidence: 0.5, correct: false }]).ece; // 0.275
 */
export function measureCalibration(predictions: readonly ScoredPrediction[]): Calibration {
  const last = CALIBRATION_BOUNDS.length - 2;
  const sums = CALIBRATION_BOUNDS.slice(0, -1).map(() => ({ count: 0, confidence: 0, correct: 0 }));
  for (const p of predictions) {
    let i = 0;
    while (i < last && p.confidence >= (CALIBRATION_BOUNDS[i + 1] as number)) i++;
    const s = sums[i] as { count: number; confidence: number; correct: number };
    s.count++;
    s.confidence += p.confidence;
    if (p.correct) s.correct++;
  }
  let ece = 0;
  const buckets = sums.map((s, i) => {
    const meanConfidence = s.count > 0 ? s.confidence / s.count : null;
    const precision = s.count > 0 ? s.correct / s.count : null;
    if (s.count > 0) ece += (s.count / predictions.length) * Math.abs((precision as number) - (meanConfidence as number));
    return { from: CALIBRATION_BOUNDS[i] as number, to: CALIBRATION_BOUNDS[i + 1] as number, count: s.count, meanConfidence, precision };
  });
  return { buckets, count: predictions.length, ece };
}

/** Renders a reliability table: one row per bucket (range, count, mean confidence, observed precision), then the ECE. */
export function formatCalibration(calibration: Calibration, title = 'calibration'): string {
  const pct = (n: number | null): string => (n === null ? '—' : (n * 100).toFixed(1)).padStart(7);
  const lines = [`${title}: ${calibration.count} scored records`, `${'confidence'.padEnd(12)} ${'records'.padStart(7)} ${'mean%'.padStart(7)} ${'right%'.padStart(7)}`];
  for (const b of calibration.buckets) {
    const range = `${b.from.toFixed(1)}–${b.to.toFixed(1)}${b.to === 1 ? ']' : ')'}`;
    lines.push(`${range.padEnd(12)} ${String(b.count).padStart(7)} ${pct(b.meanConfidence)} ${pct(b.precision)}`);
  }
  lines.push(`expected calibration error: ${calibration.ece.toFixed(3)}`);
  return lines.join('\n');
}
