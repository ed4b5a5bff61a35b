/** The part of pdf.js this package uses. */
export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<Pdfjs> | undefined;

// pdf.js's Node build, when it loads, tries to load the optional native `@napi-rs/canvas` package
// for rendering and prints "Warning: …" lines with console.log when it cannot. This package never
// renders, so those lines are noise, and on standard output they would break JSON and SARIF
// reports: they are held back while the module loads, and every other line is passed on.
const LOAD_NOISE = /^Warning: (?:Cannot load "@napi-rs\/canvas"|Cannot polyfill `(?:DOMMatrix|ImageData|Path2D)`|Cannot access the `require` function)/;

/**
 * Loads pdf.js (`pdfjs-dist`, its legacy build, which runs in Node and in every browser) once,
 * on first use, so importing `redaction-audit/pdf` costs nothing until a PDF is read.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    const log = console.log;
    console.log = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && LOAD_NOISE.test(args[0])) return;
      log(...args);
    };
    try {
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.log = log;
    }
  })();
  return loading;
}
