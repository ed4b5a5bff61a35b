import * as z from 'zod';
import { SpanSchema } from '../core/position.js';
import { gate } from './gated-pattern.js';
import { parseDate } from './parse-date.js';
import { isProse, type ScanContext } from './scan-context.js';
import { DIGITS, expand, trigger } from './trigger-automaton.js';

/**
 * What the words around a date say it is.
 *
 * - `release`: a release or review line names it (`Approved For Release 2004/05/05`, `DATE OF LAST REVIEW`, `… DATE 4-19-96 BY 5668`).
 * - `label`: a `Date:` field, which may be the document's date or a stamp's.
 * - `dateline`: a line holding little but the date (`October 27, 1962`, `**1962/10/28**`, `Washington, October 27, 1962.`).
 * - `prose`: running text, or a date cited after words such as "Directive of", "dated", "since".
 * - `instruction`: a date a marking instructs for the future (`DECL ON: 12 November 2021`, `REVIEW ON 2001`).
 */
export const DateCueSchema = z.enum(['release', 'label', 'dateline', 'prose', 'instruction']);
/** One of the date cues; see {@link DateCueSchema}. */
export type DateCue = z.infer<typeof DateCueSchema>;

/** A complete or partial calendar date found in a document's text. */
export const DateMentionSchema = z.object({
  /** The date as written. */
  raw: z.string(),
  /** `YYYY-MM-DD` when day, month and year are all known, else `null`. */
  iso: z.string().nullable(),
  /** The four-digit year (two-digit years: 00–30 → 2000s, else 1900s). */
  year: z.number().int(),
  span: SpanSchema,
  cue: DateCueSchema,
});
/** A date found in the text; see {@link DateMentionSchema}. */
export type DateMention = z.infer<typeof DateMentionSchema>;

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\\.?';
// The date forms of declassified documents, each a fixed sequence of bounded pieces (linear):
// 2004/05/05 | 3/13/93, 10-28-1962 | October 27, 1962 | 27 Oct 1962. A numeric date uses one
// separator throughout (the back-references): "1.1-86" is a guide's number, not a date. The
// look-behind and look-ahead refuse a date glued to more digits or slashes ("1/2/3/4", RDP ids).
// Trigger: a digit, separator and digit, or a month's name; a match starts at most 5 code units
// before it ("12  Oct", "1962/").
const DATE = gate(
  'dates/date',
  new RegExp(
    `(?<![\\d/.-])(?:\\d{4}([/.-])\\d{1,2}\\1\\d{1,2}|\\d{1,2}([/.-])\\d{1,2}\\2(?:\\d{4}|\\d{2})|${MONTH}\\s{1,3}\\d{1,2},?\\s{1,3}\\d{4}|\\d{1,2}\\s{1,3}${MONTH},?\\s{1,3}\\d{4})(?![\\d/]|[.-]\\d)`,
    'g',
  ),
  trigger('date', [...expand(DIGITS, ['/', '.', '-'], DIGITS), 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']),
  5,
);
// Words before a date on its line that make it a review or release date; a case only as a case
// number ("Case#: NW 88296 Date:", "Case No. F-1994-0123"), never "people involved in case". "Review" counts only
// right before the date ("DATE OF LAST REVIEW : 03/07/95", "Reviewed on 5/2/00"): elsewhere it
// is as often a title ("New York Review of Books, 14 September 1967") or prose.
const RELEASE_BEFORE =
  /approved\s+for\s+release|releas|declassif|de-classif|\breview(?:ed)?(?:\s+(?:date|on))?\s*[:.\-]?\s*$|sanitiz|\bNND\b|\bNARA\b|downgrad|\bFOIA\b|\bMDR\b|\bcase\s?(?:no\b\.?|number|#)|authority/i;
// A declassification or review instruction before a date on its line: the date is when to act,
// not when anything was written ("DECL X1; 12 November 2021", "Declassify on: 12/31/05",
// "REVIEW ON 3/1/2000"). "DECLASSIFIED ON" is a release, not an instruction.
const INSTRUCTION_BEFORE = /\b(?:decl(?:assify)?|review\s+on|downgrade\s+(?:to\s+\w+\s+)?on)\b[^\n]{0,24}$/i;
/** In running text a release word counts only this close before the date ("released on 4 May 1998"). */
const PROSE_CUE_REACH = 30;
/** On any other line, this close: a stamp's field label stands right before its date. */
const LINE_CUE_REACH = 40;
// A journal's title is not a review: "National Review, 6 May 1969", "Harvard Law Review".
const TITLE_REVIEW = /\b[A-Z][a-z]+\s+(?:Law\s+)?Review\b/g;
// Words right before a date that make it a date cited in the text (a directive's, a letter's, a
// message's), never the date of the document or of its review: "Directive of 22 January 1946",
// "your letter dated 3 May", "since 1 June 1961".
const CITED_BEFORE =
  /\b(?:of|on|since|until|till|from|after|before|in|by|to|between|and|dated|directive|order|act|law|letter|memo(?:randum)?|cable|message|dispatch|report|ref(?:erence)?)\s*[,:]?\s*$/i;
// Words after it: "DATE 4-19-96 BY 5668 SLD/KSR" (FBI declassification line).
const RELEASE_AFTER = /^\W{0,3}BY\s+\d/i;
// A "Date:" label right before the date.
const LABEL = /\b(?:date|dated|DTG)\s*[:.]?\s*\**\s*$/i;

/** A date as {@link findDates} finds it: a {@link DateMention} with 0-based offsets instead of a span. */
export interface FoundDate extends Omit<DateMention, 'span'> {
  /** 0-based offset of the date's first code unit. */
  start: number;
  /** 0-based offset just past the date (exclusive). */
  end: number;
}

/**
 * Finds the dates in a document's text and says, from the words around each, whether it looks
 * like a release date, a dated field, a dateline or a date in prose. Which of them is the
 * document's own date and which the review date is decided later, by `assess`, which also sees
 * the stamps. Never throws; linear in the text's length.
 */
export function findDates(context: ScanContext): FoundDate[] {
  const { text } = context;
  const found: FoundDate[] = [];
  for (const m of context.matches(DATE)) {
    const parsed = parseDate(m[0]);
    if (!parsed || parsed.year === undefined) continue;
    const start = m.index;
    const end = start + m[0].length;
    const line = context.lineAt(start);
    const before = text.slice(line.start, start);
    const after = text.slice(end, Math.min(line.end, end + 20));
    const whole = text.slice(line.start, line.end);
    // In running text only the words right before a date speak for it: a long paragraph that
    // mentions a review somewhere does not make each of its dates a review date.
    const prose = isProse(whole);
    const near = before.slice(-(prose ? PROSE_CUE_REACH : LINE_CUE_REACH)).replace(TITLE_REVIEW, '');
    let cue: DateCue;
    if (INSTRUCTION_BEFORE.test(before.slice(-40))) cue = 'instruction';
    else if (RELEASE_BEFORE.test(near) || RELEASE_AFTER.test(after)) cue = 'release';
    else if (LABEL.test(before)) cue = 'label';
    else if (prose || CITED_BEFORE.test(before)) cue = 'prose';
    else cue = 'dateline';
    found.push({ raw: m[0], iso: parsed.iso ?? null, year: parsed.year, start, end, cue });
  }
  return found;
}
