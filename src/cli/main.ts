import { MAX_DOCUMENT_BYTES } from '../node.js';
import { escapeText } from '../report/formatters/format-text.js';
import { runCli } from './run-cli.js';

runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stdin: () => readStdin(),
  isTTY: { stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true },
  env: process.env,
  workerUrl: new URL('./analyze-worker.js', import.meta.url),
}).then(
  (code) => {
    process.exitCode = code;
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
