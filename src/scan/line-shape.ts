import type { ScanContext } from './scan-context.js';

/**
 * What a line looks like, decided once per line: the facts detectors use to tell a banner, a
 * stamp or a form line from running prose. Offsets are 0-based UTF-16, `end` exclusive and
 * before the line break. Only the first {@link SHAPE_READ} code units are read: a longer line is
 * prose or a run of OCR text, never a banner.
 */
export interface LineShape {
  start: number;
  end: number;
  /** ASCII letters. */
  letters: number;
  /** Upper-case ASCII letters. */
  upper: number;
  /** Words of three or more lower-case letters: the mark of running prose. */
  lowerWords: number;
  /** Runs of letters and digits. */
  tokens: number;
  /** Characters other than spaces and converter markup (`#`, `*`, `|`, `>`, quotes, brackets …). */
  ink: number;
  /** Four or more lower-case words: running prose. */
  prose: boolean;
  /** Forty characters of ink or fewer. */
  short: boolean;
  /** Three letters or more, 70% of them upper case. */
  caps: boolean;
}

/** How many code units of a line are read to shape it. */
export const SHAPE_READ = 600;

/** Character classes of ASCII code units, as bits: see {@link UPPER} … {@link NO_INK}. */
const CLASS = new Uint8Array(128);
/** An upper-case ASCII letter. */
const UPPER = 1;
/** A lower-case ASCII letter. */
const LOWER = 2;
/** An ASCII digit. */
const DIGIT = 4;
/** Converter markup that carries no ink of the document: headings, emphasis, quotes, table bars, images (and spaces). */
const NO_INK = 8;
for (let c = 65; c <= 90; c++) CLASS[c] = UPPER;
for (let c = 97; c <= 122; c++) CLASS[c] = LOWER;
for (let c = 48; c <= 57; c++) CLASS[c] = DIGIT;
for (const ch of ' \t#*_>|`\'"!.,:;-[](){}~') CLASS[ch.charCodeAt(0)] = NO_INK;

/** The class bits of a code unit: beyond ASCII only the no-break space has one (no ink). */
function classOf(c: number): number {
  return c < 128 ? (CLASS[c] as number) : c === 0xa0 ? NO_INK : 0;
}

/** Shapes the line `[start, end)` of `text`. */
export function shapeLine(text: string, start: number, end: number): LineShape {
  return readShape(text, start, end, false) as LineShape;
}

/**
 * Shapes the line `[start, end)` of `text` as {@link shapeLine} does, or returns `undefined`
 * as soon as it is plainly no banner: prose (as {@link isProseLine} decides), or more than
 * {@link FEW_TOKENS} tokens with more than {@link SHORT_INK} code units of ink (neither short nor
 * a few words). One pass over the line, stopping early on most lines of running text.
 */
export function shapeBannerCandidate(text: string, start: number, end: number): LineShape | undefined {
  return readShape(text, start, end, true);
}

/** The most ink a short line has (see {@link LineShape.short}). */
export const SHORT_INK = 40;
/** The most tokens a line in capitals may have and still be read as a banner whatever its length. */
export const FEW_TOKENS = 8;

/**
 * The one pass of {@link shapeLine}: over the first {@link SHAPE_READ} code units and a space
 * after them (which ends the last word). With `stopEarly`, `undefined` once the fourth
 * lower-case word ends, or once a token starts beyond the first {@link FEW_TOKENS} with more
 * than {@link SHORT_INK} code units of ink before it (both counts only grow).
 */
function readShape(text: string, start: number, end: number, stopEarly: boolean): LineShape | undefined {
  const stop = Math.min(end, start + SHAPE_READ);
  let letters = 0;
  let upper = 0;
  let lowerWords = 0;
  let tokens = 0;
  let ink = 0;
  let lowerRun = 0; // lower-case letters in the current run of letters (-1: the run has others)
  let inToken = false;
  for (let i = start; i <= stop; i++) {
    const k = i < stop ? classOf(text.charCodeAt(i)) : NO_INK;
    if ((k & (UPPER | LOWER)) !== 0) {
      letters++;
      if (k === UPPER) upper++;
      lowerRun = k === LOWER && lowerRun >= 0 ? lowerRun + 1 : -1;
    } else {
      if (lowerRun >= 3 && ++lowerWords >= 4 && stopEarly) return undefined;
      lowerRun = 0;
    }
    const word = k !== 0 && k !== NO_INK;
    if (word && !inToken && ++tokens > FEW_TOKENS && ink > SHORT_INK && stopEarly) return undefined;
    inToken = word;
    if (i < stop && k !== NO_INK) ink++;
  }
  return {
    start,
    end,
    letters,
    upper,
    lowerWords,
    tokens,
    ink,
    prose: lowerWords >= 4,
    short: ink <= SHORT_INK,
    caps: letters >= 3 && upper >= 0.7 * letters,
  };
}

/**
 * True when the line `[start, end)` is prose as {@link shapeLine} decides it (four or more
 * lower-case words in its first {@link SHAPE_READ} code units), reading only as far as it takes
 * to know: most lines of a document are prose, and a prose line is never banner-like.
 */
export function isProseLine(text: string, start: number, end: number): boolean {
  const stop = Math.min(end, start + SHAPE_READ);
  let lowerWords = 0;
  let lowerRun = 0;
  for (let i = start; i <= stop; i++) {
    const k = i < stop ? classOf(text.charCodeAt(i)) : NO_INK;
    if ((k & (UPPER | LOWER)) !== 0) lowerRun = k === LOWER && lowerRun >= 0 ? lowerRun + 1 : -1;
    else {
      if (lowerRun >= 3 && ++lowerWords >= 4) return true;
      lowerRun = 0;
    }
  }
  return false;
}

/** The shape of the line holding `offset` (memoized per line). */
export function lineShapeAt(context: ScanContext, offset: number): LineShape {
  const { locator, text } = context;
  const n = locator.lineOf(offset);
  const shapes = context.memo('line-shapes', () => new Map<number, LineShape>());
  let shape = shapes.get(n);
  if (!shape) {
    const { start, end } = locator.lineRange(n);
    shape = shapeLine(text, start, end);
    shapes.set(n, shape);
  }
  return shape;
}
