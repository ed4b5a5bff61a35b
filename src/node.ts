/**
 * redaction-audit/node: the Node-only file loader. Reads documents from disk as text,
 * refusing (as a value, never a throw) what cannot be read as text.
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DocumentReadError, InvalidArgumentError } from './core/errors.js';
import { decodeChunks, decodeDocument, MAX_TEXT_LENGTH, type DecodeResult } from './node/decode-document.js';
import { readDocumentBytes } from './node/read-document-bytes.js';
import { failureFromError, openRegularFile, type ReadFailure } from './node/read-file-bytes.js';
import { isPdf, PDF_HEADER_WINDOW } from './pdf/is-pdf.js';
import { scanStream, type ScannedPage, type ScanStreamOptions } from './scan-stream.js';
import { withPatternCheck } from './node/load-rule-set.js';
import { parseRuleSet as parseCoreRuleSet, type ParseRuleSetOptions, type ParseRuleSetResult, type RuleSet } from './rules/parse-rule-set.js';
import {
  getBuiltInRuleSet as getCoreBuiltInRuleSet,
  resolveRuleSet as resolveCoreRuleSet,
  type GetBuiltInRuleSetOptions,
  type ResolvedRuleSet,
  type ResolveRuleSetOptions,
  type ResolveRuleSetResult,
} from './rules/resolve-rule-set.js';

export * from './index.js';

export { loadRuleSet, MAX_RULE_SET_BYTES } from './node/load-rule-set.js';
export type { LoadRuleSetOptions } from './node/load-rule-set.js';
export { patternCheck, compileSafePattern } from './pattern.js';
export type { SafePattern, PatternProblem } from './pattern.js';

export type { ReadFailure, ReadFailureCode } from './node/read-file-bytes.js';
export type { DocumentEncoding } from './node/decode-document.js';
export { decodeDocument };

/*
 * The rule-set functions of the main entry, with the `pattern` check loaded: in Node the RE2
 * engine's weight does not matter, so rules naming `check: pattern` work here without passing
 * `checks` (the main entry asks for `patternCheck` from `redaction-audit/pattern`).
 */

/** The main entry's `parseRuleSet`, with `patternCheck` among the `checks`. */
export function parseRuleSet(text: string, options: ParseRuleSetOptions = {}): ParseRuleSetResult {
  return parseCoreRuleSet(text, { ...options, checks: withPatternCheck(options.checks) });
}

/** The main entry's `resolveRuleSet`, with `patternCheck` among the `checks`. */
export function resolveRuleSet(ruleSet: RuleSet, options: ResolveRuleSetOptions = {}): ResolveRuleSetResult {
  return resolveCoreRuleSet(ruleSet, { ...options, checks: withPatternCheck(options.checks) });
}

/** The main entry's `getBuiltInRuleSet`, with `patternCheck` among the `checks` (`cia-crest` runs a `pattern` rule). Throws `RuleSetError` for an unknown name. */
export function getBuiltInRuleSet(name: string, options: GetBuiltInRuleSetOptions = {}): ResolvedRuleSet {
  return getCoreBuiltInRuleSet(name, { checks: withPatternCheck(options.checks) });
}

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

/**
 * File name endings read as text documents when a directory is listed (PDFs are found by their
 * bytes, whatever their name). A `README.md` or `README.markdown` is the folder's description,
 * not a document, and is left out unless asked for (`listDocuments`' `accept`, the CLI
 * config's `files`).
 */
export const DOCUMENT_EXTENSIONS: readonly string[] = ['.txt', '.text', '.md', '.markdown', '.pdf'];

/** True for a folder's description file (`README.md`, `readme.markdown`), which a directory listing leaves out by default. */
function isReadme(name: string): boolean {
  return /^readme\.(?:md|markdown)$/i.test(name);
}

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
  /** Directories (the one given, or one below it) that could not be listed, and links that loop back to a directory holding them (`symlink-loop`), sorted by path. */
  failures: ReadFailure[];
}

/** Options of {@link listDocuments}. */
export interface ListDocumentsOptions {
  /**
   * Decides whether a file is a document, given its path (as listed: the directory joined with
   * the names below it): `true` lists it, `false` leaves it out, `undefined` falls back to the
   * default (a {@link DOCUMENT_EXTENSIONS} ending and not a README, or the bytes of a PDF). The
   * CLI passes the config's `files` and `ignores`.
   */
  accept?: (path: string) => boolean | undefined;
  /** Whether to walk into a directory, given its path; by default every one but hidden ones and `node_modules`. */
  enter?: (path: string) => boolean;
}

