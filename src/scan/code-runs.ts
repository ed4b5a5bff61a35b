import type { OcrCorrection, Role } from '../core/vocabulary.js';
import { gate } from './gated-pattern.js';
import { readDigits } from './ocr.js';
import { clauseAround, isTicked, judgeClause } from './clause-role.js';
import { countLowerWords, isMarkupOnly, isProse, type ScanContext } from './scan-context.js';
import { expand, trigger } from './trigger-automaton.js';

/**
 * One exemption-like code token: `(b)(7)(C)`, `(k)(5)`, `(a)(3)`, `b6`, `B7C`, `b7E-1, 2`.
 * Offsets are 0-based UTF-16, `end` exclusive.
 */
export interface CodeToken {
  start: number;
  end: number;
  /** The scheme letter, lower-cased: `b` FOIA, `j`/`k`/`d` Privacy Act, `a`/`c` review codes, `x` the `(X)` box. */
  letter: string;
  /** The number after the letter, after OCR repair (`7` for `(b)(7)(C)`), or `''` for `(X)`. */
  number: string;
  /** Further parenthesized groups as written, e.g. `['C']` or `['A', '3']`. */
  extra: string[];
  /** A subparagraph letter written without parentheses (`(b)(7)C`, `b7C`). */
  glued: string | null;
  /** FBI Vaughn category numbers (`b7E-1, 2` → `1, 2`). */
  categories: string | null;
  /** `paren` for `(b)(1)`, `bare` for `b1`, `b(1)`, `B-1`. */
  form: 'paren' | 'bare';
  ocr: OcrCorrection[];
}

/** A run of code tokens written together: a margin stack, a list, a stamp field. */
export interface CodeRun {
  tokens: CodeToken[];
  start: number;
  end: number;
  /** `marking` for margin codes and stamp fields, `mention` for codes cited in prose. */
  role: Role;
  confidence: number;
  /** True when the run follows a release label such as `RELEASED IN PART` or `FOIA Exemptions`. */
  labelled: boolean;
  /** Why the run was read as it was, when that needs saying. */
  note?: string;
  /** `claim`: asserted in words as the basis of a withholding; `form-legend`: an option printed on a form. */
  context?: 'claim' | 'form-legend';
}

// Parenthesized chain: a scheme letter in parentheses, a number in parentheses (OCR digit
// look-alikes allowed); after a 7, one subparagraph letter in either case ("(b)(7)(c)"); then up
// to three more groups that can only continue this code (an upper-case letter, digits,
// High/Low: "(b)(1)(A)(3)", "(b)(2)(High)"), so "(b)(1) (b)(3)" stays two tokens; then an
// optional subparagraph letter glued on ("(b)(7)C"). Spaces, never line breaks, may separate
// the groups; each group is delimited by its parentheses, so nothing can backtrack. The second
// alternative is the "(X)" box of State stamps.
const PAREN = gate(
  'code-runs/paren',
  /\( ?([A-Za-z]) ?\) ?\( ?([0-9lI|!SZOo]{1,2}) ?\)(?:(?<=7 ?\)) ?\( ?([a-fA-F]) ?\))?((?: ?\( ?(?!5 ?\) ?-? ?B)(?:[A-WYZ]|\d{1,2}|High|HIGH|high|Low|LOW|low) ?\)){0,3})(?:([A-F])(?![A-Za-z0-9]))?|\( ?[xX] ?\)/g,
  trigger('(', ['(']),
);

// Bare short form: a scheme letter not glued to a word, an optional hyphen or space (never a
// line break: a "j" on one line and a "4" on the next are not a code), then one
// digit (or OCR look-alike) either plain (`b6`) or in parentheses (`b(6)`), not followed by
// another digit (so `B-52` and `B 1990` do not match), then an optional subparagraph letter
// (`b7C`, `b7-C`, `B7(C)`), and nothing word-like after it.
const BARE = gate(
  'code-runs/bare',
  /(?<![A-Za-z0-9()§.\-/])([bBjJkKdD])(?:-|[ \t])?(?:\( ?([0-9lI]) ?\)|([0-9lI])(?![0-9]))(?:(?:-|[ \t])?\( ?([A-Fa-f]) ?\)|-?([A-Fa-f]))?(?![A-Za-z0-9])/g,
  trigger('bare code', expand(['b', 'B', 'j', 'J', 'k', 'K', 'd', 'D'], ['', '-', ' '], ['(', '0', 'l', 'I'])),
);

