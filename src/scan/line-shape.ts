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

/** Converter markup that carries no ink of the document: headings, emphasis, quotes, table bars, images. */
const MARKUP = new Uint8Array(128);
for (const ch of ' \t#*_>|`\'"!.,:;-[](){}~') MARKUP[ch.charCodeAt(0)] = 1;

const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Shapes the line `[start, end)` of `text`. */
export function shapeLine(text: string, start: number, end: number): LineShape {
  const stop = Math.min(end, start + SHAPE_READ);
  let letters = 0;
  let upper = 0;
  let lowerWords = 0;
  let tokens = 0;
  let ink = 0;
  let lowerRun = 0; // lower-case letters in the current run of letters (-1: the run has others)
  let inToken = false;
  for (let i = start; i <= stop; i++) {
    const c = i < stop ? text.charCodeAt(i) : 32;
    const up = isUpper(c);
    const low = isLower(c);
    if (up || low) {
      letters++;
      if (up) upper++;
      lowerRun = low && lowerRun >= 0 ? lowerRun + 1 : -1;
    } else {
      if (lowerRun >= 3) lowerWords++;
      lowerRun = 0;
    }
    const word = up || low || isDigit(c);
    if (word && !inToken) tokens++;
    inToken = word;
    if (i < stop && !(c < 128 && MARKUP[c] === 1) && c !== 0xa0) ink++;
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
    short: ink <= 40,
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
    const c = i < stop ? text.charCodeAt(i) : 32;
    const up = isUpper(c);
    const low = isLower(c);
    if (up || low) lowerRun = low && lowerRun >= 0 ? lowerRun + 1 : -1;
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
