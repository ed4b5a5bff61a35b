import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: the browser-safe core (`.`), the Node file loader (`./node`), and the PDF
    // reader (`./pdf`, which alone imports pdf.js; `pdfjs-dist` stays external as a dependency).
    entry: { index: 'src/index.ts', node: 'src/node.ts', pdf: 'src/pdf.ts' },
    // Both module systems, so `import` and `require` users get native code.
    format: ['esm', 'cjs'],
    // One declaration file per branch of the exports map (.d.ts for ESM, .d.cts for CJS).
    dts: true,
    // Matches engines.node >= 20 and every evergreen browser.
    target: 'es2022',
    // The library is small; readable output helps users debugging through it.
    minify: false,
    sourcemap: true,
    // Shared chunks keep the core out of node.js twice.
    splitting: true,
    clean: true,
    treeshake: true,
    outDir: 'dist',
  },
  {
    // The command-line program: ESM only, with a shebang so npm can link it as a bin.
    entry: { 'cli/main': 'src/cli/main.ts', 'cli/analyze-worker': 'src/cli/analyze-worker.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    sourcemap: true,
    clean: false,
    outDir: 'dist',
  },
]);