// Further subparagraphs of (b)(7) listed after one: ", (D)", " and (D)", " & (E)" (sticky, one at a time).
const MORE_SUBPARAGRAPHS = / ?(?:,|and|&|or) ?\( ?([A-Fa-f]) ?\)(?![ ]?\()/y;

// FBI Vaughn category numbers after a bare code: ` -1`, `-1, 2, 3, 6` (OCR `l` for 1).
const CATEGORIES = /\s?-\s?([0-9lI]{1,2}(?:\s?,\s?[0-9]{1,2}){0,8})(?![0-9A-Za-z])/y;

// What may stand between two tokens of one run: spaces, line breaks, list punctuation, "and"/"or",
// a lone capital left by OCR ("B7C B JI"), and E.O. reason citations written among the codes
// ("B1, 1.4(B), B6").
const RUN_GAP = /^(?:[\s,;/&|]|and|or|[A-Z](?=\s)|[1l3]\.\s?[3-6]\s?\(\s?[a-hA-H]\s?\)(?:\s?\(\d{1,2}\))?)*$/;

// A release or exemption label right before a run: the codes fill a stamp field.
const LABEL_CUE =
  /(?:RELEASED?\s+IN\s+(?:PART|FULL)|DENIED\s+IN\s+(?:PART|FULL)|DECLASSIFY\s+IN\s+PART|EXEMPTIONS?|Exemptions?|EXEMPTION\s+CODES?|FOIA|FOI|PA)\s*[:.\-–]?\s*$/;

// Words that make a following "(b)(1)" a subsection of some other text, not an exemption code,
// also with the paragraph's own number between ("Paragraph 2:(d) (1)"), and a regulation's
// paragraph right before it ("HR 20-306(3) (b) (10)").
const SKIP_CUE = /\b(?:sub)?(?:sections?|sec\.|paragraphs?|para\.|clauses?|articles?|subparagraphs?|rules?|items?)\s*(?:(?:\d{1,2}|[IVX]{1,4}|[A-Z])\s?[:,.]?\s*)?$|\b\d{1,4}[-–.]\d{1,5}(?:\s?\([0-9a-z]{1,3}\))+\s*$/i;

// Words that make a code cited in a sentence a mention: "exempt under Title 5 U.S.C. 552 (b)(1)".
const MENTION_CUE =
  /\b(?:exempt\w*|FOIA|552a?|U\.\s?S\.\s?C\.?|USC|under|pursuant|basis|cit(?:e|es|ed|ing)|invok\w*|claim\w*|view|withh[eo]ld\w*|Privacy Act)\b/i;

// Words right before a bare code that make it a label of something else: "Tab B1", "Exhibit B6".
const BARE_BLOCK =
  /\b(?:tabs?|exhibits?|items?|figures?|fig\.|tables?|appendix|annex|pages?|vitamins?|grids?|rows?|columns?|rooms?|apt\.?|seats?|parts?|lines?|plans?|types?|models?|forms?|boeing|sections?|steps?|phases?|cells?|blocks?|buildings?|gates?|levels?|categor(?:y|ies)|class|group|hepatitis|and)\s*$/i;

/** How many different codes make a list a printed legend rather than codes applied. */
const LEGEND_CODES = 6;

// A redaction placeholder right before or after codes: the codes were written at the deletion.
const PLACEHOLDER_BEFORE = /(?:\[(?:REDACTED|redacted|Redacted|DELETED|deleted|Deleted|[^\]\n]{0,40}(?:redact|delet|withh|blacked|excis)\w*[^\]\n]{0,40})\]|█|X{4,})\s*[-–:,]?\s*$/;
const PLACEHOLDER_AFTER = /^\s*[-–:,]?\s*(?:\[(?:REDACTED|redacted|Redacted|DELETED|deleted|Deleted|[^\]\n]{0,40}(?:redact|delet|withh|blacked|excis)\w*[^\]\n]{0,40})\]|█|X{4,})/;

/** Finds every code token of the text and groups them into runs with a role. Memoized per context. */
export function findCodeRuns(context: ScanContext): CodeRun[] {
  return context.memo('code-runs', () => buildRuns(context));
}

