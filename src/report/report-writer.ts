import type { ReportPart, ReportTotals } from './create-report-stream.js';

/**
 * Where a piece of a streamed report goes once the totals are known: text as it is, or every
 * piece written to one section, in order. A section given `tokens` has placeholders in it
 * (U+0000, a number, U+0000; JSON and every escaped channel write U+0000 as an escape, never
 * raw), each to be replaced by `tokens[number]`: SARIF's rule indexes, known only at the end.
 */
export type ReportLayoutPart = string | { section: number; tokens?: readonly string[] };

/**
 * How one format writes a report document by document, for a run whose documents are not all
 * held at once: `document` renders each {@link ReportPart} as one piece per section (the caller
 * parks them, in order, in memory or a file), and `end` says, once the totals are known, what
 * the whole output is: text, and where each section goes. Pure: each call returns strings and
 * the writer remembers only small totals (for SARIF, the rules and sources seen). Each
 * formatter's writer shares its per-document rendering with the formatter, so the output
 * joined by {@link joinReportLayout} is byte for byte what the formatter returns for the whole
 * report.
 */
export interface ReportWriter {
  /** How many sections `document` writes to. */
  sections: number;
  /** One piece per section (`''` for none) for the next document. */
  document(part: ReportPart): readonly string[];
  /** The whole output in order, once every document was written. */
  end(totals: ReportTotals): ReportLayoutPart[];
}

/**
 * Lines each ended by `end` (a line break by default): what `lines.join(end) + end` is for a
 * non-empty list, and nothing for an empty one, so pieces written apart join to one text.
 */
export function linesOf(lines: readonly string[], end = '\n'): string {
  let out = '';
  for (const line of lines) out += `${line}${end}`;
  return out;
}

/**
 * A section's text with its placeholders replaced, chunk by chunk: a placeholder cut between
 * two chunks is held back until the next. Chunks can be of any size.
 */
export function* fillTokens(chunks: Iterable<string>, tokens: readonly string[]): Generator<string> {
  let carry = '';
  for (const chunk of chunks) {
    let text = carry + chunk;
    carry = '';
    // An odd number of U+0000 means the last placeholder is not complete yet.
    let nulls = 0;
    for (let at = text.indexOf('\u0000'); at !== -1; at = text.indexOf('\u0000', at + 1)) nulls += 1;
    if (nulls % 2 === 1) {
      const cut = text.lastIndexOf('\u0000');
      carry = text.slice(cut);
      text = text.slice(0, cut);
    }
    // A placeholder: U+0000, digits, U+0000 (a fresh regex each time: `g` is stateful).
    if (text) yield text.replace(/\u0000(\d+)\u0000/g, (_, n: string) => tokens[Number(n)] ?? '');
  }
  if (carry) yield carry;
}

/**
 * Joins a streamed report in memory: the layout `end` returned, with each section's pieces.
 * What the CLI does with files, for tests and for callers whose output fits in memory.
 */
export function joinReportLayout(layout: readonly ReportLayoutPart[], sections: readonly (readonly string[])[]): string {
  let out = '';
  for (const part of layout) {
    if (typeof part === 'string') out += part;
    else {
      const pieces = sections[part.section] ?? [];
      for (const piece of part.tokens ? fillTokens(pieces, part.tokens) : pieces) out += piece;
    }
  }
  return out;
}
