import { findCodeRuns } from './code-runs.js';
import { gate } from './gated-pattern.js';
import type { OcrCorrection } from '../core/vocabulary.js';
import type { Detector, Hit } from './hit.js';
import { isProse, type ScanContext } from './scan-context.js';
import { expand, trigger } from './trigger-automaton.js';

// An Executive Order section citation: "1.4(c)", "1.5 (C)", "l.4(c)" (OCR l for 1),
// "3.4(b)(1)", "1.3(a)(5)", "3.5(c)"; up to two numbered sub-paragraphs. OCR-damaged brackets
// ("1.5 (c}", "1.5{c)", "1.5 c)") are read; a bare lower-case letter ("1.5 d") only on a reason line. Not glued to a
// preceding digit or dot, so "1400.1(b)(1)" never matches.
const EO_CITE = gate(
  'eo/citation',
  /(?<![0-9A-Za-z.§])([1l3])\.\s?([3-6])\s?(?:[({[]\s?([a-hA-H])\s?[)}\]]?|([a-hA-H])[)}\]]|([a-h])(?![A-Za-z0-9]))((?:\s?\(\s?\d{1,2}\s?\)){0,2})/g,
  trigger('section number', expand(['1', 'l', '3'], '.', ['', ' '], '3')),
);

// A further reason letter after a citation: "1.4(b), (d)", "1.5 (b) and (d)".
const MORE_LETTERS = /\s?(?:,|and|&)\s?\(\s?([a-hA-H])\s?\)/y;

// The order named before the citation on the same line: "E.O. 12958", "EO 13526", "Executive Order 12356".
const ORDER_BEFORE = /(?:E\.\s?O\.|\bEO|Executive Order)\s?(1[0-3]\d{3})\b[^\n]{0,40}$/;

// A section-style context that makes "1.4(c)" a paragraph of some other text.
const NOT_EO = /\b(?:paragraph|para\.|clause|article|rule|step|item|figure|table|chapter)\s*$/i;

// What marks a citation as a reason for classification or withholding.
const REASON_CONTEXT = /(?:E\.\s?O\.|\bEO\b|Executive Order|REASON|Reason|reason|RELEASED?\s+IN\s+PART|DECL|Declassify|DECLASSIFY|\bB[1-9]\b|\(b\)\s?\(\d\)|>25|<25)/;

/** The order whose numbering a section belongs to, when the text does not name one. */
const ORDER_OF_SECTION: Record<string, string> = {
  '1.3': '12356',
  '1.4': '13526',
  '1.5': '12958',
  '1.6': '12958',
  '3.3': '13526',
  '3.4': '12958',
  '3.5': '13526',
};

/** The reason letters each classification-reason section has. */
const LETTERS: Record<string, string> = { '1.4': 'abcdefgh', '1.5': 'abcdefg', '1.3': 'a', '1.6': 'd', '3.3': 'b', '3.4': 'b', '3.5': 'c' };

