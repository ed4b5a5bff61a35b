import { anyOf, gate, isSpace, isWordChar } from './gated-pattern.js';
import type { Detector, Hit } from './hit.js';
import { inRanges, type ScanContext } from './scan-context.js';
import { BLOCK_CHARS, trigger } from './trigger-automaton.js';

// Any bracketed stretch on one line, at most 200 code units: "[REDACTED]", "[1 line not
// declassified]". The class excludes brackets and line breaks, so every "[" scans at most to
// the next bracket: linear even on a million unclosed brackets.
const BRACKET = gate('redaction/bracket', /\[([^\[\]\n]{1,200})\]/g, trigger('[', ['[']));

// What a bracket may hold to be a generic placeholder.
const PLACEHOLDER: Array<[RegExp, string]> = [
  [/^\s?(?:REDACTED|Redacted|redacted|REDACTION|Redaction)\s?$/, 'redacted'],
  [/^\s?(?:DELETED|Deleted|deleted|DELETION|Deletion)\s?$/, 'redacted'],
  [/^\s?(?:EXCISED|Excised|excised)\s?$/, 'redacted'],
  [/^\s?(?:WITHHELD|Withheld|withheld|RESTRICTED|Restricted)\s?$/, 'withheld'],
  [/^\s?(?:illegible|Illegible|ILLEGIBLE|unreadable|Unreadable|UNREADABLE|\?)\s?$/, 'illegible'],
  [/^\s?(?:Non-Responsive|NON-RESPONSIVE|Non-responsive|non-responsive|NR)\s?$/, 'non-responsive'],
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

// Pages withheld in full: FBI deleted-page sheets, NARA withdrawal notices.
const WITHHELD_PAGE = gate(
  'redaction/withheld-page',
  /\b(?:Deleted Page\(s\)|DELETED PAGE\(S\)|DELETED PAGES? INFORMATION SHEET|Deleted Page Information Sheet|Page\(s\) withheld(?: entirely)?|PAGE\(S\) WITHHELD(?: ENTIRELY)?|WITHDRAWAL (?:SHEET|NOTICE)|Withdrawal (?:Sheet|Notice)|(?:DOCUMENT|PAGE) WITHDRAWN)(?![A-Za-z])/g,
  trigger('withheld page', ['Deleted Page', 'DELETED PAGE', 'Page(s) withheld', 'PAGE(S) WITHHELD', 'WITHDRAWAL ', 'Withdrawal ', 'DOCUMENT WITHDRAWN', 'PAGE WITHDRAWN']),
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
      break;
    }
  }
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
