import { getCatalog, type CatalogEntry } from '../catalog/catalog.js';
import type { Locator, Span } from '../core/position.js';
import type { Family } from '../core/vocabulary.js';
import type { Hit } from '../scan/hit.js';
import { pageAt } from './build-pages.js';
import type { MarkerRecord, Page } from './marker-record.js';

/** Families whose codes form a closed list set by statute: a code outside it is invalid. */
const CLOSED: ReadonlySet<Family> = new Set(['foia', 'privacy']);

/** The catalog entry for a code, falling back from a numbered sub-paragraph to its section (`12958:3.4(b)(1)` → `12958:3.4(b)`). */
export function lookupCode(family: Family, code: string): CatalogEntry | undefined {
  const catalog = getCatalog();
  let entry = catalog.lookup(family, code);
  for (let c = code; !entry && /\(\d{1,2}\)$/.test(c); ) {
    c = c.replace(/\(\d{1,2}\)$/, '');
    entry = catalog.lookup(family, c);
  }
  return entry;
}

function round(n: number): number {
  return Math.round(Math.min(1, Math.max(0, n)) * 100) / 100;
}

/** A hit with the text it covers and its span, as the scanner hands it to {@link normalizeHits}. */
export interface LocatedHit extends Hit {
  /** The covered text, `text.slice(start, end)`. */
  raw: string;
  span: Span;
}

/**
 * Adds the covered text and span to each hit, from the text and its locator. The hits are
 * completed in place (they are the scanner's own, made for this call) and returned.
 */
export function locateHits(text: string, hits: Hit[], locator: Locator): LocatedHit[] {
  for (const hit of hits) {
    const located = hit as LocatedHit;
    located.raw = text.slice(hit.start, hit.end);
    located.span = locator.toSpan(hit.start, hit.end);
  }
  return hits as LocatedHit[];
}

/** Document order: by start, then end, family and code. */
function compareLocated(a: Hit, b: Hit): number {
  return a.start - b.start || a.end - b.end || (a.family < b.family ? -1 : a.family > b.family ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

function isOrdered(hits: readonly Hit[]): boolean {
  for (let i = 1; i < hits.length; i++) if (compareLocated(hits[i - 1] as Hit, hits[i] as Hit) > 0) return false;
  return true;
}

/**
 * Turns hits into records: drops duplicate reads of the same characters, adds the page,
 * catalog meaning and authority, and flags codes the catalog does not know. Records come out
 * in document order. `pages` must hold every page the hits fall on; a stamp cancels the
 * classification of its own page only, so the hits of one page can be normalized on their own.
 */
export function normalizeHits(hits: readonly LocatedHit[], pages: readonly Page[]): MarkerRecord[] {
  // Same family, code and span read twice: keep the surer read (the first, on a tie). In
  // document order such reads stand next to each other.
  const ordered = isOrdered(hits) ? hits : [...hits].sort(compareLocated);
  const kept: LocatedHit[] = [];
  for (const hit of ordered) {
    const last = kept[kept.length - 1];
    if (last && last.start === hit.start && last.end === hit.end && last.family === hit.family && last.code === hit.code) {
      if (hit.confidence > last.confidence) kept[kept.length - 1] = hit;
    } else kept.push(hit);
  }

  // Pages on which a stamp cancels or changes the classification.
  const cancelledPages = new Map<number, string>();
  for (const hit of kept) {
    if (hit.family === 'stamp' && hit.code === 'classification-change') cancelledPages.set(pageAt(pages, hit.start), `stamp:classification-change@${hit.start}`);
  }

  // Ids are `key@start`; two reads of one key at one start (different ends) add the end.
  let idsAt = -1;
  const ids = new Set<string>();
  const entries = new Map<string, CatalogEntry | undefined>();
  const records: MarkerRecord[] = [];
  for (const hit of kept) {
    const key = `${hit.family}:${hit.code}`;
    if (hit.start !== idsAt) {
      ids.clear();
      idsAt = hit.start;
    }
    let id = `${key}@${hit.start}`;
    if (ids.has(id)) id = `${id}-${hit.end}`;
    ids.add(id);
    let entry = entries.get(key);
    if (entry === undefined && !entries.has(key)) {
      entry = lookupCode(hit.family, hit.code);
      entries.set(key, entry);
    }
    const attributes: Record<string, unknown> = { ...(hit.attributes ?? {}) };
    let note = hit.note ?? null;
    if (!entry && CLOSED.has(hit.family) && !attributes.invalid) {
      attributes.invalid = true;
      note ??= `"${hit.code}" is not a ${hit.family === 'foia' ? 'FOIA' : 'Privacy Act'} exemption`;
    }
    const page = pageAt(pages, hit.start);
    if (hit.family === 'classification' && hit.role !== 'mention' && !attributes.cancelled && cancelledPages.has(page)) {
      attributes.cancelled = true;
      attributes.cancelledBy = cancelledPages.get(page);
    }
    records.push({
      id,
      family: hit.family,
      code: hit.code,
      key,
      raw: hit.raw,
      span: hit.span,
      page,
      role: hit.role,
      confidence: round(hit.confidence),
      ocr: hit.ocr && hit.ocr.length > 0 ? hit.ocr : null,
      label: entry?.label ?? null,
      authority: entry?.authority ?? null,
      attributes,
      note,
    });
  }
  return records;
}
