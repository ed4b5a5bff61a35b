import { createLocator } from '../core/position.js';
import type { MarkerRecord, Page } from '../normalize/marker-record.js';
import { locateHits, normalizeHits } from '../normalize/normalize-hits.js';
import type { Hit } from '../scan/hit.js';
import type { PdfExtraction, PdfRedactionBox, PdfTextItem } from './extract-pdf.js';
import { roundBox, unionBoxes, type PdfBox } from './pdf-box.js';

/** How sure a box read from the drawing is a redaction: the geometry is certain, what it means is not always. */
const BOX_CONFIDENCE = 0.95;

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The first item that ends after `offset` (items are in text order). */
function firstItemAfter(items: readonly PdfTextItem[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid] as PdfTextItem).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where a stretch of text stands on its page: the union of the words it overlaps, each narrowed to the characters it covers. */
export function boxOfSpan(items: readonly PdfTextItem[], start: number, end: number): PdfBox | null {
  let box: PdfBox | null = null;
  for (let i = firstItemAfter(items, start); i < items.length; i++) {
    const item = items[i] as PdfTextItem;
    if (item.start >= end) break;
    const from = Math.max(start, item.start);
    const to = Math.min(end, item.end);
    const length = item.end - item.start;
    const [l, b, r, t] = item.box;
    const part: PdfBox = [l + ((r - l) * (from - item.start)) / length, b, l + ((r - l) * (to - item.start)) / length, t];
    box = box ? unionBoxes(box, part) : part;
  }
  return box ? roundBox(box) : null;
}

/** The hit for a box: the first run of masks that stands for it, with what the drawing says. */
function boxHit(box: PdfRedactionBox): Hit | null {
  const first = box.spans[0];
  if (!first) return null;
  return {
    detector: 'pdf-box',
    family: 'redaction',
    code: 'blacked-out',
    start: first.start,
    end: first.end,
    role: 'marking',
    confidence: BOX_CONFIDENCE,
    attributes: {
      length: first.end - first.start,
      ...(box.spans.length > 1 ? { lines: box.spans.length } : {}),
      boxKind: box.kind,
      boxSource: box.source,
      ...(box.hiddenCharacters > 0 ? { hiddenCharacters: box.hiddenCharacters } : {}),
      ...(box.hiddenText !== null ? { hiddenText: box.hiddenText } : {}),
    },
    ...(box.hiddenCharacters > 0 ? { note: 'text is still in the text layer under this box' } : {}),
  };
}

/**
 * Fits the records scanned from a PDF's text to the PDF: each box with a run of masks becomes
 * one `redaction:blacked-out` record (replacing the records the scanner read from its masks,
 * one per line it covers) carrying the box and what it hides, and every record gets
 * `attributes.box`, where it stands on its page. Records stay in document order.
 */
export function placePdfRecords(records: readonly MarkerRecord[], extraction: PdfExtraction, pages: readonly Page[]): MarkerRecord[] {
  const spans = extraction.boxes.flatMap((b) => b.spans);
  const kept = records.filter((r) => !(r.family === 'redaction' && r.code === 'blacked-out' && spans.some((s) => overlaps(s, { start: r.span.start.offset, end: r.span.end.offset }))));
  const hits: Hit[] = [];
  const boxes = new Map<number, PdfBox>();
  for (const box of extraction.boxes) {
    const hit = boxHit(box);
    if (!hit) continue;
    hits.push(hit);
    boxes.set(hit.start, box.box);
  }
  hits.sort((a, b) => a.start - b.start);
  const made = normalizeHits(locateHits(extraction.text, hits, createLocator(extraction.text)), pages);
  const placed = [
    ...kept.map((r) => {
      const box = boxOfSpan(extraction.items, r.span.start.offset, r.span.end.offset);
      return box ? { ...r, attributes: { ...r.attributes, box } } : r;
    }),
    ...made.map((r) => ({ ...r, attributes: { ...r.attributes, box: boxes.get(r.span.start.offset) as PdfBox } })),
  ];
  return placed.sort((a, b) => a.span.start.offset - b.span.start.offset || a.span.end.offset - b.span.end.offset || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
