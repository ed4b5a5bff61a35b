import { describe, expect, it } from 'vitest';
import { formatCalibration, measureCalibration } from '../../src/index.js';

describe('measureCalibration', () => {
  it('buckets predictions by confidence and weighs each bucket\'s gap into the ECE', () => {
    const c = measureCalibration([
      { confidence: 0.95, correct: true },
      { confidence: 1, correct: false },
      { confidence: 0.85, correct: true },
      { confidence: 0.3, correct: false },
    ]);
    expect(c.count).toBe(4);
    const top = c.buckets.at(-1);
    expect(top).toMatchObject({ from: 0.9, to: 1, count: 2, precision: 0.5 });
    expect(top?.meanConfidence).toBeCloseTo(0.975);
    expect(c.buckets[0]).toMatchObject({ from: 0, to: 0.5, count: 1, precision: 0, meanConfidence: 0.3 });
    expect(c.buckets.find((b) => b.from === 0.5)).toMatchObject({ count: 0, precision: null, meanConfidence: null });
    // (2/4)·|0.5 − 0.975| + (1/4)·|1 − 0.85| + (1/4)·|0 − 0.3|
    expect(c.ece).toBeCloseTo(0.5 * 0.475 + 0.25 * 0.15 + 0.25 * 0.3);
    expect(measureCalibration([]).ece).toBe(0);
  });

  it('renders a row per bucket and the ECE', () => {
    const text = formatCalibration(measureCalibration([{ confidence: 0.95, correct: true }]), 'dev');
    expect(text).toContain('dev: 1 scored records');
    expect(text).toMatch(/^0\.9–1\.0\]\s+1\s+95\.0\s+100\.0$/m);
    expect(text).toContain('expected calibration error: 0.050');
  });
});
