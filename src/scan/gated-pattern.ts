import { compileTriggers, findAllTriggers, SPACE_CHARS, type Trigger } from './trigger-automaton.js';

/**
 * A detector's regular expression paired with a cheap *trigger*: literals every match must
 * contain, found for all patterns at once in one pass (see `trigger-automaton.ts`). Only the
 * positions just before a trigger are tried, each with a sticky copy of the pattern, so a
 * pattern whose own search is slow (an optional prefix, a look-behind, a large alternation)
 * costs little more than its share of that pass.
 *
 * The matches are exactly those of `text.matchAll(re)`, provided the trigger contract holds:
 * for every match `[s, e)` there is a position `t` with `s ≤ t < e` where one of the trigger's
 * literals starts, and either `t - s ≤ back` (a number) or every code unit of `text[s, t)`
 * satisfies `back` (a predicate). Each pattern's contract is checked against `matchAll` on the
 * development and benchmark corpora and on random text in `test/scan/gated-pattern.test.ts`.
 */
export interface GatedPattern {
  /** A name for messages and tests, e.g. `declass/IMPDET`. */
  readonly name: string;
  /** The pattern, with the `g` flag: the reference for what matches. */
  readonly re: RegExp;
  /** What every match contains. */
  readonly trigger: Trigger;
  /**
   * How far before the trigger a match may start: at most this many UTF-16 code units, or
   * across any code units that satisfy this predicate.
   */
  readonly back: number | ((code: number) => boolean);
  /** A sticky copy of `re`, to try one position. */
  readonly sticky: RegExp;
}

const patterns: GatedPattern[] = [];
const triggers: Trigger[] = [];
let compiled: { count: number; automaton: ReturnType<typeof compileTriggers>; index: Map<Trigger, number> } | undefined;

/** Every gated pattern made so far (each detector module makes its own when loaded); for tests. */
export function gatedPatterns(): readonly GatedPattern[] {
  return patterns;
}

/** Registers a trigger for the one-pass search (done by {@link gate}; for triggers used on their own). */
export function registerTrigger(t: Trigger): Trigger {
  if (!triggers.includes(t)) triggers.push(t);
  return t;
}

/** The automaton over every registered trigger, rebuilt when triggers were added since. */
function automaton(): NonNullable<typeof compiled> {
  if (!compiled || compiled.count !== triggers.length) {
    compiled = { count: triggers.length, automaton: compileTriggers(triggers), index: new Map(triggers.map((t, i) => [t, i])) };
  }
  return compiled;
}

/**
 * Finds where every registered trigger occurs in `text`, in one pass; returns a lookup from a
 * trigger to its ascending start positions.
 */
export function findRegisteredTriggers(text: string): (t: Trigger) => readonly number[] {
  const { automaton: a, index } = automaton();
  const found = findAllTriggers(text, a);
  return (t) => {
    const i = index.get(t);
    if (i === undefined) throw new Error(`trigger ${t.name} is not registered`);
    return found[i] as number[];
  };
}

/** Where one trigger occurs in `text`, ascending (overlapping occurrences included). */
export function findTriggers(text: string, t: Trigger): number[] {
  return findAllTriggers(text, compileTriggers([t]))[0] as number[];
}

/** Pairs a global pattern with its trigger; see {@link GatedPattern} for the contract. */
export function gate(name: string, re: RegExp, t: Trigger, back: number | ((code: number) => boolean) = 0): GatedPattern {
  if (!re.global || re.sticky) throw new TypeError(`gate: ${re} must have the g flag and not the y flag`);
  registerTrigger(t);
  const pattern = { name, re, trigger: t, back, sticky: new RegExp(re.source, `${re.flags.replace('g', '')}y`) };
  patterns.push(pattern);
  return pattern;
}

/**
 * The matches of `pattern.re` in `text`, in order, found from the trigger positions: the same
 * array `[...text.matchAll(pattern.re)]` gives when the trigger contract holds.
 */
export function gatedMatches(text: string, pattern: GatedPattern, triggers: readonly number[]): RegExpExecArray[] {
  const { sticky, back } = pattern;
  const out: RegExpExecArray[] = [];
  // `pos`: no match may start before it (the last match ended there). `tried`: every position
  // below it has been tried already and matched nothing new.
  let pos = 0;
  let tried = 0;
  for (const t of triggers) {
    if (t < pos) continue;
    let from: number;
    if (typeof back === 'number') from = t - back;
    else {
      const floor = Math.max(pos, tried);
      from = t;
      while (from > floor && back(text.charCodeAt(from - 1))) from--;
    }
    for (let s = Math.max(from, pos, tried); s <= t; ) {
      sticky.lastIndex = s;
      const m = sticky.exec(text);
      if (m === null) {
        s++;
        continue;
      }
      out.push(m);
      const end = s + m[0].length;
      // An empty match moves on by one code unit, as matchAll does.
      pos = end > s ? end : s + 1;
      s = pos;
    }
    tried = Math.max(tried, t + 1);
  }
  return out;
}

const SPACE_CODES = new Set(SPACE_CHARS.map((ch) => ch.charCodeAt(0)));

/** True for the code units JavaScript's `\s` matches. */
export function isSpace(c: number): boolean {
  return SPACE_CODES.has(c);
}

/** True for an ASCII letter. */
export function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** True for an ASCII digit. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** True for the code units JavaScript's `\w` matches. */
export function isWordChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 95;
}

/** A predicate for `back` that accepts the given characters and any character the other predicates accept. */
export function anyOf(chars: string, ...also: Array<(c: number) => boolean>): (c: number) => boolean {
  const set = new Set([...chars].map((ch) => ch.charCodeAt(0)));
  return (c) => set.has(c) || also.some((f) => f(c));
}
