import { getCatalog } from '../catalog/catalog.js';
import type { Family } from '../core/vocabulary.js';
import { registerTrigger } from './gated-pattern.js';
import { lineShapeAt } from './line-shape.js';
import { ocrDistance } from './ocr.js';
import type { ScanContext } from './scan-context.js';
import { trigger } from './trigger-automaton.js';
import { lettersOf } from './vocabulary.js';

/** A notice's wording from the catalog (`phrases`), as words of upper-case letters. */
export interface Phrase {
  family: Family;
  code: string;
  /** The wording as the catalog writes it. */
  phrase: string;
  words: readonly string[];
  /** How many of its words have five letters or more. */
  longWords: number;
}

/** A line read as a notice: 0-based UTF-16 offsets, `end` exclusive. */
export interface PhraseMatch {
  phrase: Phrase;
  start: number;
  end: number;
  /** How many of the phrase's words were read, in order. */
  matched: number;
  /** How many of them were read exactly (case aside). */
  exact: number;
}

let phrases: readonly Phrase[] | undefined;

/** Every `phrases` wording of the catalog, built once. */
export function getPhrases(): readonly Phrase[] {
  if (phrases) return phrases;
  const out: Phrase[] = [];
  const catalog = getCatalog();
  for (const family of ['stamp'] as const) {
    for (const [code, entry] of catalog.codes(family)) {
      for (const phrase of entry.phrases ?? []) {
        const words = phrase.split(/\s+/).map(lettersOf).filter((w) => w !== '');
        out.push({ family, code, phrase, words, longWords: words.filter((w) => w.length >= 5).length });
      }
    }
  }
  phrases = out;
  return out;
}

/** Words of five letters or more: where a notice may be (a line needs two words of one phrase to be read). */
const PHRASE_TRIGGER = registerTrigger(
  trigger(
    'notice phrase word',
    getPhrases().flatMap((p) => p.words.filter((w) => w.length >= 5).map((w) => w.slice(0, 5))),
    false,
  ),
);

/**
 * The edit bound of a word in half edits ({@link ocrDistance}): one OCR confusion for words of
 * three letters or fewer, one edit for four or five, two for six to eight, three beyond.
 */
function phraseBudget(length: number): number {
  if (length <= 3) return 1;
  if (length <= 5) return 2;
  if (length <= 8) return 4;
  return 6;
}

/** Tokens as OCR writes words: letters, digits and the symbols OCR puts for letters. */
const TOKEN = /[A-Za-z0-9$€§{|'’!]+/g;

/**
 * Reads one line against a phrase: the longest run of the phrase's words found in order among the
 * line's tokens (a longest common subsequence with OCR-tolerant equality). Returns the matched
 * count, the exact count and the span from the first to the last matched token.
 */
function alignLine(text: string, from: number, to: number, phrase: Phrase): Omit<PhraseMatch, 'phrase'> | undefined {
  const tokens: Array<{ start: number; end: number; letters: string }> = [];
  const line = text.slice(from, to);
  for (const m of line.matchAll(TOKEN)) tokens.push({ start: from + m.index, end: from + m.index + m[0].length, letters: m[0] });
  const words = phrase.words;
  const n = tokens.length;
  const w = words.length;
  if (n === 0 || n > 4 * w) return undefined;
  // score[i][j]: matched words using tokens < i and words < j; cost 2 per exact match + 1 per inexact, so exact wins ties.
  const score = Array.from({ length: n + 1 }, () => new Int32Array(w + 1));
  const eq = (i: number, j: number): number => {
    const word = words[j] as string;
    const written = (tokens[i] as { letters: string }).letters;
    const d = ocrDistance(written, word, phraseBudget(word.length));
    if (d === 0 && written.length === word.length) return 3;
    return d <= phraseBudget(word.length) ? 2 : 0;
  };
  const match: number[][] = Array.from({ length: n }, () => Array<number>(w).fill(-1));
  for (let i = 1; i <= n; i++) {
    const row = score[i] as Int32Array;
    const prev = score[i - 1] as Int32Array;
    for (let j = 1; j <= w; j++) {
      let best = Math.max(prev[j] as number, row[j - 1] as number);
      const e = ((match[i - 1] as number[])[j - 1] = eq(i - 1, j - 1));
      if (e > 0) best = Math.max(best, (prev[j - 1] as number) + e);
      row[j] = best;
    }
  }
  // Walk back for the matched tokens.
  let i = n;
  let j = w;
  let matched = 0;
  let exact = 0;
  let first = -1;
  let last = -1;
  while (i > 0 && j > 0) {
    const e = (match[i - 1] as number[])[j - 1] as number;
    if (e > 0 && (score[i] as Int32Array)[j] === ((score[i - 1] as Int32Array)[j - 1] as number) + e) {
      matched++;
      if (e === 3) exact++;
      if (last < 0) last = i - 1;
      first = i - 1;
      i--;
      j--;
    } else if ((score[i] as Int32Array)[j] === (score[i - 1] as Int32Array)[j]) i--;
    else j--;
  }
  if (matched === 0) return undefined;
  return { start: (tokens[first] as { start: number }).start, end: (tokens[last] as { end: number }).end, matched, exact };
}

/**
 * Every line read as one of the catalog's notice wordings (memoized per context), in document
 * order. A line counts when it is not running prose, at least half of the phrase's words (and
 * three or more) stand in it in order, and two of its long words (five letters or more) are among
 * them: "REPRODUCTION BY OTKSR THAN THE SUING OFFiCE iS PROHISITED".
 */
export function findPhrases(context: ScanContext): PhraseMatch[] {
  return context.memo('notice-phrases', () => {
    const { text } = context;
    const out: PhraseMatch[] = [];
    let lastLine = -1;
    for (const at of context.triggers(PHRASE_TRIGGER)) {
      const line = context.lineAt(at);
      if (line.start === lastLine) continue;
      lastLine = line.start;
      if (line.end - line.start > 200 || lineShapeAt(context, at).prose) continue;
      const upper = text.slice(line.start, line.end).toUpperCase();
      let best: PhraseMatch | undefined;
      for (const phrase of getPhrases()) {
        let anchors = 0;
        for (const word of phrase.words) if (word.length >= 4 && upper.includes(word)) anchors++;
        if (anchors < 2) continue;
        const found = alignLine(text, line.start, line.end, phrase);
        if (!found) continue;
        if (found.matched < Math.max(3, Math.ceil(phrase.words.length / 2)) || Math.min(phrase.longWords, 2) > longMatched(text, found, phrase)) continue;
        if (!best || found.matched / phrase.words.length > best.matched / best.phrase.words.length) best = { phrase, ...found };
      }
      if (best) out.push(best);
    }
    return out;
  });
}

/** How many of the phrase's long words (five letters or more) the span reads within their bound. */
function longMatched(text: string, found: Omit<PhraseMatch, 'phrase'>, phrase: Phrase): number {
  const tokens = text.slice(found.start, found.end).match(TOKEN) ?? [];
  let n = 0;
  for (const word of phrase.words) {
    if (word.length < 5) continue;
    if (tokens.some((t) => ocrDistance(t, word, phraseBudget(word.length)) <= phraseBudget(word.length))) n++;
  }
  return n;
}
