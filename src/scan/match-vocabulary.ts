import type { OcrCorrection } from '../core/vocabulary.js';
import { registerTrigger } from './gated-pattern.js';
import { FEW_TOKENS, shapeBannerCandidate, shapeLine, SHAPE_READ, type LineShape } from './line-shape.js';
import { isConfusable, OcrAligner, ocrDistance, PAIRS } from './ocr.js';
import { holdsPiece, ocrClassOf, piecesOf } from './ocr-pieces.js';
import type { ScanContext } from './scan-context.js';
import { trigger } from './trigger-automaton.js';
import { budgetFor, getVocabulary, lettersOf, MAX_WINDOW_TOKENS, type Term } from './vocabulary.js';

/**
 * The one OCR-tolerant reader of the marking vocabulary (classification levels and control
 * markings, from the catalog's `spellings`), used by every vocabulary detector.
 *
 * A line is cut into tokens (runs of letters, digits and the symbols OCR puts for letters:
 * `$ € ¥`, and `|` or `!` between letters). A reading is a window of consecutive tokens, joined
 * without their separators, so letter-spacing of any kind (`S E C R E T`, `S-E-C-R-E-T`,
 * `S.E.C.R.E.T`, `SE CRE T`) and words split or run together by OCR (`NO FORE IGN`, `RETURNTO`)
 * read as the spelling's letters. The window is compared with each spelling by `ocrDistance`
 * (case folded; OCR confusions half an edit).
 *
 * Where the line stands decides how far a reading may stray:
 * - on a **banner-like** line (not prose, and short or in capitals with few tokens) a reading
 *   may be inexact up to the spelling's budget (one edit for five to eight letters, more for
 *   longer ones), provided no ordinary English word near the spelling explains it as well
 *   (`SECRETS`, `NODES`) and no other spelling reads it as closely;
 * - elsewhere only the exact letters are read (any letter-spacing aside), and only words that
 *   start with a capital: the detectors then decide whether such a word is a marking or a
 *   mention.
 */
export interface VocabularyMatch {
  term: Term;
  /** 0-based offset of the first token of the reading. */
  start: number;
  /** 0-based offset just past its last token (exclusive). */
  end: number;
  /** Distance from the spelling, in half edits (`0`: the letters as written, case aside). */
  cost: number;
  /** How many tokens the reading joins. */
  tokens: number;
  /** True when letters were written apart (`S E C R E T`, `SE CRET`), not only the spelling's own words. */
  spaced: boolean;
  /** True when every difference is a letter OCR confuses with another (`SEeRET`, `N0FORN`), none a real edit. */
  confusion: boolean;
  /** The line the reading stands on. */
  line: LineShape;
  /** True when the line is banner-like, where inexact readings are accepted. */
  bannerLike: boolean;
  /**
   * True when an ordinary English word near the spelling reads the text as closely as the
   * spelling does (`SECRED`: `SECRET` or `SACRED`): only a strong place makes it a marking.
   */
  tie: boolean;
  /** True for the words of a spelling set on several lines ("Handle Via / COMINT / Channels"). */
  crossLine?: boolean;
}

/** How many separator characters may stand between two tokens of one reading. */
const MAX_GAP = 3;

/** Characters that may separate the tokens of one reading. */
const SEPARATOR = new Uint8Array(128);
for (const ch of ' \t-.,_/*\'"`:;~=') SEPARATOR[ch.charCodeAt(0)] = 1;

interface Index {
  /** Every near word of every spelling, for the exact check. */
  near: Map<Term, Set<string>>;
  /**
   * Spellings with an inexact budget, by two of their first three letters: at
   * `(which * 26 + a) * 26 + b`, where `which` is 0 for the first and second letters, 1 for the
   * first and third, 2 for the second and third, and `a`, `b` are letter indices (A = 0).
   */
  byPair: Array<readonly Spelling[] | undefined>;
  /** A trie over the spellings' letters: `trie[node * 26 + letter]` is the next node or -1. */
  trie: Int32Array;
  /** The spellings that end at each node of the trie. */
  trieEnds: Array<readonly Term[] | undefined>;
}

/** A spelling with an inexact budget, and what its inexact readings are tested with first. */
interface Spelling {
  term: Term;
  /** Its letters as a mask of OCR letter classes (see {@link CLASS_BIT}). */
  mask: number;
  /** Its budget in half edits on a line of other words (`[0]`) and as the one word of its line (`[1]`). */
  budgets: readonly [number, number];
  /** Its pieces for each budget (see {@link piecesOf}; `undefined`: no test). */
  pieces: readonly [Int32Array | undefined, Int32Array | undefined];
}

let index: Index | undefined;

/** No spellings (one array for every trie node where none ends, not one made per step). */
const NO_TERMS: readonly Term[] = [];

/**
 * Letters as OCR confuses them, one bit per OCR letter class (see {@link ocrClassOf}: {O, 0, Q},
 * {I, L, 1, |, !}, {S, 5, $}, {E, C, €}, {Y, V, ¥} …), by class: a spelling's letter whose class
 * the written window lacks costs at least one whole edit. The pair letters M, W and D have no
 * bit: OCR writes them as two letters ("rn", "vv", "cl").
 */
const CLASS_BIT: Int32Array = (() => {
  const bits = new Int32Array(256);
  let next = 0;
  for (let c = 65; c <= 90; c++) {
    const cls = ocrClassOf(c);
    if (bits[cls] === 0 && !Object.values(PAIRS).includes(String.fromCharCode(c))) bits[cls] = 1 << next++;
  }
  return bits;
})();

