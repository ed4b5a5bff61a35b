// The browser bundles of the built main entry (dist/index.js) that the size budgets apply to:
// esbuild --bundle --minify --metafile, platform browser, ESM. Shared by `npm run size` and the
// bundle-size test. Sizes are deterministic for a given build and esbuild version.
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(import.meta.dirname, '..');

/** The bundles measured: what an app imports, and the most its minified bundle may weigh (bytes). */
export const BUDGETS = [
  { name: 'whole main entry', code: "export * from './dist/index.js';", budget: 500_000 },
  { name: 'import { scan }', code: "export { scan } from './dist/index.js';", budget: 250_000 },
  { name: 'import { parseDate }', code: "export { parseDate } from './dist/index.js';", budget: 20_000 },
];

/** Where a bundled input comes from: its npm package, or `redaction-audit` for the library's own code. */
function packageOf(path) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return m ? m[1] : 'redaction-audit';
}

/** Bundles each of {@link BUDGETS} and returns its minified and gzipped size and the bytes per package. */
export async function bundleSizes() {
  const results = [];
  for (const { name, code, budget } of BUDGETS) {
    const result = await build({
      stdin: { contents: code, resolveDir: ROOT, sourcefile: 'entry.js', loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const out = result.outputFiles[0].contents;
    const perPackage = new Map();
    for (const output of Object.values(result.metafile.outputs)) {
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) perPackage.set(packageOf(input), (perPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
    }
    results.push({ name, budget, bytes: out.length, gzip: gzipSync(out).length, byPackage: [...perPackage].sort((a, b) => b[1] - a[1]) });
  }
  return results;
}
