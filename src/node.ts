/**
 * redaction-audit/node: the Node-only file loader. Reads documents from disk as text,
 * refusing (as a value, never a throw) what cannot be read as text.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { open, readFile, readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { TextDecoder } from 'node:util';
import { DocumentReadError } from './core/errors.js';
import type { CheckKind } from './engine/check-kind.js';
import { isPdf, PDF_HEADER_WINDOW } from './pdf/is-pdf.js';
import { scanStream, type ScannedPage, type ScanStreamOptions } from './scan-stream.js';
import { parseRuleSet, type ParseRuleSetResult } from './rules/parse-rule-set.js';
import { BUILT_IN_PREFIX, BUILT_IN_RULE_SET_NAMES, parseBuiltInRuleSet, resolveRuleSet, type ResolveRuleSetResult } from './rules/resolve-rule-set.js';

export * from './index.js';

/** Options of {@link loadRuleSet}. */
export interface LoadRuleSetOptions {
  /** Custom check kinds, besides the built-in ones. */
  checks?: readonly CheckKind[];
}

/** Reads and parses a rule-set file; a file that cannot be read becomes an `extends-not-found` issue. */
function parseRuleSetFile(path: string, checks: readonly CheckKind[] | undefined): ParseRuleSetResult | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  return parseRuleSet(text, { source: path, ...(checks ? { checks } : {}) });
}

/**
 * Loads a rule set: a built-in by name (`recommended` or `redaction-audit:recommended`) or a
 * YAML file by path, follows its `extends` (paths relative to the file that names them) and
 * compiles it. Never throws on bad files: a missing file, bad YAML, unknown keys, cycles and
 * the like come back as issues with file, line and column.
 *
 * @example
 * const loaded = loadRuleSet('rules/agency.yaml');
 * if (!loaded.ok) for (const i of loaded.issues) console.error(formatRuleSetIssue(i));
 * else analyze(text, { ruleSets: [loaded.ruleSet] });
 */
export function loadRuleSet(pathOrName: string, options: LoadRuleSetOptions = {}): ResolveRuleSetResult {
  const { checks } = options;
  const bare = pathOrName.startsWith(BUILT_IN_PREFIX) ? pathOrName.slice(BUILT_IN_PREFIX.length) : pathOrName;
  const builtIn = BUILT_IN_RULE_SET_NAMES.includes(bare) && (pathOrName.startsWith(BUILT_IN_PREFIX) || !/[\\/.]/.test(pathOrName));
  const parsed = builtIn ? parseBuiltInRuleSet(bare, checks) : parseRuleSetFile(pathOrName, checks);
  if (!parsed) {
    return {
      ok: false,
      issues: [{
        code: 'extends-not-found',
        message: `cannot read the rule set "${pathOrName}"`,
        hint: `give a path to a YAML file, or a built-in name: ${BUILT_IN_RULE_SET_NAMES.join(', ')}`,
        source: pathOrName,
        path: [],
        line: 1,
        column: 1,
      }],
    };
  }
  if (!parsed.ok) return parsed;
  return resolveRuleSet(parsed.ruleSet, {
    ...(checks ? { checks } : {}),
    load: (ref, from) => parseRuleSetFile(from.startsWith(BUILT_IN_PREFIX) ? resolve(ref) : resolve(dirname(from), ref), checks),
  });
}

/**
 * Why a file could not be read as a document. `empty-directory` and `no-match` come from the
 * CLI, for a directory with no documents and a glob pattern that matches no file. `pdf` means
 * the bytes are a PDF, which is never decoded as text: read it with `extractPdf` or
 * `analyzePdf` from `redaction-audit/pdf` (the CLI does).
 */
export type ReadFailureCode = 'not-found' | 'not-readable' | 'binary' | 'invalid-encoding' | 'is-directory' | 'empty-directory' | 'no-match' | 'pdf';

/** The reasons given for the read failures `readDocument` and `scanFileStream` share. */
const REASONS = {
  binary: 'the file holds NUL bytes: it is binary, not text (extract its text first, e.g. with pdftotext)',
  'invalid-encoding': 'the file is not valid UTF-8 (convert it first, e.g. iconv -f latin1 -t utf-8)',
  'is-directory': 'is a directory',
  'not-found': 'no such file',
  pdf: 'the file is a PDF: read it with analyzePdf or extractPdf from redaction-audit/pdf (the CLI does)',
} as const;

