import type { PageBreak } from '../scan/detect-page.js';
import type { Page } from './marker-record.js';

/**
 * Cuts a text into pages one break at a time, for texts whose end is not known yet (streams).
 * Give it the breaks in order, only those known to lie inside the text; {@link buildPages}
 * is the same over a whole text.
 */
export interface PageBuilder {
  /** Takes the next break; returns the page it closed, if it opened a new one. */
  add(b: PageBreak): Page | undefined;
  /** The page still open: its `end` is not known until the next break or the end of the text. */
  readonly current: Page;
  /** Ends the text at `length` code units and returns the last page. */
  finish(length: number): Page;
}

/** Creates a {@link PageBuilder}; page 1 starts at offset 0. */
export function createPageBuilder(): PageBuilder {
  let current: Page = { number: 1, label: null, start: 0, end: Number.POSITIVE_INFINITY };
  return {
    add(b) {
      // A break at the start of the open page labels it; one repeating its number too.
      if (b.offset <= current.start) {
        if (current.label === null && b.number !== undefined) current.label = String(b.number);
        return undefined;
      }
      if (current.label === null && b.number === current.number && b.kind !== 'footer') {
        current.label = String(b.number);
        return undefined;
      }
      const closed = current;
      closed.end = b.offset;
      current = { number: closed.number + 1, label: b.number !== undefined ? String(b.number) : null, start: b.offset, end: Number.POSITIVE_INFINITY };
      return closed;
    },
    get current() {
      return current;
    },
    finish(length) {
      current.end = length;
      return current;
    },
  };
}

/**
 * Cuts a text of `length` UTF-16 code units into pages at the given breaks. A break that
 * repeats the number of the page it falls in (the `[Facsimile Page 1]` under a document's
 * heading) labels that page instead of opening a new one. Page numbers are 1-based ordinals
 * and always increase.
 */
export function buildPages(length: number, breaks: readonly PageBreak[]): Page[] {
  const builder = createPageBuilder();
  const pages: Page[] = [];
  for (const b of breaks) {
    // A break at or past the end opens no page (it may still label the open one).
    if (b.offset >= length && b.offset > builder.current.start) continue;
    const closed = builder.add(b);
    if (closed) pages.push(closed);
  }
  pages.push(builder.finish(length));
  return pages;
}

/** Pages from caller-given 0-based start offsets (the first must be 0, each larger than the last). */
export function pagesFromStarts(length: number, starts: readonly number[]): Page[] {
  return starts.map((start, i) => ({ number: i + 1, label: null, start, end: i + 1 < starts.length ? (starts[i + 1] as number) : length }));
}

/** The 1-based page number holding a 0-based offset (binary search over sorted pages). */
export function pageAt(pages: readonly Page[], offset: number): number {
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((pages[mid] as Page).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return (pages[lo] as Page).number;
}
