import { defineConfig } from 'tsup';

// The library's entries: the browser-safe core (`.`), the Node file loader (`./node`), and the
// PDF reader (`./pdf`, which alone imports pdf.js; `pdfjs-dist` stays external as a dependency).
const ENTRIES = { index: 'src/index.ts', node: 'src/node.ts', pdf: 'src/pdf.ts', pattern: 'src/pattern.ts' };

// `dist` is emptied by the `prebuild` script, not by `clean`: the configurations below run side
// by side and one must not delete what another has written.
export default defineConfig([
  {
    // ESM, one output file per source module (not bundled): an app's bundler then drops every
    // module an import does not reach (`sideEffects: false`), so `import { parseDate }` takes a
    // kilobyte, not the catalog, the rule sets, zod, yaml and re2js. A bundled chunk would
    // hold them all in one file whose top-level statements a bundler must keep.
    entry: ['src/**/*.ts', '!src/cli/**'],
    bundle: false,
    format: ['esm'],
    // Matches engines.node >= 20 and every evergreen browser.
    target: 'es2022',
    // Readable output helps users debugging through it; no source maps, which would double the
    // package and embed the TypeScript sources (the shipped JavaScript is close to them).
    minify: false,
    sourcemap: false,
    clean: false,
    outDir: 'dist',
  },
  {
    // CommonJS for `require` users, one bundle per entry (CommonJS is not tree-shaken anyway);
    // shared chunks keep the core out of node.cjs and pdf.cjs twice.
    entry: ENTRIES,
    format: ['cjs'],
    target: 'es2022',
    minify: false,
    sourcemap: false,
    splitting: true,
    treeshake: true,
    clean: false,
    outDir: 'dist',
  },
  {
    // One declaration file per branch of the exports map (.d.ts for ESM, .d.cts for CJS).
    entry: ENTRIES,
    format: ['esm', 'cjs'],
    dts: { only: true },
    clean: false,
    outDir: 'dist',
  },
  {
    // The command-line program: ESM only, with a shebang so npm can link it as a bin. Commands
    // are imported when they run, so `--version` and `--help` load no scanner (see run-cli.ts).
    //
    // Its dependencies are bundled in and the result compacted: Node resolves, reads and compiles
    // an ES module file by file, and zod, yaml and the rest are some 150 files, so loading them
    // one by one took most of a command's start (`npm run bench:start`; REDACTION_AUDIT_TIMING=1).
    // Left out: pdf.js (loaded only for a PDF) and re2js (one file already; bundling it would
    // only add its 150 kB to the package again). CommonJS dependencies bundled into ESM need
    // `require` for Node's built-ins, hence the banner's last two lines.
    entry: { 'cli/main': 'src/cli/main.ts', 'cli/analyze-worker': 'src/cli/analyze-worker.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    noExternal: [/^(?!pdfjs-dist|@thednp\/dommatrix|re2js)/],
    // Whitespace and syntax minified, names kept: an internal error's stack trace (printed for
    // bug reports) still names the functions.
    minify: false,
    esbuildOptions(options) {
      options.minifyWhitespace = true;
      options.minifySyntax = true;
    },
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
    sourcemap: false,
    splitting: true,
    clean: false,
    outDir: 'dist',
  },
]);
