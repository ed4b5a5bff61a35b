/**
 * redaction-audit/node: the Node-only file loader. Reads documents from disk as text,
 * refusing (as a value, never a throw) what cannot be read as text.
 */
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DocumentReadError } from './core/errors.js';
import { decodeChunks, decodeDocument, MAX_TEXT_LENGTH, type DecodeResult } from './node/decode-document.js';
import { readDocumentBytes } from './node/read-document-bytes.js';
import { failureFromError, openRegularFile, type ReadFailure } from './node/read-file-bytes.js';
import { isPdf, PDF_HEADER_WINDOW } from './pdf/is-pdf.js';
import { scanStream, type ScannedPage, type ScanStreamOptions } from './scan-stream.js';

export * from './index.js';

export { loadRuleSet, MAX_RULE_SET_BYTES } from './node/load-rule-set.js';
export type { LoadRuleSetOptions } from './node/load-rule-set.js';

export type { ReadFailure, ReadFailureCode } from './node/read-file-bytes.js';
export type { DocumentEncoding } from './node/decode-document.js';
export { decodeDocument };

/** Options of {@link readDocument}. */
export interface ReadDocumentOptions {
  /**
   * Refuse (as `too-large`, before reading) a file longer than this many bytes (default
   * {@link MAX_DOCUMENT_BYTES}: a longer file could not become one string anyway).
   */
  maxBytes?: number;
}

/**
 * The largest file {@link readDocument} reads by default, in bytes: the longest string the
 * JavaScript engine can hold (536,870,888 code units on 64-bit Node). A UTF-8 file of that many
 * bytes decodes to at most that many code units.
 */
export const MAX_DOCUMENT_BYTES: number = MAX_TEXT_LENGTH;

/** The result of {@link readDocument}: the text, or why there is none. */
export type ReadDocumentResult = DecodeResult;

/**
 * Reads one file as a document. Only regular files are read (after links are followed): a
 * FIFO, socket or device (a link to `/dev/zero`) is refused as `not-a-file` without being
 * opened for reading, and a file over `maxBytes` as `too-large` before a byte is read. The bytes
 * are decoded by {@link decodeDocument} (a PDF is refused as `pdf`: read it with `analyzePdf`).
 * Never throws: failures come back with a code and a reason.
 */
export async function readDocument(path: string, options: ReadDocumentOptions = {}): Promise<ReadDocumentResult> {
  const read = await readDocumentBytes(path, options.maxBytes ?? MAX_DOCUMENT_BYTES);
  return read.ok ? decodeDocument(read.bytes, path) : read;
}

/** File name endings treated as documents when a directory is scanned (PDFs are found by their bytes, whatever their name). */
export const DOCUMENT_EXTENSIONS: readonly string[] = ['.txt', '.text', '.md', '.markdown', '.pdf'];

/** True when a file starts as a PDF does (`%PDF-` in its first 1024 bytes); false when it is not a regular file or cannot be read. */
async function startsAsPdf(path: string): Promise<boolean> {
  const opened = await openRegularFile(path);
  if (!opened.ok) return false;
  try {
    const head = new Uint8Array(PDF_HEADER_WINDOW);
    const { bytesRead } = await opened.handle.read(head, 0, head.length, 0);
    return isPdf(head.subarray(0, bytesRead));
  } catch {
    return false;
  } finally {
    await opened.handle.close().catch(() => undefined);
  }
}

/** What {@link listDocuments} found: the document files, and the directories it could not read. */
export interface DocumentList {
  /** Paths of the document files, sorted. */
  files: string[];
  /** Directories (the one given, or one below it) that could not be listed, sorted by path. */
  failures: ReadFailure[];
}

/**
 * Lists the document files under a directory, recursively, sorted by path so output order is
 * stable: text files by their ending ({@link DOCUMENT_EXTENSIONS}), and PDFs by their first
 * bytes, whatever their name. Hidden entries and `node_modules` are skipped, and links to
 * directories are not followed. Every entry with a document ending is listed whatever its type (a link, a FIFO):
 * {@link readDocument} then refuses what is not a regular file, so nothing is dropped
 * silently. A directory that cannot be read (permission denied) is a failure, and the others
 * are still listed. Never throws.
 *
 * @example
 * const { files, failures } = await listDocuments('releases');
 */
export async function listDocuments(directory: string): Promise<DocumentList> {
  const files: string[] = [];
  const failures: ReadFailure[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      failures.push(failureFromError(dir, error));
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (DOCUMENT_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext)) || (entry.isFile() && (await startsAsPdf(path)))) files.push(path);
    }
  };
  await walk(directory);
  const byPath = (a: { source: string } | string, b: { source: string } | string): number => {
    const x = typeof a === 'string' ? a : a.source;
    const y = typeof b === 'string' ? b : b.source;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  return { files: files.sort(byPath), failures: failures.sort(byPath) };
}

/**
 * Streams a file through {@link scanStream}: reads and decodes it a piece at a time (by the
 * rules of {@link decodeDocument}: the same files are refused with the same reasons) and
 * yields its pages as they complete, so a file of any size is scanned in flat memory. Each
 * page's `source` is the path. Only regular files are read (after links). Throws
 * {@link DocumentReadError} (with `code` as `readDocument` gives it) when the file cannot be
 * read as text.
 *
 * @example
 * for await (const { page, records } of scanFileStream('release-1998.txt')) console.log(page.number, records.length);
 */
export async function* scanFileStream(path: string, options: Omit<ScanStreamOptions, 'source'> = {}): AsyncGenerator<ScannedPage, void, undefined> {
  const opened = await openRegularFile(path);
  if (!opened.ok) throw new DocumentReadError(opened.code, path, opened.reason);
  const stream = opened.handle.createReadStream({ highWaterMark: 1 << 16 });
  try {
    yield* scanStream(decodeChunks(readChunks(stream, path), path), { ...options, source: path });
  } finally {
    stream.destroy();
  }
}

/** The chunks of a read stream, its errors as {@link DocumentReadError}. */
async function* readChunks(stream: AsyncIterable<unknown>, path: string): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of stream) yield chunk as Uint8Array;
  } catch (error) {
    const failed = failureFromError(path, error);
    throw new DocumentReadError(failed.code, path, failed.reason, { cause: error });
  }
}
