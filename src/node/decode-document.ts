/**
 * How a document's bytes become text: one set of rules for a file read whole and for a file
 * streamed in pieces, so both accept and refuse the same files with the same reasons.
 *
 * - The encoding is chosen from the first {@link SNIFF_BYTES} bytes: a byte-order mark (UTF-8,
 *   UTF-16LE, UTF-16BE), else UTF-16 without a mark when the head reads as such (mostly ASCII,
 *   every other byte zero, no control characters), else UTF-8.
 * - Decoding is strict in every encoding: bytes that are not valid UTF-8, or UTF-16 with a lone
 *   surrogate, are refused (`invalid-encoding`), never replaced by U+FFFD.
 * - A NUL anywhere (a zero byte in UTF-8, a U+0000 character in UTF-16) means binary.
 * - A PDF (`%PDF-` in its first 1024 bytes) is refused as `pdf`, even one whose bytes would
 *   decode: its syntax is not its text.
 */
import { constants as bufferConstants } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { DocumentReadError } from '../core/errors.js';
import { isPdf } from '../pdf/is-pdf.js';
import { formatBytes, type ReadFailure } from './read-file-bytes.js';

/** The encodings a document may be in. */
export type DocumentEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** How many bytes from a file's start choose its encoding. */
export const SNIFF_BYTES = 8192;

/** The longest string the JavaScript engine can hold, in UTF-16 code units: a document read whole must fit. */
export const MAX_TEXT_LENGTH: number = bufferConstants.MAX_STRING_LENGTH;

/** The reasons given for decoding failures; one wording whatever the file's size or the way it is read. */
export const DECODE_REASONS = {
  binary: 'the file holds NUL bytes: it is binary, not text (extract its text first, e.g. with pdftotext)',
  'binary-utf16': 'the file holds NUL characters: it is binary, not text (extract its text first, e.g. with pdftotext)',
  'utf-8': 'the file is not valid UTF-8 (convert it first, e.g. iconv -f latin1 -t utf-8; UTF-16 without a byte-order mark is read only when it is mostly ASCII)',
  'utf-16le': 'the file is not valid UTF-16LE: it holds a lone surrogate or an odd number of bytes',
  'utf-16be': 'the file is not valid UTF-16BE: it holds a lone surrogate or an odd number of bytes',
  pdf: 'the file is a PDF: read it with analyzePdf or extractPdf from redaction-audit/pdf (the CLI does)',
  'too-long': `the text is longer than the longest string JavaScript can hold (${formatBytes(MAX_TEXT_LENGTH)} UTF-16 code units); scan and summary stream files of 64 MiB or more`,
} as const;

/** The encoding chosen for a file, and how many bytes of byte-order mark to skip. */
export type EncodingChoice = { encoding: DocumentEncoding; bomLength: number } | { binary: true };

/** C0 controls other than tab, LF, VT, FF and CR: never in text. */
function isControl(code: number): boolean {
  return code < 0x20 && (code < 0x09 || code > 0x0d);
}

/** Whether bytes without a byte-order mark read as UTF-16 in one byte order (mostly ASCII: one byte of each pair zero). */
function looksLikeUtf16(head: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): boolean {
  const pairs = head.length >> 1;
  if (pairs < 4) return false;
  const zeroAt = encoding === 'utf-16le' ? 1 : 0;
  let ascii = 0;
  for (let i = 0; i < pairs; i++) {
    const zero = head[2 * i + zeroAt] as number;
    const other = head[2 * i + 1 - zeroAt] as number;
    // A zero in the other byte, or in both, is not this byte order's ASCII (nor text: U+0000).
    if (other === 0) return false;
    if (zero === 0) ascii++;
  }
  // English text is nearly all ASCII; a binary file seldom has a zero in every other byte.
  if (ascii * 4 < pairs * 3) return false;
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(head.subarray(0, pairs * 2), { stream: true });
  } catch {
    return false;
  }
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Chooses a file's encoding from its first bytes (at most {@link SNIFF_BYTES}; give the whole
 * file when it is shorter): see the module comment.
 */
