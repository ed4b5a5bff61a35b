/**
 * The one place files are opened: documents, rule files, baselines and gold files all come
 * through here. A file is opened without blocking (a FIFO with no writer does not hang), its
 * type and size are checked on the open handle (after links are resolved, with no window for
 * the path to change in between), and at most a given number of bytes is ever read, so a link
 * to `/dev/zero` or a file that keeps growing cannot eat memory. Every failure is a value.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/**
 * Why a file could not be read as a document. `empty-directory` and `no-match` come from the
 * CLI, for a directory with no documents and a glob pattern that matches no file.
 *
 * - `not-found`: no such file (or a part of the path is not a directory).
 * - `not-readable`: permission denied, or another system error (the reason says which).
 * - `not-a-file`: a FIFO, socket or device (`/dev/zero`), directly or through a link: never read.
 * - `is-directory`: a directory where a file was expected.
 * - `too-large`: larger than the limit, checked before reading.
 * - `binary`: holds NUL bytes (or NUL characters in UTF-16).
 * - `invalid-encoding`: not valid UTF-8, or UTF-16 with a lone surrogate.
 * - `pdf`: the bytes are a PDF, which is never decoded as text: read it with `extractPdf` or
 *   `analyzePdf` from `redaction-audit/pdf` (the CLI does).
 * - `symlink-loop`: a link to a directory that holds it (a loop); listed once, not followed.
 */
export type ReadFailureCode = 'not-found' | 'not-readable' | 'not-a-file' | 'is-directory' | 'too-large' | 'binary' | 'invalid-encoding' | 'empty-directory' | 'no-match' | 'pdf' | 'symlink-loop';

/** A file that could not be read, with a stable code and a reason in words. */
export interface ReadFailure {
  ok: false;
  /** The path as given. */
  source: string;
  code: ReadFailureCode;
  reason: string;
}

/** What {@link readFileBytes} returns. */
export type ReadBytesResult = { ok: true; bytes: Uint8Array } | ReadFailure;

/** Options of {@link readFileBytes} and {@link readFileBytesSync}. */
export interface ReadBytesOptions {
  /** Refuse (as `too-large`) a file longer than this many bytes, before reading it. */
  maxBytes: number;
  /**
   * Also read FIFOs, pipes and devices, at most `maxBytes + 1` bytes of them (default `false`:
   * only regular files). For a path the user named on purpose, such as `--rules /dev/stdin`.
   */
  allowSpecial?: boolean;
  /** How to name the limit in a `too-large` reason (default: the number of bytes). */
  limitLabel?: string;
}

