/**
 * Lines that hold a single 5–8 letter token and nothing but converter markup around it, the
 * usual place of a cable's closing banner (possibly after "END OF MESSAGE"). Found on LF text
 * by a check of each line's end, which gives what the regular expression gives without trying
 * it at every position; elsewhere by the expression.
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

/** A sticky copy of {@link LONE_TOKEN}, for the lines that open with "END". */
const LONE_TOKEN_AT = new RegExp(LONE_TOKEN.source, 'my');

/**
 * Every match of {@link LONE_TOKEN} in `text`, in order. On text without carriage returns or
 * Unicode line separators (where a line starts exactly after a line feed) each line is checked
 * from its end: tail marks, then a run of 5–8 token letters, then only markup back to the line
 * start. Only a line whose first letters are "END" (the optional "END OF MESSAGE", which may run
 * over several lines) is tried with the expression itself. Elsewhere the expression runs.
 */
export function findLoneTokens(text: string): LoneToken[] {
  const found: LoneToken[] = [];
  if (text.includes('\r') || text.includes('\u2028') || text.includes('\u2029')) {
    for (const m of text.matchAll(LONE_TOKEN)) {
      const token = m[1] as string;
      found.push({ index: m.index, tokenStart: m.index + m[0].lastIndexOf(token), token });
    }
    return found;
  }
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let j = start;
    while (j < end && IS_MARKUP[text.charCodeAt(j)] === 1) j++;
    if (text.startsWith('END', j)) {
      // The prefix may apply: let the expression decide, as its global search would here.
      LONE_TOKEN_AT.lastIndex = start;
      const m = LONE_TOKEN_AT.exec(text);
      if (m) {
        const token = m[1] as string;
        found.push({ index: start, tokenStart: start + m[0].lastIndexOf(token), token });
        const matchEnd = start + m[0].length;
        const next = text.indexOf('\n', matchEnd);
        // The search goes on from the match's end: at the next line start.
        start = next === -1 ? text.length + 1 : next + 1;
        continue;
      }
      start = end + 1;
      continue;
    }
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
