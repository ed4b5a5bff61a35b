/**
 * The role of exemption codes cited in words, decided once for the clause that holds them, as a
 * reviewer reads it: a claim (the document asserts the exemption as the basis of a withholding)
 * is a marking; the law discussed, an exemption proposed or negated, and an unticked form option
 * are mentions. Every code of one clause gets the same role.
 */

/** A clause of running text around a run of codes: 0-based offsets, `end` exclusive. */
export interface Clause {
  start: number;
  end: number;
}

/** How far a clause reaches either side of its codes, in UTF-16 code units. */
const REACH = 400;

/**
 * The clause holding `[start, end)`: back to the last sentence end, semicolon, blank line, table
 * cell bar or list item before it, forward to the next. Abbreviations (`U.S.C.`, `Sec.`, `No.`,
 * initials) do not end a sentence.
 */
export function clauseAround(text: string, start: number, end: number): Clause {
  let s = start;
  const floor = Math.max(0, start - REACH);
  while (s > floor) {
    const c = text[s - 1] as string;
    if (c === ';' || c === '|' || (c === '\n' && (text[s - 2] === '\n' || /^[ \t]*(?:\d{1,2}[.)]|[a-z][.)]|[-*•])\s/.test(text.slice(s, s + 6))))) break;
    if ((c === '.' || c === '?' || c === '!') && /\s/.test(text[s] ?? '') && !abbreviationBefore(text, s - 1)) break;
    s--;
  }
  let e = end;
  const ceiling = Math.min(text.length, end + REACH);
  while (e < ceiling) {
    const c = text[e] as string;
    if (c === ';' || c === '|' || (c === '\n' && text[e + 1] === '\n')) break;
    if ((c === '.' || c === '?' || c === '!') && /\s|$/.test(text[e + 1] ?? '') && !abbreviationBefore(text, e)) {
      e++;
      break;
    }
    e++;
  }
  return { start: s, end: e };
}

/** True when the period at `dot` ends an abbreviation (`U.S.C.`, `Sec.`, `No.`, `Mr.`, an initial). */
function abbreviationBefore(text: string, dot: number): boolean {
  const word = /([A-Za-z]{1,4})$/.exec(text.slice(Math.max(0, dot - 5), dot))?.[1] ?? '';
  return word.length === 1 || /^(?:U|S|C|Sec|No|Nos|Mr|Mrs|Ms|Dr|Art|Par|Para|Ex|Vol|Pub|Stat|Ref|Encl|Att|cf|et|al|i|e|viz)$/i.test(word);
}

/** What {@link judgeClause} decided. */
export interface ClauseJudgement {
  role: 'marking' | 'mention';
  /** `claim` for an exemption asserted as the basis of a withholding; `form-legend` for an unticked option. */
  context?: 'claim' | 'form-legend';
  confidence: number;
  note?: string;
}

/** A ticked box before the codes or at the start of their clause: `(X)`, `(✔)`, `☒`, `[x]`, `✓`. */
const TICKED = /(?:\(\s?[xX✓✔✗☑√]\s?\)|\[\s?[xX✓✔☑√]\s?\]|[☒☑✔✓√])/;
/** True when the start of a line holds a ticked box (the codes after it are claimed). */
export function isTicked(lineStart: string): boolean {
  return TICKED.test(lineStart);
}

/** An empty box: `( )`, `()`, `[ ]`, `☐`. */
const EMPTY_BOX = /^[\s|>*#-]*(?:\d{1,2}[.)]\s*)?(?:\(\s?\)|\[\s?\]|[☐□])/;

/** Negated right after the codes: "(b)(6) not asserted", "not applicable". */
const NEGATED_AFTER = /^[\s,)]*(?:(?:is|are|was|were|has|have|had)\s+)?(?:not|never|no\s+longer)\b/i;
/** Negated or withdrawn in the clause: "did not invoke", "no exemption was claimed", "waived". */
const NEGATED = /\b(?:not\s+(?:be\s+)?(?:asserted|claimed|invoked|applied|used|cited|relied|applicable|apply|applies|warranted)|does\s+not\s+apply|no\s+longer\s+(?:applies|claimed|asserted)|waiv\w+|withdr[ae]w\w*)\b/i;

