/**
 * Finds the triggers of every gated pattern in one pass over the text: an Aho–Corasick automaton
 * over all their literals. One pass replaces one regular-expression search per pattern, which
 * is what bounds a many-pattern scanner in JavaScript.
 */

/** A set of literals whose occurrences mark where a pattern's matches may be. */
export interface Trigger {
  /** A name for messages and tests. */
  readonly name: string;
  readonly literals: readonly string[];
  /** When false, ASCII letters match in either case. */
  readonly caseSensitive: boolean;
}

/** Makes a trigger from literals (duplicates dropped; none may be empty). */
export function trigger(name: string, literals: readonly string[], caseSensitive = true): Trigger {
  if (literals.length === 0 || literals.some((l) => l === '')) throw new TypeError(`trigger ${name}: literals must be non-empty strings`);
  return { name, literals: [...new Set(literals)], caseSensitive };
}

/**
 * Every string a small pattern stands for: each part is a list of alternatives (a string is one
 * alternative; an array lists several), e.g. `expand(['O', '0', 'Q'], ['', ' '], ['A', '4'])`.
 */
export function expand(...parts: ReadonlyArray<string | readonly string[]>): string[] {
  let out = [''];
  for (const part of parts) {
    const options = typeof part === 'string' ? [part] : part;
    const next: string[] = [];
    for (const prefix of out) for (const o of options) next.push(prefix + o);
    out = next;
  }
  return out;
}

/** The characters JavaScript's `\s` matches. */
export const SPACE_CHARS: readonly string[] = [
  ' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007',
  '\u2008', '\u2009', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff',
];

/** The ten digits. */
export const DIGITS: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** Block characters that stand for blacked-out text. */
export const BLOCK_CHARS: readonly string[] = ['█', '■', '▇', '▆', '▉', '▊', '▋', '▌', '▍', '▎', '▏', '▓'];

/**
 * The automaton reads some characters as one: every digit as `0`, every `\s` character as a
 * space, every block character as `█`. A trigger is only a superset of where matches may be
 * (the pattern itself decides), so this loses nothing and keeps the automaton small: the 300
 * "digit, separator, digit" literals of dates become three.
 */
const CANONICAL = new Map<number, number>([
  ...DIGITS.map((d) => [d.charCodeAt(0), 48] as [number, number]),
  ...SPACE_CHARS.map((c) => [c.charCodeAt(0), 32] as [number, number]),
  ...BLOCK_CHARS.map((c) => [c.charCodeAt(0), 0x2588] as [number, number]),
]);
const canonical = (c: number): number => CANONICAL.get(c) ?? c;

/** How many leading characters of a case-insensitive literal are kept, in every mix of cases. */
const CASELESS_PREFIX = 5;

/**
 * The literals the automaton looks for: a case-insensitive literal becomes every mix of cases
 * of its first few characters (a prefix occurs wherever the literal does), so the automaton
 * itself never folds case and a lower-case "di" is not reported for "DI".
 */
function caseVariants(literal: string): string[] {
  let out = [''];
  for (const ch of literal.slice(0, CASELESS_PREFIX)) {
    const forms = /[A-Za-z]/.test(ch) ? [ch.toLowerCase(), ch.toUpperCase()] : [ch];
    out = out.flatMap((prefix) => forms.map((f) => prefix + f));
  }
  return out;
}

interface Compiled {
  /** The triggers, in the order their positions are returned. */
  triggers: readonly Trigger[];
  /** Character class of each UTF-16 code unit; 0 for a code unit in no literal. */
  classOf: Uint8Array;
  classes: number;
  /**
   * Next state for (state row, class): a state is the offset of its row; a state where
   * literals end is stored as `-(offset + 1)`, so one load says both where to go and whether
   * anything was found.
   */
  next: Int32Array;
  /** For each state (row offset ÷ classes): the literals that end there, as pairs (trigger index, literal length). */
  outputs: ReadonlyArray<Int32Array>;
}

