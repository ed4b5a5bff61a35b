// The limit from the decoder's module, not the node entry: loading that entry would load the scanner before `--version` prints.
import { MAX_TEXT_LENGTH as MAX_DOCUMENT_BYTES } from '../node/decode-document.js';
import { escapeText } from '../report/formatters/format-text.js';
import { runCli } from './run-cli.js';
import { disposeSpools } from './spool.js';
import { formatStartTiming } from './start-timing.js';

/**
 * A stream whose reader has gone away (EPIPE: `redaction-audit scan docs | head -1`) takes no
 * more output, quietly, as a Unix tool behaves; the exit code still says what the run found.
 * Any other write error is reported once on standard error and fails the run.
 */
function guardedWriter(stream: NodeJS.WriteStream, name: string): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (closed) return;
    closed = true;
    if (error.code === 'EPIPE') return;
    if (stream !== process.stderr) process.stderr.write(`redaction-audit: cannot write to standard ${name}: ${escapeText(error.message)}\n`);
    process.exitCode = 2;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}

// Stopped (Ctrl-C, a kill): delete the temporary files a report or a streamed input parks its
// text in, then exit as a signal's default action would (128 + its number).
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const) {
  process.once(signal, () => {
    disposeSpools();
    process.exit(code);
  });
}
process.once('exit', disposeSpools);

runCli(process.argv.slice(2), {
  stdout: guardedWriter(process.stdout, 'output'),
  stderr: guardedWriter(process.stderr, 'error'),
  stdin: () => readStdin(),
  stdinChunks: () => process.stdin,
  isTTY: { stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true },
  env: process.env,
  workerUrl: new URL('./analyze-worker.js', import.meta.url),
}).then(
  (code) => {
    // A failed write to stdout (not EPIPE) already set 2.
    process.exitCode = Math.max(code, typeof process.exitCode === 'number' ? process.exitCode : 0);
    const timing = process.env.REDACTION_AUDIT_TIMING === '1' ? formatStartTiming() : undefined;
    if (timing) process.stderr.write(timing);
  },
  (error: unknown) => {
    // A bug, not a data problem (those are values): the stack helps a report; each line escaped.
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`redaction-audit: internal error: ${text.split('\n').map(escapeText).join('\n')}\n`);
    process.exitCode = 2;
  },
);

/**
 * Reads standard input, stopping one byte past {@link MAX_DOCUMENT_BYTES}: `scan - < /dev/zero`
 * is refused as too large instead of filling memory.
 */
async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    total += (chunk as Buffer).length;
    if (total > MAX_DOCUMENT_BYTES) break;
  }
  return Buffer.concat(chunks);
}
