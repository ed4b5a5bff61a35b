import type { Point, Span } from './core/position.js';
import { InvalidArgumentError } from './core/errors.js';
import type { Family } from './core/vocabulary.js';
import { FAMILIES } from './core/vocabulary.js';
import { buildPages, createPageBuilder } from './normalize/build-pages.js';
import type { MarkerRecord, Page } from './normalize/marker-record.js';
import { normalizeHits, type LocatedHit } from './normalize/normalize-hits.js';
import { toDateMention } from './scan.js';
import { choosePageBreaks, type PageBreak } from './scan/detect-page.js';
import type { DateMention } from './scan/find-dates.js';
import { SEGMENT_CONTEXT, scanWindow, segmentEnd } from './scan/scan-text.js';

/**
 * Strings shorter than this V8 always copies; a slice (or a concatenation) at least this long is
 * kept as a view into the string it was made from (`SlicedString::kMinLength`).
 */
const VIEW_LENGTH = 13;

/**
 * A copy of `s` that keeps no other string alive: a record's `raw`, sliced from a window of
 * the stream (a megabyte and more), would otherwise keep the whole window in memory for as long
 * as the record lives, and a caller that keeps a stream's records (`summary`) its whole text.
 */
function detach(s: string): string {
  // The concatenation is flattened into a new string of s.length + 1 code units, and the
  // slice views that one only.
  return s.length < VIEW_LENGTH ? s : (' ' + s).slice(1);
}

/** Detaches every string of a record's or date's own data (attributes and OCR repairs included), in place. */
function detachAll(value: Record<string, unknown>, keys: readonly string[]): void {
  for (const key of keys) {
    const v = value[key];
    if (typeof v === 'string') value[key] = detach(v);
    else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        if (typeof item === 'string') v[i] = detach(item);
        else if (item !== null && typeof item === 'object') detachAll(item as Record<string, unknown>, Object.keys(item));
      }
    } else if (v !== null && typeof v === 'object') detachAll(v as Record<string, unknown>, Object.keys(v));
  }
}

/** What a record holds of the window it was read from: not `label` and `authority`, which are the catalog's own strings. */
const RECORD_KEYS = ['id', 'code', 'key', 'raw', 'ocr', 'attributes', 'note'] as const;

/** Options of {@link scanStream}. */
export interface ScanStreamOptions {
  /** Where the text came from (a path or a label); copied to every page. */
  source?: string;
  /** Detect only these families (default: all). */
  families?: readonly Family[];
}

/** One page of a streamed document, with what was found on it. */
export interface ScannedPage {
  /** The `source` option, or `null`. */
  source: string | null;
  page: Page;
  /** The page's records, in document order; offsets, lines and columns count from the start of the whole text. */
  records: MarkerRecord[];
  /** The dates that start on the page, in document order. */
  dates: DateMention[];
}

/**
 * Scans a text that arrives in chunks (a file read piece by piece, pages of a PDF, a network
 * stream) and yields its pages one by one, each with its records and dates, as soon as the
 * page is complete. Offsets, lines and columns count from the start of the whole text, across
 * chunk boundaries, and every record is the one {@link scan} gives for the whole text: the text
 * is scanned in the same segments either way (see `SEGMENT_LENGTH`).
 *
 * Memory stays flat: about three segments of text (a few MB) are held at a time, plus the
 * records of the pages not yet complete. One exception: a text whose pages are marked only by
 * footers (`Page 3 of 7`, NARA footers) and by no page header can only be paged at its end, so
 * its records (not its text) are held until then.
 *
 * Chunks may split lines, CRLF pairs and even surrogate pairs anywhere. A chunk that is not a
 * string throws {@link InvalidArgumentError}; nothing in the text makes it throw.
 *
 * @example
 * for await (const { page, records } of scanStream(createReadStream('big.txt', 'utf8'))) {
 *   console.log(page.number, records.length);
 * }
 */
