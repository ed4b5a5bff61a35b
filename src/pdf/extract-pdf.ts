import { InvalidArgumentError } from '../core/errors.js';
import { findRedactionBoxes, type BoxKind } from './find-redaction-boxes.js';
import { indexOfBytes, isPdf } from './is-pdf.js';
import { layoutPage } from './layout-page.js';
import { loadPdfjs } from './load-pdfjs.js';
import { toMatrix, type Matrix } from './matrix.js';
import { roundBox, type PdfBox } from './pdf-box.js';
import { readPageContent, type FontFacts, type PageFill } from './read-page-content.js';

/** Options of {@link extractPdf}. */
export interface ExtractPdfOptions {
  /** The password of an encrypted PDF. Without it (or with a wrong one) an encrypted PDF fails with `encrypted`. */
  password?: string;
  /**
   * Keep the text found under redaction boxes in `boxes[].hiddenText` (default `false`). Off,
   * the hidden characters are only counted: they are in no field of the result.
   */
  showHiddenText?: boolean;
  /** Where pdf.js finds its character maps (`pdfjs-dist/cmaps/`), for PDFs with CJK fonts that do not embed them. */
  cMapUrl?: string;
  /** Where pdf.js finds the standard fonts (`pdfjs-dist/standard_fonts/`); only needed to render, never to read text. */
  standardFontDataUrl?: string;
}

/** One page of a PDF. Sizes are in PDF units (1/72 inch), as displayed (after `/Rotate`). */
export interface PdfPage {
  /** 1-based page number: the PDF's own page order, which every record's `page` refers to. */
  number: number;
  width: number;
  height: number;
  /** False when the page carries no text at all: a scan never OCR'd, or a blank page. */
  hasTextLayer: boolean;
  /** True when the page paints an image (a scan, a photo). */
  hasImages: boolean;
}

/** A word of the extracted text and where it is on its page. */
export interface PdfTextItem {
  page: number;
  /** 0-based UTF-16 offsets into `text`, end exclusive. */
  start: number;
  end: number;
  box: PdfBox;
}

/** A dark box drawn on a page, as read by {@link extractPdf}; see `BoxKind` for what it can be. */
export interface PdfRedactionBox {
  page: number;
  box: PdfBox;
  kind: BoxKind;
  /**
   * `content` for a box drawn in the page, `annotation` for a dark highlight or square
   * annotation, `unapplied-redaction` for a redaction annotation (`/Redact`) marked but never
   * applied: the text under it was never removed.
   */
  source: 'content' | 'annotation' | 'unapplied-redaction';
  /** Characters still in the text layer under the box (whitespace and filler such as `XXXX` not counted). */
  hiddenCharacters: number;
  /** The text under the box; only with `showHiddenText`, otherwise `null`. */
  hiddenText: string | null;
  /** Where the box stands in `text`: its runs of `█`, one per line it covers (empty for a labelled box). Offsets as in {@link PdfTextItem}. */
  spans: Array<{ start: number; end: number }>;
}

/** Why a PDF could not be read. */
export type PdfReadFailureCode = 'not-pdf' | 'encrypted' | 'truncated' | 'damaged';

/** A PDF read by {@link extractPdf}. */
export interface PdfExtraction {
  ok: true;
  /**
   * The text layer, page after page, each page's lines in reading order, pages separated by a
   * line holding a form feed (`\n\f\n`). Text under redaction boxes is replaced by `█`.
   */
  text: string;
  /** 0-based UTF-16 offset where each page starts in `text`; pass it to `scan` as `pageStarts`. */
  pageStarts: number[];
  pages: PdfPage[];
  /** Every word of `text` with its page and box, in text order. */
  items: PdfTextItem[];
  /** Every dark box on every page, in page and drawing order. */
  boxes: PdfRedactionBox[];
}

/** What {@link extractPdf} resolves to: the extraction, or why there is none. */
export type ExtractPdfResult = PdfExtraction | { ok: false; code: PdfReadFailureCode; reason: string };

/** The separator between pages in the extracted text. */
export const PAGE_SEPARATOR = '\n\f\n';

