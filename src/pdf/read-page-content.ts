import { intersectBoxes, type PdfBox } from './pdf-box.js';
import { applyMatrix, IDENTITY, multiplyMatrix, toMatrix, type Matrix } from './matrix.js';

/** A colour as red, green and blue, each 0–1. */
export type Rgb = readonly [number, number, number];

/** One glyph shown on a page, where and how it was drawn. Coordinates are in the page's user space (see `PdfBox`). */
export interface PageGlyph {
  /** The Unicode text of the glyph (usually one character; ligatures give more). */
  char: string;
  /** Its place in the drawing order: the index of the operator that drew it. */
  seq: number;
  /** The box of its em square, from the font's descent to its ascent. */
  box: PdfBox;
  /** The baseline origin (`ox`, `oy`), the end of its advance (`ex`, `ey`), and the point one font size above the origin (`tx`, `ty`). */
  ox: number;
  oy: number;
  ex: number;
  ey: number;
  tx: number;
  ty: number;
  /** False for invisible text (render modes 3 and 7, as OCR layers use), fully transparent text, or text outside the clip. */
  visible: boolean;
  /** Its fill colour, or `null` when it is painted with a pattern. */
  color: Rgb | null;
}

/** A rectangle filled with one opaque colour. */
export interface PageFill {
  seq: number;
  box: PdfBox;
  color: Rgb;
  /** True when it belongs to an annotation's appearance (a highlight, a square) rather than the page content. */
  annotation: boolean;
}

/** What {@link readPageContent} reads from a page's operator list. */
export interface PageContent {
  glyphs: PageGlyph[];
  fills: PageFill[];
  /** True when the page paints at least one image (a scan, a photo). */
  hasImages: boolean;
}

/** The font facts text positioning needs, from pdf.js's font object. */
export interface FontFacts {
  fontMatrix?: ArrayLike<number> | undefined;
  ascent?: number | undefined;
  descent?: number | undefined;
  vertical?: boolean | undefined;
}

/** The operator numbers of pdf.js (`OPS` of `pdfjs-dist`), by name. */
export type OperatorCodes = Readonly<Record<string, number>>;

/** A pdf.js glyph inside a `showText` argument. */
interface OpGlyph {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
  vmetric?: ArrayLike<number> | null;
}

interface TextState {
  font: FontFacts | undefined;
  fontSize: number;
  fontDirection: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  renderMode: number;
  matrix: Matrix;
  x: number;
  y: number;
  lineX: number;
  lineY: number;
}

interface GraphicsState {
  ctm: Matrix;
  fill: Rgb | null;
  fillAlpha: number;
  /** The clip as a box in user space; `null` for no clip. Non-rectangular clips are taken by their bounding box. */
  clip: PdfBox | null;
  text: TextState;
  annotation: boolean;
}

const DEFAULT_FONT_MATRIX: readonly number[] = [0.001, 0, 0, 0.001, 0, 0];
/** The em-box extent used when a font gives no usable ascent or descent. */
const DEFAULT_ASCENT = 0.8;
const DEFAULT_DESCENT = -0.2;
/** Fills at least this opaque count as covering what is below (x-ray keeps only fully opaque drawings). */
const OPAQUE = 0.99;

function initialText(): TextState {
  return { font: undefined, fontSize: 0, fontDirection: 1, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0, renderMode: 0, matrix: IDENTITY, x: 0, y: 0, lineX: 0, lineY: 0 };
}

function initialState(): GraphicsState {
  return { ctm: IDENTITY, fill: [0, 0, 0], fillAlpha: 1, clip: null, text: initialText(), annotation: false };
}

function copyState(s: GraphicsState): GraphicsState {
  return { ...s, text: { ...s.text } };
}

