import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { bundleSizes } from '../../scripts/bundle-sizes.mjs';

interface BundleSize {
  name: string;
  budget: number;
  bytes: number;
  byPackage: Array<[string, number]>;
}

// The browser bundles of the built main entry (esbuild --bundle --minify, platform browser) as
// `npm run size` prints them. Sizes are deterministic for a build, so they are tested; times are not.
describe('browser bundle sizes of the main entry', async () => {
  const sizes = (await bundleSizes()) as BundleSize[];
  const get = (name: string): BundleSize => sizes.find((s) => s.name === name) as BundleSize;

  it('importing only parseDate stays within 20 kB and takes no dependency', () => {
    const s = get('import { parseDate }');
    expect(s.budget).toBe(20_000);
    expect(s.bytes).toBeLessThanOrEqual(s.budget);
    expect(s.byPackage.map(([p]) => p)).toEqual(['redaction-audit']);
  });

  it('importing only scan stays within 250 kB and takes neither yaml nor re2js', () => {
    const s = get('import { scan }');
    expect(s.budget).toBe(250_000);
    expect(s.bytes).toBeLessThanOrEqual(s.budget);
    expect(s.byPackage.map(([p]) => p).sort()).toEqual(['redaction-audit', 'zod']);
  });

  // The whole entry: every export at once. re2js (the `pattern` check's engine, 150 kB) lives in
  // redaction-audit/pattern, so it is not here; neither are pdf.js and Node built-ins.
  it('the whole main entry stays within 500 kB and takes neither re2js nor pdf.js', () => {
    const s = get('whole main entry');
    expect(s.budget).toBe(500_000);
    expect(s.bytes).toBeLessThanOrEqual(s.budget);
    expect(s.byPackage.map(([p]) => p).sort()).toEqual(['picocolors', 'redaction-audit', 'yaml', 'zod']);
  });
});