const EOF_MARKER = [0x25, 0x25, 0x45, 0x4f, 0x46]; // %%EOF

/** True when `%%EOF` stands within the last 2 KiB: a file cut short (an interrupted download) lacks it. */
function hasEnd(bytes: Uint8Array): boolean {
  return indexOfBytes(bytes, EOF_MARKER, bytes.length - 2048, bytes.length) >= 0;
}

function failure(code: PdfReadFailureCode, reason: string): ExtractPdfResult {
  return { ok: false, code, reason };
}

/**
 * Reads a PDF with pdf.js: its text layer in reading order (see `layoutPage`: lines rebuilt
 * from glyph positions, like `pdftotext -layout`), its pages, where each word stands, and every
 * dark box with what it hides. Text under a box is masked as `█`, so the text can be scanned,
 * shown and stored without repeating it.
 *
 * Never throws on bad bytes: a file that is not a PDF, is encrypted, truncated or damaged
 * resolves to `{ok: false, code, reason}`. Runs in Node and in browsers; in a browser, set
 * pdf.js's `GlobalWorkerOptions.workerSrc` first (see the README).
 *
 * @example
 * const pdf = await extractPdf(await readFile('release.pdf'));
 * if (pdf.ok) console.log(scan(pdf.text, { pageStarts: pdf.pageStarts }).records.length);
 */
