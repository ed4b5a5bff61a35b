/**
 * A detector's regular expression paired with a cheap *trigger*: something every match must
 * contain, found with one fast pass (`indexOf` for a literal, or a selective expression). Only
 * the positions just before a trigger are tried, each with a sticky copy of the pattern, so a
 * pattern whose own search is slow (an optional prefix, a look-behind, a large alternation)
 * costs little more than the trigger's pass.
 *
 * The matches are exactly those of `text.matchAll(re)`, provided the trigger contract holds:
 * for every match `[s, e)` there is a position `t` with `s ≤ t < e` where the trigger matches,
 * and either `t - s ≤ back` (a number) or every code unit of `text[s, t)` satisfies `back`
 * (a predicate). Each pattern's contract is checked against `matchAll` on the development
 * corpus and on random text in `test/scan/gated-pattern.test.ts`.
 */
export interface GatedPattern {
  /** A name for messages and tests, e.g. `declass/IMPDET`. */
  readonly name: string;
  /** The pattern, with the `g` flag: the reference for what matches. */
  readonly re: RegExp;
  /** What every match contains: a literal, or an expression with the `g` flag. */
  readonly trigger: string | RegExp;
  /**
   * How far before the trigger a match may start: at most this many UTF-16 code units, or
   * across any code units that satisfy this predicate.
   */
  readonly back: number | ((code: number) => boolean);
  /** Trigger positions are computed once per text and shared by patterns with the same key. */
  readonly triggerKey: string;
  /** A sticky copy of `re`, to try one position. */
  readonly sticky: RegExp;
}

const registry: GatedPattern[] = [];

/** Every gated pattern made so far (each detector module makes its own when loaded); for tests. */
export function gatedPatterns(): readonly GatedPattern[] {
  return registry;
}

/** Pairs a global pattern with its trigger; see {@link GatedPattern} for the contract. */
export function gate(name: string, re: RegExp, trigger: string | RegExp, back: number | ((code: number) => boolean) = 0): GatedPattern {
  if (!re.global || re.sticky) throw new TypeError(`gate: ${re} must have the g flag and not the y flag`);
  if (typeof trigger !== 'string' && (!trigger.global || trigger.sticky)) throw new TypeError(`gate: trigger ${trigger} must have the g flag`);
  if (trigger === '') throw new TypeError('gate: the trigger must not be empty');
  const triggerKey = typeof trigger === 'string' ? `s:${trigger}` : `r:${trigger.source}/${trigger.flags}`;
  const pattern = { name, re, trigger, back, triggerKey, sticky: new RegExp(re.source, `${re.flags.replace('g', '')}y`) };
  registry.push(pattern);
  return pattern;
}

/** Every position where the trigger matches, ascending (overlapping occurrences included). */
export function findTriggers(text: string, trigger: string | RegExp): number[] {
  const found: number[] = [];
  if (typeof trigger === 'string') {
    for (let i = text.indexOf(trigger); i !== -1; i = text.indexOf(trigger, i + 1)) found.push(i);
    return found;
  }
  trigger.lastIndex = 0;
  for (let m = trigger.exec(text); m !== null; m = trigger.exec(text)) {
    found.push(m.index);
    trigger.lastIndex = m.index + 1;
  }
  return found;
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

/** True for the code units JavaScript's `\s` matches. */
export function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
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
