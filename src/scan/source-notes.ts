import { anyOf, gate, isDigit } from './gated-pattern.js';
import type { LineRange, ScanContext } from './scan-context.js';
import { DIGITS, expand, trigger } from './trigger-automaton.js';

// A FRUS footnote line ("  1. Source: …"), whose classification and caveats describe the
// original document. The microfiche-supplement form has no "Source:" but gives the
// classification and a page count: "  1. Soviet strategy … Confidential. 2 pp. Kennedy Library …".
const FOOTNOTE = gate('source-notes/footnote', /^[ \t]{0,6}\d{1,3}\.[ \t]+[^\n]*$/gm, trigger('footnote number', expand(DIGITS, '.', [' ', '\t'])), anyOf(' \t', isDigit));
const SOURCE_NOTE = /Source:|(?:Top Secret|Secret|Confidential|Limited Official Use|Unclassified|Official Use Only)[.;][^\n]{0,40}\b\d+\s?pp?\./;

/** The lines of the text that are FRUS source notes, as 0-based `[start, end)` ranges. */
export function findSourceNotes(context: ScanContext): LineRange[] {
  return context.memo('source-notes', () => {
    const found: LineRange[] = [];
    for (const m of context.matches(FOOTNOTE)) {
      if (SOURCE_NOTE.test(m[0])) found.push({ start: m.index, end: m.index + m[0].length });
    }
    return found;
  });
}
