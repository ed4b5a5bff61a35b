import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { TextDecoder } from 'node:util';
import { MAX_RULE_SET_BYTES } from '../node/load-rule-set.js';
import { readFileBytesSync } from '../node/read-file-bytes.js';
import type { ConfigFile } from '../rules/config-schema.js';
import { parseConfig } from '../rules/parse-config.js';
import { BUILT_IN_PREFIX, BUILT_IN_RULE_SET_NAMES } from '../rules/resolve-rule-set.js';
import { formatRuleSetIssue } from '../rules/rule-set-issue.js';
import { escapeText } from '../report/formatters/format-text.js';
import type { CliIo } from './cli-io.js';

/** The names a config file may have, looked for in this order in each directory. */
export const CONFIG_FILE_NAMES = ['redaction-audit.config.yaml', '.redaction-audit.yaml'] as const;

/** The config the CLI runs with: the file's settings (empty without one) and the directory its paths are relative to. */
export interface LoadedConfig {
  /** The config file, or `undefined` when there is none (or `--no-config`). */
  path: string | undefined;
  /** The directory globs and rule-set paths are relative to: the config file's, else the working directory. */
  dir: string;
  settings: ConfigFile;
}

/**
 * Finds the config file for a working directory, as ESLint and Vale do: the first directory,
 * from `cwd` up, holding one of {@link CONFIG_FILE_NAMES}; the walk stops at the repository root
 * (a directory holding `.git`) or the file-system root.
 */
export function findConfig(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const path = join(dir, name);
      if (statSync(path, { throwIfNoEntry: false })?.isFile()) return path;
    }
    const parent = dirname(dir);
    if (existsSync(join(dir, '.git')) || parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Loads the config: the file `--config` names, none with `--no-config` (`option` false), else
 * the one {@link findConfig} finds. Prints every issue (`file:line:col  code  message`) and
 * returns `undefined` when the file cannot be read or is not a valid config.
 */
export function loadConfig(option: string | false | undefined, cwd: string, io: CliIo): LoadedConfig | undefined {
  const path = option === false ? undefined : option !== undefined ? resolve(cwd, option) : findConfig(cwd);
  if (path === undefined) return { path: undefined, dir: resolve(cwd), settings: {} };
  const shown = option !== undefined && option !== false ? option : path;
  const read = readFileBytesSync(path, { maxBytes: MAX_RULE_SET_BYTES });
  if (!read.ok) {
    io.stderr(`redaction-audit: ${escapeText(`${shown}: cannot read the config file: ${read.reason}`)}\n`);
    return undefined;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(read.bytes);
  } catch {
    io.stderr(`redaction-audit: ${escapeText(`${shown}: the config file is not UTF-8 text`)}\n`);
    return undefined;
  }
  const parsed = parseConfig(text, { source: shown });
  if (!parsed.ok) {
    for (const issue of parsed.issues) io.stderr(`${formatRuleSetIssue(issue)}\n`);
    io.stderr('redaction-audit: the config file has issues (above); no document was read\n');
    return undefined;
  }
  return { path, dir: dirname(path), settings: parsed.config };
}

/** A list setting as a list (a config may give one glob or rule set as a string). */
export function asList(value: string | readonly string[] | undefined): string[] {
  return value === undefined ? [] : typeof value === 'string' ? [value] : [...value];
}

/**
 * A rule-set reference from a config file as `loadRuleSet` takes it: built-in names as they
 * are, paths made absolute against the config file's directory.
 */
export function ruleSetRef(ref: string, config: LoadedConfig): string {
  if (ref.startsWith(BUILT_IN_PREFIX) || (BUILT_IN_RULE_SET_NAMES as readonly string[]).includes(ref) || isAbsolute(ref)) return ref;
  return resolve(config.dir, ref);
}
