import { InvalidArgumentError } from './core/errors.js';
import type { Family } from './core/vocabulary.js';
import { FAMILIES } from './core/vocabulary.js';
import { buildPages, pagesFromStarts } from './normalize/build-pages.js';
import { choosePageBreaks } from './scan/detect-page.js';
import type { MarkerRecord, Page } from './normalize/marker-record.js';
import { assertConfidence, leaveOutBelowConfidence } from './normalize/leave-out-below-confidence.js';
import { locateHits, normalizeHits } from './normalize/normalize-hits.js';
import type { Locator } from './core/position.js';
import type { DateMention, DateMentionSchema, FoundDate } from './scan/find-dates.js';
import { scanText } from './scan/scan-text.js';

/** A found date with its span, keys in the order of {@link DateMentionSchema}. */
export function toDateMention(d: FoundDate, locator: Pick<Locator, 'toSpan'>): DateMention {
  return { raw: d.raw, iso: d.iso, year: d.year, span: locator.toSpan(d.start, d.end), cue: d.cue };
}

/** Options of {@link scan}. */
export interface ScanOptions {
  /** Where the text came from (a path or a label); copied to the result. */
  source?: string;
  /**
   * Where pages start, as 0-based UTF-16 offsets: the first must be `0`, each larger than the
   * one before and less than the text's length. Give them when the pages are known (PDF pages);
   * otherwise pages are found in the text (form feeds, `[Facsimile Page N]`, page separators, footers).
   */
  pageStarts?: readonly number[];
  /** Detect only these families (default: all). */
  families?: readonly Family[];
  /**
   * Leave out records read with a confidence below this (0–1; default: keep all). The result's
   * `belowConfidence` says how many were left out. See the README, "Confidence".
   */
  minConfidence?: number;
}

/** What {@link scan} found in one document. */
export interface ScanResult {
  /** The `source` option, or `null`. */
  source: string | null;
  /** Every marker found, in document order (by start offset, then end). */
  records: MarkerRecord[];
  /** The document's pages, in order; every record's `page` is one of their numbers. */
  pages: Page[];
  /** Every calendar date in the text, in document order, with the cue of the words around it. */
  dates: DateMention[];
  /** With the `minConfidence` option: how many records were below it and left out. */
  belowConfidence?: number;
}

/**
 * Finds every marking in a document's text and normalizes it into records: FOIA and Privacy
 * Act exemptions, E.O. citations, declassification codes, classification and control markings,
 * redaction placeholders, review stamps and page markers.
 *
 * Pure, synchronous and deterministic; it never throws on any string. It throws
 * {@link InvalidArgumentError} only when called wrongly (a non-string `text`, bad `pageStarts`).
 *
 * @example
 * const { records } = scan('(b)(1)\n(b)(3) 50 USC 3024(i)\n\nDECL: OADR');
 * records.map((r) => r.key); // ['foia:b1', 'foia:b3', 'declass:OADR']
 */
export function scan(text: string, options: ScanOptions = {}): ScanResult {
  if (typeof text !== 'string') throw new InvalidArgumentError(`scan: text must be a string, got ${text === null ? 'null' : typeof text}`);
  if (options.families) {
    for (const f of options.families) {
      if (!FAMILIES.includes(f)) throw new InvalidArgumentError(`scan: unknown family "${String(f)}"; expected one of ${FAMILIES.join(', ')}`);
    }
  }
  if (options.minConfidence !== undefined) assertConfidence(options.minConfidence, 'scan: minConfidence');
  const result = scanText(text, options.families ? { families: options.families } : {});
  let pages: Page[];
  if (options.pageStarts) {
    const starts = options.pageStarts;
    if (starts.length === 0 || starts[0] !== 0) throw new InvalidArgumentError('scan: pageStarts must begin with 0');
    for (let i = 1; i < starts.length; i++) {
      const s = starts[i] as number;
      if (!Number.isInteger(s) || s <= (starts[i - 1] as number) || s >= Math.max(1, text.length)) {
        throw new InvalidArgumentError(`scan: pageStarts[${i}] = ${s} must be an integer larger than the one before and less than the text length (${text.length})`);
      }
    }
    pages = pagesFromStarts(text.length, starts);
  } else {
    pages = buildPages(text.length, choosePageBreaks(result.breaks, text.length));
  }
  const records = normalizeHits(locateHits(text, result.hits, result.locator), pages);
  const filtered = options.minConfidence !== undefined ? leaveOutBelowConfidence(records, options.minConfidence) : undefined;
  return {
    source: options.source ?? null,
    records: filtered ? filtered.records : records,
    pages,
    dates: result.dates.map((d) => toDateMention(d, result.locator)),
    ...(filtered ? { belowConfidence: filtered.belowConfidence } : {}),
  };
}
