import { anyOf, gate, isSpace, isWordChar } from './gated-pattern.js';
import type { Detector, Hit } from './hit.js';
import { inRanges, isProse, type ScanContext } from './scan-context.js';
import { BLOCK_CHARS, trigger } from './trigger-automaton.js';

// Any bracketed stretch on one line, at most 200 code units: "[REDACTED]", "[1 line not
// declassified]". The class excludes brackets and line breaks, so every "[" scans at most to
// the next bracket: linear even on a million unclosed brackets.
const BRACKET = gate('redaction/bracket', /\[([^\[\]\n]{1,200})\]/g, trigger('[', ['[']));

// What a bracket may hold to be a generic placeholder: the word alone.
const PLACEHOLDER: Array<[RegExp, string]> = [
  [/^\s?(?:REDACTED|Redacted|redacted|REDACTION|Redaction)\s?$/, 'redacted'],
  [/^\s?(?:DELETED|Deleted|deleted|DELETION|Deletion)\s?$/, 'redacted'],
  [/^\s?(?:EXCISED|Excised|excised)\s?$/, 'redacted'],
  [/^\s?(?:WITHHELD|Withheld|withheld|RESTRICTED|Restricted)\s?$/, 'withheld'],
  [/^\s?(?:illegible|Illegible|ILLEGIBLE|unreadable|Unreadable|UNREADABLE|\?)\s?$/, 'illegible'],
  [/^\s?(?:Non-Responsive|NON-RESPONSIVE|Non-responsive|non-responsive|NR)\s?$/, 'non-responsive'],
];

/**
 * A transcriber's or agency's description of withheld or unreadable text, in brackets or an
 * image description, in any wording: "[Name Redacted]", "[redacted text]", "![Blacked out
 * content]", "[Figure: Blacked out text]", "[REDACTED - 2 lines]", "![illegible handwriting]",
 * "[text withheld]". At most eight words; the first matching word decides the code. A
 * description that quotes or names other print ("TOP SECRET" stamp obscuring …) is not one.
 */
const DESCRIBED: Array<[RegExp, string]> = [
  [/\b(?:black(?:ed)?[\s-]?outs?|blackouts?|black\s+(?:box|bar|rectangle|area|mark)s?|blacked)\b/i, 'blacked-out'],
  [/\b(?:redact\w*|delet(?:ed|ion)s?|excis(?:ed|ion)s?|censored)\b/i, 'redacted'],
  [/\b(?:withheld|withholding|not\s+released|denied)\b/i, 'withheld'],
  [/\b(?:illegible|unreadable|indecipherable)\b/i, 'illegible'],
];

// FRUS "not declassified" phrases: "less than 1 line of source text", "1 paragraph (11-1/2 lines of
// source text)", "2 pages", "name", "file name", "text", "1½ lines".
const NOT_DECLASSIFIED = /^\s?(.{0,160}?)\s?not declassified\s?$/;
const EXTENT =
  /^(less than\s+)?(\d{1,4}(?:[-–]\d\/\d|\s?½|\.\d)?|one|two|three|a|an)\s+(lines?|paragraphs?|pages?|words?)(?:\s+\((\d{1,4}(?:[-–]\d\/\d|½)?)\s+lines?(?:\s+of\s+source\s+text)?\))?(?:\s+of\s+source\s+text)?$/i;

