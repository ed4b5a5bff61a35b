import fs from 'node:fs';
import { mkdir, open, realpath, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { listDocuments } from '../node.js';
import { failureFromError, type ReadFailure } from '../node/read-file-bytes.js';
import { escapeText } from '../report/formatters/format-text.js';
import type { ReportError } from '../report/report.js';
import type { DocumentSelection } from './select-documents.js';
import type { Spool } from './spool.js';

/** Where the CLI reads and writes; the real process in `main.ts`, buffers in tests. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  stdin(): Promise<Uint8Array>;
  /**
   * Standard input as it arrives, for the commands that may stream it (`scan` and `summary`
   * stream an input that outgrows their threshold, as they stream large files). Without it,
   * standard input is read whole through {@link CliIo.stdin}. Only one of the two is called in a run.
   */
  stdinChunks?(): AsyncIterable<Uint8Array>;
  /** Whether stdout and stderr are terminals (default: neither). Decides colour and the progress bar. */
  isTTY?: { stdout: boolean; stderr: boolean };
  /** The environment (default: empty); `NO_COLOR` and `FORCE_COLOR` are read from it. */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * The analysis worker script (`dist/cli/analyze-worker.js`), for `--jobs`; without it every
   * input is analyzed in this thread.
   */
  workerUrl?: URL;
  /** Makes the files a report written as it goes parks its sections in (default: `createSpool`, temporary files); tests count what reaches them. */
  spool?: () => Spool;
  /** The working directory: where the config file is looked for from, and what `--ignore-pattern` is relative to (default `process.cwd()`). */
  cwd?: string;
}

export { EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK } from './exit-codes.js';

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

/**
 * Writes a file, creating its directory; says why not on standard error (`what` names the file's
 * role: "the output", "the baseline") and returns false, never throws.
 */
export async function writeTextFile(path: string, text: string, what: string, io: CliIo): Promise<boolean> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    return true;
  } catch (error) {
    // mkdir says EEXIST when a part of the path is a file.
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EEXIST' || code === 'ENOTDIR' ? 'a part of the path is not a directory' : failureFromError(path, error).reason;
    io.stderr(`redaction-audit: ${escapeText(`${path}: cannot write ${what}: ${reason}`)}\n`);
    return false;
  }
}

/** Writes a rendered report to `--output` (creating its directory) or to stdout. */
export async function writeOutput(text: string, options: OutputOptions, io: CliIo): Promise<boolean> {
  if (options.output === undefined) {
    io.stdout(text);
    return true;
  }
  if (!(await writeTextFile(options.output, text, 'the output', io))) return false;
  if (!options.quiet) io.stderr(`redaction-audit: wrote ${escapeText(options.output)}\n`);
  return true;
}

/** Where a streamed report goes, piece by piece: `--output` or stdout. */
export interface OutputSink {
  write(text: string): Promise<void>;
  /** Flushes and closes; false (said on standard error) when the file could not be written. */
  close(): Promise<boolean>;
}

/** Pieces written to a file are gathered up to this many UTF-16 code units before each write. */
const SINK_BUFFER = 1 << 16;

/**
 * Opens the output of a report written as it is made (`scan`): `--output` (creating its
 * directory; says "wrote" on close unless quiet) or stdout. Says why not on standard error and
 * returns `undefined` when the file cannot be created.
 */
