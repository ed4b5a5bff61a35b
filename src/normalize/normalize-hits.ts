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

/** Adds the covered text and span to each hit, from the text and its locator. */
export function locateHits(text: string, hits: readonly Hit[], locator: Locator): LocatedHit[] {
  return hits.map((hit) => ({ ...hit, raw: text.slice(hit.start, hit.end), span: locator.toSpan(hit.start, hit.end) }));
}

/**
 * Turns hits into records: drops duplicate reads of the same characters, adds the page,
 * catalog meaning and authority, and flags codes the catalog does not know. Records come out
 * in document order. `pages` must hold every page the hits fall on; a stamp cancels the
 * classification of its own page only, so the hits of one page can be normalized on their own.
 */
export function normalizeHits(hits: readonly LocatedHit[], pages: readonly Page[]): MarkerRecord[] {
  // Same family, code and span read twice: keep the surer read.
  const best = new Map<string, LocatedHit>();
  for (const hit of hits) {
    const k = `${hit.family}\u0000${hit.code}\u0000${hit.start}\u0000${hit.end}`;
    const seen = best.get(k);
    if (!seen || hit.confidence > seen.confidence) best.set(k, hit);
  }
  const kept = [...best.values()].sort((a, b) => a.start - b.start || a.end - b.end || (a.family < b.family ? -1 : a.family > b.family ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  // Pages on which a stamp cancels or changes the classification.
  const cancelledPages = new Map<number, string>();
  for (const hit of kept) {
    if (hit.family === 'stamp' && hit.code === 'classification-change') cancelledPages.set(pageAt(pages, hit.start), `stamp:classification-change@${hit.start}`);
  }

  const ids = new Set<string>();
  const records: MarkerRecord[] = [];
  for (const hit of kept) {
    const key = `${hit.family}:${hit.code}`;
    let id = `${key}@${hit.start}`;
    if (ids.has(id)) id = `${id}-${hit.end}`;
    ids.add(id);
    const entry = lookupCode(hit.family, hit.code);
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
