import * as z from 'zod';

/**
 * A place in a document's text.
 *
 * `line` and `column` are 1-based; `column` counts UTF-16 code units from the start of the line.
 * `offset` is 0-based in UTF-16 code units, the index JavaScript string methods use.
 * Lines end at `\n`, `\r\n` or a lone `\r`.
 */
export const PointSchema = z.object({
  /** 1-based line number. */
  line: z.number().int().positive(),
  /** 1-based column, in UTF-16 code units. */
  column: z.number().int().positive(),
  /** 0-based offset into the text, in UTF-16 code units. */
  offset: z.number().int().nonnegative(),
});
/** A place in a document; see {@link PointSchema}. */
export type Point = z.infer<typeof PointSchema>;

/**
 * A stretch of a document: `start` inclusive, `end` exclusive, so
 * `text.slice(span.start.offset, span.end.offset)` is exactly the spanned text.
 */
export const SpanSchema = z.object({
  start: PointSchema,
  end: PointSchema,
});
/** A stretch of a document; see {@link SpanSchema}. */
export type Span = z.infer<typeof SpanSchema>;

/** Converts between offsets and points for one text; see {@link createLocator}. */
export interface Locator {
  /** The point at a 0-based offset. Offsets are clamped to `[0, text.length]`. */
  toPoint(offset: number): Point;
  /** The 0-based offset of a 1-based line and column, or `-1` when the point is not in the text. */
  toOffset(point: { line: number; column: number }): number;
  /** The span from `start` (inclusive) to `end` (exclusive), both 0-based offsets. */
  toSpan(start: number, end: number): Span;
  /** The 1-based number of the line holding a 0-based offset. */
  lineOf(offset: number): number;
  /** The 0-based offsets where a 1-based line starts and ends (end excludes the line break). */
  lineRange(line: number): { start: number; end: number };
  /** How many lines the text has (an empty text has one). */
  readonly lineCount: number;
}

/** The 0-based offset where each line starts (the first is 0); lines end at LF, CRLF or a lone CR. */
function computeLineStarts(text: string): Int32Array {
  const found = [0];
  // indexOf runs at memory speed; a text without carriage returns needs only line feeds.
  let cr = text.indexOf('\r');
  let lf = text.indexOf('\n');
  while (lf !== -1 || cr !== -1) {
    if (cr === -1 || (lf !== -1 && lf < cr)) {
      found.push(lf + 1);
      lf = text.indexOf('\n', lf + 1);
    } else {
      // CRLF is one break; a lone CR is a break of its own.
      const end = lf === cr + 1 ? cr + 2 : cr + 1;
      found.push(end);
      if (lf === cr + 1) lf = text.indexOf('\n', end);
      cr = text.indexOf('\r', end);
    }
  }
  return Int32Array.from(found);
}

/**
 * Creates a locator for `text`, in the contract of `vfile-location`: line starts are indexed
 * once, on first use, and each lookup is a binary search.
 *
 * @example
 * const loc = createLocator('a\r\nb');
 * loc.toPoint(3); // { line: 2, column: 1, offset: 3 }
 */
export function createLocator(text: string): Locator {
  let starts: Int32Array | undefined;
  const lineStarts = (): Int32Array => (starts ??= computeLineStarts(text));

  const lineOf = (offset: number): number => {
    const s = lineStarts();
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((s[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const toPoint = (offset: number): Point => {
    const o = Math.max(0, Math.min(text.length, Math.trunc(offset)));
    const line = lineOf(o);
    return { line, column: o - (lineStarts()[line - 1] as number) + 1, offset: o };
  };

  const lineRange = (line: number): { start: number; end: number } => {
    const s = lineStarts();
    if (line < 1 || line > s.length) throw new RangeError(`line ${line} is not in 1…${s.length}`);
    const start = s[line - 1] as number;
    let end = line < s.length ? (s[line] as number) : text.length;
    // Exclude the line break itself (LF, CRLF or CR).
    if (end > start && line < s.length) {
      end--;
      if (text.charCodeAt(end) === 10 && end > start && text.charCodeAt(end - 1) === 13) end--;
    }
    return { start, end };
  };

  return {
    toPoint,
    toOffset(point) {
      const s = lineStarts();
      if (!Number.isInteger(point.line) || !Number.isInteger(point.column)) return -1;
      if (point.line < 1 || point.line > s.length || point.column < 1) return -1;
      // A point may sit on any character of its line, line break included.
      const start = s[point.line - 1] as number;
      const limit = point.line < s.length ? (s[point.line] as number) - 1 : text.length;
      const offset = start + point.column - 1;
      return offset <= limit ? offset : -1;
    },
    toSpan: (start, end) => ({ start: toPoint(start), end: toPoint(end) }),
    lineOf,
    lineRange,
    get lineCount() {
      return lineStarts().length;
    },
  };
}
