#!/usr/bin/env node
// npm run size: the browser bundle sizes of the main entry (esbuild --bundle --minify, platform
// browser, as an app's bundler would), whole and for single imports, with where the bytes come
// from. The same bundles are guarded by test/package/bundle-size.test.ts (sizes are deterministic).
// Run after `npm run build`; `--json` prints the figures as JSON.
import { bundleSizes } from './bundle-sizes.mjs';

const json = process.argv.includes('--json');
const results = await bundleSizes();
if (json) {
  console.log(JSON.stringify(results, null, 2));
} else {
  const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
  for (const r of results) {
    console.log(`${r.name.padEnd(24)} ${kB(r.bytes).padStart(10)} minified ${kB(r.gzip).padStart(9)} gzipped   budget ${kB(r.budget)}${r.bytes > r.budget ? '  OVER BUDGET' : ''}`);
    for (const [pkg, bytes] of r.byPackage.slice(0, 6)) console.log(`  ${pkg.padEnd(22)} ${kB(bytes).padStart(10)}`);
  }
  if (results.some((r) => r.bytes > r.budget)) process.exitCode = 1;
}