function citationHits(context: ScanContext): Hit[] {
  const { text } = context;
  const hits: Hit[] = [];
  for (const m of context.matches(EO_CITE)) {
    const section = `${m[1] === 'l' ? '1' : m[1]}.${m[2]}`;
    const defaultOrder = ORDER_OF_SECTION[section];
    if (!defaultOrder) continue;
    const line = context.lineAt(m.index);
    const before = text.slice(line.start, m.index);
    if (NOT_EO.test(before)) continue;
    const lineText = text.slice(line.start, line.end);
    const context_ = REASON_CONTEXT.test(lineText);
    const prose = isProse(lineText);
    if (!context_ && prose) continue;
    // A letter without brackets ("1.5 d") only where the line gives a reason.
    if (m[5] && !context_) continue;
    const named = ORDER_BEFORE.exec(before);
    const order = named ? (named[1] as string) : defaultOrder;
    const numbers = [...(m[6] ?? '').matchAll(/\d{1,2}/g)].map((x) => x[0]);
    const ocr: OcrCorrection[] = m[1] === 'l' ? [{ from: m[0], to: m[0].replace(/^l/, '1'), kind: 'letter-confusion' }] : [];
    const letter = (m[3] ?? m[4] ?? m[5]) as string;
    if (m[3] && !/\(\s?[a-hA-H]\s?\)/.test(m[0])) ocr.push({ from: m[0], to: `${section}(${letter.toLowerCase()})`, kind: 'letter-confusion' });
    const role = prose ? ('mention' as const) : ('marking' as const);
    const push = (letter: string, start: number, end: number): void => {
      const l = letter.toLowerCase();
      const code = `${order}:${section}(${l})${numbers.map((n) => `(${n})`).join('')}`;
      const allowed = LETTERS[section] ?? '';
      const invalid = !allowed.includes(l) || (section === '1.3' && numbers[0] !== undefined && Number(numbers[0]) > 10);
      const attributes: Record<string, unknown> = { order: `E.O. ${order}`, section };
      if (!named) attributes.orderInferred = true;
      if (invalid) attributes.invalid = true;
      if (context.isStruck(start, end)) attributes.cancelled = true;
      hits.push({
        detector: 'eo',
        family: 'eo',
        code,
        start,
        end,
        role,
        confidence: (context_ ? 0.9 : 0.7) * (invalid ? 0.7 : 1) * (ocr.length ? 0.9 : 1),
        ocr,
        attributes,
        ...(invalid ? { note: `§${section} of E.O. ${order} has no reason (${l})` } : !named ? { note: `order inferred from the section numbering (${section} → E.O. ${order})` } : {}),
      });
    };
    push(letter, m.index, m.index + m[0].length);
    let at = m.index + m[0].length;
    for (;;) {
      MORE_LETTERS.lastIndex = at;
      const more = MORE_LETTERS.exec(text);
      if (!more || numbers.length > 0) break;
      const letterStart = more.index + more[0].lastIndexOf('(');
      push(more[1] as string, letterStart, more.index + more[0].length);
      at = more.index + more[0].length;
    }
  }
  return hits;
}

function reviewHits(context: ScanContext): Hit[] {
  const hits: Hit[] = [];
  for (const run of findCodeRuns(context)) {
    // State review codes only count beside exemption codes on a stamp or in a margin.
    if (run.role !== 'marking') continue;
    if (!run.tokens.some((t) => 'bjkd'.includes(t.letter))) continue;
    for (const token of run.tokens) {
      const base = { detector: 'eo', family: 'eo' as const, start: token.start, end: token.end, role: run.role, ocr: token.ocr };
      const cancelled = context.isStruck(token.start, token.end) ? { cancelled: true } : {};
      if (token.letter === 'a') {
        const n = Number(token.number);
        const invalid = !(n >= 1 && n <= 10);
        hits.push({
          ...base,
          code: `review:a${token.number}`,
          confidence: invalid ? 0.4 : 0.7,
          attributes: { scheme: 'E.O. 12356 §1.3(a) (inferred)', interpretedAs: `12356:1.3(a)(${token.number})`, ...(invalid ? { invalid: true } : {}), ...cancelled },
          note: invalid
            ? 'E.O. 12356 §1.3(a) has categories (1) to (10) only'
            : `State review-stamp EO citation; read as E.O. 12356 §1.3(a)(${token.number}) (22 CFR 9.6), which fits State stamps of 1982–1995`,
        });
      } else if (token.letter === 'c') {
        hits.push({
          ...base,
          code: `review:c${token.number}`,
          confidence: 0.4,
          attributes: { scheme: 'unknown', ...cancelled },
          note: 'no E.O. 12356 §1.3(c) sub-numbering exists; possibly OCR of (a)(n) or shorthand for E.O. 12958 §1.5(c); verify by eye',
        });
      } else if (token.letter === 'x') {
        hits.push({
          ...base,
          code: 'review:X',
          confidence: 0.3,
          attributes: { scheme: 'unknown', ...cancelled },
          note: 'an "(X)" written beside exemption codes; its meaning is unknown (a ticked box, or an OCR fragment)',
        });
      }
    }
  }
  return hits;
}

/** Detects E.O. classification-reason citations (`1.4(c)`, `E.O. 12958 Sec. 3.4(b)(1)`) and State review-stamp codes (`(a)(3)`, `(c)(1)`). */
export const eoDetector: Detector = {
  id: 'eo',
  family: 'eo',
  detect(context) {
    return [...citationHits(context), ...reviewHits(context)];
  },
};
