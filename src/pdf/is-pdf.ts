/** `%PDF-`, the bytes a PDF starts with. */
const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d];

/** How far into a file readers look for the header (Acrobat accepts up to 1024 bytes of junk before it). */
export const PDF_HEADER_WINDOW = 1024;

/** The first offset of `pattern` in `bytes[from, to)`, or -1. */
export function indexOfBytes(bytes: Uint8Array, pattern: readonly number[], from: number, to: number): number {
  outer: for (let i = Math.max(0, from); i <= Math.min(bytes.length, to) - pattern.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * True when the bytes are a PDF: `%PDF-` within their first 1024 bytes, as PDF readers accept
 * it. The file name plays no part. Cheap and free of pdf.js, so loaders can call it on any file.
 */
export function isPdf(bytes: Uint8Array): boolean {
  return indexOfBytes(bytes, PDF_HEADER, 0, PDF_HEADER_WINDOW) >= 0;
}