/** The number of bits set in a 32-bit mask. */
function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** One aligner, reused: readings are measured one at a time. */
const aligner = new OcrAligner();

function getIndex(): Index {
  if (index) return index;
  const terms = getVocabulary();
  const near = new Map<Term, Set<string>>();
  for (const t of terms) near.set(t, new Set(t.nearWords));
  const byPair: Spelling[][] = [];
  const put = (which: number, a: string, b: string, t: Spelling): void => {
    const k = (which * 26 + a.charCodeAt(0) - 65) * 26 + b.charCodeAt(0) - 65;
    (byPair[k] ??= []).push(t);
  };
  for (const t of terms) {
    if (t.budget === 0 || t.letters.length < 3) continue;
    let mask = 0;
    for (let k = 0; k < t.letters.length; k++) mask |= CLASS_BIT[ocrClassOf(t.letters.charCodeAt(k))] as number;
    // A word of six letters or more alone on its line may stray one edit further (see readLine).
    const budgets = [t.budget, t.budget + (t.letters.length >= 6 ? LONE_EXTRA : 0)] as const;
    const spelling: Spelling = { term: t, mask, budgets, pieces: [piecesOf(t.letters, budgets[0]), piecesOf(t.letters, budgets[1])] };
    const [a, b, c] = t.letters as unknown as [string, string, string];
    put(0, a, b, spelling);
    put(1, a, c, spelling);
    put(2, b, c, spelling);
  }
  const { next, ends } = letterTrie(terms.map((t) => t.letters));
  const trieEnds: Term[][] = [];
  terms.forEach((t, k) => (trieEnds[ends[k] as number] ??= []).push(t));
  index = { near, byPair, trie: next, trieEnds };
  return index;
}

/**
 * A trie over words of letters A–Z: `next[node * 26 + letter]` is the next node or -1 (node 0 is
 * the root); `ends[k]` is the node where `words[k]` ends.
 */
function letterTrie(words: readonly string[]): { next: Int32Array; ends: number[] } {
  const next: number[] = new Array(26).fill(-1);
  const ends = words.map((word) => {
    let node = 0;
    for (let k = 0; k < word.length; k++) {
      const at = node * 26 + word.charCodeAt(k) - 65;
      if ((next[at] as number) < 0) {
        next[at] = next.length / 26;
        for (let q = 0; q < 26; q++) next.push(-1);
      }
      node = next[at] as number;
    }
    return node;
  });
  return { next: Int32Array.from(next), ends };
}

/** For each ASCII code unit, the letter indices (A = 0) it may stand for: itself upper-cased, and what OCR confuses it with. */
const READINGS: ReadonlyArray<readonly number[]> = Array.from({ length: 128 }, (_, code) => {
  const ch = String.fromCharCode(code).toUpperCase();
  const out: number[] = [];
  for (let c = 65; c <= 90; c++) {
    const letter = String.fromCharCode(c);
    if (letter === ch || isConfusable(ch, letter)) out.push(c - 65);
  }
  return out;
});

/** Which two of the first three written characters stand for which two of the first three letters, when one edit leaves the rest agreeing. */
const ALIGNMENTS: ReadonlyArray<readonly [written1: number, written2: number, which: number]> = [
  [0, 1, 0], // both agree
  [0, 2, 1], // second misread
  [0, 1, 1], // second lost
  [0, 2, 0], // extra second character
  [1, 2, 2], // first misread
  [0, 1, 2], // first lost
  [1, 2, 0], // extra first character
];

/** Marks of the spellings already in a pool, by {@link Term} (reset per pool by a generation count). */
const inPool = new Map<Term, number>();
let generation = 0;

/**
 * ASCII code units by the letters they may stand for ({@link READINGS}): 0 for none, else an id
 * shared by every code unit that reads as the same letters (`S`, `s`, `5`, `$` …), so a pool is
 * made once for all of them.
 */
const READING_ID = new Uint8Array(128);
/** A code unit of each {@link READING_ID} (-1 for id 0, which stands for no letter). */
const READING_CODE: number[] = [-1];
{
  const ids = new Map<string, number>();
  for (let code = 0; code < 128; code++) {
    const letters = (READINGS[code] as readonly number[]).join(',');
    if (letters === '') continue;
    if (!ids.has(letters)) {
      ids.set(letters, READING_CODE.length);
      READING_CODE.push(code);
    }
    READING_ID[code] = ids.get(letters) as number;
  }
}
/** How many reading ids there are. */
const READING_IDS = READING_CODE.length;

/** The {@link READING_ID} of a code unit (0 past the end, -1, or beyond ASCII: it reads as no letter). */
function readingId(code: number): number {
  return code >= 0 && code < 128 ? (READING_ID[code] as number) : 0;
}

/** Pools by the reading ids of their first three characters, made when first asked for. */
const pools: Array<readonly Spelling[] | undefined> = [];

/**
 * The spellings an inexact reading whose first characters are `w0`, `w1`, `w2` (code units; -1
 * past the end) may be: those with which two of the first three characters agree as one edit
 * leaves them (the first two; the first and third, the second misread or an extra second
 * character; the second and third, the first misread; one character lost or added before).
 * OCR confusions count as agreement; two edits among the first three letters are too many.
 */
function poolFor(w0: number, w1: number, w2: number): readonly Spelling[] {
  const id0 = readingId(w0);
  const id1 = readingId(w1);
  const id2 = readingId(w2);
  const key = (id0 * READING_IDS + id1) * READING_IDS + id2;
  return (pools[key] ??= makePool([READING_CODE[id0] as number, READING_CODE[id1] as number, READING_CODE[id2] as number]));
}