/** Tentative, asked or argued: "in my view", "whether", "could be withheld", a question. */
const TENTATIVE = /\b(?:in\s+(?:my|our)\s+(?:view|opinion)|whether|might|could|perhaps|possibl\w+|question\w*|if\s+(?:the|this|it))\b|\?/i;
/** Advised, not decided: "recommend", "suggest", "should" (a claim phrase in the same clause decides). */
const ADVISED = /\b(?:recommend\w*|suggest\w*|propos\w+|consider\w*|would|should|may\s+(?:be|apply))\b/i;

/**
 * Asserted as the basis of a withholding: "exempt from disclosure under", "withheld pursuant
 * to", "denied in toto under exemption(s)", "deletions were made pursuant to", "the (b)(1)
 * exemption is being utilized", "excised … under".
 */
const CLAIMED =
  /\b(?:exempt(?:ed)?\s+(?:from\s+(?:disclosure|release)\s+)?(?:under|pursuant\s+to|by|as\s+provided)|(?:withh[eo]ld\w*|denied|deni\w+|excis\w+|delet\w+|redact\w+|sanitiz\w+|sustain\w*|protected)\b[^.;]{0,100}?\b(?:under|pursuant\s+to|on\s+the\s+basis\s+of|in\s+accordance\s+with|by\s+(?:virtue\s+of\s+)?(?:exemptions?|FOIA))|exemptions?\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:being\s+)?(?:utilized|used|claimed|asserted|invoked|applied|cited)|(?:claim|assert|invok|appl|cit|utiliz)\w*\s+(?:the\s+)?(?:following\s+)?exemptions?|(?:is|are|was|were|remain)\s+(?:properly\s+)?(?:exempt|classified|withheld))/i;

/** The law talked about: a court, the statute's terms, what an exemption protects in general. */
const LAW =
  /\b(?:court|judge|held\s+that|Congress|legislat\w+|the\s+(?:Freedom\s+of\s+Information\s+)?Act\s+(?:provides|permits|allows|exempts)|protects?\s+(?:information|records|matters)|permits?\s+(?:agencies|the\s+withholding)|allows?\s+(?:agencies|for\s+withholding)|applies\s+to|covers?|defin\w+|regulation\w*|v\.)\b/i;

/** The clause speaks of this document or its withheld parts, which makes a legal phrase a claim. */
const DEICTIC = /\b(?:this|these|the\s+(?:excised|enclosed|attached|withheld|deleted|following|above|material|information|portions?|documents?|records?|pages?|file)|portions?|deletions?|excisions?|you|your|our\s+records)\b/i;

/**
 * Decides the role of a run of codes from its clause: `before` is the clause up to the first
 * code, `after` from the last code to the clause's end, `lineStart` the start of the codes' line
 * up to the first code (for boxes), `inText` whether the codes stand in running text (else only
 * boxes and a negation right after them count). Returns `undefined` when the clause says nothing
 * either way.
 */
export function judgeClause(before: string, after: string, lineStart: string, inText: boolean): ClauseJudgement | undefined {
  if (EMPTY_BOX.test(lineStart)) return { role: 'mention', context: 'form-legend', confidence: 0.6, note: 'an option of a printed form whose box is not ticked' };
  if (TICKED.test(lineStart) || /(?:^|\s)[xX]\s*$/.test(lineStart)) {
    return { role: 'marking', context: 'claim', confidence: 0.85, note: 'claimed on a form, its box ticked' };
  }
  if (NEGATED_AFTER.test(after) || (inText && (NEGATED.test(before) || NEGATED.test(after.slice(0, 80))))) {
    return { role: 'mention', confidence: 0.6, note: 'the exemption is negated or withdrawn, not claimed' };
  }
  // Codes standing apart (a margin, a stamp field) are judged by their place, not by prose around them.
  if (!inText) return undefined;
  const clause = `${before} ${after}`;
  const proposed = { role: 'mention', confidence: 0.55, note: 'the exemption is proposed or discussed, not decided' } as const;
  if (TENTATIVE.test(before)) return proposed;
  // A recommendation that names the basis of a withholding ("the remainder withheld on the
  // basis of … (b)(1)") is the reviewer's determination: a claim.
  if (CLAIMED.test(clause) && (DEICTIC.test(clause) || !LAW.test(clause))) {
    return { role: 'marking', context: 'claim', confidence: 0.85, note: 'claimed in words as the basis of a withholding' };
  }
  if (ADVISED.test(before)) return proposed;
  if (LAW.test(clause)) return { role: 'mention', confidence: 0.55, note: 'the law is discussed, nothing is withheld here' };
  return undefined;
}