function buildRuns(context: ScanContext): CodeRun[] {
  const { text } = context;
  const tokens: CodeToken[] = [];
  for (const m of context.matches(PAREN)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] === undefined) {
      tokens.push({ start, end, letter: 'x', number: '', extra: [], glued: null, categories: null, form: 'paren', ocr: [] });
      continue;
    }
    const letter = m[1].toLowerCase();
    if (!'bjkdac'.includes(letter)) continue;
    const digits = readDigits(m[2] as string);
    if (!digits) continue;
    const extra = [...(m[4] ?? '').matchAll(/\( ?([A-Za-z0-9]{1,4}) ?\)/g)].map((g) => g[1] as string);
    if (m[3]) extra.unshift(m[3].toUpperCase());
    tokens.push({ start, end, letter, number: digits.digits, extra, glued: m[5] ?? null, categories: null, form: 'paren', ocr: digits.ocr });
    // "(b) (7) (C) and (D)": the further subparagraphs of (b)(7) listed after it are codes too.
    if (letter === 'b' && digits.digits === '7' && m[3]) {
      MORE_SUBPARAGRAPHS.lastIndex = end;
      for (let more = MORE_SUBPARAGRAPHS.exec(text); more; more = MORE_SUBPARAGRAPHS.exec(text)) {
        const s = more.index + more[0].lastIndexOf('(');
        tokens.push({ start: s, end: more.index + more[0].length, letter, number: '7', extra: [(more[1] as string).toUpperCase()], glued: null, categories: null, form: 'paren', ocr: [] });
      }
    }
  }
  for (const m of context.matches(BARE)) {
    const start = m.index;
    let end = start + m[0].length;
    const digits = readDigits((m[2] ?? m[3]) as string);
    if (!digits) continue;
    const sub = m[4] ?? m[5] ?? null;
    // Only FBI FOIA codes carry Vaughn categories.
    CATEGORIES.lastIndex = end;
    const cat = /[bB]/.test(m[1] as string) ? CATEGORIES.exec(text) : null;
    let categories: string | null = null;
    if (cat) {
      const read = readDigits((cat[1] as string).replace(/[\s,]+/g, ''));
      if (read) {
        categories = (cat[1] as string).replace(/[lI]/g, '1').replace(/\s+/g, ' ');
        end = cat.index + cat[0].length;
      }
    }
    tokens.push({
      start,
      end,
      letter: (m[1] as string).toLowerCase(),
      number: digits.digits,
      extra: [],
      glued: sub ? sub.toUpperCase() : null,
      categories,
      form: 'bare',
      ocr: digits.ocr,
    });
  }
  tokens.sort((a, b) => a.start - b.start);

  const runs: CodeRun[] = [];
  let current: CodeToken[] = [];
  const flush = (): void => {
    if (current.length > 0) {
      const run = classifyRun(context, current);
      if (run) runs.push(run);
    }
    current = [];
  };
  for (const token of tokens) {
    const last = current[current.length - 1];
    if (last && token.start < last.end) continue; // overlapping read of the same characters
    if (last) {
      const gap = text.slice(last.end, token.start);
      const newlines = gap.split('\n').length - 1;
      if (gap.length > 24 || newlines > 2 || !RUN_GAP.test(gap)) flush();
    }
    current.push(token);
  }
  flush();
  return runs;
}

/** The exemptions a bare short form can name: FOIA (b)(1)–(9) and (b)(7)(A)–(F), Privacy Act (d)(5), (j)(1)–(2), (k)(1)–(7). */
const BARE_NUMBERS: Readonly<Record<string, string>> = { b: '123456789', d: '5', j: '12', k: '1234567' };

/**
 * True when a bare token (`b6`, `b7C`, `k5`) is written as the code it names: an exemption that
 * exists, its digit written as a digit (not an OCR letter such as the I of "DI"), and a (b)(7)
 * subparagraph only on a 7.
 */
function isWrittenBareCode(t: CodeToken): boolean {
  if (t.form !== 'bare') return true;
  if (t.ocr.length > 0 || t.number.length !== 1) return false;
  if (!(BARE_NUMBERS[t.letter] ?? '').includes(t.number)) return false;
  return t.glued === null || (t.letter === 'b' && t.number === '7');
}