/** The pool of {@link poolFor} for the written code units (-1: none, or one that reads as no letter). */
function makePool(written: readonly [number, number, number]): readonly Spelling[] {
  const { byPair } = getIndex();
  const pool: Spelling[] = [];
  generation++;
  for (const [x, y, which] of ALIGNMENTS) {
    const cx = written[x] as number;
    const cy = written[y] as number;
    if (cx < 0 || cy < 0) continue;
    for (const a of READINGS[cx] as readonly number[]) {
      for (const b of READINGS[cy] as readonly number[]) {
        for (const t of byPair[(which * 26 + a) * 26 + b] ?? []) {
          if (inPool.get(t.term) === generation) continue;
          inPool.set(t.term, generation);
          pool.push(t);
        }
      }
    }
  }
  return pool;
}

/**
 * Where exact readings may start: the longest word of every spelling (its first five letters, in
 * any case), found in the one pass over the text that finds every detector's triggers.
 */
const VOCABULARY_TRIGGER = registerTrigger(
  trigger(
    'vocabulary word',
    getVocabulary().map((t) => {
      const words = t.spelling.split(/[\s/-]+/).filter((w) => /[A-Za-z]/.test(w));
      const longestWord = words.reduce((a, b) => (lettersOf(b).length > lettersOf(a).length ? b : a), words[0] ?? t.spelling);
      return longestWord.slice(0, 5);
    }),
    false,
  ),
);

