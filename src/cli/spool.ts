import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/** Text gathered before each write to the spool file (UTF-16 code units). */
const BUFFER = 1 << 20;

/** Text parked on disk until what must come before it is known, read back in order. */
export interface Spool {
  write(text: string): void;
  /** The text written, in order, in pieces of about 1 MiB. */
  read(): Generator<string>;
  /** Deletes the file; safe to call twice. */
  dispose(): void;
}

/**
 * A temporary file under the system's temporary directory: `scan` writes a streamed document's
 * records there as they are found and copies them out once the document's pages are all known
 * (JSON puts pages before records) and no read error came; `check` and `summary` write each
 * section of a report there (its documents, summaries, withholding rows) until the totals that
 * come before it are known.
 */
export function createSpool(): Spool {
  const dir = mkdtempSync(join(tmpdir(), 'redaction-audit-'));
  const path = join(dir, 'records');
  const fd = openSync(path, 'w+');
  let pending: string[] = [];
  let size = 0;
  let written = 0;
  let closed = false;
  const flush = (): void => {
    if (pending.length === 0) return;
    const bytes = Buffer.from(pending.join(''), 'utf8');
    writeSync(fd, bytes, 0, bytes.length, written);
    written += bytes.length;
    pending = [];
    size = 0;
  };
  return {
    write(text) {
      pending.push(text);
      size += text.length;
      if (size >= BUFFER) flush();
    },
    *read() {
      flush();
      const chunk = Buffer.alloc(BUFFER);
      const decoder = new StringDecoder('utf8');
      for (let at = 0; at < written; ) {
        const n = readSync(fd, chunk, 0, Math.min(chunk.length, written - at), at);
        if (n === 0) break;
        at += n;
        yield decoder.write(chunk.subarray(0, n));
      }
      const rest = decoder.end();
      if (rest) yield rest;
    },
    dispose() {
      if (closed) return;
      closed = true;
      closeSync(fd);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
