import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Pair, type YAMLMap } from 'yaml';
import type { RuleSetIssue } from './rule-set-issue.js';

/** A YAML path: keys and sequence indexes. */
export type YamlPath = ReadonlyArray<string | number>;

/** Finds the 1-based line and column of a YAML path (the key itself with `atKey`); the nearest existing node when the path is missing. */
export type Locate = (path: YamlPath, atKey?: boolean) => { line: number; column: number };

/** Options of {@link readYamlData}. */
export interface ReadYamlDataOptions {
  /** The file's path or label, used in issues. */
  source: string;
  /** Refuse texts longer than this many UTF-16 code units. */
  maxLength: number;
  /** What the file is, in messages: `rule set`, `config file`. */
  kind: string;
}

/** What {@link readYamlData} returns: the data (`{}` for an empty file) and its position finder, or the issues. */
export type ReadYamlDataResult = { ok: true; data: unknown; locate: Locate } | { ok: false; issues: RuleSetIssue[] };

const MAX_DEPTH = 64;
const MAX_ALIASES = 100;

/**
 * The most YAML nodes (scalars, mappings, lists, aliases) a rule-set (or config) file may hold: about 40
 * times the built-in `recommended` set (1,269). Counted before anything is converted, so a
 * file of 140,000 keys is refused at once instead of being checked key by key.
 */
export const MAX_YAML_NODES = 50_000;

/** YAML syntax errors reported per file; a file of garbage would give thousands. */
const MAX_SYNTAX_ISSUES = 20;

/** The tags a rule set may use: the plain scalars, mappings and lists of YAML 1.2. */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

function depthOf(value: unknown, limit: number): number {
  // Iterative, so hostile nesting cannot overflow the stack.
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/**
 * Builds the position finder of one parsed YAML document. Each mapping's keys are indexed on
 * first use, so locating an issue costs a lookup per path segment and a binary search in the
 * line counter, however many keys and issues the file has.
 */
export function createLocate(doc: Document, counter: LineCounter): (path: YamlPath, atKey?: boolean) => { line: number; column: number } {
  const indexes = new WeakMap<YAMLMap, Map<unknown, Pair>>();
  const pairOf = (map: YAMLMap, key: string | number): Pair | undefined => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const p of map.items) {
        const k = isScalar(p.key) ? p.key.value : p.key;
        if (!index.has(k)) index.set(k, p);
      }
      indexes.set(map, index);
    }
    return index.get(key);
  };
  return (path, atKey = false) => {
    let node: unknown = doc.contents;
    let offset = 0;
    const rangeStart = (n: unknown): number | undefined => (n as { range?: [number, number, number] } | null)?.range?.[0];
    offset = rangeStart(node) ?? 0;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i] as string | number;
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = pairOf(node, segment);
        if (!pair) break;
        if (last && atKey) {
          offset = rangeStart(pair.key) ?? offset;
          break;
        }
        node = pair.value;
        offset = rangeStart(node) ?? rangeStart(pair.key) ?? offset;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (item === undefined) break;
        node = item;
        offset = rangeStart(node) ?? offset;
      } else break;
    }
    const { line, col } = counter.linePos(offset);
    return { line, column: col };
  };
}

