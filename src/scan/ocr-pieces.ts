import { CONFUSABLE, PAIRS } from './ocr.js';

/**
 * A cheap necessary condition for an OCR reading: before a window of written text is measured
 * against a spelling by `ocrDistance` (or an `OcrAligner`), ask whether one of the spelling's
 * **pieces** occurs in it, every character folded to its OCR letter class.
 *
 * Why a reading within `budget` half edits must hold a piece (the pigeonhole argument). Take an
 * alignment of the written window with the spelling of cost at most `budget`. Its steps are:
 * - a letter as written or a confusion OCR makes (`0` for `O`, cost 0 or 1): the written
 *   character and the letter fold to the same class (classes are the connected groups of
 *   {@link CONFUSABLE}, built below), so the folded texts agree there;
 * - a letter pair for one letter (`rn` for `M`) or one letter for a pair (`m` for `RN`), cost 1:
 *   they touch only the spelling's pair letters (`M`, `W`, `D`) and the letters of its pair
 *   bigrams (`RN`, `VV`, `CL`), which no piece holds;
 * - any other substitution, an extra or a missing letter, or two neighbours swapped, cost 2
 *   each: each touches at most one piece, since pieces are at least one letter apart (a swap
 *   touches two neighbouring letters).
 * So at most `floor(budget / 2)` pieces are touched, and a spelling cut into `floor(budget / 2) + 1`
 * pieces keeps one untouched: its letters are written in order, next to each other, each as
 * itself or as a confusion: the piece occurs, folded, inside the folded window.
 *
 * And where: a piece that starts `a` letters into the spelling starts within `budget` characters
 * of `a` characters into the window. Before it, the alignment's steps that write more or fewer
 * characters than they read letters (an extra or a missing letter, a pair for a letter, a letter
 * for a pair) each shift it by one and cost at least half an edit; the others shift nothing.
 */

/** Characters (code units) → their OCR letter class (1 …), 0 for characters that stand for no letter. */
const CLASS: Uint8Array = (() => {
  // Union–find over characters: a confusion joins the written character's class and the letter's.
  const parent = new Map<string, string>();
  const find = (c: string): string => {
    let root = c;
    while ((parent.get(root) ?? root) !== root) root = parent.get(root) as string;
    return root;
  };
  const join = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  for (let c = 65; c <= 90; c++) parent.set(String.fromCharCode(c), String.fromCharCode(c));
  for (const [written, letters] of Object.entries(CONFUSABLE)) {
    if (!parent.has(written)) parent.set(written, written);
    for (const letter of letters) join(written, letter);
  }
  const ids = new Map<string, number>();
  let size = 123; // lower-case ASCII letters and below
  for (const c of parent.keys()) size = Math.max(size, c.charCodeAt(0) + 1);
  const table = new Uint8Array(size);
  for (const c of parent.keys()) {
    const root = find(c);
    if (!ids.has(root)) ids.set(root, ids.size + 1);
    table[c.charCodeAt(0)] = ids.get(root) as number;
  }
  // Lower-case ASCII letters are read as capitals.
  for (let c = 97; c <= 122; c++) table[c] = table[c - 32] as number;
  return table;
})();

/** The OCR letter class of a code unit (see {@link CLASS}); 0 when it stands for no letter. */
export function ocrClassOf(code: number): number {
  return code < CLASS.length ? (CLASS[code] as number) : 0;
}

/** The letters a letter pair or a letter written for a pair may stand in for: no piece holds them. */
const PAIR_LETTERS = new Set(Object.values(PAIRS));
const PAIR_BIGRAMS = new Set(Object.keys(PAIRS));

/**
 * The pieces of `letters` (upper-case A–Z) for a reading within `budget` half edits:
 * `floor(budget / 2) + 1` runs of letter classes, at least one letter apart, none holding a pair
 * letter or a letter of a pair bigram, each as long as can be. Laid out flat: for each piece,
 * where it starts in the spelling (0-based), its length, then its letter classes. `undefined`
 * when the spelling has too few such letters.
 */
export function piecesOf(letters: string, budget: number): Int32Array | undefined {
  const count = Math.floor(budget / 2) + 1;
  // The letters a piece may hold, as runs [start, end).
  const free = Array.from({ length: letters.length }, (_, k) => !PAIR_LETTERS.has(letters[k] as string));
  for (let k = 0; k + 1 < letters.length; k++) {
    if (PAIR_BIGRAMS.has(letters.slice(k, k + 2))) free[k] = free[k + 1] = false;
  }
  const runs: Array<[number, number]> = [];
  for (let k = 0; k < letters.length; k++) {
    if (!free[k]) continue;
    const start = k;
    while (k < letters.length && free[k]) k++;
    runs.push([start, k]);
  }
  // The longest length q at which `count` pieces fit: a run of r letters holds floor((r + 1) / (q + 1)).
  for (let q = letters.length; q >= 1; q--) {
    let fits = 0;
    for (const [s, e] of runs) fits += Math.floor((e - s + 1) / (q + 1));
    if (fits < count) continue;
    // Pieces of q letters, one letter apart, from the left of each run; then each grows to the
    // right over letters left over (up to one letter before the next piece, or its run's end).
    const spans: Array<[number, number, number]> = [];
    for (const [s, e] of runs) {
      for (let at = s; at + q <= e && spans.length < count; at += q + 1) spans.push([at, at + q, e]);
    }
    for (let k = spans.length - 1; k >= 0; k--) {
      const span = spans[k] as [number, number, number];
      const next = spans[k + 1];
      const limit = next && next[0] < span[2] ? next[0] - 1 : span[2];
      span[1] = limit;
    }
    return Int32Array.from(spans.flatMap(([s, e]) => [s, e - s, ...Array.from(letters.slice(s, e), (ch) => ocrClassOf(ch.charCodeAt(0)))]));
  }
  return undefined;
}

/**
 * True when one of the `packed` pieces (see {@link piecesOf}) occurs in `folded[from, to)`
 * (letter classes as {@link ocrClassOf} gives them; 0 matches no piece), starting within
 * `shift` of its offset from `from`.
 */
export function holdsPiece(folded: Uint8Array, from: number, to: number, packed: Int32Array, shift: number): boolean {
  for (let k = 0; k < packed.length; ) {
    const offset = packed[k] as number;
    const length = packed[k + 1] as number;
    const classes = k + 2;
    k = classes + length;
    const first = packed[classes] as number;
    const last = Math.min(to - length, from + offset + shift);
    for (let s = Math.max(from, from + offset - shift); s <= last; s++) {
      if (folded[s] !== first) continue;
      let q = 1;
      while (q < length && folded[s + q] === packed[classes + q]) q++;
      if (q === length) return true;
    }
  }
  return false;
}
