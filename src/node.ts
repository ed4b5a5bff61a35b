/**
 * redaction-audit/node: the Node-only file loader. Reads documents from disk as text,
 * refusing (as a value, never a throw) what cannot be read as text.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export * from './index.js';

/** Why a file could not be read as a document. */
export type ReadFailureCode = 'not-found' | 'not-readable' | 'binary' | 'invalid-encoding' | 'is-directory';

/** The result of {@link readDocument}: the text, or why there is none. */
export type ReadDocumentResult =
  | { ok: true; source: string; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' }
  | { ok: false; source: string; code: ReadFailureCode; reason: string };

/**
 * Decodes a file's bytes as document text: UTF-8 (a BOM is dropped), or UTF-16 when it starts
 * with a UTF-16 byte-order mark. NUL bytes in a file without a UTF-16 BOM mean a binary file;
 * bytes that are not valid UTF-8 are refused rather than guessed.
 */
export function decodeDocument(bytes: Uint8Array, source: string): ReadDocumentResult {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, source, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, source, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) return { ok: false, source, code: 'binary', reason: 'the file holds NUL bytes: it is binary, not text (extract its text first, e.g. with pdftotext)' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, source, text, encoding: 'utf-8' };
  } catch {
    return { ok: false, source, code: 'invalid-encoding', reason: 'the file is not valid UTF-8 (convert it first, e.g. iconv -f latin1 -t utf-8)' };
  }
}

/** Reads one file as a document. Never throws: failures come back with a code and a reason. */
export async function readDocument(path: string): Promise<ReadDocumentResult> {
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, source: path, code: 'is-directory', reason: 'is a directory' };
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, source: path, code: 'not-found', reason: 'no such file' };
    return { ok: false, source: path, code: 'not-readable', reason: (error as Error).message };
  }
  return decodeDocument(bytes, path);
}

/** File name endings treated as documents when a directory is scanned. */
export const DOCUMENT_EXTENSIONS: readonly string[] = ['.txt', '.text', '.md', '.markdown'];

/**
 * Lists the document files under a directory, recursively, sorted by path so output order is
 * stable. Hidden entries and `node_modules` are skipped.
 */
export async function listDocuments(directory: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (DOCUMENT_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) found.push(path);
    }
  };
  await walk(directory);
  return found.sort();
}