export async function* scanStream(chunks: AsyncIterable<string> | Iterable<string>, options: ScanStreamOptions = {}): AsyncGenerator<ScannedPage, void, undefined> {
  if (chunks === null || typeof chunks !== 'object' || (!(Symbol.asyncIterator in chunks) && !(Symbol.iterator in chunks))) {
    throw new InvalidArgumentError('scanStream: chunks must be an iterable or async iterable of strings');
  }
  if (options.families) {
    for (const f of options.families) {
      if (!FAMILIES.includes(f)) throw new InvalidArgumentError(`scanStream: unknown family "${String(f)}"; expected one of ${FAMILIES.join(', ')}`);
    }
  }
  const source = options.source ?? null;
  const scanOptions = options.families ? { families: options.families } : {};

  let buf = ''; // the text from offset bufStart on
  let bufStart = 0;
  let from = 0; // where the next segment starts
  // The 1-based line holding the next window's first code unit, and where that line starts.
  let base = { line: 1, lineStart: 0 };

  // Found but not yet handed out, in document order: those from `hitsFrom` and `datesFrom` on.
  let hits: LocatedHit[] = [];
  let hitsFrom = 0;
  let dates: DateMention[] = [];
  let datesFrom = 0;
  // Page markers: headers decide the pages as soon as there is one; footers only if none ever comes.
  let headersSeen = false;
  let headerQueue: PageBreak[] = [];
  let footers: PageBreak[] = [];
  const builder = createPageBuilder();

  const pageOut = (page: Page): ScannedPage => {
    let n = hitsFrom;
    while (n < hits.length && (hits[n] as LocatedHit).start < page.end) n++;
    let d = datesFrom;
    while (d < dates.length && (dates[d] as DateMention).span.start.offset < page.end) d++;
    const out: ScannedPage = { source, page: { ...page }, records: normalizeHits(hits.slice(hitsFrom, n), [page]), dates: dates.slice(datesFrom, d) };
    for (const r of out.records) detachAll(r as unknown as Record<string, unknown>, RECORD_KEYS);
    for (const date of out.dates) date.raw = detach(date.raw);
    hitsFrom = n;
    datesFrom = d;
    // Drop what was handed out once it is most of the list: slicing it off page by page would
    // copy the rest of a segment's hits once per page.
    if (2 * hitsFrom > hits.length) {
      hits = hits.slice(hitsFrom);
      hitsFrom = 0;
    }
    if (2 * datesFrom > dates.length) {
      dates = dates.slice(datesFrom);
      datesFrom = 0;
    }
    return out;
  };

  function* scanSegments(final: boolean): Generator<ScannedPage> {
    for (;;) {
      const total = bufStart + buf.length;
      if (from >= total) break;
      const endLocal = segmentEnd(buf, from - bufStart, final);
      if (endLocal === undefined) break;
      const end = endLocal + bufStart;
      if (!final && total < end + SEGMENT_CONTEXT) break; // wait for the context after the segment
      const windowStart = Math.max(0, from - SEGMENT_CONTEXT);
      const windowEnd = Math.min(total, end + SEGMENT_CONTEXT);
      const window = buf.slice(windowStart - bufStart, windowEnd - bufStart);
      const found = scanWindow(window, windowStart, from, end, scanOptions);

      // Lines and columns of the whole text: the window's own locator, shifted by `base`.
      const { line: baseLine, lineStart: baseLineStart } = base;
      const toPoint = (offset: number): Point => {
        const local = found.windowLocator.toPoint(offset - windowStart);
        return { line: baseLine + local.line - 1, column: local.line === 1 ? offset - baseLineStart + 1 : local.column, offset };
      };
      const toSpan = (start: number, endOffset: number): Span => ({ start: toPoint(start), end: toPoint(endOffset) });
      for (const h of found.hits) {
        // The window's hits are fresh: completed in place, as locateHits does.
        const located = h as LocatedHit;
        located.raw = window.slice(h.start - windowStart, h.end - windowStart);
        located.span = toSpan(h.start, h.end);
        hits.push(located);
      }
      for (const d of found.dates) dates.push(toDateMention(d, { toSpan }));
      const headers = found.breaks.filter((b) => b.kind !== 'footer').sort((a, b) => a.offset - b.offset);
      if (headers.length > 0) {
        headersSeen = true;
        footers = [];
      }
      for (const b of headers) headerQueue.push(b);
      if (!headersSeen) for (const b of found.breaks) footers.push(b);
      from = end;

      // The next window starts inside this one, so this window's geometry places it.
      const nextStart = Math.max(0, from - SEGMENT_CONTEXT);
      const at = toPoint(nextStart);
      base = { line: at.line, lineStart: nextStart - at.column + 1 };
      // Keep only the context the next window needs.
      const keep = Math.max(bufStart, nextStart);
      buf = buf.slice(keep - bufStart);
      bufStart = keep;

      if (headersSeen) {
        // Every header so far lies before `from`, inside the text: each may close a page.
        for (const b of headerQueue) {
          // At the end of the text, a break at or past its end opens no page (as in buildPages).
          if (b.offset >= total && b.offset > builder.current.start) continue;
          const closed = builder.add(b);
          if (closed) yield pageOut(closed);
        }
        headerQueue = [];
      }
    }
  }

  for await (const chunk of chunks as AsyncIterable<string>) {
    if (typeof chunk !== 'string') throw new InvalidArgumentError(`scanStream: every chunk must be a string, got ${chunk === null ? 'null' : typeof chunk} (decode bytes first, e.g. stream.setEncoding('utf8'))`);
    if (chunk === '') continue;
    buf += chunk;
    yield* scanSegments(false);
  }
  yield* scanSegments(true);

  const length = bufStart + buf.length;
  if (headersSeen) {
    yield pageOut(builder.finish(length));
    return;
  }
  // No page header anywhere: footers end the pages, as for a whole text.
  for (const page of buildPages(length, choosePageBreaks(footers, length))) yield pageOut(page);
}