export async function extractPdf(bytes: Uint8Array | ArrayBuffer, options: ExtractPdfOptions = {}): Promise<ExtractPdfResult> {
  if (!(bytes instanceof Uint8Array) && !(bytes instanceof ArrayBuffer)) throw new InvalidArgumentError('extractPdf: bytes must be a Uint8Array or an ArrayBuffer');
  // pdf.js takes the buffer over (it is transferred to its worker): give it a copy.
  const data = new Uint8Array(bytes instanceof ArrayBuffer ? bytes.slice(0) : bytes.slice());
  if (!isPdf(data)) return failure('not-pdf', 'the file does not start with %PDF-: it is not a PDF');
  if (!hasEnd(data)) return failure('truncated', 'the PDF ends before its %%EOF marker: the file was cut short (download it again)');
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data,
    ...(options.password !== undefined ? { password: options.password } : {}),
    ...(options.cMapUrl !== undefined ? { cMapUrl: options.cMapUrl, cMapPacked: true } : {}),
    ...(options.standardFontDataUrl !== undefined ? { standardFontDataUrl: options.standardFontDataUrl } : {}),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (error) {
      return loadFailure(error, options.password !== undefined);
    }
    const pages: PdfPage[] = [];
    const items: PdfTextItem[] = [];
    const boxes: PdfRedactionBox[] = [];
    const pageStarts: number[] = [];
    let text = '';
    for (let number = 1; number <= doc.numPages; number++) {
      let page;
      let opList;
      try {
        page = await doc.getPage(number);
        opList = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.ENABLE });
      } catch (error) {
        return failure('damaged', `page ${number} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
      }
      const fonts = await loadFonts(page.commonObjs, opList.fnArray, opList.argsArray, pdfjs.OPS);
      const content = readPageContent(opList.fnArray, opList.argsArray, pdfjs.OPS, (name) => fonts.get(name));
      for (const fill of await unappliedRedactions(page)) content.fills.push(fill);
      const viewport = page.getViewport({ scale: 1 });
      const view = toMatrix(viewport.transform) as Matrix;
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const pageBoxes = findRedactionBoxes(content.glyphs, content.fills, Math.abs((x1 - x0) * (y1 - y0)));
      const layout = layoutPage(content.glyphs, pageBoxes, view);
      if (number > 1) text += PAGE_SEPARATOR;
      const start = text.length;
      pageStarts.push(start);
      text += layout.text;
      pages.push({
        number,
        width: Math.round(viewport.width * 100) / 100,
        height: Math.round(viewport.height * 100) / 100,
        hasTextLayer: content.glyphs.some((g) => g.char.trim() !== ''),
        hasImages: content.hasImages,
      });
      for (const item of layout.items) items.push({ page: number, start: start + item.start, end: start + item.end, box: roundBox(item.box) });
      for (const box of pageBoxes) {
        const spans = layout.runs.filter((r) => r.box === box.index).map((r) => ({ start: start + r.start, end: start + r.end }));
        boxes.push({
          page: number,
          box: roundBox(box.box),
          kind: box.kind,
          source: box.seq === UNAPPLIED ? 'unapplied-redaction' : box.annotation ? 'annotation' : 'content',
          hiddenCharacters: box.hiddenCharacters,
          hiddenText: options.showHiddenText && box.hidden.length > 0 ? layoutPage(box.hidden, [], view).text.replace(/\s+/g, ' ').trim() : null,
          spans,
        });
      }
      page.cleanup();
    }
    // A last page with no text would start at the very end of the text, which no page may.
    if (pageStarts.length > 1 && (pageStarts[pageStarts.length - 1] as number) >= text.length) text += '\n';
    return { ok: true, text, pageStarts, pages, items, boxes };
  } finally {
    await task.destroy();
  }
}

/** The drawing position given to redaction annotations: above everything, as their text is meant to be gone. */
const UNAPPLIED = Number.MAX_SAFE_INTEGER;

/**
 * The redaction annotations (`/Subtype /Redact`) of a page, as boxes: a reviewer marked the
 * text for redaction and the redaction was never applied, so whatever lies under the mark is
 * still in the file. They are read as if drawn last, in black.
 */
async function unappliedRedactions(page: { getAnnotations(params?: { intent?: string }): Promise<unknown[]> }): Promise<PageFill[]> {
  let annotations: unknown[];
  try {
    annotations = await page.getAnnotations({ intent: 'display' });
  } catch {
    return [];
  }
  const fills: PageFill[] = [];
  for (const a of annotations as Array<{ subtype?: unknown; rect?: unknown }>) {
    if (a.subtype !== 'Redact' || !Array.isArray(a.rect) || a.rect.length !== 4) continue;
    const [x0, y0, x1, y1] = a.rect as [number, number, number, number];
    fills.push({ seq: UNAPPLIED, box: [Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)], color: [0, 0, 0], annotation: true });
  }
  return fills;
}

/** Sorts a pdf.js loading error into a failure code. */
function loadFailure(error: unknown, passwordGiven: boolean): ExtractPdfResult {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (/workerSrc/.test(message)) throw new InvalidArgumentError(`extractPdf: pdf.js has no worker: ${message} (set GlobalWorkerOptions.workerSrc; see the README)`, { cause: error });
  if (name === 'PasswordException') {
    return failure('encrypted', passwordGiven ? 'the PDF is encrypted and the password given is wrong' : 'the PDF is encrypted with a password: decrypt it first (e.g. qpdf --decrypt --password=… in.pdf out.pdf) or give the password');
  }
  return failure('damaged', `the PDF is damaged and cannot be read (${message})`);
}

/** Waits for the fonts a page's operators use and returns their facts by pdf.js name. */
async function loadFonts(
  objs: { has(id: string): boolean; get(id: string, callback?: (value: unknown) => void): unknown },
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: Readonly<Record<string, number>>,
): Promise<Map<string, FontFacts>> {
  const names = new Set<string>();
  for (let i = 0; i < fnArray.length; i++) {
    const args = argsArray[i] as unknown[] | null;
    if (fnArray[i] === ops.setFont && typeof args?.[0] === 'string') names.add(args[0]);
    if (fnArray[i] === ops.setGState) {
      for (const entry of (args?.[0] ?? []) as unknown[]) {
        if (Array.isArray(entry) && entry[0] === 'Font' && Array.isArray(entry[1]) && typeof entry[1][0] === 'string') names.add(entry[1][0]);
      }
    }
  }
  const fonts = new Map<string, FontFacts>();
  for (const name of names) {
    const font = objs.has(name) ? objs.get(name) : await new Promise<unknown>((resolve) => objs.get(name, resolve));
    if (font && typeof font === 'object') {
      const f = font as FontFacts & { fontMatrix?: ArrayLike<number> };
      fonts.set(name, { fontMatrix: f.fontMatrix, ascent: f.ascent, descent: f.descent, vertical: f.vertical });
    }
  }
  return fonts;
}
