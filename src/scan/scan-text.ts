import { createLocator, type Locator } from '../core/position.js';
import type { Family } from '../core/vocabulary.js';
import { findPageBreaks, type PageBreak } from './detect-page.js';
import { DETECTORS } from './detectors.js';
import { findDates, type FoundDate } from './find-dates.js';
import { foldText, unfoldSpan } from './fold-text.js';
import type { Hit } from './hit.js';
import { createScanContext } from './scan-context.js';

/**
 * Long texts are scanned a segment at a time, so that a stream needs only a few segments in
 * memory: a segment ends at the first line start at least this many UTF-16 code units after
 * it begins (or twice this many on, when no line breaks come). Whole texts are cut the same
 * way, which makes a streamed scan and a whole one give the same records.
 */
export const SEGMENT_LENGTH = 1 << 20;

/**
 * How much text either side of its segment a segment's scan sees, in UTF-16 code units: more
 * than any detector looks back (a portion mark reads 3,000 code units) or any marking spans.
 */
export const SEGMENT_CONTEXT = 4096;

/** What a scan found: hits sorted by {@link compareHits}, page markers and dates, at 0-based offsets into the whole text. */
export interface TextScan {
  hits: Hit[];
  /** Every page marker, in the order {@link choosePageBreaks} expects. */
  breaks: PageBreak[];
  dates: FoundDate[];
}

/** Options of {@link scanText}. */
export interface ScanTextOptions {
  /** Run only the detectors of these families (default: all). */
  families?: readonly Family[];
}

/** Total order of hits: by start offset, then end, family, code. */
export function compareHits(a: Hit, b: Hit): number {
  return a.start - b.start || a.end - b.end || (a.family < b.family ? -1 : a.family > b.family ? 1 : 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

/**
 * Where the segment that starts at `from` ends (0-based, exclusive): the first line start at
 * or after `from + SEGMENT_LENGTH`, or `from + 2 × SEGMENT_LENGTH` when no line feed comes
 * first (moved back by one so a surrogate pair stays whole), or the end of the text. When
 * `final` is false more text may follow, and `undefined` means the text so far is too short to
 * tell.
 */
export function segmentEnd(text: string, from: number, final: boolean): number | undefined {
  const target = from + SEGMENT_LENGTH;
  if (target >= text.length) return final ? text.length : undefined;
  const hard = from + 2 * SEGMENT_LENGTH;
  const lf = text.indexOf('\n', target - 1);
  if (lf !== -1 && lf + 1 <= hard) return lf + 1;
  if (hard >= text.length) return final ? text.length : undefined;
  return isHighSurrogate(text.charCodeAt(hard - 1)) ? hard - 1 : hard;
}

/**
 * Scans `window`, which starts at offset `windowStart` of a longer text, and keeps what starts
 * in `[ownStart, ownEnd)`: the hits, page markers and dates of one segment, at offsets into the
 * whole text. The window should reach {@link SEGMENT_CONTEXT} code units past the segment on
 * either side (or to the text's ends).
 */
export function scanWindow(window: string, windowStart: number, ownStart: number, ownEnd: number, options: ScanTextOptions = {}): TextScan & { windowLocator: Locator } {
  // Detectors read the folded text (Unicode spaces, fullwidth forms, invisible format
  // characters); everything they report is mapped back to the window as written.
  const folded = foldText(window);
  const map = folded.map;
  const context = createScanContext(folded.text);
  const wanted = options.families ? new Set(options.families) : undefined;
  const from = ownStart - windowStart;
  const to = ownEnd - windowStart;
  const whole = from <= 0 && to >= window.length;
  const hits: Hit[] = [];
  for (const detector of DETECTORS) {
    if (wanted && !wanted.has(detector.family)) continue;
    for (const hit of detector.detect(context)) {
      if (!(hit.end > hit.start && hit.start >= 0 && hit.end <= folded.text.length)) continue;
      if (map) [hit.start, hit.end] = unfoldSpan(map, hit.start, hit.end);
      if (whole) hits.push(hit);
      else if (hit.start >= from && hit.start < to) {
        // Hits are made fresh by each call, so they are moved in place: copying them with a
        // spread gives V8 objects of many shapes that are slow to read afterwards.
        hit.start += windowStart;
        hit.end += windowStart;
        hits.push(hit);
      }
    }
  }
  hits.sort(compareHits);
  let breaks = findPageBreaks(context);
  let dates = findDates(context);
  if (map) {
    for (const b of breaks) {
      b.offset = map[b.offset] as number;
      b.at = map[b.at] as number;
    }
    for (const d of dates) [d.start, d.end] = unfoldSpan(map, d.start, d.end);
  }
  if (!whole) {
    breaks = breaks.filter((b) => b.at >= from && b.at < to);
    for (const b of breaks) {
      b.offset += windowStart;
      b.at += windowStart;
    }
    dates = dates.filter((d) => d.start >= from && d.start < to);
    for (const d of dates) {
      d.start += windowStart;
      d.end += windowStart;
    }
  }
  // Skipped characters change columns: the locator must count the window as written.
  return { hits, breaks, dates, windowLocator: map ? createLocator(window) : context.locator };
}

/**
 * Runs the detectors over `text`, a segment at a time (see {@link SEGMENT_LENGTH}), and returns
 * their hits in document order, every page marker and every date, with the text's locator.
 * Pure and deterministic; it never throws on any string.
 */
export function scanText(text: string, options: ScanTextOptions = {}): TextScan & { locator: Locator } {
  if (text.length <= SEGMENT_LENGTH) {
    // One segment, the common case: scan the text itself, no copies.
    const { windowLocator, ...found } = scanWindow(text, 0, 0, text.length, options);
    return { ...found, locator: windowLocator };
  }
  const result: TextScan = { hits: [], breaks: [], dates: [] };
  for (let from = 0; from < text.length; ) {
    const end = segmentEnd(text, from, true) as number;
    const windowStart = Math.max(0, from - SEGMENT_CONTEXT);
    const windowEnd = Math.min(text.length, end + SEGMENT_CONTEXT);
    const found = scanWindow(text.slice(windowStart, windowEnd), windowStart, from, end, options);
    for (const h of found.hits) result.hits.push(h);
    for (const b of found.breaks) result.breaks.push(b);
    for (const d of found.dates) result.dates.push(d);
    from = end;
  }
  return { ...result, locator: createLocator(text) };
}