// The phrase outside brackets, as in a source note: "2 pages of source text not declassified".
const LOOSE_PHRASE = gate(
  'redaction/loose-phrase',
  /(?<![\w[])((?:less than\s+)?\d{1,4}(?:[-–]\d\/\d|½)?\s+(?:lines?|paragraphs?|pages?)(?:\s+of\s+source\s+text)?\s+not declassified)/g,
  trigger('not declassified', ['not declassified']),
  anyOf('-–/½', isWordChar, isSpace),
);

// Runs of block characters left where text was blacked out: "█████", "■ ■ ■".
const BLOCKS = gate('redaction/blocks', /[█■▇▆▉▊▋▌▍▎▏▓](?:[ ]?[█■▇▆▉▊▋▌▍▎▏▓]){2,}/g, trigger('block', BLOCK_CHARS));

// Typed-over deletions: "XXXXX", "XXXX XXXX", "xxxxxxx" (five or more, not part of a word).
const TYPED_OVER = gate('redaction/typed-over', /(?<![A-Za-z0-9])(?:X{5,}|x{5,}|X{4}(?: X{4,}){1,20})(?![A-Za-z0-9])/g, trigger('typed-over', ['XXXX', 'xxxxx']));

// Pages or documents withheld in full, in every agency's wording, as one family: a count (or
// "this"), what was withheld, the verb, how much, where. "28 Page(s) withheld entirely at this
// location in the file", "This document has been withheld in its entirety", "2 pages withdrawn",
// "Page denied", "PAGES 3-5 WITHHELD IN FULL", "Document withdrawn", "Deleted Page(s)",
// "FOIPA DELETED PAGE INFORMATION SHEET", "WITHDRAWAL SHEET", "PAGE(S) DENIED". Each part is a
// bounded alternation, so the pattern is linear.
const WITHHELD_PAGE = gate(
  'redaction/withheld-page',
  /\b(?:(?:(\d{1,4}|One|one|Two|two|Three|three|This|this|THIS|These|these|THESE)\s{1,3})?(?:entire\s{1,3}|ENTIRE\s{1,3})?(?:[Pp]age\(s\)|PAGE\(S\)|[Pp]ages?|PAGES?|[Dd]ocuments?|DOCUMENTS?|[Dd]ocument\(s\)|DOCUMENT\(S\))(?:\s{1,3}\d{1,4}(?:\s?[-–]\s?\d{1,4})?)?\s{1,3}(?:(?:has|have|HAS|HAVE)\s{1,3}(?:been|BEEN)\s{1,3}|(?:is|are|was|were|IS|ARE|WAS|WERE)\s{1,3})?(?:withheld|WITHHELD|withdrawn|WITHDRAWN|denied|DENIED|deleted|DELETED|removed|REMOVED|not\s{1,3}released|NOT\s{1,3}RELEASED)(?:\s{1,3}(?:entirely|ENTIRELY|in\s{1,3}(?:full|its\s{1,3}entirety|their\s{1,3}entirety|toto)|IN\s{1,3}(?:FULL|ITS\s{1,3}ENTIRETY|THEIR\s{1,3}ENTIRETY|TOTO)))?(?:\s{1,3}(?:at\s{1,3}this\s{1,3}location|AT\s{1,3}THIS\s{1,3}LOCATION)(?:\s{1,3}in\s{1,3}the\s{1,3}file)?)?|(?:Deleted|DELETED)\s{1,3}(?:Page\(s\)|PAGE\(S\)|Pages?|PAGES?)(?:\s{1,3}(?:Information|INFORMATION)\s{1,3}(?:Sheet|SHEET))?|(?:WITHDRAWAL|Withdrawal)\s{1,3}(?:SHEET|NOTICE|MARKER|Sheet|Notice|Marker))(?![A-Za-z])/g,
  trigger('withheld page', ['withheld', 'WITHHELD', 'withdrawn', 'WITHDRAWN', 'denied', 'DENIED', 'deleted', 'DELETED', 'Deleted', 'removed', 'REMOVED', 'not released', 'NOT RELEASED', 'Withdrawal', 'WITHDRAWAL']),
  // A count, "entire", the noun with page numbers and "has been" stand before the verb.
  64,
);

const WORD_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, a: 1, an: 1 };

/** Reads "11-1/2", "1½", "2", "one" as a number. */
function quantity(raw: string): number {
  const s = raw.toLowerCase().trim();
  if (s in WORD_NUMBERS) return WORD_NUMBERS[s] as number;
  const frac = /^(\d+)\s?(?:[-–](\d)\/(\d)|½)$/.exec(s);
  if (frac) return Number(frac[1]) + (frac[2] ? Number(frac[2]) / Number(frac[3]) : 0.5);
  return Number(s);
}

/** Parses the extent of a FRUS placeholder: `{quantity, unit, lessThan?, lines?}`, or what was withheld. */
export function parseExtent(phrase: string): { extent?: Record<string, unknown>; object?: string } {
  const p = phrase.trim();
  const m = EXTENT.exec(p);
  if (m) {
    const unit = (m[3] as string).toLowerCase().replace(/s$/, '');
    const extent: Record<string, unknown> = { quantity: quantity(m[2] as string), unit, written: p };
    if (m[1]) extent.lessThan = true;
    if (m[4]) extent.lines = quantity(m[4]);
    if (/source text/i.test(p)) extent.measure = 'lines of source text';
    return { extent };
  }
  return p === '' ? {} : { object: p.toLowerCase() };
}