export async function openOutput(options: OutputOptions, io: CliIo): Promise<OutputSink | undefined> {
  if (options.output === undefined) {
    return {
      write: (text) => {
        io.stdout(text);
        return Promise.resolve();
      },
      close: () => Promise.resolve(true),
    };
  }
  const path = options.output;
  const fail = (error: unknown): false => {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EEXIST' || code === 'ENOTDIR' ? 'a part of the path is not a directory' : failureFromError(path, error).reason;
    io.stderr(`redaction-audit: ${escapeText(`${path}: cannot write the output: ${reason}`)}\n`);
    return false;
  };
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    await mkdir(dirname(path), { recursive: true });
    handle = await open(path, 'w');
  } catch (error) {
    fail(error);
    return undefined;
  }
  let pending: string[] = [];
  let size = 0;
  let failed: unknown;
  const flush = async (): Promise<void> => {
    if (pending.length === 0 || failed !== undefined) return;
    const text = pending.join('');
    pending = [];
    size = 0;
    try {
      await handle.write(text);
    } catch (error) {
      failed = error;
    }
  };
  return {
    write: async (text) => {
      pending.push(text);
      size += text.length;
      if (size >= SINK_BUFFER) await flush();
    },
    close: async () => {
      await flush();
      await handle.close().catch((error: unknown) => {
        failed ??= error;
      });
      if (failed !== undefined) return fail(failed);
      if (!options.quiet) io.stderr(`redaction-audit: wrote ${escapeText(path)}\n`);
      return true;
    },
  };
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
      const shown = escapeText(label);
      const name = shown.length > 40 ? `…${shown.slice(-39)}` : shown;
      io.stderr(`\r\u001b[2K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${count}/${total} ${name}`);
    },
    done() {
      if (enabled) io.stderr('\r\u001b[2K');
    },
  };
}

/** An input to analyze: a path (or `-` for standard input), or why a path the user gave yields none. */
export type InputItem = string | ReadFailure;

/** A path that named a file already given (another spelling, a link, a second `-`): analyzed once, under the first. */
export interface DuplicateInput {
  source: string;
  sameAs: string;
}

/** What {@link expandInputs} returns. */
export interface ExpandedInputs {
  /** The inputs in the order given, each file once; a path that gives nothing stays as a failure. */
  items: InputItem[];
  duplicates: DuplicateInput[];
  /** Files named on the command line that the selection ignores: left out, each with a note. */
  ignored: string[];
}

function byPath(a: InputItem, b: InputItem): number {
  const x = typeof a === 'string' ? a : a.source;
  const y = typeof b === 'string' ? b : b.source;
  return x < y ? -1 : x > y ? 1 : 0;
}

type ReaddirCallback = (error: NodeJS.ErrnoException | null, entries: fs.Dirent[]) => void;

/**
 * Expands a glob pattern. Directories the walk cannot read are failures, and FIFOs, sockets
 * and devices that match are listed (the reader refuses them with a reason): tinyglobby would
 * skip both without a word, so its `readdir` is watched and special entries are shown to it as
 * files.
 */
async function expandPattern(pattern: string): Promise<InputItem[]> {
  const failures: ReadFailure[] = [];
  const readdir = (path: string, options: unknown, callback: ReaddirCallback): void => {
    (fs.readdir as unknown as (p: string, o: unknown, cb: ReaddirCallback) => void)(path, options, (error, entries) => {
      if (error) failures.push(failureFromError(path.replace(/(.)\/+$/, '$1'), error));
      const shown = (entries ?? []).map((e) =>
        e.isFIFO() || e.isSocket() || e.isCharacterDevice() || e.isBlockDevice() ? Object.assign(Object.create(e) as fs.Dirent, { isFile: () => true }) : e,
      );
      callback(error, shown);
    });
  };
  let files: string[];
  try {
    files = await glob(pattern, {
      onlyFiles: true,
      dot: false,
      ignore: ['**/node_modules/**'],
      expandDirectories: false,
      // An absolute pattern gives absolute paths, as the user wrote it (not paths relative to the working directory).
      absolute: isAbsolute(pattern),
      fs: { ...fs, readdir: readdir as unknown as typeof fs.readdir },
    });
  } catch (error) {
    return [{ ok: false, source: pattern, code: 'no-match', reason: `the pattern cannot be expanded: ${error instanceof Error ? error.message : String(error)}` }];
  }
  const items: InputItem[] = [...(await withoutLoops(files)), ...failures];
  return items.sort(byPath);
}