/** Decides what a run is from the text on its line: margin codes, a stamp field, or prose. */
function classifyRun(context: ScanContext, found: CodeToken[]): CodeRun | undefined {
  const { text } = context;
  // A bare token is a code only when it names an exemption that exists, read without repairing a
  // letter into its digit: "DIA", "DI", "BI", "J 4", "D-4", "b0" merely have a code's letters. A
  // code that does not exist is reported (pa-code-range, foia-code-unknown) only when it is
  // written as a code, in parentheses.
  const tokens = found.filter((t) => t.form === 'paren' || isWrittenBareCode(t));
  if (tokens.length === 0) return undefined;
  const first = tokens[0] as CodeToken;
  const last = tokens[tokens.length - 1] as CodeToken;
  const firstLine = context.lineAt(first.start);
  const lastLine = context.lineAt(last.end);
  const before = text.slice(firstLine.start, first.start);
  const after = text.slice(last.end, lastLine.end);
  const prevChar = first.start > 0 ? text[first.start - 1] : '';
  let kept = tokens;

  // Bare short forms need a reason to be codes: company in a run, a label, FBI categories,
  // or a line of their own; and never right after words like "Tab" or "Exhibit".
  const hasBare = tokens.some((t) => t.form === 'bare');
  if (hasBare) {
    const labelled = LABEL_CUE.test(before);
    const alone = isMarkupOnly(before) && isMarkupOnly(after);
    const blocked = BARE_BLOCK.test(before);
    kept = tokens.filter(
      (t) =>
        t.form === 'paren' ||
        labelled ||
        (!blocked && (tokens.length >= 2 || alone || t.categories !== null || /\(/.test(text.slice(t.start, t.end)))),
    );
    if (kept.length === 0) return undefined;
  }

  const run = (role: Role, confidence: number, labelled = false, note?: string, clauseContext?: CodeRun['context']): CodeRun => ({
    tokens: kept,
    start: (kept[0] as CodeToken).start,
    end: (kept[kept.length - 1] as CodeToken).end,
    role,
    confidence,
    labelled,
    ...(note ? { note } : {}),
    ...(clauseContext ? { context: clauseContext } : {}),
  });

  if (SKIP_CUE.test(before)) return undefined;
  // A struck-through code is a cancelled margin code, whatever text follows it.
  if (context.isStruck(first.start, last.end)) return run('marking', 0.85);
  if (LABEL_CUE.test(before)) return run('marking', 0.95, true, undefined, isTicked(before) ? 'claim' : undefined);
  // Glued to a number or section sign: a subsection of some statute or regulation. Only
  // 5 U.S.C. 552(b)/552a(k) are exemptions: their clause decides (claimed, or cited).
  const glued = Boolean(prevChar && /[A-Za-z0-9.§]/.test(prevChar));
  if (glued && !/552a?$/.test(before)) return undefined;
  // Within running text, the clause decides for all its codes: claimed, negated, proposed, the law.
  const inText = !isMarkupOnly(before) || isProse(after);
  const clause = clauseAround(text, first.start, last.end);
  const judged = judgeClause(text.slice(clause.start, first.start), text.slice(last.end, clause.end), before, inText);
  if (judged) return run(judged.role, judged.confidence, false, judged.note, judged.context);
  if (glued) return run('mention', 0.6, false, 'cited as a subsection of 5 U.S.C. 552 in running text');
  // Many different codes listed with no box ticked: a form's printed legend (the FBI deleted-page
  // sheet, a CIA review form's column heads), not codes applied.
  if (new Set(kept.map((t) => `${t.letter}${t.number}${t.extra.join('')}${t.glued ?? ''}`)).size >= LEGEND_CODES && !/[✓✔☒☑√]|\(\s?[xX]\s?\)/.test(before)) {
    return run('mention', 0.5, false, 'a printed form legend listing the exemptions; which were applied is not shown', 'form-legend');
  }

  // Written at the point of a deletion (next to a placeholder), even where the line goes on.
  if (PLACEHOLDER_BEFORE.test(before) || PLACEHOLDER_AFTER.test(after)) return run('marking', 0.9, false, 'written at the point of a deletion');
  // Quoted in a transcriber's description of the page (an image description, a figure caption).
  if (/!\[[^\]]*$/.test(before) || /^[^[]*\]\(/.test(after)) return run('marking', 0.8, false, 'read from the transcriber\'s description of the page');
  if (MENTION_CUE.test(before.slice(-60))) {
    return run('mention', 0.6, false, 'cited in running text, not written at a place of deletion');
  }
  if (isMarkupOnly(before)) {
    if (isProse(after)) return run('mention', 0.5, false, 'the line continues as running text');
    return run('marking', 0.95);
  }
  // OCR often merges a margin code into the end of the text line beside it.
  if (/[.!?:;"”)\]]\s*$/.test(before) && countLowerWords(after) === 0) return run('marking', 0.85);
  return run('mention', 0.5, false, 'written inside a sentence');
}
