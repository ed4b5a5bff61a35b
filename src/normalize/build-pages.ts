import type { PageBreak } from '../scan/detect-page.js';
import type { Page } from './marker-record.js';

/**
 * Cuts a text of `length` UTF-16 code units into pages at the given breaks. A break that
 * repeats the number of the page it falls in (the `[Facsimile Page 1]` under a document's
 * heading) labels that page instead of opening a new one. Page numbers are 1-based ordinals
 * and always increase.
 */
export function buildPages(length: number, breaks: readonly PageBreak[]): Page[] {
  const pages: Page[] = [{ number: 1, label: null, start: 0, end: length }];
  for (const b of breaks) {
    const current = pages[pages.length - 1] as Page;
    if (b.offset <= current.start || b.offset >= length) {
      if (current.label === null && b.number !== undefined && b.offset <= current.start) current.label = String(b.number);
      continue;
    }
    if (current.label === null && b.number === current.number && b.kind !== 'footer') {
      current.label = String(b.number);
      continue;
    }
    current.end = b.offset;
    pages.push({ number: current.number + 1, label: b.number !== undefined ? String(b.number) : null, start: b.offset, end: length });
  }
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