function bracketHits(context: ScanContext, hits: Hit[], covered: Array<[number, number]>): void {
  const { text } = context;
  for (const m of context.matches(BRACKET)) {
    const inner = m[1] as string;
    const start = m.index;
    const end = start + m[0].length;
    const cancelled = context.isStruck(start, end) ? { cancelled: true } : {};
    const nd = NOT_DECLASSIFIED.exec(inner);
    if (nd) {
      covered.push([start, end]);
      const parsed = parseExtent(nd[1] as string);
      hits.push({
        detector: 'redaction',
        family: 'redaction',
        code: 'not-declassified',
        start,
        end,
        role: 'editorial',
        confidence: 0.98,
        attributes: { ...parsed, ...cancelled },
      });
      continue;
    }
    let read = false;
    for (const [re, code] of PLACEHOLDER) {
      if (!re.test(inner)) continue;
      covered.push([start, end]);
      hits.push({
        detector: 'redaction',
        family: 'redaction',
        code,
        start,
        end,
        role: 'marking',
        confidence: code === 'withheld' || inner.trim() === '?' || inner.trim() === 'NR' ? 0.7 : 0.97,
        attributes: { ...cancelled },
      });
      read = true;
      break;
    }
    if (read) continue;
    const described = describedPlaceholder(inner);
    if (!described) continue;
    // An image description "![…]" is the converter's; the bracket span is the placeholder.
    const from = text[start - 1] === '!' ? start - 1 : start;
    covered.push([from, end]);
    hits.push({
      detector: 'redaction',
      family: 'redaction',
      code: described.code,
      start: from,
      end,
      role: 'marking',
      confidence: from < start ? 0.75 : 0.85,
      attributes: { ...described.attributes, described: true, ...cancelled },
      note: 'a description of withheld or unreadable text in the transcription',
    });
  }
}

/** Reads a bracket's content as a described placeholder (see {@link DESCRIBED}), or `undefined`. */
function describedPlaceholder(inner: string): { code: string; attributes: Record<string, unknown> } | undefined {
  const words = inner.trim().split(/\s+/);
  if (words.length > 8 || /["“”]|\bstamp|\bsee\b|\bwas\b|\bwere\b|\bhas\b/i.test(inner)) return undefined;
  for (const [re, code] of DESCRIBED) {
    if (!re.test(inner)) continue;
    const attributes: Record<string, unknown> = {};
    const extent = /(\d{1,3}|one|two|three)\s+(lines?|paragraphs?|pages?|words?)/i.exec(inner);
    if (extent) Object.assign(attributes, parseExtent(extent[0]));
    const object = /\b(name|names|address|signature|phone|number|date|location|place)\b/i.exec(inner);
    if (object && !extent) attributes.object = (object[1] as string).toLowerCase();
    return { code, attributes };
  }
  return undefined;
}

/** Detects redaction placeholders: `[REDACTED]`, `[illegible]`, FRUS `[… not declassified]` with extent, block characters, typed-over X runs, withheld-page notices. */
export const redactionDetector: Detector = {
  id: 'redaction',
  family: 'redaction',
  detect(context) {
    const { text } = context;
    const hits: Hit[] = [];
    const covered: Array<[number, number]> = [];
    bracketHits(context, hits, covered);
    const inside = (i: number): boolean => inRanges(covered, i);
    for (const m of context.matches(LOOSE_PHRASE)) {
      if (inside(m.index)) continue;
      const phrase = (m[1] as string).replace(/\s+not declassified$/, '');
      hits.push({
        detector: 'redaction',
        family: 'redaction',
        code: 'not-declassified',
        start: m.index,
        end: m.index + m[0].length,
        role: 'editorial',
        confidence: 0.9,
        attributes: { ...parseExtent(phrase), bracketed: false },
      });
    }
    for (const m of context.matches(BLOCKS)) {
      hits.push({
        detector: 'redaction',
        family: 'redaction',
        code: 'blacked-out',
        start: m.index,
        end: m.index + m[0].length,
        role: 'marking',
        confidence: 0.9,
        attributes: { length: m[0].replace(/ /g, '').length },
      });
    }
    for (const m of context.matches(TYPED_OVER)) {
      hits.push({
        detector: 'redaction',
        family: 'redaction',
        code: 'redacted',
        start: m.index,
        end: m.index + m[0].length,
        role: 'marking',
        confidence: 0.7,
        attributes: { style: 'typed-over', length: m[0].replace(/ /g, '').length },
        note: 'a run of X typed over the withheld text',
      });
    }
    for (const m of context.matches(WITHHELD_PAGE)) {
      // In running text only a counted or pointed notice ("Two pages were withheld in full",
      // "This document has been withheld"), not "his request for documents was denied".
      if (!m[1] && /^[a-z]/i.test(m[0]) && !/^(?:Deleted|DELETED|Withdrawal|WITHDRAWAL)/.test(m[0]) && isProse(context.lineText(m.index))) continue;
      hits.push({
        detector: 'redaction',
        family: 'redaction',
        code: 'withheld-page',
        start: m.index,
        end: m.index + m[0].length,
        role: 'marking',
        confidence: 0.9,
      });
    }
    return hits;
  },
};