const isLetterCode = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
/** Latin letters with diacritics and the symbols OCR writes for letters: part of a token. */
const isOcrLetter = (c: number): boolean => (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || c === 0x24 || c === 0x20ac || c === 0xa5 || c === 0xa3;

/** A digit, to a token (see {@link TOKEN_CLASS}). */
const TOKEN_DIGIT = 1;
/** A letter or an OCR letter, to a token (see {@link TOKEN_CLASS}). */
const TOKEN_LETTER = 2;
/** What a code unit below U+0250 is to a token: {@link TOKEN_DIGIT}, {@link TOKEN_LETTER}, or 0 (no part of one). */
const TOKEN_CLASS = Uint8Array.from({ length: 0x250 }, (_, c) => (isDigitCode(c) ? TOKEN_DIGIT : isLetterCode(c) || isOcrLetter(c) ? TOKEN_LETTER : 0));

/** The {@link TOKEN_CLASS} of any code unit (the euro sign is the one OCR letter past the table). */
function tokenClass(c: number): number {
  return c < 0x250 ? (TOKEN_CLASS[c] as number) : c === 0x20ac ? TOKEN_LETTER : 0;
}

/** A banner-like line: not prose, and short, or in capitals with few tokens. */
export function isBannerLike(shape: LineShape): boolean {
  return !shape.prose && (shape.short || (shape.caps && shape.tokens <= FEW_TOKENS));
}

/** The tokens of the line being read: 0-based offsets, `end` exclusive (reused buffers). */
interface Tokens {
  start: Int32Array;
  end: Int32Array;
  count: number;
}

const buffers: Tokens = { start: new Int32Array(256), end: new Int32Array(256), count: 0 };

function addToken(tokens: Tokens, start: number, end: number): void {
  if (tokens.count === tokens.start.length) {
    const grown = { start: new Int32Array(tokens.count * 2), end: new Int32Array(tokens.count * 2) };
    grown.start.set(tokens.start);
    grown.end.set(tokens.end);
    tokens.start = grown.start;
    tokens.end = grown.end;
  }
  tokens.start[tokens.count] = start;
  tokens.end[tokens.count] = end;
  tokens.count++;
}

/** What the shared buffers hold the tokens of, `[cutStart, cutEnd)` of `cutText` (a banner line is cut once, then asked about again). */
let cutText = '';
let cutStart = 0;
let cutEnd = 0;

/** Cuts `[start, end)` of `text` into tokens, into the shared buffers. */
function tokenize(text: string, start: number, end: number): Tokens {
  const tokens = buffers;
  if (cutStart === start && cutEnd === end && cutText === text) return tokens;
  cutText = text;
  cutStart = start;
  cutEnd = end;
  tokens.count = 0;
  let i = start;
  while (i < end) {
    const kind = tokenClass(text.charCodeAt(i));
    if (kind === 0) {
      i++;
      continue;
    }
    let j = i + 1;
    // Whether the token holds digits and other characters both: only then may it be cut.
    let digits = kind === TOKEN_DIGIT ? 1 : 0;
    let others = 1 - digits;
    for (; j < end; j++) {
      const d = text.charCodeAt(j);
      const dk = tokenClass(d);
      if (dk === TOKEN_DIGIT) {
        digits = 1;
        continue;
      }
      if (dk === TOKEN_LETTER) {
        others = 1;
        continue;
      }
      // A bar or exclamation mark between letters is an OCR'd I or l ("WN|NTEL").
      if ((d === 0x7c || d === 0x21) && j + 1 < end && isLetterCode(text.charCodeAt(j + 1)) && isLetterCode(text.charCodeAt(j - 1))) {
        others = 1;
        continue;
      }
      break;
    }
    if (digits === 1 && others === 1) pushSplit(tokens, text, i, j);
    else addToken(tokens, i, j);
    i = j;
  }
  return tokens;
}

/** The text of tokens `first` to `last`, joined without their separators. */
function joinedText(text: string, tokens: Tokens, first: number, last: number): string {
  let out = '';
  for (let k = first; k <= last; k++) out += text.slice(tokens.start[k] as number, tokens.end[k] as number);
  return out;
}

/**
 * Adds the token `[start, end)`, cut where a run of two or more digits meets a run of three or
 * more letters: OCR glues cable numbers and dates to banners ("26SECRET", "SECRET3019552"),
 * while a lone digit inside letters is a letter OCR misread ("5ECRET", "N0FORN").
 */
function pushSplit(tokens: Tokens, text: string, start: number, end: number): void {
  let from = start;
  let k = start;
  while (k < end) {
    const digit = isDigitCode(text.charCodeAt(k));
    let r = k;
    while (r < end && isDigitCode(text.charCodeAt(r)) === digit) r++;
    // A boundary between runs [k, r) and [r, …): cut when one side is 2+ digits and the other 3+ letters.
    if (r < end) {
      let q = r;
      while (q < end && isDigitCode(text.charCodeAt(q)) !== digit) q++;
      const digits = digit ? r - k : q - r;
      const letters = digit ? q - r : r - k;
      if (digits >= 2 && letters >= 3) {
        addToken(tokens, from, r);
        from = r;
      }
    }
    k = r;
  }
  addToken(tokens, from, end);
}

/**
 * True when the tokens from `first` on read the spelling's words one by one, each within its own
 * budget ("TO SECRET" is not TOP SECRET); a short word (no budget of its own) may have one letter
 * misread in place ("NU FOREIGN DISSEM", "JOP SECRET") when it is the only word misread.
 */
function wordForWord(text: string, tokens: Tokens, first: number, term: Term): boolean {
  let shortMisread = 0;
  let misread = 0;
  for (let k = 0; k < term.wordLetters.length; k++) {
    const word = term.wordLetters[k] as string;
    const written = text.slice(tokens.start[first + k] as number, tokens.end[first + k] as number);
    const budget = budgetFor(word.length);
    const cost = ocrDistance(written, word, Math.max(budget, 2));
    if (cost > 0) misread++;
    if (cost <= budget) continue;
    if (budget === 0 && cost <= 2 && written.length === word.length) shortMisread++;
    else return false;
  }
  return shortMisread === 0 || (shortMisread === 1 && misread === 1);
}

/** True when `[start, end)` of `text` holds an ASCII letter. */
function hasLetter(text: string, start: number, end: number): boolean {
  for (let p = start; p < end; p++) if (isLetterCode(text.charCodeAt(p))) return true;
  return false;
}

/** True when `[start, end)` holds a letter and at least 60% of its letters are capitals (digits and OCR symbols aside). */
function capitalsAt(text: string, start: number, end: number): boolean {
  let letters = 0;
  let upper = 0;
  for (let p = start; p < end; p++) {
    const c = text.charCodeAt(p);
    if (c >= 65 && c <= 90) {
      letters++;
      upper++;
    } else if (c >= 97 && c <= 122) letters++;
  }
  return letters > 0 && upper >= 0.6 * letters;
}

/** True when `[start, end)` is a word in title case ("Baskgrdund"): a capital, then lower-case letters. */
function titleCaseAt(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (!(c >= 65 && c <= 90) || end - start < 3) return false;
  for (let p = start + 1; p < end; p++) {
    const d = text.charCodeAt(p);
    if (!(d >= 97 && d <= 122)) return false;
  }
  return true;
}

/** The pool of the window starting at token `i`: by its first three characters (-1 past the line's tokens). */
function poolAt(text: string, tokens: Tokens, i: number): readonly Spelling[] {
  let w0 = -1;
  let w1 = -1;
  let w2 = -1;
  let k = 0;
  for (let t = i; t < tokens.count && k < 3; t++) {
    for (let p = tokens.start[t] as number; p < (tokens.end[t] as number) && k < 3; p++, k++) {
      const c = text.charCodeAt(p);
      if (k === 0) w0 = c;
      else if (k === 1) w1 = c;
      else w2 = c;
    }
  }
  return poolFor(w0, w1, w2);
}

/**
 * True when tokens `first` to `last` are letters written apart: each one character long, but for
 * a few OCR ran together (at most one in five, none over three: "C-O-H-PeL-D-B-N-T-I-A-L").
 */
function singles(tokens: Tokens, first: number, last: number): boolean {
  let longer = 0;
  for (let k = first; k <= last; k++) {
    const length = (tokens.end[k] as number) - (tokens.start[k] as number);
    if (length > 3) return false;
    if (length > 1) longer++;
  }
  return longer * 5 <= last - first + 1;
}

/**
 * How the characters between two tokens join them: `1` as parts of one reading on one line,
 * `2` across one or two line breaks (blank space only: the words of a stamp set on several lines),
 * `0` not at all.
 */
function joinable(text: string, from: number, to: number): 0 | 1 | 2 {
  let breaks = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) breaks++;
    else if (c === 13) continue;
    else if (!(c < 128 && SEPARATOR[c] === 1)) return 0;
  }
  if (breaks === 0) return to - from <= MAX_GAP ? 1 : 0;
  return breaks <= 2 && to - from <= 12 ? 2 : 0;
}

interface Candidate {
  term: Term;
  first: number;
  last: number;
  cost: number;
  joined: string;
  tie?: boolean;
}

/** Same length, and every difference a confusion OCR makes. */
function onlyConfusions(written: string, letters: string): boolean {
  if (written.length !== letters.length) return false;
  for (let k = 0; k < written.length; k++) {
    const w = (written[k] as string).toUpperCase();
    const t = letters[k] as string;
    if (w !== t && !isConfusable(w, t)) return false;
  }
  return true;
}

/**
 * How an ordinary English word near the spelling explains `joined`: `word` when `joined` is
 * that word (`SECRETS`, `NODES`), `tie` when a word is as close to it as the spelling is.
 */