/** Builds the automaton for a list of triggers. */
export function compileTriggers(triggers: readonly Trigger[]): Compiled {
  const literals: Array<{ text: string; trigger: number }> = [];
  triggers.forEach((t, i) => {
    // Literals that read the same to the automaton are one.
    const seen = new Set<string>();
    for (const text of t.caseSensitive ? t.literals : t.literals.flatMap(caseVariants)) {
      const form = [...text].map((ch) => String.fromCharCode(canonical(ch.charCodeAt(0)))).join('');
      if (seen.has(form)) continue;
      seen.add(form);
      literals.push({ text, trigger: i });
    }
  });
  // Classes: one per distinct canonical code unit of any literal.
  const classOf = new Uint8Array(65536);
  let classes = 1;
  for (const { text } of literals) {
    for (let k = 0; k < text.length; k++) {
      const c = canonical(text.charCodeAt(k));
      if (classOf[c] === 0) {
        if (classes === 255) throw new RangeError('compileTriggers: more than 254 distinct characters');
        classOf[c] = classes++;
      }
    }
  }
  for (const [c, to] of CANONICAL) classOf[c] = classOf[to] as number;

  // The trie, as rows of `classes` cells (-1: no edge yet).
  const rows: Int32Array[] = [new Int32Array(classes).fill(-1)];
  const outputs: Array<number[] | undefined> = [undefined];
  literals.forEach(({ text }, index) => {
    let s = 0;
    for (let k = 0; k < text.length; k++) {
      const cls = classOf[canonical(text.charCodeAt(k))] as number;
      let to = (rows[s] as Int32Array)[cls] as number;
      if (to === -1) {
        to = rows.length;
        rows.push(new Int32Array(classes).fill(-1));
        outputs.push(undefined);
        (rows[s] as Int32Array)[cls] = to;
      }
      s = to;
    }
    (outputs[s] ??= []).push(index);
  });
  // Failure links, breadth first, completing every row into a full transition table.
  const failure = new Int32Array(rows.length);
  const queue: number[] = [];
  const root = rows[0] as Int32Array;
  for (let cls = 0; cls < classes; cls++) {
    const to = root[cls] as number;
    if (to === -1) root[cls] = 0;
    else {
      failure[to] = 0;
      queue.push(to);
    }
  }
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q] as number;
    const row = rows[s] as Int32Array;
    const fail = failure[s] as number;
    const fo = outputs[fail];
    if (fo) outputs[s] = [...(outputs[s] ?? []), ...fo];
    for (let cls = 0; cls < classes; cls++) {
      const to = row[cls] as number;
      const viaFail = (rows[fail] as Int32Array)[cls] as number;
      if (to === -1) row[cls] = viaFail;
      else {
        failure[to] = viaFail;
        queue.push(to);
      }
    }
  }
  // One flat table; a state is its row's offset, so a step is one load and one add.
  const next = new Int32Array(rows.length * classes);
  rows.forEach((row, s) => {
    for (let cls = 0; cls < classes; cls++) next[s * classes + cls] = (row[cls] as number) * classes;
  });
  for (let k = 0; k < next.length; k++) {
    const to = next[k] as number;
    if (outputs[to / classes]) next[k] = -to - 1;
  }
  const pairs = outputs.map((o) => Int32Array.from((o ?? []).flatMap((index) => [(literals[index] as (typeof literals)[number]).trigger, (literals[index] as (typeof literals)[number]).text.length])));
  return { triggers, classOf, classes, next, outputs: pairs };
}

/**
 * The positions where each trigger's literals start in `text`, one ascending array per trigger
 * (in the order of `compiled.triggers`), overlapping occurrences included.
 */
export function findAllTriggers(text: string, compiled: Compiled): number[][] {
  const { classOf, classes, next, outputs } = compiled;
  const found: number[][] = compiled.triggers.map(() => []);
  const sorted: boolean[] = compiled.triggers.map(() => true);
  let s = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const v = next[s + (classOf[text.charCodeAt(i)] as number)] as number;
    if (v >= 0) {
      s = v;
      continue;
    }
    s = -v - 1;
    const out = outputs[s / classes] as Int32Array;
    for (let k = 0; k < out.length; k += 2) {
      const t = out[k] as number;
      const start = i - (out[k + 1] as number) + 1;
      const list = found[t] as number[];
      const last = list.length > 0 ? (list[list.length - 1] as number) : -1;
      if (start === last) continue;
      if (start < last) sorted[t] = false;
      list.push(start);
    }
  }
  // A longer literal found after a shorter one may start before it.
  found.forEach((list, t) => {
    if (!sorted[t]) {
      list.sort((a, b) => a - b);
      let w = 0;
      for (let r = 0; r < list.length; r++) if (r === 0 || list[r] !== list[r - 1]) list[w++] = list[r] as number;
      list.length = w;
    }
  });
  return found;
}
