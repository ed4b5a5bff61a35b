import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/node/read-file-bytes.js';

// formatBytes is written out so that no CLI start pays for ICU's locale data; it must say what
// toLocaleString('en-US') says for every whole number.
describe('formatBytes', () => {
  it('groups thousands as en-US does', () => {
    expect([0, 7, 999, 1000, 65536, 1_000_000, 536_870_888].map(formatBytes)).toEqual(['0', '7', '999', '1,000', '65,536', '1,000,000', '536,870,888']);
    fc.assert(fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => formatBytes(n) === n.toLocaleString('en-US')));
    fc.assert(fc.property(fc.double(), (n) => formatBytes(n) === n.toLocaleString('en-US')));
    expect([10.5, 1e21, Infinity, Number.NaN, -0].map(formatBytes)).toEqual(['10.5', '1,000,000,000,000,000,000,000', '∞', 'NaN', '-0']);
  });
});
