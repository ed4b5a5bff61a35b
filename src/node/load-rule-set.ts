/**
 * Loading rule-set files from disk. Rule files are untrusted (shared, downloaded): the file the
 * user names is read up to a size limit; every file it `extends` must be a regular file inside
 * the named file's directory tree (or a directory the user allows), is read once however often
 * it is named, and is never quoted back when it is not a rule set.
 */
import { realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { TextDecoder } from 'node:util';
import type { CheckKind } from '../engine/check-kind.js';
import { patternCheck } from '../engine/checks/pattern.js';
import { parseRuleSet, suggest, type ParseRuleSetResult } from '../rules/parse-rule-set.js';
import { BUILT_IN_PREFIX, BUILT_IN_RULE_SET_NAMES, parseBuiltInRuleSet, resolveRuleSet, type ExtendsRefusal, type ResolveRuleSetResult } from '../rules/resolve-rule-set.js';
import type { RuleSetIssue } from '../rules/rule-set-issue.js';
import { formatBytes, readFileBytesSync } from './read-file-bytes.js';

/** The largest rule-set file read, in bytes, checked before reading. */
export const MAX_RULE_SET_BYTES = 1_000_000;

/** The check kinds Node code runs: `patternCheck` (a separate entry in the browser-safe core), then `custom`, which may replace it. */
export function withPatternCheck(custom: readonly CheckKind[] = []): readonly CheckKind[] {
  return custom.length === 0 ? NODE_CHECKS : [patternCheck as unknown as CheckKind, ...custom];
}

/** `patternCheck` alone, one array so that {@link getBuiltInRuleSet}'s cache is shared. */
const NODE_CHECKS: readonly CheckKind[] = [patternCheck as unknown as CheckKind];

/** Options of {@link loadRuleSet}. */
export interface LoadRuleSetOptions {
  /** Custom check kinds, besides the built-in ones and `pattern` (which this loader always adds). */
  checks?: readonly CheckKind[];
  /**
   * Directories whose files `extends` may name, besides the directory tree of the rule set
   * loaded (default: none). Paths are compared after links are resolved. The CLI's
   * `--allow-extends <dir>` fills it.
   */
  allowExtends?: readonly string[];
}

type Refusal = ExtendsRefusal['refused'];

const LIMIT_LABEL = `${formatBytes(MAX_RULE_SET_BYTES)} bytes`;

/** Reads a rule-set file as text, or says why not; `named` is the file the user gave (pipes and FIFOs allowed). */
function readRuleSetText(path: string, named: boolean): { ok: true; text: string } | { ok: false; refused: Refusal; missing: boolean } {
  const read = readFileBytesSync(path, { maxBytes: MAX_RULE_SET_BYTES, allowSpecial: named, limitLabel: LIMIT_LABEL });
  if (!read.ok) {
    const missing = read.code === 'not-found';
    if (read.code === 'too-large') return { ok: false, missing, refused: { code: 'too-large', message: `the rule set is too large: ${read.reason}`, hint: 'split it into files joined with `extends`' } };
    return { ok: false, missing, refused: { code: 'extends-not-found', message: `cannot read the rule set "${path}": ${read.reason}`, hint: null } };
  }
  const bytes = read.bytes[0] === 0xef && read.bytes[1] === 0xbb && read.bytes[2] === 0xbf ? read.bytes.subarray(3) : read.bytes;
  const notText: Refusal = { code: 'not-a-rule-set', message: `"${path}" is not a rule set: it is not UTF-8 text`, hint: 'check the path' };
  if (bytes.includes(0)) return { ok: false, missing: false, refused: notText };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, missing: false, refused: notText };
  }
}

/** The real path of a file or directory, or its absolute path when it has none (missing, or a pipe). */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Whether `path` is `dir` or lies under it. */
function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function issueAt1(source: string, refused: Refusal): RuleSetIssue {
  return { ...refused, source, path: [], line: 1, column: 1 };
}

