import { MAX_DOCUMENT_BYTES } from '../node.js';
import { concatBytes } from '../node/read-file-bytes.js';
import { isPdf, PDF_HEADER_WINDOW } from '../pdf/is-pdf.js';
import type { CliIo } from './cli-io.js';

/** Standard input as {@link takeStdin} leaves it: its bytes, read whole, or its chunks, to be streamed. */
export type TakenStdin = { bytes: Uint8Array } | { chunks: AsyncIterable<Uint8Array> };

/**
 * Reads standard input for a command that streams large inputs (`scan`, `summary`): as long as
 * it stays under `thresholdBytes` it is read whole (`bytes`), as a small file is; once it
 * reaches that many bytes, what was read and what follows are handed over as `chunks`, to be
 * streamed (`scanByteStream`), so input of any length is scanned in flat memory. A PDF is
 * always read whole (pdf.js needs every byte), up to one byte past {@link MAX_DOCUMENT_BYTES},
 * as {@link CliIo.stdin} reads. Without {@link CliIo.stdinChunks}, standard input is read
 * whole through `stdin()`. A read error rejects the promise, or (while streaming) is thrown by
 * the chunks.
 */
export async function takeStdin(io: CliIo, thresholdBytes: number): Promise<TakenStdin> {
  if (!io.stdinChunks) return { bytes: await io.stdin() };
  const iterator = io.stdinChunks()[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let length = 0;
  // Enough to tell a PDF from text, however low the threshold.
  const enough = Math.max(thresholdBytes, PDF_HEADER_WINDOW);
  while (length < enough) {
    const next = await iterator.next();
    if (next.done) return { bytes: concatBytes(head, length) };
    head.push(next.value);
    length += next.value.length;
  }
  const first = concatBytes(head, length);
  if (isPdf(first)) {
    const parts = [first];
    while (length <= MAX_DOCUMENT_BYTES) {
      const next = await iterator.next();
      if (next.done) break;
      parts.push(next.value);
      length += next.value.length;
    }
    return { bytes: concatBytes(parts, length) };
  }
  async function* chunks(): AsyncGenerator<Uint8Array> {
    try {
      yield first;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      // Stopped early (the bytes turned out binary, a read failed): let go of standard input,
      // keeping the error that stopped it.
      await Promise.resolve(iterator.return?.()).catch(() => undefined);
    }
  }
  return { chunks: chunks() };
}