function explainedByWord(term: Term, joined: string, cost: number): 'word' | 'tie' | undefined {
  const upper = joined.toUpperCase();
  const near = getIndex().near.get(term) as Set<string>;
  if (near.has(upper)) return 'word';
  for (const w of near) if (Math.abs(w.length - upper.length) <= cost && ocrDistance(upper, w, cost) <= cost) return 'tie';
  return undefined;
}

/** How much further (half edits) a word of six letters or more may stray as the one word of its line. */
const LONE_EXTRA = 2;

/**
 * Per-token facts of the line being read (reused buffers, grown as needed): `at` is where the
 * token starts in `folded`, the line's token characters as OCR letter classes (see
 * {@link ocrClassOf}), the tokens of a reading joined, a 0 between tokens that do not join.
 */
let scratch = { length: new Int32Array(256), mask: new Int32Array(256), joins: new Uint8Array(256), at: new Int32Array(256), folded: new Uint8Array(1024) };

function lineScratch(n: number, chars: number): typeof scratch {
  if (scratch.length.length < n) scratch = { ...scratch, length: new Int32Array(2 * n), mask: new Int32Array(2 * n), joins: new Uint8Array(2 * n), at: new Int32Array(2 * n) };
  if (scratch.folded.length < chars + n) scratch.folded = new Uint8Array(2 * (chars + n));
  return scratch;
}