export function chooseEncoding(head: Uint8Array): EncodingChoice {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const sniffed = head.subarray(0, SNIFF_BYTES);
  if (looksLikeUtf16(sniffed, 'utf-16le')) return { encoding: 'utf-16le', bomLength: 0 };
  if (looksLikeUtf16(sniffed, 'utf-16be')) return { encoding: 'utf-16be', bomLength: 0 };
  return { encoding: 'utf-8', bomLength: 0 };
}

/** The result of decoding a document's bytes: the text, or why there is none. */
export type DecodeResult = { ok: true; source: string; text: string; encoding: DocumentEncoding } | ReadFailure;

function refused(source: string, code: ReadFailure['code'], reason: string): ReadFailure {
  return { ok: false, source, code, reason };
}

/**
 * Decodes a file's bytes as document text by the rules of the module comment. Never throws.
 */
export function decodeDocument(bytes: Uint8Array, source: string): DecodeResult {
  if (isPdf(bytes)) return refused(source, 'pdf', DECODE_REASONS.pdf);
  const choice = chooseEncoding(bytes.subarray(0, SNIFF_BYTES));
  if ('binary' in choice) return refused(source, 'binary', DECODE_REASONS.binary);
  const { encoding, bomLength } = choice;
  const body = bytes.subarray(bomLength);
  if (encoding === 'utf-8' && body.indexOf(0) !== -1) return refused(source, 'binary', DECODE_REASONS.binary);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch (error) {
    // The decoder throws TypeError on bad input; a RangeError is the engine's string-length limit.
    if (error instanceof RangeError) return refused(source, 'too-large', DECODE_REASONS['too-long']);
    return refused(source, 'invalid-encoding', DECODE_REASONS[encoding]);
  }
  if (encoding !== 'utf-8' && text.includes('\u0000')) return refused(source, 'binary', DECODE_REASONS['binary-utf16']);
  return { ok: true, source, text, encoding };
}

/**
 * Decodes a file's byte chunks by the same rules as {@link decodeDocument}, a piece at a time:
 * the encoding is chosen once the first {@link SNIFF_BYTES} bytes (or the whole file) are in.
 * Throws {@link DocumentReadError} with the same code and reason `decodeDocument` gives.
 */
export async function* decodeChunks(chunks: AsyncIterable<Uint8Array>, source: string): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let encoding: DocumentEncoding = 'utf-8';
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  const fail = (code: ReadFailure['code'], reason: string, cause?: unknown): never => {
    throw new DocumentReadError(code, source, reason, cause === undefined ? undefined : { cause });
  };
  const decode = (bytes: Uint8Array, stream: boolean): string => {
    if (encoding === 'utf-8' && bytes.indexOf(0) !== -1) fail('binary', DECODE_REASONS.binary);
    let text = '';
    try {
      text = (decoder as TextDecoder).decode(bytes, { stream });
    } catch (error) {
      fail('invalid-encoding', DECODE_REASONS[encoding], error);
    }
    if (encoding !== 'utf-8' && text.includes('\u0000')) fail('binary', DECODE_REASONS['binary-utf16']);
    return text;
  };
  const start = (): Uint8Array => {
    const head = new Uint8Array(pendingLength);
    let at = 0;
    for (const p of pending) {
      head.set(p, at);
      at += p.length;
    }
    pending = [];
    if (isPdf(head)) return fail('pdf', DECODE_REASONS.pdf);
    const choice = chooseEncoding(head.subarray(0, SNIFF_BYTES));
    if ('binary' in choice) return fail('binary', DECODE_REASONS.binary);
    encoding = choice.encoding;
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    return head.subarray(choice.bomLength);
  };
  for await (const chunk of chunks) {
    if (!decoder) {
      pending.push(chunk);
      pendingLength += chunk.length;
      if (pendingLength < SNIFF_BYTES) continue;
      const text = decode(start(), true);
      if (text) yield text;
      continue;
    }
    const text = decode(chunk, true);
    if (text) yield text;
  }
  const last = decoder ? decode(new Uint8Array(0), false) : decode(start(), false);
  if (last) yield last;
}
