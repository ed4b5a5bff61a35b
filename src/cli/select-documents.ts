import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Ignore } from 'ignore';
import picomatch from 'picomatch';
import { escapeText } from '../report/formatters/format-text.js';
import type { CliIo } from './cli-io.js';
import { asList, loadConfig, type LoadedConfig } from './load-config.js';

/** The ignore file read from the config file's directory (else the working directory), in gitignore syntax. */
export const IGNORE_FILE_NAME = '.redaction-auditignore';

/**
 * Which files the inputs yield: what a directory or glob lists (the config's `files`), and
 * what is never read (the config's `ignores`, {@link IGNORE_FILE_NAME}, `--ignore-pattern`).
 */
export interface DocumentSelection {
  /** For a file found in a directory: `true`/`false` when the config's `files` decide, `undefined` for the default (document endings, PDFs). Ignored files are `false`. */
  accept(path: string): boolean | undefined;
  /** Whether to walk into a directory found in a directory. */
  enter(path: string): boolean;
  /** Whether a file is ignored (also when named on the command line: it is then left out with a note). */
  ignored(path: string): boolean;
}

/** A path (relative to the working directory, or absolute) relative to `base`, with forward slashes; `undefined` when it lies outside `base`. */
export function relativePath(base: string, path: string): string | undefined {
  const rel = relative(base, resolve(path));
  if (rel === '' || rel.startsWith('..') || resolve(rel) === rel) return undefined;
  return rel.split(sep).join('/');
}

/**
 * Builds the selection for a run: the config's `files` and `ignores` and the ignore file
 * (relative to the config file's directory), and `--ignore-pattern`s (gitignore syntax,
 * relative to the working directory). Returns `undefined`, with the reason on standard error,
 * when the ignore file exists but cannot be read.
 */
export async function createSelection(config: LoadedConfig, ignorePatterns: readonly string[], cwd: string, io: CliIo): Promise<DocumentSelection | undefined> {
  const ignoreFile = join(config.dir, IGNORE_FILE_NAME);
  let ignoreText = '';
  try {
    ignoreText = readFileSync(ignoreFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      io.stderr(`redaction-audit: ${escapeText(`${ignoreFile}: cannot read the ignore file: ${(error as Error).message}`)}\n`);
      return undefined;
    }
  }
  const configIgnores = asList(config.settings.ignores);
  // The matcher is loaded only for a run that ignores something (it is CommonJS: slow to load from ESM).
  const none = { ignores: () => false } as unknown as Ignore;
  const createIgnore = ignoreText !== '' || configIgnores.length > 0 || ignorePatterns.length > 0 ? (await import('ignore')).default : undefined;
  const fromConfig: Ignore = createIgnore ? createIgnore().add(configIgnores).add(ignoreText) : none;
  const fromFlags: Ignore = createIgnore ? createIgnore().add([...ignorePatterns]) : none;
  const files = asList(config.settings.files);
  const matchesFiles = files.length > 0 ? picomatch(files, { dot: true }) : undefined;
  const isIgnored = (path: string, directory: boolean): boolean => {
    const inConfig = relativePath(config.dir, path);
    const inCwd = relativePath(cwd, path);
    const suffix = directory ? '/' : '';
    return (inConfig !== undefined && fromConfig.ignores(inConfig + suffix)) || (inCwd !== undefined && fromFlags.ignores(inCwd + suffix));
  };
  return {
    accept(path) {
      if (isIgnored(path, false)) return false;
      if (!matchesFiles) return undefined;
      const rel = relativePath(config.dir, path);
      return rel !== undefined && matchesFiles(rel);
    },
    enter: (path) => !isIgnored(path, true),
    ignored: (path) => isIgnored(path, false),
  };
}

/** The options of the commands that read documents which choose the config and the ignores. */
export interface SelectionOptions {
  /** `--config <file>`, or false for `--no-config`. */
  config?: string | false;
  /** `--ignore-pattern`s. */
  ignorePattern?: string[];
}

/**
 * Loads the run's config (found from `io.cwd` up, or as `--config`/`--no-config` say) and the
 * selection it and the ignores make; `undefined` when either fails (the reason is printed).
 */
export async function loadSelection(options: SelectionOptions, io: CliIo): Promise<{ config: LoadedConfig; selection: DocumentSelection } | undefined> {
  const cwd = io.cwd ?? process.cwd();
  const config = loadConfig(options.config, cwd, io);
  if (!config) return undefined;
  const selection = await createSelection(config, options.ignorePattern ?? [], cwd, io);
  return selection ? { config, selection } : undefined;
}