/** Reads one line (or the clipped window of a long one) and returns its readings, best first where they overlap. */
function readLine(text: string, from: number, to: number, shape: LineShape, bannerLike: boolean, acrossLines = false): VocabularyMatch[] {
  const { trie, trieEnds } = getIndex();
  const tokens = tokenize(text, from, to);
  const n = tokens.count;
  const starts = tokens.start;
  const ends = tokens.end;
  const candidates: Candidate[] = [];
  // A word of six letters or more alone on its line (debris of one or two characters aside)
  // stands where banners stand: it may stray one edit further.
  let substantive = 0;
  for (let k = 0; k < n; k++) if ((ends[k] as number) - (starts[k] as number) >= 3) substantive++;
  // Each token's length and letter classes, and whether it joins the one before on this line,
  // worked out once for the line, not once per spelling tried.
  const { length: tokenLength, mask: tokenMask, joins, at, folded } = lineScratch(n, to - from);
  let foldedLength = 0;
  if (bannerLike && !acrossLines) {
    for (let k = 0; k < n; k++) {
      tokenLength[k] = (ends[k] as number) - (starts[k] as number);
      joins[k] = k > 0 && joinable(text, ends[k - 1] as number, starts[k] as number) === 1 ? 1 : 0;
      if (k > 0 && joins[k] !== 1) folded[foldedLength++] = 0;
      at[k] = foldedLength;
      let mask = 0;
      for (let p = starts[k] as number; p < (ends[k] as number); p++) {
        const cls = ocrClassOf(text.charCodeAt(p));
        folded[foldedLength++] = cls;
        mask |= CLASS_BIT[cls] as number;
      }
      tokenMask[k] = mask;
    }
  }
  const lone = bannerLike && substantive === 1 ? 1 : 0;
  for (let i = 0; i < n; i++) {
    const c0 = text.charCodeAt(starts[i] as number);
    // Exact readings in running text start with a capital (lower-case words there are prose);
    // on a banner-like line any case is read, and the detectors judge it.
    if (!bannerLike && !(c0 >= 65 && c0 <= 90)) continue;
    // Exact readings: walk the trie of the spellings' letters over the window. Across line
    // breaks (a stamp set on several lines: "Handle Via / COMINT / Channels") only whole words of
    // a spelling of several.
    let node = 0;
    let crossed = false;
    let allUpper = true;
    exact: for (let j = i; j < n && j < i + MAX_WINDOW_TOKENS; j++) {
      if (j > i) {
        const join = joinable(text, ends[j - 1] as number, starts[j] as number);
        if (join === 0 || (join === 2 && !acrossLines)) break;
        if (join === 2) crossed = true;
      }
      for (let p = starts[j] as number; p < (ends[j] as number); p++) {
        const c = text.charCodeAt(p);
        let letter: number;
        if (c >= 65 && c <= 90) letter = c - 65;
        else if (c >= 97 && c <= 122) {
          letter = c - 97;
          allUpper = false;
        } else break exact;
        node = trie[node * 26 + letter] as number;
        if (node < 0) break exact;
      }
      for (const term of trieEnds[node] ?? NO_TERMS) {
        // Several tokens read as one spelling: the spelling's own words, or its letters written
        // apart in capitals ("S E C R E T", "SE CRE T", "S ECRET").
        const spaced = j - i + 1 > term.words;
        if (spaced && (!allUpper || crossed)) continue;
        if (acrossLines && !crossed) continue;
        candidates.push({ term, first: i, last: j, cost: 0, joined: joinedText(text, tokens, i, j) });
      }
    }
    // Inexact readings stay on one line and start on a token in capitals (the detectors take
    // no other inexact reading), or on the one word of a line ("secren"): not on "053", "0024"
    // or the mixed-case words of headings and names.
    if (!bannerLike || acrossLines) continue;
    const s0 = starts[i] as number;
    const e0 = ends[i] as number;
    if (!(lone === 1 ? hasLetter(text, s0, e0) : capitalsAt(text, s0, e0) || (shape.lowerWords === 0 && titleCaseAt(text, s0, e0)))) continue;
    // Inexact readings: every window starting here against each spelling it may be (see
    // poolFor), measured in one pass per spelling as the window grows.
    const pool = poolAt(text, tokens, i);
    const headLength = tokenLength[i] as number;
    // The most letters a window from here can hold: its tokens joined on this line, up to the
    // window's limit. A spelling longer than that by more than its budget reads as nothing.
    let longest = 0;
    for (let j = i; j < n && j < i + MAX_WINDOW_TOKENS; j++) {
      if (j > i && joins[j] !== 1) break;
      longest += tokenLength[j] as number;
    }
    for (const spelling of pool) {
      const term = spelling.term;
      const m = term.letters.length;
      const budget = spelling.budgets[lone] as number;
      // A window only grows: a first token already too long for the spelling reads as nothing.
      if (headLength - m > budget) continue;
      if (m - longest > budget) continue;
      // Every letter class the tokens within reach lack costs a whole edit: too many, no reading.
      let reach = 0;
      let mask = 0;
      for (let j = i; j < n && reach <= m + budget; j++) {
        if (j > i && joins[j] !== 1) break;
        mask |= tokenMask[j] as number;
        reach += tokenLength[j] as number;
      }
      if (2 * popcount(spelling.mask & ~mask) > budget) continue;
      // A reading holds one of the spelling's pieces within its at most m + budget characters, near
      // where the spelling has it (see ocr-pieces.ts for why): a window from here without one reads as nothing.
      const pieces = spelling.pieces[lone];
      if (pieces && !holdsPiece(folded, at[i] as number, Math.min(foldedLength, (at[i] as number) + m + budget), pieces, budget)) continue;
      aligner.reset(term.letters, budget);
      let length = 0;
      window: for (let j = i; j < n && j < i + MAX_WINDOW_TOKENS; j++) {
        if (j > i && joins[j] !== 1) break;
        for (let p = starts[j] as number; p < (ends[j] as number); p++) {
          aligner.push(text.charCodeAt(p));
          if (aligner.rowMin > budget) break window;
        }
        length += (ends[j] as number) - (starts[j] as number);
        if (length - m > budget) break;
        if (m - length > budget) continue;
        const cost = aligner.distance;
        if (cost === 0 || cost > budget) continue;
        // Letters written apart may carry one OCR confusion (`S-E-C-R-5-T`); more only when every
        // piece is a single character (`S-E-C-W-E-T`). Words split or run together otherwise
        // read too easily into a spelling ("now is" for NODIS). A spelling of several words read
        // word for word: each word within its own budget ("TO SECRET" is not TOP SECRET).
        const count = j - i + 1;
        if (count > term.words && cost > 1 && !singles(tokens, i, j)) continue;
        if (count === term.words && count > 1 && !wordForWord(text, tokens, i, term)) continue;
        candidates.push({ term, first: i, last: j, cost, joined: joinedText(text, tokens, i, j) });
      }
    }
  }
  if (candidates.length === 0) return bannerLike && !acrossLines ? readRunTogether(text, tokens, undefined, shape) : [];

  // Refuse inexact readings that are an English word, mark those a word explains as well, and
  // refuse readings two spellings of different codes explain equally well.
  const kept: Candidate[] = [];
  for (const c of candidates) {
    const word = c.cost === 0 ? undefined : explainedByWord(c.term, c.joined, c.cost);
    if (word === 'word') continue;
    if (word === 'tie') c.tie = true;
    kept.push(c);
  }
  const byWindow = new Map<string, Candidate[]>();
  for (const c of kept) {
    const key = `${c.first}:${c.last}`;
    const list = byWindow.get(key);
    if (list) list.push(c);
    else byWindow.set(key, [c]);
  }
  const unambiguous: Candidate[] = [];
  for (const list of byWindow.values()) {
    let best = Infinity;
    for (const c of list) if (c.cost < best) best = c.cost;
    const top = list.filter((c) => c.cost === best);
    const codes = new Set(top.map((c) => `${c.term.family}:${c.term.code}`));
    if (codes.size > 1) continue;
    // The longest spelling of the one code ("NO FOREIGN DISSEMINATION" over "NO FOREIGN DISSEM").
    unambiguous.push(top.reduce((a, b) => (b.term.letters.length > a.term.letters.length ? b : a)));
  }
  // Best readings first: most letters read, least cost; no two readings share a token.
  unambiguous.sort((a, b) => 2 * b.term.letters.length - b.cost - (2 * a.term.letters.length - a.cost) || a.first - b.first);
  const used = new Uint8Array(n);
  const out: VocabularyMatch[] = [];
  for (const c of unambiguous) {
    let free = true;
    for (let k = c.first; k <= c.last && free; k++) if (used[k] === 1) free = false;
    if (!free) continue;
    for (let k = c.first; k <= c.last; k++) used[k] = 1;
    const count = c.last - c.first + 1;
    out.push({
      term: c.term,
      start: starts[c.first] as number,
      end: ends[c.last] as number,
      cost: c.cost,
      tokens: count,
      spaced: count > c.term.words,
      confusion: c.cost > 0 && onlyConfusions(c.joined, c.term.letters),
      line: shape,
      bannerLike,
      tie: c.tie === true,
    });
  }
  if (bannerLike && !acrossLines) for (const m of readRunTogether(text, tokens, used, shape)) out.push(m);
  return out;
}

/**
 * Two spellings OCR ran into one token ("SECRETYBAT" for SECRET RYBAT, "SECRETNOFORN"): the first
 * read exactly, the rest as a one-word spelling within its budget. Only tokens in capitals of
 * eight letters or more that no other reading took.
 */
