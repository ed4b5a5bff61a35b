/**
 * Characters that act on a terminal or a reader instead of being read: C0 controls (ESC starts
 * the sequences that move the cursor, recolour or hide text, reset the terminal), DEL, C1
 * controls (U+009B is a one-character ESC [), the bidirectional controls that reorder what is
 * shown (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), the Unicode line and paragraph
 * separators, and lone surrogates (printed as U+FFFD, hiding what the text holds).
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NAMED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One character as an escape: `\t`, `\n`, `\r`, else `\x1b` below U+0100 and `\u202e` above. */
function escapeOne(ch: string): string {
  const named = NAMED[ch];
  if (named !== undefined) return named;
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Shows control characters as escapes (`\x1b`, `\n`, `\u202e`, see {@link CONTROL}) so a text
 * taken from a document, a file name or a rule file can be printed without acting on the
 * terminal or forging lines. `keep` lists characters to leave as they are (the GitHub channel
 * keeps CR and LF to percent-encode them). Every output channel escapes through this function.
 */
export function escapeControlCharacters(text: string, keep = ''): string {
  return text.replace(CONTROL, (ch) => (keep.includes(ch) ? ch : escapeOne(ch)));
}