/**
 * Loads a rule set: a built-in by name (`recommended` or `redaction-audit:recommended`) or a
 * YAML file by path, follows its `extends` (paths relative to the file that names them) and
 * compiles it. Never throws on bad files: a missing file, bad YAML, unknown keys, cycles and
 * the like come back as issues with file, line and column.
 *
 * The file named is read at most {@link MAX_RULE_SET_BYTES} (it may be a pipe:
 * `--rules /dev/stdin`). Files reached through `extends` must be regular files under the
 * named file's directory (after links are resolved) or under `options.allowExtends`; each is
 * read and merged once, however many times it is named; a file that is not a rule set is
 * reported without quoting it.
 *
 * @example
 * const loaded = loadRuleSet('rules/agency.yaml');
 * if (!loaded.ok) for (const i of loaded.issues) console.error(formatRuleSetIssue(i));
 * else analyze(text, { ruleSets: [loaded.ruleSet] });
 */
export function loadRuleSet(pathOrName: string, options: LoadRuleSetOptions = {}): ResolveRuleSetResult {
  const checks = withPatternCheck(options.checks);
  const withChecks = { checks };
  const bare = pathOrName.startsWith(BUILT_IN_PREFIX) ? pathOrName.slice(BUILT_IN_PREFIX.length) : pathOrName;
  const looksLikeName = pathOrName.startsWith(BUILT_IN_PREFIX) || !/[\\/.]/.test(pathOrName);
  if (BUILT_IN_RULE_SET_NAMES.includes(bare) && looksLikeName) {
    const parsed = parseBuiltInRuleSet(bare, checks) as ParseRuleSetResult;
    return parsed.ok ? resolveRuleSet(parsed.ruleSet, withChecks) : parsed;
  }
  const named = readRuleSetText(pathOrName, true);
  if (!named.ok) {
    const near = looksLikeName ? suggest(bare, BUILT_IN_RULE_SET_NAMES) : undefined;
    const hint = near ? `did you mean "${near}"? built-in rule sets: ${BUILT_IN_RULE_SET_NAMES.join(', ')}` : `give a path to a YAML file, or a built-in name: ${BUILT_IN_RULE_SET_NAMES.join(', ')}`;
    return { ok: false, issues: [issueAt1(pathOrName, { ...named.refused, hint: named.refused.hint ?? hint })] };
  }
  const parsed = parseRuleSet(named.text, { source: pathOrName, ...withChecks });
  if (!parsed.ok) return parsed;

  // Where relative `extends` paths start, per file: beside the file, or for a pipe
  // (--rules /dev/stdin) in the working directory. The roots are that directory and the real
  // directory of the file, if it is a link.
  const given = resolve(pathOrName);
  let regular = false;
  try {
    regular = statSync(given).isFile();
  } catch {
    // It was just read; a pipe that has gone is not a regular file.
  }
  const base = regular ? dirname(given) : process.cwd();
  const baseOf = new Map<string, string>([[pathOrName, base]]);
  const roots = [realPath(base), ...(regular ? [dirname(realPath(given))] : []), ...(options.allowExtends ?? []).map(realPath)];
  const byRealPath = new Map<string, ParseRuleSetResult | ExtendsRefusal>();
  return resolveRuleSet(parsed.ruleSet, {
    ...withChecks,
    load: (ref, from) => {
      const target = resolve(from.startsWith(BUILT_IN_PREFIX) ? process.cwd() : (baseOf.get(from) ?? dirname(resolve(from))), ref);
      const real = realPath(target);
      const cached = byRealPath.get(real);
      if (cached) return cached;
      let result: ParseRuleSetResult | ExtendsRefusal | undefined;
      if (!roots.some((root) => isInside(real, root))) {
        result = {
          ok: false,
          refused: {
            code: 'extends-outside-root',
            message: `"${ref}" is outside the directory of the rule set given (${roots[0]})`,
            hint: 'a rule set may extend only files under its own directory; allow another directory with --allow-extends <dir> (the allowExtends option of loadRuleSet)',
          },
        };
      } else {
        const read = readRuleSetText(real, false);
        // A missing file gets resolveRuleSet's own "cannot find" issue.
        if (!read.ok && read.missing) return undefined;
        baseOf.set(target, dirname(target));
        result = read.ok ? parseRuleSet(read.text, { source: target, ...withChecks }) : { ok: false, refused: read.refused };
      }
      byRealPath.set(real, result);
      return result;
    },
  });
}