function readRunTogether(text: string, tokens: Tokens, used: Uint8Array | undefined, shape: LineShape): VocabularyMatch[] {
  const { trie, trieEnds } = getIndex();
  const out: VocabularyMatch[] = [];
  for (let k = 0; k < tokens.count; k++) {
    if (used && used[k] === 1) continue;
    const start = tokens.start[k] as number;
    const end = tokens.end[k] as number;
    if (end - start < 8 || !capitalsAt(text, start, end)) continue;
    let node = 0;
    for (let p = start; p < end - 3; p++) {
      const c = text.charCodeAt(p);
      const letter = c >= 65 && c <= 90 ? c - 65 : c >= 97 && c <= 122 ? c - 97 : -1;
      if (letter < 0) break;
      node = trie[node * 26 + letter] as number;
      if (node < 0) break;
      const first = (trieEnds[node] ?? NO_TERMS).find((t) => t.words === 1 && t.letters.length >= 5);
      if (!first) continue;
      const rest = text.slice(p + 1, end);
      let best: { term: Term; cost: number } | undefined;
      for (const { term: t } of poolFor(rest.charCodeAt(0), rest.charCodeAt(1), rest.charCodeAt(2))) {
        if (t.words !== 1) continue;
        const cost = ocrDistance(rest, t.letters, t.budget);
        if (cost <= t.budget && (!best || cost < best.cost)) best = { term: t, cost };
      }
      if (!best) continue;
      const base = { tokens: 1, spaced: false, line: shape, bannerLike: true, tie: false };
      out.push({ ...base, term: first, start, end: p + 1, cost: 0, confusion: false });
      out.push({ ...base, term: best.term, start: p + 1, end, cost: best.cost, confusion: best.cost > 0 && onlyConfusions(rest, best.term.letters) });
      break;
    }
  }
  return out;
}

/** The share of a line's letters that exact readings cover. */
function markingShare(found: readonly VocabularyMatch[], shape: LineShape): number {
  let letters = 0;
  for (const m of found) letters += m.term.letters.length;
  return shape.letters === 0 ? 0 : letters / shape.letters;
}

/**
 * Every reading of the marking vocabulary in the text, in document order (memoized per
 * context). Banner-like lines are read whole and inexactly; other lines only where a vocabulary
 * word's trigger occurs, exactly, within {@link LINE_WINDOW} of it on long lines.
 */
