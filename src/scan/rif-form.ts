import { anyOf, gate } from './gated-pattern.js';
import type { ScanContext } from './scan-context.js';
import { trigger } from './trigger-automaton.js';

/**
 * The values column of a JFK Record Identification Form whose labels OCR set apart from their
 * values. The form prints its fields in a fixed order (DOCUMENT TYPE, CLASSIFICATION,
 * RESTRICTIONS, CURRENT STATUS, DATE OF LAST REVIEW), so the values read in that order below the
 * document type: "PAPER, TEXTUAL DOCUMENT / CONFIDENTIAL / 1A, 1C / RELEASED WITH DELETIONS".
 * Offsets are 0-based UTF-16, `end` exclusive.
 */
export interface RifValues {
  classification?: { start: number; end: number; value: string };
  restrictions?: { start: number; end: number; value: string };
}

/**
 * The document type value that opens the values column, alone on its line; found from its words
 * (in the one pass over the text for every detector's triggers), not by trying every line.
 */
const DOCUMENT_TYPE = gate(
  'rif/document-type',
  /^[ \t]*(?:PAPER, TEXTUAL DOCUMENT|PAPER|CARD|MICROFILM|PHOTOGRAPH|AUDIOTAPE)[ \t]*$/gm,
  trigger('rif document type', ['PAPER', 'CARD', 'MICROFILM', 'PHOTOGRAPH', 'AUDIOTAPE']),
  anyOf(' \t'),
);
/** A classification value: the level in words or the form's one-letter code. */
const LEVEL_VALUE = /^[ \t]*(TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|[TSCU])[ \t]*$/;
/** A restrictions value: postponement grounds ("1A, 1C", "3", OCR "LA" for 1A) or the form's words. */
const RESTRICTIONS_VALUE = /^[ \t]*((?:[1-5lIL][A-Ca-c]?|[1-5]\s?\([A-Ca-c]\))(?:\s?[,;]\s?(?:[1-5lIL][A-Ca-c]?|[1-5]\s?\([A-Ca-c]\)))*)[ \t]*$/;

/** The values column of each identification form in the text whose labels stand elsewhere (memoized). */
export function findRifValues(context: ScanContext): RifValues[] {
  return context.memo('rif-values', () => {
    const { text } = context;
    const found: RifValues[] = [];
    for (const m of context.matches(DOCUMENT_TYPE)) {
      // Only a values column: the label is not on the same line.
      const values: RifValues = {};
      let at = m.index + m[0].length;
      for (let k = 0; k < 5 && at < text.length; k++) {
        const lineStart = at + 1;
        let lineEnd = text.indexOf('\n', lineStart);
        if (lineEnd === -1) lineEnd = text.length;
        const line = text.slice(lineStart, lineEnd);
        at = lineEnd;
        if (line.trim() === '') continue;
        const level = LEVEL_VALUE.exec(line);
        if (level && !values.classification && !values.restrictions) {
          const start = lineStart + line.indexOf(level[1] as string);
          values.classification = { start, end: start + (level[1] as string).length, value: level[1] as string };
          continue;
        }
        const restrictions = RESTRICTIONS_VALUE.exec(line);
        if (restrictions && values.classification && !values.restrictions) {
          const start = lineStart + line.indexOf(restrictions[1] as string);
          values.restrictions = { start, end: start + (restrictions[1] as string).length, value: restrictions[1] as string };
        }
        break;
      }
      if (values.classification) found.push(values);
    }
    return found;
  });
}
