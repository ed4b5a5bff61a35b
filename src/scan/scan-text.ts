import type { Family } from '../core/vocabulary.js';
import { DETECTORS } from './detectors.js';
import { findPageBreaks, type PageBreak } from './detect-page.js';
import type { Hit } from './hit.js';
import { createScanContext, type ScanContext } from './scan-context.js';

/** What {@link scanText} found: every detector's hits, sorted by offset, and where pages break. */
export interface ScanTextResult {
  hits: Hit[];
  breaks: PageBreak[];
  context: ScanContext;
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

/**
 * Runs the detectors over `text` and returns their hits in document order. Pure and
 * deterministic; it never throws on any string.
 */
export function scanText(text: string, options: ScanTextOptions = {}): ScanTextResult {
  const context = createScanContext(text);
  const wanted = options.families ? new Set(options.families) : undefined;
  const hits: Hit[] = [];
  for (const detector of DETECTORS) {
    if (wanted && !wanted.has(detector.family)) continue;
    for (const hit of detector.detect(context)) {
      if (hit.end > hit.start && hit.start >= 0 && hit.end <= text.length) hits.push(hit);
    }
  }
  hits.sort(compareHits);
  return { hits, breaks: findPageBreaks(context), context };
}