/**
 * Gives a glob's matches their names without link loops. The walk follows links, so a link to
 * a folder above it gives files under names that pass through the loop
 * (`docs/loop/x/one.txt` for `docs/x/one.txt`; the walk meets each folder once, by whichever
 * name it reaches first). A name is cut back wherever one of its folders is, after links, a
 * folder it already passed through; each name comes out once. Other second names of a file (a
 * link with another name, a hard link) stay, and are noted as duplicates.
 */
async function withoutLoops(files: readonly string[]): Promise<string[]> {
  const reals = new Map<string, string | undefined>();
  const realOf = async (prefix: string): Promise<string | undefined> => {
    if (!reals.has(prefix)) reals.set(prefix, await realpath(prefix === '' ? '/' : prefix).catch(() => undefined));
    return reals.get(prefix);
  };
  const names = new Set<string>();
  for (const file of files) {
    const segments = file.split('/');
    let kept: string[] = [];
    const at = new Map<string, number>();
    for (const [i, segment] of segments.entries()) {
      kept.push(segment);
      if (i === segments.length - 1) break;
      const real = await realOf(kept.join('/'));
      if (real === undefined) continue;
      const earlier = at.get(real);
      if (earlier !== undefined) kept = kept.slice(0, earlier + 1);
      else at.set(real, kept.length - 1);
    }
    names.add(kept.join('/'));
  }
  return [...names];
}

async function expand(path: string, selection: DocumentSelection | undefined): Promise<InputItem[]> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) {
    const { files, failures } = await listDocuments(path, selection ? { accept: selection.accept, enter: selection.enter } : {});
    if (files.length === 0 && failures.length === 0) return [{ ok: false, source: path, code: 'empty-directory', reason: 'the directory holds no .txt, .md or PDF documents' }];
    const items: InputItem[] = [...files, ...failures];
    return items.sort(byPath);
  }
  if (!info && isDynamicPattern(path)) {
    const items = (await expandPattern(path)).filter((item) => typeof item !== 'string' || !selection?.ignored(item));
    return items.length > 0 ? items : [{ ok: false, source: path, code: 'no-match', reason: 'the pattern matches no file' }];
  }
  return [path];
}

/** What makes two paths the same file: its device and inode (links, hard links, other spellings), else its absolute path. */
async function identity(path: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  return info ? `${info.dev}:${info.ino}` : `path:${resolve(path)}`;
}

/**
 * Expands paths (files, directories, glob patterns such as `"docs/**\/*.txt"`, `-` for standard
 * input) into the inputs to read, in the order given. Nothing is dropped: a path that gives
 * nothing, and a directory that cannot be read, stay as failures. Each file is analyzed once:
 * a path naming a file already given (`a.txt` and `./a.txt`, a link and its target, `-` twice)
 * is listed in `duplicates` instead. With a `selection`, directories list the files it accepts
 * and ignored files are left out (a file named on the command line that it ignores is listed in
 * `ignored`, for a note).
 */
export async function expandInputs(paths: readonly string[], selection?: DocumentSelection): Promise<ExpandedInputs> {
  const items: InputItem[] = [];
  const duplicates: DuplicateInput[] = [];
  const ignored: string[] = [];
  const first = new Map<string, string>();
  const once = (key: string, source: string): boolean => {
    const sameAs = first.get(key);
    if (sameAs === undefined) {
      first.set(key, source);
      return true;
    }
    duplicates.push({ source, sameAs });
    return false;
  };
  for (const path of paths) {
    if (path === '-') {
      if (once('stdin', '-')) items.push('-');
      continue;
    }
    const info = selection ? await stat(path).catch(() => undefined) : undefined;
    if (info?.isFile() && selection?.ignored(path)) {
      ignored.push(path);
      continue;
    }
    for (const item of await expand(path, selection)) {
      if (typeof item !== 'string') {
        if (once(`failure:${resolve(item.source)}`, item.source)) items.push(item);
      } else if (once(await identity(item), item)) items.push(item);
    }
  }
  return { items, duplicates, ignored };
}
