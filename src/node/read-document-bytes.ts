import { MAX_TEXT_LENGTH } from './decode-document.js';
import { formatBytes, readFileBytes, type ReadBytesResult } from './read-file-bytes.js';

/**
 * Reads a document's bytes through the input layer: a regular file only, at most `maxBytes`
 * (default: the longest string JavaScript can hold, {@link MAX_TEXT_LENGTH}), checked before
 * reading. `readDocument` decodes what it returns; the CLI first looks whether it is a PDF.
 */
export function readDocumentBytes(path: string, maxBytes: number = MAX_TEXT_LENGTH): Promise<ReadBytesResult> {
  return readFileBytes(path, {
    maxBytes,
    limitLabel: maxBytes === MAX_TEXT_LENGTH ? `${formatBytes(maxBytes)} bytes, the longest string JavaScript can hold (scan and summary stream files of 64 MiB or more)` : `${formatBytes(maxBytes)} bytes`,
  });
}