/** Shortens a piece of the file quoted in an issue. */
export function quote(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Checks the YAML tree before anything is converted, in one pass: at most
 * {@link MAX_YAML_NODES} nodes; plain tags only (`!!omap`, `!!set`, `!!binary` and custom
 * tags are refused, not silently turned into maps, sets or bytes); mapping keys that are plain
 * scalars, each once per mapping (checked here in linear time: yaml's own check compares every
 * pair of keys); no `__proto__` key anywhere.
 */
function structureIssues(doc: Document, counter: LineCounter, source: string, kind: string): RuleSetIssue[] {
  const issues: RuleSetIssue[] = [];
  const at = (node: unknown): { line: number; column: number } => {
    const { line, col } = counter.linePos((node as { range?: [number, number, number] } | null)?.range?.[0] ?? 0);
    return { line, column: col };
  };
  const stack: unknown[] = doc.contents === null ? [] : [doc.contents];
  let nodes = 0;
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || node === undefined) continue;
    nodes += 1;
    if (nodes > MAX_YAML_NODES) {
      return [{ code: 'too-large', message: `the file holds more than ${MAX_YAML_NODES.toLocaleString('en-US')} YAML nodes`, hint: kind === 'rule set' ? 'a rule set of 40 rules holds about 1,300; split a larger one into files joined with `extends`' : `a ${kind} holds a few dozen`, source, path: [], line: 1, column: 1 }];
    }
    const tag = (node as { tag?: string }).tag;
    if (tag !== undefined && !PLAIN_TAGS.has(tag)) {
      const shown = quote(tag.replace(/^tag:yaml\.org,2002:/, '!!'));
      issues.push({ code: 'unsupported-tag', message: `the tag ${shown} is not supported in a ${kind}`, hint: `remove the tag: a ${kind} is made of plain strings, numbers, booleans, mappings and lists`, source, path: [], ...at(node) });
    }
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) {
          issues.push({ code: 'invalid-value', message: 'a mapping key must be a plain string', hint: 'write `key: value`', source, path: [], ...at(pair.key ?? pair.value ?? node) });
        } else {
          const key = String(pair.key.value);
          if (key === '__proto__') {
            issues.push({ code: 'forbidden-key', message: 'the key "__proto__" is not allowed', hint: 'remove it: tools that read the file into objects would change the prototype of every object', source, path: [], ...at(pair.key) });
          } else if (seen.has(key)) {
            issues.push({ code: 'duplicate-key', message: `the key "${quote(key)}" appears twice in one mapping`, hint: 'each key may appear once in a mapping; merge the two entries', source, path: [], ...at(pair.key) });
          }
          seen.add(key);
        }
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isPair(node)) {
      stack.push(node.key, node.value);
    } else if (!isScalar(node) && !isAlias(node)) {
      continue;
    }
  }
  return issues.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * Reads an untrusted YAML file into plain data, with the limits rule files have (length, YAML
 * nodes, plain tags only, unique plain keys, no `__proto__`, alias expansion, nesting) and
 * every problem as an issue located in the file. Rule sets and config files both come through
 * here; each then checks its data against its own strict schema.
 */
export function readYamlData(text: string, options: ReadYamlDataOptions): ReadYamlDataResult {
  const { source, maxLength, kind } = options;
  const at1 = { line: 1, column: 1 };
  if (typeof text !== 'string') return { ok: false, issues: [{ code: 'invalid-value', message: `the ${kind} is not text`, hint: null, source, path: [], ...at1 }] };
  if (text.length > maxLength) {
    return { ok: false, issues: [{ code: 'too-large', message: `the ${kind} is ${text.length} characters long; the limit is ${maxLength}`, hint: kind === 'rule set' ? 'split it into files joined with `extends`' : null, source, path: [], ...at1 }] };
  }
  const counter = new LineCounter();
  let doc: Document;
  try {
    // Keys are checked once each in structureIssues (yaml's uniqueKeys compares every pair), and
    // YAML 1.1 tags (!!binary, !!omap, !!set …) stay unresolved, so they can be refused.
    doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false, prettyErrors: false, resolveKnownTags: false });
  } catch (error) {
    return { ok: false, issues: [{ code: 'too-deep', message: `the YAML cannot be parsed: ${error instanceof Error ? error.message : String(error)}`, hint: 'nest less deeply', source, path: [], ...at1 }] };
  }
  if (doc.errors.length > 0) {
    const shown = doc.errors.slice(0, MAX_SYNTAX_ISSUES);
    const more = doc.errors.length - shown.length;
    return {
      ok: false,
      issues: shown.map((e, i) => {
        const pos = counter.linePos(e.pos[0]);
        return {
          code: e.code === 'DUPLICATE_KEY' ? ('duplicate-key' as const) : ('yaml-syntax' as const),
          message: `${e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? e.message}${i === shown.length - 1 && more > 0 ? ` (and ${more} more YAML errors)` : ''}`,
          hint: e.code === 'DUPLICATE_KEY' ? 'each key may appear once in a mapping; merge the two entries' : 'check indentation, quotes and closing brackets',
          source,
          path: [],
          line: pos.line,
          column: pos.col,
        };
      }),
    };
  }
  const structural = structureIssues(doc, counter, source, kind);
  if (structural.length > 0) return { ok: false, issues: structural };
  const locate = createLocate(doc, counter);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const alias = error instanceof ReferenceError;
    return {
      ok: false,
      issues: [{
        code: alias ? 'alias-limit' : 'too-deep',
        message: alias ? 'the file expands too many aliases (a "billion laughs" file)' : `the YAML cannot be converted: ${error instanceof Error ? error.message : String(error)}`,
        hint: alias ? `use fewer than ${MAX_ALIASES} alias references` : 'nest less deeply',
        source, path: [], ...at1,
      }],
    };
  }
  if (depthOf(data, MAX_DEPTH) > MAX_DEPTH) {
    return { ok: false, issues: [{ code: 'too-deep', message: `the file nests deeper than ${MAX_DEPTH} levels`, hint: `a ${kind} needs at most about 8 levels`, source, path: [], ...at1 }] };
  }
  return { ok: true, data: data ?? {}, locate };
}