/** Open for reading without blocking: opening a FIFO that has no writer returns at once. */
const OPEN_NONBLOCKING = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** What kind of file a stat describes, in words, for `not-a-file` reasons. */
function describeKind(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

function failure(source: string, code: ReadFailureCode, reason: string): ReadFailure {
  return { ok: false, source, code, reason };
}

/**
 * Formats a byte count with thousands separators: `1,048,576`, as `toLocaleString('en-US')`
 * does. Whole numbers are written out here: the first `toLocaleString` call loads ICU's locale
 * data, about 25 ms of every CLI start, where limits are formatted as the modules load. Other
 * numbers (a limit of 10.5 bytes passed by a caller) go to `toLocaleString`.
 */
export function formatBytes(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return n < 0 || Object.is(n, -0) ? `-${out}` : out;
}

/**
 * Turns an error thrown by a file-system call into a failure. The reason never repeats the path
 * (it is the `source`) and never carries a stack.
 */
export function failureFromError(source: string, error: unknown): ReadFailure {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return failure(source, 'not-found', 'no such file');
  if (code === 'ENOTDIR') return failure(source, 'not-found', 'no such file (a part of the path is not a directory)');
  if (code === 'EISDIR') return failure(source, 'is-directory', 'is a directory');
  if (code === 'EACCES' || code === 'EPERM') return failure(source, 'not-readable', 'permission denied');
  if (code === 'ELOOP') return failure(source, 'not-readable', 'too many levels of symbolic links');
  const message = error instanceof Error ? error.message : String(error);
  // Node's messages end in ", open '<path>'": the path is the source already.
  return failure(source, 'not-readable', message.replace(/, \w+ '.*'$/s, ''));
}

/** Checks an open file's type and size; `undefined` when it may be read. */
function refuse(source: string, info: Stats, options: ReadBytesOptions): ReadFailure | undefined {
  if (info.isDirectory()) return failure(source, 'is-directory', 'is a directory');
  if (!info.isFile() && !options.allowSpecial) {
    return failure(source, 'not-a-file', `is ${describeKind(info)}, not a regular file: only regular files are read (give - to read standard input)`);
  }
  if (info.isFile() && info.size > options.maxBytes) return tooLarge(source, info.size, options);
  return undefined;
}

function tooLarge(source: string, size: number | null, options: ReadBytesOptions): ReadFailure {
  const limit = options.limitLabel ?? `${formatBytes(options.maxBytes)} bytes`;
  return failure(source, 'too-large', `${size === null ? 'the input is longer' : `the file is ${formatBytes(size)} bytes`}; the limit is ${limit}`);
}

/** Joins chunks of `total` bytes in all into one array (the chunk itself when there is one). */
export function concatBytes(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Bytes read per call once a file turns out longer than its size said (or has no size: pipes, devices). */
const CHUNK = 1 << 16;

/**
 * The reading of one open file, shared by the sync and async readers: checks the file, then
 * yields buffers to fill and takes how many bytes went into each (0 at the end). The size is a
 * first guess: it reads to the end, one byte past the limit at most.
 */
function* readSteps(path: string, info: Stats, options: ReadBytesOptions): Generator<Uint8Array, ReadBytesResult, number> {
  const refused = refuse(path, info, options);
  if (refused) return refused;
  const chunks: Uint8Array[] = [];
  let total = 0;
  let want = info.isFile() ? Math.min(info.size, options.maxBytes) + 1 : CHUNK;
  for (;;) {
    const buffer = new Uint8Array(Math.min(want, options.maxBytes + 1 - total));
    if (buffer.length === 0) return tooLarge(path, null, options);
    const bytesRead = yield buffer;
    if (bytesRead === 0) break;
    chunks.push(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead));
    total += bytesRead;
    if (total > options.maxBytes) return tooLarge(path, info.isFile() ? Math.max(total, info.size) : null, options);
    // A regular file reads short only at its end: no second read to find it.
    if (info.isFile() && bytesRead < buffer.length) break;
    want = CHUNK;
  }
  return { ok: true, bytes: concatBytes(chunks, total) };
}

/**
 * Reads a whole file, refusing what is not a regular file (after links), what is larger than
 * `maxBytes` (checked before reading) and anything that grows past it while being read. Never
 * throws: every problem comes back as a {@link ReadFailure}.
 */
export async function readFileBytes(path: string, options: ReadBytesOptions): Promise<ReadBytesResult> {
  let handle: FileHandle;
  try {
    handle = await open(path, options.allowSpecial ? 'r' : OPEN_NONBLOCKING);
  } catch (error) {
    return failureFromError(path, error);
  }
  try {
    const steps = readSteps(path, await handle.stat(), options);
    let step = steps.next();
    while (!step.done) step = steps.next((await handle.read(step.value, 0, step.value.length, null)).bytesRead);
    return step.value;
  } catch (error) {
    return failureFromError(path, error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** {@link readFileBytes}, synchronously (rule files are loaded synchronously). */
export function readFileBytesSync(path: string, options: ReadBytesOptions): ReadBytesResult {
  let fd: number;
  try {
    fd = openSync(path, options.allowSpecial ? 'r' : OPEN_NONBLOCKING);
  } catch (error) {
    return failureFromError(path, error);
  }
  try {
    const steps = readSteps(path, fstatSync(fd), options);
    let step = steps.next();
    while (!step.done) step = steps.next(readSync(fd, step.value, 0, step.value.length, null));
    return step.value;
  } catch (error) {
    return failureFromError(path, error);
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Closing a descriptor we opened does not fail in practice; nothing to report if it does.
    }
  }
}

/**
 * Opens a regular file for streaming: the same checks as {@link readFileBytes} (no FIFOs or
 * devices, after links), without reading it. The caller closes the handle.
 */
export async function openRegularFile(path: string): Promise<{ ok: true; handle: FileHandle; size: number } | ReadFailure> {
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_NONBLOCKING);
  } catch (error) {
    return failureFromError(path, error);
  }
  try {
    const info = await handle.stat();
    const refused = refuse(path, info, { maxBytes: Number.POSITIVE_INFINITY });
    if (refused) {
      await handle.close().catch(() => undefined);
      return refused;
    }
    return { ok: true, handle, size: info.size };
  } catch (error) {
    await handle.close().catch(() => undefined);
    return failureFromError(path, error);
  }
}