/** The result of {@link readDocument}: the text, or why there is none. */
export type ReadDocumentResult =
  | { ok: true; source: string; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' }
  | { ok: false; source: string; code: ReadFailureCode; reason: string };

/**
 * Decodes a file's bytes as document text: UTF-8 (a BOM is dropped), or UTF-16 when it starts
 * with a UTF-16 byte-order mark. NUL bytes in a file without a UTF-16 BOM mean a binary file;
 * bytes that are not valid UTF-8 are refused rather than guessed. A PDF (`%PDF-` in its first
 * 1024 bytes) is refused with `pdf`, even one whose bytes would decode: its syntax is not its text.
 */
export function decodeDocument(bytes: Uint8Array, source: string): ReadDocumentResult {
  if (isPdf(bytes)) return { ok: false, source, code: 'pdf', reason: REASONS.pdf };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, source, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, source, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) return { ok: false, source, code: 'binary', reason: REASONS.binary };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, source, text, encoding: 'utf-8' };
  } catch {
    return { ok: false, source, code: 'invalid-encoding', reason: REASONS['invalid-encoding'] };
  }
}

/** Reads one file as a document. Never throws: failures come back with a code and a reason. */
export async function readDocument(path: string): Promise<ReadDocumentResult> {
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, source: path, code: 'is-directory', reason: REASONS['is-directory'] };
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, source: path, code: 'not-found', reason: REASONS['not-found'] };
    return { ok: false, source: path, code: 'not-readable', reason: (error as Error).message };
  }
  return decodeDocument(bytes, path);
}

/** File name endings treated as documents when a directory is scanned (PDFs are found by their bytes, whatever their name). */
export const DOCUMENT_EXTENSIONS: readonly string[] = ['.txt', '.text', '.md', '.markdown', '.pdf'];

/** True when a file starts as a PDF does (`%PDF-` in its first 1024 bytes); false when it cannot be read. */
async function startsAsPdf(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'r');
    try {
      const head = new Uint8Array(PDF_HEADER_WINDOW);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      return isPdf(head.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/**
 * Lists the document files under a directory, recursively, sorted by path so output order is
 * stable: text files by their ending ({@link DOCUMENT_EXTENSIONS}), and PDFs by their first
 * bytes, whatever their name. Hidden entries and `node_modules` are skipped.
 */
export async function listDocuments(directory: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (DOCUMENT_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext)) || (entry.isFile() && (await startsAsPdf(path)))) found.push(path);
    }
  };
  await walk(directory);
  return found.sort();
}

/** How the first bytes of a file say to decode it, or why it cannot be read as text. */
function chooseDecoder(head: Uint8Array, source: string): TextDecoder {
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true });
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true });
  if (isPdf(head)) throw new DocumentReadError('pdf', source, REASONS.pdf);
  if (head.subarray(0, 8192).includes(0)) {
    throw new DocumentReadError('binary', source, REASONS.binary);
  }
  return new TextDecoder('utf-8', { fatal: true });
}

/** Decodes a file's byte chunks as {@link decodeDocument} decodes a whole file, chunk by chunk. */
async function* decodeChunks(bytes: AsyncIterable<Uint8Array>, source: string): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let head = new Uint8Array(0);
  try {
    for await (const chunk of bytes) {
      if (!decoder) {
        // Two bytes tell a UTF-16 byte-order mark; wait for them.
        const joined = new Uint8Array(head.length + chunk.length);
        joined.set(head);
        joined.set(chunk, head.length);
        if (joined.length < 2) {
          head = joined;
          continue;
        }
        decoder = chooseDecoder(joined, source);
        const text = decoder.decode(joined, { stream: true });
        if (text) yield text;
        continue;
      }
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield text;
    }
    if (!decoder) {
      // A file of one byte (or none).
      if (head.length === 0) return;
      const text = chooseDecoder(head, source).decode(head);
      if (text) yield text;
      return;
    }
    const tail = decoder.decode();
    if (tail) yield tail;
  } catch (error) {
    if (error instanceof DocumentReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DocumentReadError('not-found', source, REASONS['not-found'], { cause: error });
    if (code === 'EISDIR') throw new DocumentReadError('is-directory', source, REASONS['is-directory'], { cause: error });
    if (error instanceof TypeError) throw new DocumentReadError('invalid-encoding', source, REASONS['invalid-encoding'], { cause: error });
    throw new DocumentReadError('not-readable', source, (error as Error).message, { cause: error });
  }
}

/**
 * Streams a file through {@link scanStream}: reads and decodes it a piece at a time (UTF-8, or
 * UTF-16 with a byte-order mark, as {@link readDocument}) and yields its pages as they complete,
 * so a file of any size is scanned in flat memory. Each page's `source` is the path. Throws
 * {@link DocumentReadError} (with `code` as `readDocument` gives it) when the file cannot be
 * read as text.
 *
 * @example
 * for await (const { page, records } of scanFileStream('release-1998.txt')) console.log(page.number, records.length);
 */
export async function* scanFileStream(path: string, options: Omit<ScanStreamOptions, 'source'> = {}): AsyncGenerator<ScannedPage, void, undefined> {
  yield* scanStream(decodeChunks(createReadStream(path, { highWaterMark: 1 << 16 }), path), { ...options, source: path });
}