export function findVocabulary(context: ScanContext): VocabularyMatch[] {
  return context.memo('vocabulary', () => {
    const { text, locator } = context;
    const out: VocabularyMatch[] = [];
    // Line → offset read so far (-1: none yet).
    const readUpTo = new Int32Array(locator.lineCount + 2).fill(-1);
    // A block of banner-like lines (at most one blank line apart) is also read across its line
    // breaks, for stamps whose words stand on several lines; such readings are kept where no
    // reading of a single line stands.
    let block: { start: number; end: number; lines: number; shape: LineShape; joins: boolean } | undefined;
    const readBlock = (): void => {
      if (!block || block.lines < 2 || !block.joins) return;
      for (const m of readLine(text, block.start, block.end, block.shape, true, true)) {
        const n = locator.lineOf(m.start);
        const { start, end } = locator.lineRange(n);
        out.push({ ...m, line: shapeLine(text, start, end), crossLine: true });
      }
    };
    for (let n = 1; n <= locator.lineCount; n++) {
      const { start, end } = locator.lineRange(n);
      if (end === start) continue;
      // Prose, or a long line of many words, is never banner-like: most lines are told so after
      // a few words, unshaped.
      const shape = end - start > SHAPE_READ ? undefined : shapeBannerCandidate(text, start, end);
      if (!shape || !isBannerLike(shape)) {
        readBlock();
        block = undefined;
        continue;
      }
      for (const m of readLine(text, start, end, shape, true)) out.push(m);
      readUpTo[n] = end;
      // Only a block holding a word of a spelling of several words may read across its lines
      // (asked only until one line of the block says yes).
      if (block && start - block.end <= 2) {
        block.end = end;
        block.lines++;
        if (!block.joins) block.joins = holdsSpellingWord(text, start, end);
      } else {
        readBlock();
        block = { start, end, lines: 1, shape, joins: holdsSpellingWord(text, start, end) };
      }
    }
    readBlock();
    for (const at of context.triggers(VOCABULARY_TRIGGER)) {
      const n = locator.lineOf(at);
      const window = context.lineAt(at);
      const from = Math.max(window.start, (readUpTo[n] as number) >= 0 ? (readUpTo[n] as number) : window.start);
      if (from >= window.end) continue;
      // Start at a token boundary: back up over the letters of a token cut by the window.
      let s = from;
      while (s > window.start && /[A-Za-z0-9]/.test(text[s - 1] as string)) s--;
      // An exact reading asks nothing of its line's shape but carries it: shape the line (up to
      // SHAPE_READ code units) only when something was read, most triggers being prose words.
      let found = readLine(text, s, window.end, UNSHAPED, false);
      readUpTo[n] = window.end;
      if (found.length === 0) continue;
      const line = locator.lineRange(n);
      const shape = shapeLine(text, line.start, line.end);
      for (const m of found) m.line = shape;
      // A line made mostly of markings ("NO FOREIGN DISSEM/BACKGROUND USE ONLY/NO DISSEM ABOAD"),
      // or a line in capitals that opens with a level (a cable's header: "SECRET 261530Z CITE …
      // RYBAT TYPIC ININTEL"), is banner-like whatever its length: read it again, inexactly.
      const opensWithLevel = shape.caps && found.some((m) => m.term.family === 'classification' && text.slice(line.start, m.start).replace(/[\s#*_>|`'"!.,:;\-[\](){}~]/g, '').length === 0);
      if (!shape.prose && found.length > 0 && (opensWithLevel || markingShare(found, shape) >= 0.5)) found = readLine(text, s, window.end, shape, true);
      for (const m of found) out.push(m);
    }
    out.sort((a, b) => a.start - b.start || a.end - b.end);
    return dropCrossLineOverlaps(out);
  });
}

/** The shape an exact reading is made with before its line is shaped (see findVocabulary): any will do. */
const UNSHAPED = shapeLine('', 0, 0);

/**
 * The words (four letters or more, upper case) of the spellings of several words, and the same
 * as a trie over A–Z (`next[node * 26 + letter]`, -1 for none; `ends[node]` 1 where a word ends).
 */
let spellingWords: { set: Set<string>; next: Int32Array; ends: Uint8Array } | undefined;

function getSpellingWords(): NonNullable<typeof spellingWords> {
  if (spellingWords) return spellingWords;
  const set = new Set(getVocabulary().flatMap((t) => (t.words > 1 ? t.wordLetters.filter((w) => w.length >= 4) : [])));
  const { next, ends } = letterTrie([...set]);
  const isEnd = new Uint8Array(next.length / 26);
  for (const node of ends) isEnd[node] = 1;
  spellingWords = { set, next, ends: isEnd };
  return spellingWords;
}

/** True when `[start, end)` holds a word of a spelling of several words ("HANDLE", "COMINT", "FOREIGN"), in any case. */
function holdsSpellingWord(text: string, start: number, end: number): boolean {
  const { set, next, ends } = getSpellingWords();
  const tokens = tokenize(text, start, end);
  for (let k = 0; k < tokens.count; k++) {
    const s = tokens.start[k] as number;
    const e = tokens.end[k] as number;
    if (e - s < 4 || e - s > 14) continue;
    // ASCII letters walk the trie; a token that leaves it while still in ASCII letters is no
    // word. Any other character (a digit, "ß", "ı") is upper-cased as a string and looked up.
    let node = 0;
    let p = s;
    for (; p < e && node >= 0; p++) {
      const c = text.charCodeAt(p);
      const letter = c >= 65 && c <= 90 ? c - 65 : c >= 97 && c <= 122 ? c - 97 : -1;
      if (letter < 0) break;
      node = next[node * 26 + letter] as number;
    }
    if (p < e && node >= 0) {
      if (set.has(text.slice(s, e).toUpperCase())) return true;
    } else if (node >= 0 && ends[node] === 1) return true;
  }
  return false;
}

/** Drops readings across line breaks that overlap a reading of one line (the single line wins). */
function dropCrossLineOverlaps(sorted: VocabularyMatch[]): VocabularyMatch[] {
  if (!sorted.some((m) => m.crossLine)) return sorted;
  const single = sorted.filter((m) => !m.crossLine);
  const kept: VocabularyMatch[] = [];
  let k = 0;
  for (const m of sorted) {
    if (!m.crossLine) {
      kept.push(m);
      continue;
    }
    while (k < single.length && (single[k] as VocabularyMatch).end <= m.start) k++;
    let overlaps = false;
    for (let q = k; q < single.length && (single[q] as VocabularyMatch).start < m.end; q++) overlaps = true;
    if (!overlaps) kept.push(m);
  }
  return kept;
}

/** A tick right before a reading: `X SECRET`, `☒ SECRET`, `[x] SECRET`, `(X) SECRET`. */
export const TICK_BEFORE = /(?:^|\s)(?:[xX✓✔☒☑√]|\[\s?[xX✓✔]\s?\]|\(\s?[xX✓✔]\s?\))\s*$/;

/** A box with something in it right before a reading ("[7] SECRET"): a tick OCR misread, where the line's other boxes are empty. */
export const MARKED_BOX_BEFORE = /[[(]\s?[^\s\])]\s?[\])]\s*$/;

/**
 * True when the line holding `offset` prints three classification levels or more: a form's
 * options (a routing slip's "UNCLASSIFIED  CONFIDENTIAL  SECRET"), of which only a ticked one
 * is the document's level, and the markings among them are options too.
 */
export function isOptionsLine(context: ScanContext, offset: number): boolean {
  const lines = context.memo('options-lines', () => {
    const levels = new Map<number, Set<string>>();
    for (const m of findVocabulary(context)) {
      if (m.term.family !== 'classification') continue;
      const at = context.lineAt(m.start).start;
      let set = levels.get(at);
      if (!set) levels.set(at, (set = new Set()));
      set.add(m.term.code);
    }
    const options = new Set<number>();
    for (const [at, set] of levels) if (set.size >= 3) options.add(at);
    return options;
  });
  return lines.size > 0 && lines.has(context.lineAt(offset).start);
}

/** The OCR repairs a reading made, for the record's `ocr`. */
export function repairsOf(m: VocabularyMatch, raw: string): OcrCorrection[] {
  const ocr: OcrCorrection[] = [];
  if (m.spaced) ocr.push({ from: raw, to: m.term.spelling, kind: 'letter-spacing' });
  if (m.cost > 0) ocr.push({ from: raw, to: m.term.spelling, kind: m.confusion ? 'letter-confusion' : 'edit' });
  return ocr;
}

/** True when a reading is written in capitals (at least 60% of its letters). */
export function inCapitals(raw: string): boolean {
  let letters = 0;
  let upper = 0;
  for (const ch of raw) {
    if (ch >= 'A' && ch <= 'Z') {
      letters++;
      upper++;
    } else if (ch >= 'a' && ch <= 'z') letters++;
  }
  return letters > 0 && upper >= 0.6 * letters;
}
