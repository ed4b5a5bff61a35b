import type { OcrCorrection } from '../core/vocabulary.js';

/** Characters OCR reads for the digit 1 (letter l, capital I, bar, exclamation mark, small i). */
const AS_ONE = new Set(['l', 'I', '|', '!', 'i']);
/** Characters OCR reads for the digit 0. */
const AS_ZERO = new Set(['O', 'o', 'Q', 'D']);
/** Letters OCR reads for other digits. */
const AS_DIGIT: Record<string, string> = { S: '5', Z: '2', G: '6' };

/**
 * Reads a run of characters that should be digits, undoing the usual OCR confusions
 * (`l`→`1`, `O`→`0`, `S`→`5` …). Returns the digits and the corrections made, or `undefined`
 * when a character cannot be a digit.
 */
export function readDigits(raw: string): { digits: string; ocr: OcrCorrection[] } | undefined {
  let digits = '';
  for (const ch of raw) {
    if (ch >= '0' && ch <= '9') digits += ch;
    else if (AS_ONE.has(ch)) digits += '1';
    else if (AS_ZERO.has(ch)) digits += '0';
    else if (AS_DIGIT[ch]) digits += AS_DIGIT[ch];
    else return undefined;
  }
  const ocr: OcrCorrection[] = digits === raw ? [] : [{ from: raw, to: digits, kind: 'letter-confusion' }];
  return { digits, ocr };
}

/** Levenshtein distance, bounded: returns `max + 1` as soon as the distance must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}

/**
 * Characters OCR reads for a letter, as the written character (upper-cased) → the letters it may
 * stand for. A substitution along this table costs half an edit in {@link ocrDistance}.
 */
export const CONFUSABLE: Readonly<Record<string, string>> = {
  '0': 'O',
  Q: 'O',
  '1': 'IL',
  '|': 'IL',
  '!': 'I',
  L: 'I',
  I: 'L',
  '5': 'S',
  $: 'S',
  '8': 'B',
  '€': 'E',
  '£': 'E',
  C: 'E',
  E: 'C',
  '¥': 'Y',
  V: 'Y',
  '6': 'G',
  '2': 'Z',
  H: 'N',
  N: 'H',
  P: 'F',
  F: 'P',
};

/** Letter pairs OCR reads for one letter (`rn` for `m`): either way round, half an edit. */
export const PAIRS: Readonly<Record<string, string>> = { RN: 'M', VV: 'W', CL: 'D' };

/** True when OCR commonly reads the written character `w` (upper-cased) for the letter `t`. */
export function isConfusable(w: string, t: string): boolean {
  return CONFUSABLE[w]?.includes(t) ?? false;
}

/** Substitution costs in half edits for ASCII written characters (upper-cased) × letters A–Z: 0, 1 or 2. */
const SUB = new Uint8Array(128 * 26).fill(2);
for (let w = 0; w < 128; w++) {
  const ch = String.fromCharCode(w);
  for (let t = 0; t < 26; t++) {
    const letter = String.fromCharCode(65 + t);
    if (ch === letter) SUB[w * 26 + t] = 0;
    else if (isConfusable(ch, letter)) SUB[w * 26 + t] = 1;
  }
}

/** The cost of reading the written character (code unit, upper-cased) `w` for the letter index `t` (0 = A). */
function subCost(w: number, t: number): number {
  if (w < 128) return SUB[w * 26 + t] as number;
  return isConfusable(String.fromCharCode(w), String.fromCharCode(65 + t)) ? 1 : 2;
}

/** The letter pairs as flat triples: first code unit, second code unit, letter index (0 = A). */
const PAIR_CODES = Int32Array.from(Object.entries(PAIRS).flatMap(([pair, letter]) => [pair.charCodeAt(0), pair.charCodeAt(1), letter.charCodeAt(0) - 65]));

/**
 * The distance of {@link ocrDistance}, computed as written characters arrive, so that every
 * window starting at one place is measured in one pass: `push` a character, then read
 * `distance` for the characters pushed so far. `rowMin` is the least value of the last row: once
 * it exceeds the bound, no longer window can come within it.
 */
/** A distance beyond any bound. */
const FAR = 1 << 20;

/**
 * The letter pairs by written character (upper case): for the second character of a pair, the
 * first (`PAIR_FIRST`) and the letter the pair stands for (`PAIR_FIRST_LETTER`, 0 = A); for a
 * letter written in place of a pair, the pair's letters (`SPLIT_A`, `SPLIT_B`). -1 elsewhere.
 */
const PAIR_FIRST = new Int32Array(128).fill(-1);
const PAIR_FIRST_LETTER = new Int32Array(128).fill(-1);
const SPLIT_A = new Int32Array(128).fill(-1);
const SPLIT_B = new Int32Array(128).fill(-1);
for (let k = 0; k < PAIR_CODES.length; k += 3) {
  const a = PAIR_CODES[k] as number;
  const b = PAIR_CODES[k + 1] as number;
  const letter = PAIR_CODES[k + 2] as number;
  PAIR_FIRST[b] = a;
  PAIR_FIRST_LETTER[b] = letter;
  SPLIT_A[letter + 65] = a - 65;
  SPLIT_B[letter + 65] = b - 65;
}

/** How many words' letter indices an {@link OcrAligner} keeps. */
const WORD_CACHE = 4096;

export class OcrAligner {
  private word = new Int32Array(0);
  private codes = new Map<string, Int32Array<ArrayBuffer>>();
  private m = 0;
  private band = 0;
  // Rows i-2, i-1 and i of the table; rotated by each push.
  private back = new Int32Array(1);
  private prev = new Int32Array(1);
  private cur = new Int32Array(1);
  private prevChar = -1;
  private n = 0;
  /** The least value of the last row, in half edits. */
  rowMin = 0;

