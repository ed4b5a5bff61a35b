import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { listDocuments, type ReadDocumentResult } from '../node.js';
import type { ReportError } from '../report/report.js';

/** Where the CLI reads and writes; the real process in `main.ts`, buffers in tests. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  stdin(): Promise<Uint8Array>;
  /** Whether stdout and stderr are terminals (default: neither). Decides colour and the progress bar. */
  isTTY?: { stdout: boolean; stderr: boolean };
  /** The environment (default: empty); `NO_COLOR` and `FORCE_COLOR` are read from it. */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * The analysis worker script (`dist/cli/analyze-worker.js`), for `--jobs`; without it every
   * input is analyzed in this thread.
   */
  workerUrl?: URL;
}

/** Exit code: success (for `check`: no finding at or above `--fail-on`). */
export const EXIT_OK = 0;
/** Exit code of `check` when findings at or above `--fail-on` remain, and of `test-rules` when a case fails. */
export const EXIT_FINDINGS = 1;
/** Exit code for usage errors, rule-set issues, or any input that could not be processed (the others still are). */
export const EXIT_FAILURE = 2;

/** An input the CLI could not read; it is reported (a report's `errors` entry), and the others are still processed. */
export type InputFailure = ReportError;

/** Output options every reporting command shares. */
export interface OutputOptions {
  /** Write the report to this file instead of stdout. */
  output?: string;
  /** `true`/`false` from `--color`/`--no-color`; `undefined` to decide from the environment. */
  color?: boolean;
  quiet?: boolean;
  progress?: boolean;
  /** Worker threads to analyze inputs on (`--jobs`); 1 analyzes in this thread. */
  jobs?: number;
}

/**
 * Whether to colour: `--color`/`--no-color` win; then `NO_COLOR` (any non-empty value) turns
 * it off and `FORCE_COLOR` (not `0`) on; otherwise only when writing to a terminal.
 */
export function shouldColor(options: OutputOptions, io: CliIo): boolean {
  if (options.color !== undefined) return options.color;
  if (options.output !== undefined) return false;
  const env = io.env ?? {};
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return io.isTTY?.stdout === true;
}

/** Writes a rendered report to `--output` (creating its directory) or to stdout. */
export async function writeOutput(text: string, options: OutputOptions, io: CliIo): Promise<boolean> {
  if (options.output === undefined) {
    io.stdout(text);
    return true;
  }
  try {
    await mkdir(dirname(options.output), { recursive: true });
    await writeFile(options.output, text);
    if (!options.quiet) io.stderr(`redaction-audit: wrote ${options.output}\n`);
    return true;
  } catch (error) {
    io.stderr(`redaction-audit: ${options.output}: cannot write the output: ${(error as Error).message}\n`);
    return false;
  }
}

/** Runs over this many files show a progress bar (when stderr is a terminal). */
const PROGRESS_THRESHOLD = 20;

/** A one-line progress bar on stderr, redrawn in place; silent unless stderr is a terminal and the run is long enough. */
export function createProgress(total: number, options: OutputOptions, io: CliIo): { tick(label: string): void; done(): void } {
  const enabled = io.isTTY?.stderr === true && total >= PROGRESS_THRESHOLD && options.quiet !== true && options.progress !== false;
  let count = 0;
  const width = 24;
  return {
    tick(label: string) {
      count += 1;
      if (!enabled) return;
      const filled = Math.round((count / total) * width);
      const name = label.length > 40 ? `…${label.slice(-39)}` : label;
      io.stderr(`\r\u001b[2K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${count}/${total} ${name}`);
    },
    done() {
      if (enabled) io.stderr('\r\u001b[2K');
    },
  };
}

/** A path the user gave, expanded: the files to read, or why it gave none. */
type Expanded = { files: string[] } | { failure: Extract<ReadDocumentResult, { ok: false }> };

async function expand(path: string): Promise<Expanded> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) {
    const files = await listDocuments(path);
    return files.length > 0 ? { files } : { failure: { ok: false, source: path, code: 'empty-directory', reason: 'the directory holds no .txt, .md or PDF documents' } };
  }
  if (!info && isDynamicPattern(path)) {
    const files = await glob(path, { onlyFiles: true, dot: false, ignore: ['**/node_modules/**'], expandDirectories: false });
    files.sort();
    return files.length > 0 ? { files } : { failure: { ok: false, source: path, code: 'no-match', reason: 'the pattern matches no file' } };
  }
  return { files: [path] };
}

/**
 * Expands paths (files, directories, glob patterns such as `"docs/**\/*.txt"`, `-` for standard
 * input) into the inputs to read, in the order given, each file once. Nothing is dropped: a path
 * that gives nothing is kept as a failed result.
 */
export async function expandInputs(paths: readonly string[]): Promise<Array<string | Extract<ReadDocumentResult, { ok: false }>>> {
  const sources: Array<string | Extract<ReadDocumentResult, { ok: false }>> = [];
  const seen = new Set<string>();
  for (const path of paths) {
    if (path === '-') {
      sources.push('-');
      continue;
    }
    const expanded = await expand(path);
    if ('failure' in expanded) sources.push(expanded.failure);
    else {
      for (const file of expanded.files) {
        if (seen.has(file)) continue;
        seen.add(file);
        sources.push(file);
      }
    }
  }
  return sources;
}
