import { closeSync, ftruncateSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
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

/** Options of {@link createSpool}. */
export interface SpoolOptions {
  /**
   * Called (once per spool) when the temporary directory cannot be used: it cannot be made
   * (missing, not writable) or a write fails (the disk is full). The spool then keeps what
   * follows in memory, so the run still completes, with memory growing as it did before
   * spooling; `reason` says why.
   */
  onMemory?(reason: string): void;
}

/**
 * The `onMemory` of a run's spools: says once on standard error (not with `--quiet`) that the
 * temporary directory could not be used and why, and that the run goes on in memory.
 */
export function noteSpoolInMemory(io: { stderr(text: string): void }, quiet: boolean | undefined): (reason: string) => void {
  let said = false;
  return (reason) => {
    if (said || quiet) return;
    said = true;
    io.stderr(`redaction-audit: note: the temporary directory cannot be used (${reason.replace(/[\r\n]+/g, ' ')}); what would be parked there is kept in memory\n`);
  };
}

/** The spools whose files exist, for {@link disposeSpools}. */
const live = new Set<Spool>();

/**
 * Deletes every spool file still there. The CLI calls it when it is stopped by a signal (Ctrl-C)
 * and as the process exits, so an interrupted run leaves no temporary file behind.
 */
export function disposeSpools(): void {
  for (const spool of [...live]) spool.dispose();
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A temporary file under the system's temporary directory: `scan` writes a streamed document's
 * records there as they are found and copies them out once the document's pages are all known
 * (JSON puts pages before records) and no read error came; `check` and `summary` write each
 * section of a report there (its documents, summaries, withholding rows) until the totals that
 * come before it are known. When the temporary directory cannot be used, the text is kept in
 * memory instead (see {@link SpoolOptions.onMemory}): nothing is lost, and the run goes on.
 */
export function createSpool(options: SpoolOptions = {}): Spool {
  let file: { dir: string; fd: number } | undefined;
  // Text kept in memory, after what the file holds: all of it when no file could be used.
  let memory: string[] | undefined;
  const toMemory = (error: unknown): void => {
    memory ??= [];
    options.onMemory?.(describe(error));
  };
  let dir: string | undefined;
  try {
    dir = mkdtempSync(join(tmpdir(), 'redaction-audit-'));
    file = { dir, fd: openSync(join(dir, 'records'), 'w+') };
  } catch (error) {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    toMemory(error);
  }
  let pending: string[] = [];
  let size = 0;
  let written = 0;
  let closed = false;
  const flush = (): void => {
    if (pending.length === 0) return;
    if (file && !memory) {
      const bytes = Buffer.from(pending.join(''), 'utf8');
      try {
        for (let at = 0; at < bytes.length; ) at += writeSync(file.fd, bytes, at, bytes.length - at, written + at);
        written += bytes.length;
        pending = [];
        size = 0;
        return;
      } catch (error) {
        // A write cut short (the disk is full): the file keeps what was written before, and the
        // rest stays in memory.
        try {
          ftruncateSync(file.fd, written);
        } catch {
          // The length read back is `written` either way.
        }
        toMemory(error);
      }
    }
    for (const text of pending) (memory as string[]).push(text);
    pending = [];
    size = 0;
  };
  const spool: Spool = {
    write(text) {
      pending.push(text);
      size += text.length;
      if (size >= BUFFER) flush();
    },
    *read() {
      flush();
      if (file) {
        const chunk = Buffer.alloc(BUFFER);
        const decoder = new StringDecoder('utf8');
        for (let at = 0; at < written; ) {
          const n = readSync(file.fd, chunk, 0, Math.min(chunk.length, written - at), at);
          if (n === 0) break;
          at += n;
          yield decoder.write(chunk.subarray(0, n));
        }
        const rest = decoder.end();
        if (rest) yield rest;
      }
      if (memory) yield* memory;
    },
    dispose() {
      if (closed) return;
      closed = true;
      live.delete(spool);
      memory = undefined;
      if (!file) return;
      closeSync(file.fd);
      rmSync(file.dir, { recursive: true, force: true });
    },
  };
  if (file) live.add(spool);
  return spool;
}
