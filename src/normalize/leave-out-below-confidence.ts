import { InvalidArgumentError } from '../core/errors.js';
import type { MarkerRecord } from './marker-record.js';

/** What {@link leaveOutBelowConfidence} keeps and how many records it left out. */
export interface ConfidenceFilterResult {
  /** The records read with a confidence of at least the threshold, in their order. */
  records: MarkerRecord[];
  /** How many records were below the threshold and left out. */
  belowConfidence: number;
}

/**
 * Keeps the records read with a confidence of at least `minConfidence` (0–1; see the README,
 * "Confidence", for what the levels mean) and counts those left out. Throws
 * {@link InvalidArgumentError} when `minConfidence` is not a number from 0 to 1.
 *
 * @example
 * leaveOutBelowConfidence(scan(text).records, 0.9); // { records: [...], belowConfidence: 3 }
 */
export function leaveOutBelowConfidence(records: readonly MarkerRecord[], minConfidence: number): ConfidenceFilterResult {
  assertConfidence(minConfidence, 'minConfidence');
  const kept = records.filter((r) => r.confidence >= minConfidence);
  return { records: kept, belowConfidence: records.length - kept.length };
}

/** Throws {@link InvalidArgumentError} unless `value` is a number from 0 to 1; `name` is the option's name in the message. */
export function assertConfidence(value: unknown, name: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new InvalidArgumentError(`${name} must be a number from 0 to 1 (a record's confidence), got ${typeof value === 'number' ? value : JSON.stringify(value)}`);
  }
}