/** Reads a pdf.js colour argument: `#rrggbb` (what pdf.js emits for every colour space) or three 0–255 numbers. */
export function parseColor(args: readonly unknown[]): Rgb | null {
  const first = args[0];
  if (typeof first === 'string') {
    const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(first);
    return m ? [parseInt(m[1] as string, 16) / 255, parseInt(m[2] as string, 16) / 255, parseInt(m[3] as string, 16) / 255] : null;
  }
  if (args.length >= 3 && args.slice(0, 3).every((v) => typeof v === 'number')) {
    return [(args[0] as number) / 255, (args[1] as number) / 255, (args[2] as number) / 255];
  }
  return null;
}

/** A finite number from an operator argument, or 0. */
function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** The bounding box of points, as a `PdfBox`. */
function boxOf(points: ReadonlyArray<readonly [number, number]>): PdfBox {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of points) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return [x0, y0, x1, y1];
}

/** How far apart two coordinates may be and still count as one (PDF units). */
const SNAP = 0.5;

/**
 * The axis-aligned rectangles among a path's subpaths, in user space. pdf.js hands paths over as
 * a flat buffer of drawing commands (`moveTo x y`, `lineTo x y`, `curveTo` × 6, `quadraticCurveTo`
 * × 4, `closePath`); `re` arrives as a moveTo and three lineTos. A subpath with a curve or more
 * than four corners is no rectangle. A rectangle that holds another of the same path is a frame
 * (a border drawn as a ring, filled by the winding rule around a hole): both are left out, as
 * x-ray learned from PyMuPDF's issue 1355.
 */
export function rectanglesOf(buffer: ArrayLike<number>, ctm: Matrix): PdfBox[] {
  const rects: PdfBox[] = [];
  let points: Array<[number, number]> = [];
  let straight = true;
  const flush = (): void => {
    const corners = points.filter((p, i) => i === 0 || Math.abs(p[0] - (points[i - 1] as [number, number])[0]) > SNAP || Math.abs(p[1] - (points[i - 1] as [number, number])[1]) > SNAP);
    const first = corners[0];
    const last = corners[corners.length - 1];
    if (first && last && corners.length > 1 && Math.abs(first[0] - last[0]) <= SNAP && Math.abs(first[1] - last[1]) <= SNAP) corners.pop();
    if (straight && corners.length === 4) {
      const axisAligned = corners.every((p, i) => {
        const q = corners[(i + 1) % 4] as [number, number];
        return Math.abs(p[0] - q[0]) <= SNAP || Math.abs(p[1] - q[1]) <= SNAP;
      });
      if (axisAligned) rects.push(boxOf(corners));
    }
    points = [];
    straight = true;
  };
  // DrawOPS of pdf.js: 0 moveTo, 1 lineTo, 2 curveTo, 3 quadraticCurveTo, 4 closePath.
  for (let i = 0; i < buffer.length; ) {
    const op = buffer[i] as number;
    if (op === 0) {
      flush();
      points.push(applyMatrix(ctm, buffer[i + 1] as number, buffer[i + 2] as number));
      i += 3;
    } else if (op === 1) {
      points.push(applyMatrix(ctm, buffer[i + 1] as number, buffer[i + 2] as number));
      i += 3;
    } else if (op === 2) {
      straight = false;
      i += 7;
    } else if (op === 3) {
      straight = false;
      i += 5;
    } else {
      flush();
      i += 1;
    }
  }
  flush();
  const inside = (a: PdfBox, b: PdfBox): boolean => a !== b && b[0] >= a[0] - SNAP && b[1] >= a[1] - SNAP && b[2] <= a[2] + SNAP && b[3] <= a[3] + SNAP;
  const rings = new Set<PdfBox>();
  for (const a of rects) for (const b of rects) if (inside(a, b)) rings.add(a).add(b);
  return rects.filter((r) => !rings.has(r));
}

/** The painting operators that fill the path they end. */
function fillOps(ops: OperatorCodes): Set<number> {
  return new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke].filter((n): n is number => n !== undefined));
}

