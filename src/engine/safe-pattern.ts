import { RE2JS } from 're2js';

/** A user pattern compiled for the linear-time engine (RE2 semantics, via `re2js`). */
export interface SafePattern {
  /** Every match in `text` as 0-based UTF-16 `[start, end)` pairs, at most `limit`; empty matches are skipped. */
  matches(text: string, limit: number): Array<[number, number]>;
}

/** Why a pattern was refused: `invalid-pattern` (not RE2 syntax), `catastrophic-pattern` (nested unbounded repetition) or `pattern-too-large` (too many RE2 instructions). */
export interface PatternProblem {
  code: 'invalid-pattern' | 'catastrophic-pattern' | 'pattern-too-large';
  message: string;
  hint: string;
}

/**
 * The most characters a pattern may have: patterns are short, and a long one costs time to
 * compile before its size can be checked.
 */
export const MAX_PATTERN_LENGTH = 1000;

/**
 * The most RE2 instructions a pattern may compile to. RE2 runs in time linear in the text, but
 * the factor is the program's size: `[^b]{1,999}` repeated 20 times compiles to 40,000
 * instructions and took 65 s on a 50 KB document. `[A-Z]{2,40}` compiles to about 100.
 */
export const MAX_PROGRAM_SIZE = 1000;

const FLAG_BITS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL };

/**
 * Finds a repeated group that itself holds repetition (`(a+)+`, `(\w*x)*`, `(a|b+){2,}`,
 * `(a{1,3})+`): star height above one. RE2 runs such a pattern in linear time, but a rule file
 * is text people copy into editors and other tools, where it hangs a backtracking engine, so it
 * is refused. Returns the offending group's source, or `undefined`.
 */
export function findNestedRepetition(source: string): string | undefined {
  // Each open group remembers where it starts and whether it holds an unbounded quantifier.
  const stack: Array<{ start: number; unbounded: boolean }> = [];
  let i = 0;
  // A repeating quantifier at j: `*`, `+`, `{n,}` or `{n,m}` with m > 1 (a `?` or `{n}` does not
  // repeat a choice). Returns its length, or 0.
  const repeatAt = (j: number): number => {
    const c = source[j];
    if (c === '*' || c === '+') return 1;
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(j, j + 24));
      if (!m || m[2] === undefined) return 0;
      return m[3] === '' || Number(m[3]) > 1 ? m[0].length : 0;
    }
    return 0;
  };
  const quantifierAt = (j: number): 'unbounded' | undefined => (repeatAt(j) > 0 ? 'unbounded' : undefined);
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') {
      i += 2;
      if (quantifierAt(i) === 'unbounded' && stack.length > 0) (stack[stack.length - 1] as { unbounded: boolean }).unbounded = true;
      continue;
    }
    if (c === '[') {
      // Skip the class: a `]` right after `[` or `[^` is literal.
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      i = j + 1;
      if (quantifierAt(i) === 'unbounded' && stack.length > 0) (stack[stack.length - 1] as { unbounded: boolean }).unbounded = true;
      continue;
    }
    if (c === '(') {
      stack.push({ start: i, unbounded: false });
      i++;
      continue;
    }
    if (c === ')') {
      const group = stack.pop();
      i++;
      const q = quantifierAt(i);
      if (group && q === 'unbounded' && group.unbounded) return source.slice(group.start, i + repeatAt(i));
      const inner = group?.unbounded === true || q === 'unbounded';
      if (inner && stack.length > 0) (stack[stack.length - 1] as { unbounded: boolean }).unbounded = true;
      continue;
    }
    i++;
    if (quantifierAt(i) === 'unbounded' && stack.length > 0) (stack[stack.length - 1] as { unbounded: boolean }).unbounded = true;
  }
  return undefined;
}

const cache = new Map<string, SafePattern | PatternProblem>();

function compileUncached(source: string, flags: string): SafePattern | PatternProblem {
  if (source.length > MAX_PATTERN_LENGTH) {
    return { code: 'pattern-too-large', message: `the pattern is ${source.length} characters long; the limit is ${MAX_PATTERN_LENGTH}`, hint: 'match less at once: several rules with short patterns' };
  }
  const nested = findNestedRepetition(source);
  if (nested !== undefined) {
    return {
      code: 'catastrophic-pattern',
      message: `the pattern repeats a group that itself repeats without bound: ${nested}`,
      hint: 'rewrite it without a quantifier on a group that holds one, e.g. `(?:ab)+` or `a+` instead of `(a+)+`',
    };
  }
  let re: RE2JS;
  try {
    let bits = 0;
    for (const f of flags) bits |= FLAG_BITS[f] ?? 0;
    re = RE2JS.compile(source, bits);
  } catch (error) {
    return {
      code: 'invalid-pattern',
      message: `the pattern is not valid RE2 syntax: ${error instanceof Error ? error.message : String(error)}`,
      hint: 'patterns use RE2 syntax (like Go and ripgrep): no backreferences (\\1) and no look-around ((?=…), (?<=…))',
    };
  }
  const size = re.programSize();
  if (size > MAX_PROGRAM_SIZE) {
    return {
      code: 'pattern-too-large',
      message: `the pattern compiles to ${size} RE2 instructions; the limit is ${MAX_PROGRAM_SIZE} (matching time grows with both the text and the program)`,
      hint: 'use smaller repetition counts: `[^b]{1,999}` alone is 2,000 instructions; `[^b]*` or `.{1,50}` are a few',
    };
  }
  return {
    matches(text, limit) {
      const out: Array<[number, number]> = [];
      const m = re.matcher(text);
      while (out.length < limit && m.find()) {
        if (m.end() > m.start()) out.push([m.start(), m.end()]);
      }
      return out;
    },
  };
}

/**
 * Compiles a user pattern with the linear-time RE2 engine, or says why it cannot: RE2 has no
 * backreferences or look-around, and nested unbounded repetition is refused (see
 * {@link findNestedRepetition}), as is a pattern longer than {@link MAX_PATTERN_LENGTH} or one
 * compiling to more than {@link MAX_PROGRAM_SIZE} instructions. `flags` may hold `i` (ignore case), `m` (`^`/`$` at line
 * breaks) and `s` (`.` matches line breaks). Compiled patterns are cached by source and flags.
 */
export function compileSafePattern(source: string, flags = ''): SafePattern | PatternProblem {
  const cacheKey = `${flags}/${source}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const result = compileUncached(source, flags);
  if (cache.size > 1000) cache.clear();
  cache.set(cacheKey, result);
  return result;
}
