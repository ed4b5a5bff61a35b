import { createLocator, type Locator } from '../core/position.js';
import { findRegisteredTriggers, gate, gatedMatches, type GatedPattern } from './gated-pattern.js';
import { trigger, type Trigger } from './trigger-automaton.js';

/** A line of the text: 0-based offsets, `end` exclusive and before the line break. */
export interface LineRange {
  start: number;
  end: number;
}

/**
 * What every detector may ask about the text being scanned. Analyses shared by several
 * detectors (line index, strikethrough spans) are computed once, on first use.
 */
export interface ScanContext {
  readonly text: string;
  readonly locator: Locator;
  /**
   * The line holding a 0-based offset, clipped to {@link LINE_WINDOW} code units either side of
   * it: detectors judge a marking by its neighbourhood, and the clip keeps scanning linear on
   * megabyte-long OCR lines (each hit would otherwise read its whole line).
   */
  lineAt(offset: number): LineRange;
  /** The text of the line holding `offset`, clipped as by `lineAt`. */
  lineText(offset: number): string;
  /** True when `[start, end)` lies inside markdown strikethrough (`~~…~~`) or a struck-through token. */
  isStruck(start: number, end: number): boolean;
  /** Memoizes an analysis under a key, for detectors that share work. */
  memo<T>(key: string, compute: () => T): T;
  /**
   * The matches of a gated pattern, the same as `text.matchAll(pattern.re)` gives, found from
   * its trigger's positions (all triggers are found in one pass, once per text).
   */
  matches(pattern: GatedPattern): RegExpExecArray[];
  /** Where a registered trigger's literals start, ascending. */
  triggers(t: Trigger): readonly number[];
}

/** Markdown strikethrough as OCR converters emit it: `~~…~~` within one line, at most 200 code units. */
const STRIKE = gate('context/strike', /~~([^~\n]{1,200})~~/g, trigger('~~', ['~~']));

/**
 * How far either side of a position `lineAt` reaches on a long line, in UTF-16 code units.
 * Longer than any line of a real stamp, banner or FRUS paragraph's cue, short enough that a
 * 50 MB single line costs no more per hit than an ordinary one.
 */
export const LINE_WINDOW = 300;

/** Creates the scan context for `text`. */
export function createScanContext(text: string): ScanContext {
  const locator = createLocator(text);
  const memos = new Map<string, unknown>();
  const memo = <T>(key: string, compute: () => T): T => {
    if (!memos.has(key)) memos.set(key, compute());
    return memos.get(key) as T;
  };
  const lineAt = (offset: number): LineRange => {
    const line = locator.lineRange(locator.lineOf(offset));
    if (line.end - line.start <= 2 * LINE_WINDOW) return line;
    return { ...line, start: Math.max(line.start, offset - LINE_WINDOW), end: Math.min(line.end, offset + LINE_WINDOW) };
  };
  const triggers = (t: Trigger): readonly number[] => memo('triggers', () => findRegisteredTriggers(text))(t);
  const matches = (pattern: GatedPattern): RegExpExecArray[] => {
    const at = triggers(pattern.trigger);
    return at.length === 0 ? [] : gatedMatches(text, pattern, at);
  };
  const strikes = (): Array<[number, number]> =>
    memo('strikes', () => {
      const found: Array<[number, number]> = [];
      for (const m of matches(STRIKE)) found.push([m.index, m.index + m[0].length]);
      return found;
    });
  return {
    text,
    locator,
    lineAt,
    lineText(offset) {
      const { start, end } = lineAt(offset);
      return text.slice(start, end);
    },
    isStruck(start, end) {
      // The strike list is computed once; an empty list answers at once.
      const list = strikes();
      if (list.length === 0) return false;
      // Binary search for the last strike starting at or before `start`.
      let lo = 0;
      let hi = list.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if ((list[mid] as [number, number])[0] <= start) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return found >= 0 && end <= (list[found] as [number, number])[1];
    },
    memo,
    matches,
    triggers,
  };
}

/** Words of three or more lower-case letters: the mark of running prose. */
const LOWER_WORD = /\b[a-z]{3,}\b/g;

/** How many lower-case words (three letters or more) a string holds. */
export function countLowerWords(s: string): number {
  let n = 0;
  for (const _ of s.matchAll(LOWER_WORD)) n++;
  return n;
}

/** True when a line reads as running prose rather than a stamp, banner, heading or form line. */
export function isProse(s: string): boolean {
  return countLowerWords(s) >= 4;
}

/** Markup that OCR converters put around markings: headings, emphasis, quotes, table bars, images. */
const MARKUP_ONLY = /^[\s#*_>|`'"‘’“”!\[\]{}~.,:;\-–—]*$/;

/** True when `s` holds nothing but whitespace and converter markup. */
export function isMarkupOnly(s: string): boolean {
  return MARKUP_ONLY.test(s);
}

/**
 * True when `offset` lies in one of `ranges`: `[start, end)` pairs sorted by start and not
 * overlapping (as the matches of one pattern are). A binary search, so a text with many
 * ranges and many questions stays fast.
 */
export function inRanges(ranges: ReadonlyArray<readonly [number, number]>, offset: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((ranges[mid] as readonly [number, number])[0] <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && offset < (ranges[found] as readonly [number, number])[1];
}
