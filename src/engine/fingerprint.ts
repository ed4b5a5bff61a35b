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

/** Line text for fingerprints: lower-cased, runs of white space collapsed, trimmed. */
export function normalizeContext(line: string): string {
  return line.toLowerCase().replace(/\s+/g, ' ').trim();
}