/** The image-painting operators. */
function imageOps(ops: OperatorCodes): Set<number> {
  return new Set(
    [ops.paintImageXObject, ops.paintInlineImageXObject, ops.paintInlineImageXObjectGroup, ops.paintImageXObjectRepeat, ops.paintImageMaskXObject, ops.paintImageMaskXObjectGroup, ops.paintImageMaskXObjectRepeat, ops.paintSolidColorImageMask].filter(
      (n): n is number => n !== undefined,
    ),
  );
}

/**
 * Interprets a page's pdf.js operator list the way pdf.js's canvas renderer does, without
 * drawing: tracks the transformation matrix, clip, fill colour and opacity, and the text state,
 * and returns every glyph shown (with its box, draw order, colour and visibility) and every
 * opaque filled rectangle. Annotation appearances (highlights, squares) are read too, after the
 * page content, as viewers draw them.
 *
 * `fontOf` gives the facts of a font by its pdf.js name (`g_d0_f1`); glyph widths come from
 * pdf.js itself, so positions match what pdf.js renders.
 */
export function readPageContent(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, ops: OperatorCodes, fontOf: (name: string) => FontFacts | undefined): PageContent {
  const glyphs: PageGlyph[] = [];
  const fills: PageFill[] = [];
  let hasImages = false;
  const fillers = fillOps(ops);
  const images = imageOps(ops);
  const stack: GraphicsState[] = [];
  let s = initialState();
  let pendingClip = false;

  const clipTo = (box: PdfBox): void => {
    s.clip = s.clip ? (intersectBoxes(s.clip, box) ?? [box[0], box[1], box[0], box[1]]) : box;
  };
  const setFont = (name: unknown, size: unknown): void => {
    s.text.font = typeof name === 'string' ? fontOf(name) : undefined;
    const n = typeof size === 'number' && Number.isFinite(size) ? size : 0;
    s.text.fontSize = Math.abs(n);
    s.text.fontDirection = n < 0 ? -1 : 1;
  };
  // Tc, Tw, Tz (a percentage), TL (kept negated, as pdf.js does), Ts and Tr.
  const setTextParameter = (fn: number, value: number): void => {
    const t = s.text;
    if (fn === ops.setCharSpacing) t.charSpacing = value;
    else if (fn === ops.setWordSpacing) t.wordSpacing = value;
    else if (fn === ops.setHScale) t.hScale = value / 100 || 1;
    else if (fn === ops.setLeading) t.leading = -value;
    else if (fn === ops.setTextRise) t.rise = value;
    else t.renderMode = value;
  };
  // A form's or group's bounding box clips what it draws.
  const clipToLocal = (bbox: ArrayLike<number> | null | undefined): void => {
    if (!bbox || bbox.length !== 4) return;
    const [x0, y0, x1, y1] = Array.from(bbox) as [number, number, number, number];
    clipTo(boxOf([applyMatrix(s.ctm, x0, y0), applyMatrix(s.ctm, x1, y1), applyMatrix(s.ctm, x0, y1), applyMatrix(s.ctm, x1, y0)]));
  };
  const moveText = (x: number, y: number): void => {
    s.text.x = s.text.lineX += x;
    s.text.y = s.text.lineY += y;
  };

  const showText = (seq: number, items: readonly unknown[]): void => {
    const t = s.text;
    const font = t.font;
    if (t.fontSize === 0) return;
    const fm = font?.fontMatrix && font.fontMatrix.length === 6 ? font.fontMatrix : DEFAULT_FONT_MATRIX;
    const ascent = typeof font?.ascent === 'number' && font.ascent > 0.3 && font.ascent < 1.5 ? font.ascent : DEFAULT_ASCENT;
    const descent = typeof font?.descent === 'number' && font.descent <= 0 && font.descent > -0.6 ? font.descent : DEFAULT_DESCENT;
    const vertical = font?.vertical === true;
    const fs = t.fontSize;
    const widthScale = fs * (fm[0] as number);
    const [a, b, c, d, e, f] = multiplyMatrix(s.ctm, t.matrix);
    const visible = (t.renderMode & 3) !== 3 && s.fillAlpha > 0;
    const clip = s.clip;
    let x = 0;
    for (const item of items) {
      if (typeof item === 'number') {
        // TJ adjustments are in thousandths of an em, subtracted along the writing direction.
        x += ((vertical ? 1 : -1) * item * fs) / 1000;
        continue;
      }
      if (!item || typeof item !== 'object') continue;
      const glyph = item as OpGlyph;
      const spacing = (glyph.isSpace ? t.wordSpacing : 0) + t.charSpacing;
      const width = (typeof glyph.width === 'number' ? glyph.width : 0) * widthScale;
      // The glyph's corners in text space: left/right along the baseline, bottom/top across it.
      let left: number;
      let right: number;
      let bottom: number;
      let top: number;
      let baseline: number;
      if (vertical) {
        // Vertical writing: the glyph hangs below its origin, one em wide.
        left = t.x - fs / 2;
        right = left + fs;
        baseline = t.y - x - fs;
        bottom = baseline;
        top = baseline + fs;
      } else {
        left = t.x + x * t.hScale;
        right = left + width * t.hScale;
        baseline = t.y + t.rise;
        bottom = baseline + descent * fs;
        top = baseline + ascent * fs;
      }
      // Corners mapped to user space, and their bounding box, without temporary arrays.
      const x1 = a * left + c * bottom + e;
      const y1 = b * left + d * bottom + f;
      const x2 = a * right + c * bottom + e;
      const y2 = b * right + d * bottom + f;
      const x3 = a * left + c * top + e;
      const y3 = b * left + d * top + f;
      const x4 = a * right + c * top + e;
      const y4 = b * right + d * top + f;
      const box: PdfBox = [Math.min(x1, x2, x3, x4), Math.min(y1, y2, y3, y4), Math.max(x1, x2, x3, x4), Math.max(y1, y2, y3, y4)];
      const char = typeof glyph.unicode === 'string' ? glyph.unicode : '';
      if (char !== '') {
        const inClip = clip === null || (box[2] >= clip[0] && box[0] <= clip[2] && box[3] >= clip[1] && box[1] <= clip[3]);
        glyphs.push({
          char,
          seq,
          box,
          ox: a * left + c * baseline + e,
          oy: b * left + d * baseline + f,
          ex: a * right + c * baseline + e,
          ey: b * right + d * baseline + f,
          tx: a * left + c * (baseline + fs) + e,
          ty: b * left + d * (baseline + fs) + f,
          visible: visible && inClip,
          color: s.fill,
        });
      }
      const advance = vertical ? (glyph.vmetric ? -(glyph.vmetric[0] as number) * widthScale : width) - spacing * t.fontDirection : width + spacing * t.fontDirection;
      x += advance;
    }
    if (vertical) t.y -= x;
    else t.x += x * t.hScale;
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i] as number;
    const args = (argsArray[i] ?? []) as unknown[];
    switch (fn) {
      case ops.save:
        stack.push(copyState(s));
        break;
      case ops.restore:
        s = stack.pop() ?? s;
        break;
      case ops.transform: {
        const m = toMatrix(args);
        if (m) s.ctm = multiplyMatrix(s.ctm, m);
        break;
      }
      case ops.paintFormXObjectBegin: {
        stack.push(copyState(s));
        const m = toMatrix(args[0]);
        if (m) s.ctm = multiplyMatrix(s.ctm, m);
        clipToLocal(args[1] as ArrayLike<number> | null);
        break;
      }
      case ops.beginGroup: {
        stack.push(copyState(s));
        const group = args[0] as { matrix?: unknown; bbox?: ArrayLike<number> } | undefined;
        const m = toMatrix(group?.matrix);
        if (m) s.ctm = multiplyMatrix(s.ctm, m);
        clipToLocal(group?.bbox);
        break;
      }
      case ops.paintFormXObjectEnd:
      case ops.endGroup:
      case ops.endAnnotation:
        s = stack.pop() ?? s;
        break;
      case ops.beginAnnotation: {
        // Annotations are drawn from a fresh state in page space, clipped to their rectangle.
        stack.push(copyState(s));
        s = initialState();
        s.annotation = true;
        const rect = args[1] as ArrayLike<number> | null;
        if (rect && rect.length === 4) clipTo([Math.min(rect[0] as number, rect[2] as number), Math.min(rect[1] as number, rect[3] as number), Math.max(rect[0] as number, rect[2] as number), Math.max(rect[1] as number, rect[3] as number)]);
        const transform = toMatrix(args[2]);
        const matrix = toMatrix(args[3]);
        if (transform) s.ctm = multiplyMatrix(s.ctm, transform);
        if (matrix) s.ctm = multiplyMatrix(s.ctm, matrix);
        break;
      }
      case ops.setFillRGBColor:
        s.fill = parseColor(args);
        break;
      case ops.setFillColorN:
        // A pattern or shading fill: no single colour to judge.
        s.fill = parseColor(args);
        break;
      case ops.setFillTransparent:
        s.fill = null;
        break;
      case ops.setGState:
        for (const entry of (args[0] ?? []) as Array<[string, unknown]>) {
          if (!Array.isArray(entry)) continue;
          const [key, value] = entry;
          if (key === 'ca' && typeof value === 'number') s.fillAlpha = value;
          else if (key === 'Font' && Array.isArray(value)) setFont(value[0], value[1]);
        }
        break;
      case ops.clip:
      case ops.eoClip:
        pendingClip = true;
        break;
      case ops.constructPath: {
        const paint = args[0] as number;
        const buffer = (args[1] as unknown[] | undefined)?.[0] as ArrayLike<number> | null | undefined;
        const minMax = args[2] as ArrayLike<number> | null | undefined;
        if (pendingClip) {
          pendingClip = false;
          if (minMax && Number.isFinite(minMax[0])) clipToLocal(minMax);
        }
        if (!buffer || !fillers.has(paint) || s.fill === null || s.fillAlpha < OPAQUE) break;
        for (const rect of rectanglesOf(buffer, s.ctm)) {
          const box = s.clip ? intersectBoxes(s.clip, rect) : rect;
          if (box) fills.push({ seq: i, box, color: s.fill, annotation: s.annotation });
        }
        break;
      }
      case ops.beginText:
        s.text.matrix = IDENTITY;
        s.text.x = s.text.lineX = 0;
        s.text.y = s.text.lineY = 0;
        break;
      case ops.setFont:
        setFont(args[0], args[1]);
        break;
      case ops.setCharSpacing:
      case ops.setWordSpacing:
      case ops.setHScale:
      case ops.setLeading:
      case ops.setTextRise:
      case ops.setTextRenderingMode:
        setTextParameter(fn, num(args[0]));
        break;
      case ops.moveText:
        moveText(num(args[0]), num(args[1]));
        break;
      case ops.setLeadingMoveText:
        // TD: set the leading to -ty, then move (pdf.js keeps the leading negated).
        s.text.leading = num(args[1]);
        moveText(num(args[0]), num(args[1]));
        break;
      case ops.nextLine:
        moveText(0, s.text.leading);
        break;
      case ops.setTextMatrix: {
        const m = toMatrix(args[0]);
        if (m) s.text.matrix = m;
        s.text.x = s.text.lineX = 0;
        s.text.y = s.text.lineY = 0;
        break;
      }
      case ops.showText:
        if (Array.isArray(args[0])) showText(i, args[0]);
        break;
      default:
        if (images.has(fn)) hasImages = true;
    }
  }
  return { glyphs, fills, hasImages };
}