/**
 * Lists the document files under a directory, recursively, sorted by path so output order is
 * stable: text files by their ending ({@link DOCUMENT_EXTENSIONS}; a `README.md` is not a
 * document unless `accept` says so), and PDFs by their first bytes, whatever their name. Hidden
 * entries and `node_modules` are skipped. Links are followed, to files and to directories, as a
 * glob does; a link to a directory that holds it (a loop) is one `symlink-loop` failure and is
 * not followed, and a directory reached twice through links is listed once. Every entry with a
 * document ending is listed whatever its type (a FIFO): {@link readDocument} then refuses what
 * is not a regular file, so nothing is dropped silently. A directory that cannot be read
 * (permission denied) is a failure, and the others are still listed. Never throws.
 *
 * @example
 * const { files, failures } = await listDocuments('releases');
 */
export async function listDocuments(directory: string, options: ListDocumentsOptions = {}): Promise<DocumentList> {
  const files: string[] = [];
  const failures: ReadFailure[] = [];
  // Real paths of the directories walked: a link to one of them is not walked again.
  const walked = new Set<string>();
  const walk = async (dir: string, ancestors: ReadonlySet<string>): Promise<void> => {
    let entries: Dirent[];
    let real: string;
    try {
      real = await realpath(dir);
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      failures.push(failureFromError(dir, error));
      return;
    }
    walked.add(real);
    const inside = new Set(ancestors).add(real);
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        // A link is what it points to; a dangling one is listed when its name is a document's (the reader says it is missing).
        const target = await stat(path).catch(() => undefined);
        if (target?.isDirectory()) {
          const targetReal = await realpath(path).catch(() => path);
          if (inside.has(targetReal)) {
            failures.push({ ok: false, source: path, code: 'symlink-loop', reason: `the link leads back to ${targetReal}, a directory holding it; not followed` });
            continue;
          }
          if (walked.has(targetReal)) continue;
          isDirectory = true;
        }
      }
      if (isDirectory) {
        if (options.enter?.(path) !== false) await walk(path, inside);
        continue;
      }
      const accepted = options.accept?.(path);
      if (accepted === true) files.push(path);
      else if (accepted === undefined) {
        const name = entry.name.toLowerCase();
        if ((DOCUMENT_EXTENSIONS.some((ext) => name.endsWith(ext)) && !isReadme(basename(path))) || (await startsAsPdf(path))) files.push(path);
      }
    }
  };
  await walk(directory, new Set());
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
    yield* scanByteStream(stream as AsyncIterable<Uint8Array>, { ...options, source: path });
  } finally {
    stream.destroy();
  }
}

/**
 * Streams bytes that arrive in chunks (standard input, a decompressing stream, a network
 * response body) through {@link scanStream}, decoding them as {@link scanFileStream} decodes a
 * file: the encoding is told from the first 8 KiB (see {@link decodeDocument}), and binary
 * data, a PDF, or bytes that are not valid in that encoding throw {@link DocumentReadError}
 * (`binary`, `pdf`, `invalid-encoding`) as soon as they are seen. A chunk may end anywhere,
 * inside a character too. An error the chunks throw (a read that fails) becomes a
 * `DocumentReadError` with `code` `not-readable`. Memory stays flat whatever the length.
 *
 * @example
 * for await (const { records } of scanByteStream(process.stdin, { source: 'stdin' })) for (const r of records) console.log(r.key);
 */
export async function* scanByteStream(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: ScanStreamOptions = {}): AsyncGenerator<ScannedPage, void, undefined> {
  if (chunks === null || typeof chunks !== 'object' || (!(Symbol.asyncIterator in chunks) && !(Symbol.iterator in chunks))) {
    throw new InvalidArgumentError('scanByteStream: chunks must be an iterable or async iterable of Uint8Array');
  }
  const source = options.source ?? '-';
  yield* scanStream(decodeChunks(readChunks(chunks, source), source), options);
}

/** The chunks of a byte stream, each checked to be bytes; its own errors as {@link DocumentReadError}. */
async function* readChunks(stream: AsyncIterable<unknown> | Iterable<unknown>, source: string): AsyncGenerator<Uint8Array> {
  let wrong: { value: unknown } | undefined;
  try {
    for await (const chunk of stream) {
      if (!(chunk instanceof Uint8Array)) {
        wrong = { value: chunk };
        break;
      }
      yield chunk;
    }
  } catch (error) {
    if (error instanceof DocumentReadError) throw error;
    const failed = failureFromError(source, error);
    throw new DocumentReadError(failed.code, source, failed.reason, { cause: error });
  }
  if (wrong) {
    const got = wrong.value === null ? 'null' : typeof wrong.value === 'string' ? 'a string (use scanStream for text)' : typeof wrong.value;
    throw new InvalidArgumentError(`scanByteStream: every chunk must be a Uint8Array (a Buffer), got ${got}`);
  }
}
