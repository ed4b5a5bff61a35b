/** The part of pdf.js this package uses. */
export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<Pdfjs> | undefined;

// pdf.js's Node build, when it loads, tries the optional native `@napi-rs/canvas` package (for
// rendering) and warns with "Warning: …" lines when it cannot have it. This package never
// renders, so those lines are noise — and printed by a CLI they would mix into its reports:
// they are held back while the module loads, and every other line is passed on.
const LOAD_NOISE = /^Warning: (?:Cannot load "@napi-rs\/canvas"|Cannot polyfill `(?:DOMMatrix|ImageData|Path2D)`|Cannot access the `require` function)/;

/**
 * Loads pdf.js (`pdfjs-dist`, its legacy build, which runs in Node and in every browser) once,
 * on first use, so importing `redaction-audit/pdf` costs nothing until a PDF is read.
 *
 * pdf.js builds a `DOMMatrix` as its module loads and while it reads Type3 fonts, even when it
 * only reads text; browsers have one, Node has none, and pdf.js takes it from the native
 * `@napi-rs/canvas` when that optional package is installed. Where there is none, a pure
 * JavaScript `DOMMatrix` (`@thednp/dommatrix`) is installed as the global first, so PDFs read
 * without native code (mozilla/pdf.js#21720).
 */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    const global = globalThis as { DOMMatrix?: unknown };
    if (global.DOMMatrix === undefined) global.DOMMatrix = (await import('@thednp/dommatrix')).default;
    const warn = console.warn;
    const log = console.log;
    const filter =
      (write: (...args: unknown[]) => void) =>
      (...args: unknown[]): void => {
        if (typeof args[0] === 'string' && LOAD_NOISE.test(args[0])) return;
        write(...args);
      };
    console.warn = filter(warn);
    console.log = filter(log);
    try {
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.warn = warn;
      console.log = log;
    }
  })();
  return loading;
}
