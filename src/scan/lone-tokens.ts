/**
 * Lines that hold a single 5–8 letter token and nothing but converter markup around it, the
 * usual place of a cable's closing banner (possibly after "END OF MESSAGE"). Found with a
 * regular expression in general, and on plain LF text by a backward check of each line's end,
 * which gives the same tokens without trying the expression at every position.
 */

/** Markup before the token. */
const MARKUP = ' \t#*_>|`\'"‘’“”![]{}~\\.,:;-–—';
/** What may follow the token on its line. */
const TAIL = ' \t™_.-–—*\'"’”|]\\';

/** The reference form: a line of one token, after markup and an optional "END OF MESSAGE". */
export const LONE_TOKEN = /^[ \t#*_>|`'"‘’“”!\[\]{}~\\.,:;\-–—]*(?:END\W{0,2}\s?OF\s+MESSAGE[\s\-–—_.]*)?([A-Za-z<]{5,8})[ \t™_.\-–—*'"’”|\]\\]*$/gm;

const IS_MARKUP = new Uint8Array(65536);
const IS_TAIL = new Uint8Array(65536);
const IS_TOKEN = new Uint8Array(65536);
for (const ch of MARKUP) IS_MARKUP[ch.charCodeAt(0)] = 1;
for (const ch of TAIL) IS_TAIL[ch.charCodeAt(0)] = 1;
for (let c = 65; c <= 90; c++) IS_TOKEN[c] = IS_TOKEN[c + 32] = 1;
IS_TOKEN[60] = 1; // <

/** One lone token: where its line's match starts and where the token itself starts (0-based). */
export interface LoneToken {
  /** Where the match of {@link LONE_TOKEN} starts (the line start). */
  index: number;
  /** Where the token starts. */
  tokenStart: number;
  token: string;
}

/**
 * Every line of `text` that {@link LONE_TOKEN} matches, in order. On text without "MESSAGE",
 * carriage returns or Unicode line separators (where a line is exactly what lies between line
 * feeds, and the optional prefix cannot occur) each line is checked from its end: tail marks,
 * then a run of 5–8 token letters, then only markup back to the line start.
 */
export function findLoneTokens(text: string): LoneToken[] {
  const found: LoneToken[] = [];
  if (text.includes('MESSAGE') || text.includes('\r') || text.includes('\u2028') || text.includes('\u2029')) {
    for (const m of text.matchAll(LONE_TOKEN)) {
      const token = m[1] as string;
      found.push({ index: m.index, tokenStart: m.index + m[0].lastIndexOf(token), token });
    }
    return found;
  }
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let i = end;
    while (i > start && IS_TAIL[text.charCodeAt(i - 1)] === 1) i--;
    const tokenEnd = i;
    while (i > start && IS_TOKEN[text.charCodeAt(i - 1)] === 1) i--;
    const length = tokenEnd - i;
    if (length >= 5 && length <= 8) {
      const tokenStart = i;
      while (i > start && IS_MARKUP[text.charCodeAt(i - 1)] === 1) i--;
      if (i === start) found.push({ index: start, tokenStart, token: text.slice(tokenStart, tokenEnd) });
    }
    start = end + 1;
  }
  return found;
}