  /**
   * Starts a new alignment against `word` (upper-case letters A–Z). Only alignments within
   * `bound` half edits are measured (cells farther off the diagonal cost more and are not
   * computed); distances beyond it read as more than `bound`.
   */
  reset(word: string, bound: number): this {
    const m = word.length;
    this.m = m;
    // An offset of k from the diagonal costs at least k half edits (a letter pair shifts by one
    // for half an edit): cells farther off than the bound cannot lead to a reading within it.
    this.band = bound;
    // The letters as indices, made once per word: the same spellings are measured again and again.
    let codes = this.codes.get(word);
    if (!codes) {
      codes = new Int32Array(m);
      for (let j = 0; j < m; j++) codes[j] = word.charCodeAt(j) - 65;
      if (this.codes.size >= WORD_CACHE) this.codes.clear();
      this.codes.set(word, codes);
    }
    this.word = codes;
    if (this.back.length < m + 3) {
      this.back = new Int32Array(m + 3);
      this.prev = new Int32Array(m + 3);
      this.cur = new Int32Array(m + 3);
    }
    // Only the band is ever read: the first two rows need it filled, later rows fill their own.
    const top = Math.min(m + 2, bound + 3);
    for (let j = 0; j <= top; j++) {
      this.back[j] = FAR;
      this.prev[j] = j <= m && j <= bound ? 2 * j : FAR;
    }
    this.n = 0;
    this.prevChar = -1;
    this.rowMin = 0;
    return this;
  }

  /** Adds one written character (a UTF-16 code unit; letters in either case). */
  push(code: number): void {
    const w = code >= 97 && code <= 122 ? code - 32 : code;
    const back = this.back;
    const prev = this.prev;
    const cur = this.cur;
    const word = this.word;
    const m = this.m;
    const band = this.band;
    const i = ++this.n;
    // Each step off the diagonal costs at least half an edit: outside the band, nothing fits.
    const lo = i - band > 1 ? i - band : 1;
    const hi = i + band < m ? i + band : m;
    // The next row reads this one up to two cells outside the band: mark them out of reach.
    if (lo - 1 >= 1) cur[lo - 1] = FAR;
    if (lo - 2 >= 1) cur[lo - 2] = FAR;
    if (hi + 1 <= m) cur[hi + 1] = FAR;
    if (hi + 2 <= m) cur[hi + 2] = FAR;
    cur[0] = i <= band ? 2 * i : FAR;
    let rowMin = lo === 1 ? (cur[0] as number) : FAR;
    const wp = this.prevChar;
    const ascii = w < 128;
    // Letter pairs: w closing a written pair ("rn" for "m"), or w written for a pair ("m" for "rn").
    const pairFirst = ascii && i > 1 ? (PAIR_FIRST[w] as number) : -1;
    const pairFirstLetter = ascii ? (PAIR_FIRST_LETTER[w] as number) : -1;
    const splitA = ascii ? (SPLIT_A[w] as number) : -1;
    const splitB = ascii ? (SPLIT_B[w] as number) : -1;
    for (let j = lo; j <= hi; j++) {
      const t = word[j - 1] as number;
      let v = (prev[j - 1] as number) + (ascii ? (SUB[w * 26 + t] as number) : subCost(w, t));
      const del = (prev[j] as number) + 2;
      if (del < v) v = del;
      const ins = (cur[j - 1] as number) + 2;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && w - 65 === word[j - 2] && wp - 65 === t) {
        const swap = (back[j - 2] as number) + 2;
        if (swap < v) v = swap;
      }
      if (pairFirst === wp && pairFirstLetter === t) {
        const pair = (back[j - 1] as number) + 1;
        if (pair < v) v = pair;
      }
      if (splitB === t && j > 1 && word[j - 2] === splitA) {
        const split = (prev[j - 2] as number) + 1;
        if (split < v) v = split;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    this.back = prev;
    this.prev = cur;
    this.cur = back;
    this.prevChar = w;
    this.rowMin = rowMin;
  }

  /** The distance between the characters pushed so far and the word, in half edits (`FAR` beyond the bound). */
  get distance(): number {
    // The last cell is only computed while it lies within the band of the last row.
    if (Math.abs(this.m - this.n) > this.band) return FAR;
    return this.prev[this.m] as number;
  }
}


const aligner = new OcrAligner();

/**
 * A Damerau–Levenshtein distance between a string as OCR wrote it and a vocabulary word
 * (upper-case letters A–Z), in **half edits**: letters match in either case; a substitution OCR
 * commonly makes (`0`/`O`, `1`/`l`/`I`/`|`, `5`/`$`/`S`, `8`/`B`, `€`/`c`/`E`, `¥`/`V`/`Y`, `rn`/`m`,
 * `vv`/`w`) costs 1; any other substitution, insertion, deletion or swap of two neighbours costs 2.
 * Bounded: returns `max + 1` as soon as the distance must exceed `max` (half edits).
 */
export function ocrDistance(written: string, word: string, max: number): number {
  // Each unit of length difference costs at least half an edit (a letter pair read as one).
  if (Math.abs(written.length - word.length) > max) return max + 1;
  aligner.reset(word, max);
  for (let i = 0; i < written.length; i++) {
    aligner.push(written.charCodeAt(i));
    if (aligner.rowMin > max) return max + 1;
  }
  const d = aligner.distance;
  return d > max ? max + 1 : d;
}
