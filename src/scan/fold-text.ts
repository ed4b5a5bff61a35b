/**
 * Unicode folding before detection: the detectors read a plain-ASCII-like view of the text, and
 * every position they report is mapped back to the text as written, so spans stay exact.
 *
 * - Every Unicode space character (no-break, thin, figure, ideographic spaces …) and the tab
 *   read as a plain space: `TOP\u00a0SECRET` is `TOP SECRET`, `(b)\t(1)` is `(b) (1)`.
 * - Fullwidth forms (U+FF01–U+FF5E) read as their ASCII letters, digits and punctuation:
 *   `ＳＥＣＲＥＴ`, `（b）（1）`, `［REDACTED］`.
 * - Format characters that print nothing (zero-width space, joiners, soft hyphen, bidirectional
 *   marks and isolates, word joiner, a byte-order mark inside the text) are skipped, so
 *   `(b)\u200b(1)` and `SEC\u00adRET` read as written without them.
 *
 * Line breaks (LF, CR, U+2028, U+2029) and form feeds are left alone: they delimit lines and
 * pages. Every other character is kept as it is, so folding never joins or splits lines.
 */

/** Characters read as a plain space. */
const SPACES = '\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000';

/** Format characters skipped: they print nothing and OCR or word processors insert them anywhere. */
const IGNORABLE = '\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff';

/** Any character folding changes; a text without one is read as it is, at no cost. */
const FOLDABLE = /[\t\u00a0\u00ad\u1680\u180e\u2000-\u200f\u202a-\u202f\u205f-\u2064\u2066-\u2069\u3000\ufeff\uff01-\uff5e]/;

/** For each code unit: 0 keep, 1 space, 2 skip, 3 fullwidth (subtract 0xfee0). */
const ACTION = new Uint8Array(65536);
for (const ch of SPACES) ACTION[ch.charCodeAt(0)] = 1;
for (const ch of IGNORABLE) ACTION[ch.charCodeAt(0)] = 2;
for (let c = 0xff01; c <= 0xff5e; c++) ACTION[c] = 3;

/** A text as the detectors read it, with the way back to the text as written. */
export interface FoldedText {
  /** The folded text. */
  readonly text: string;
  /**
   * `null` when the folded text has the same length as the original (offsets are shared);
   * otherwise, for each 0-based offset of the folded text, the offset of the same code unit in
   * the original, plus one last entry for the end (the original's length).
   */
  readonly map: Int32Array | null;
}

/** Folds `text` as described in this module's comment. Pure; linear in the text's length. */
export function foldText(text: string): FoldedText {
  if (!FOLDABLE.test(text)) return { text, map: null };
  const parts: string[] = [];
  let map: Int32Array | null = null;
  let out = 0; // folded offset of the next output code unit
  let runStart = 0; // start of the run of kept characters not yet copied
  const flush = (to: number): void => {
    if (to > runStart) {
      parts.push(text.slice(runStart, to));
      if (map) for (let k = runStart; k < to; k++) map[out++] = k;
      else out += to - runStart;
    }
  };
  for (let i = 0; i < text.length; i++) {
    const action = ACTION[text.charCodeAt(i)] as number;
    if (action === 0) continue;
    flush(i);
    runStart = i + 1;
    if (action === 2) {
      if (!map) {
        // First skipped character: from here on, offsets differ; record the identity so far.
        map = new Int32Array(text.length + 1);
        for (let k = 0; k < out; k++) map[k] = k;
      }
      continue;
    }
    parts.push(action === 1 ? ' ' : String.fromCharCode(text.charCodeAt(i) - 0xfee0));
    if (map) map[out] = i;
    out++;
  }
  flush(text.length);
  if (!map) return { text: parts.join(''), map: null };
  map[out] = text.length;
  return { text: parts.join(''), map: map.subarray(0, out + 1) };
}

/**
 * Maps a span of the folded text back to the original: `[start, end)` in folded offsets becomes
 * the span of the same characters as written (skipped characters inside it are included, those
 * just outside it are not).
 */
export function unfoldSpan(map: Int32Array, start: number, end: number): [number, number] {
  const s = map[start] as number;
  const e = end > start ? (map[end - 1] as number) + 1 : s;
  return [s, e];
}
