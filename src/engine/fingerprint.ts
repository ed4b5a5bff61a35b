import type { Locator, Span } from '../core/position.js';

/**
 * A 53-bit hash of a string (cyrb53), as 14 hex digits. Not cryptographic: it only has to
 * keep baseline entries apart.
 */
export function hashString(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * Code units of the finding's line read either side of it for its fingerprint. A line of this
 * length or less is read whole; on a longer one (a 1 MB single-line document) each finding
 * reads only its own stretch, so fingerprinting costs a bounded amount per finding, not a
 * whole line each.
 */
export const FINGERPRINT_WINDOW = 300;

/** The text a finding's fingerprint reads: its line, cut to {@link FINGERPRINT_WINDOW} code units either side of its start. */
export function fingerprintText(text: string, locator: Pick<Locator, 'lineRange'>, span: Span): string {
  const line = locator.lineRange(span.start.line);
  return text.slice(Math.max(line.start, span.start.offset - FINGERPRINT_WINDOW), Math.min(line.end, span.start.offset + FINGERPRINT_WINDOW));
}

/** Line text for fingerprints: lower-cased, runs of white space collapsed, trimmed. */
export function normalizeContext(line: string): string {
  return line.toLowerCase().replace(/\s+/g, ' ').trim();
}
