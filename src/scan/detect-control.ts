import type { OcrCorrection } from '../core/vocabulary.js';
import type { Detector, Hit } from './hit.js';
import { findVocabulary, inCapitals, isOptionsLine, repairsOf, TICK_BEFORE } from './match-vocabulary.js';
import { inRanges, type ScanContext } from './scan-context.js';
import { findSourceNotes } from './source-notes.js';

// A portion mark in words opening a paragraph: "(Internal Use Only - RJK)", "6. (Eyes Only) The …".
const WORD_PORTION_OPEN = /^[ \t]*(?:[#>*]+[ \t]*)?(?:\d{1,3}\.[ \t]*)?\($/;
const WORD_PORTION_CLOSE = /^(?:[ \t]?[-–—][ \t]?[A-Z]{2,4})?\)/;

// The countries after "REL TO": "REL TO USA, GBR, CAN" (trigraphs, USA first by convention).
const COUNTRIES = /^[ \t]?((?:[A-Z]{3}|NATO|FVEY)(?:[ \t]?(?:,|and|AND)[ \t]?(?:[A-Z]{3}|NATO|FVEY)){0,20})/;

function hitFor(context: ScanContext, start: number, end: number, code: string, ocr: OcrCorrection[], role: Hit['role'], confidence: number): Hit {
  const attributes: Record<string, unknown> = {};
  if (context.isStruck(start, end)) attributes.cancelled = true;
  if (code === 'REL-TO') {
    const m = COUNTRIES.exec(context.text.slice(end, end + 200));
    if (m) {
      attributes.countries = (m[1] as string).split(/[ \t]?(?:,|and|AND)[ \t]?/).map((c) => c.trim());
      end += m[0].length;
    }
  }
  return { detector: 'control', family: 'control', code, start, end, role, confidence, ocr, attributes };
}

/** A line that opens with the slash joining a caveat to its level: "/SENSITIVE", "// NOFORN". */
const SLASH_OPENS_LINE = /^[ \t#*>]*\/{1,2}[ \t]?$/;

/** True when the line holding `start` opens with such a slash right before it (a few characters read, however long the line). */
function slashOpensLine(context: ScanContext, start: number): boolean {
  const lineStart = context.lineAt(start).start;
  return start - lineStart <= 8 && SLASH_OPENS_LINE.test(context.text.slice(lineStart, start));
}

/** True when only a few separators stand between the end of a classification level reading (`levelEnds`, ascending) and `start`. */
function afterLevel(levelEnds: readonly number[], text: string, start: number): boolean {
  let lo = 0;
  let hi = levelEnds.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((levelEnds[mid] as number) <= start) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found === -1) return false;
  const end = levelEnds[found] as number;
  return start - end <= 4 && /^[\s/\-–—:.]*$/.test(text.slice(end, start));
}

/**
 * Detects control and dissemination markings (EYES ONLY, NOFORN, NO DISSEM ABROAD, WNINTEL,
 * RYBAT, REL TO …, RD/FRD …) as the vocabulary matcher reads the catalog's spellings: a marking
 * on any line that is not prose, a mention in running text, editorial in a FRUS source note.
 * OCR-damaged readings count only on banner-like lines, at lower confidence.
 */
export const controlDetector: Detector = {
  id: 'control',
  family: 'control',
  detect(context) {
    const { text } = context;
    const hits: Hit[] = [];
    const noteRanges = findSourceNotes(context).map((n) => [n.start, n.end] as const);
    const matches = findVocabulary(context);
    const levelEnds = matches.filter((m) => m.term.family === 'classification').map((m) => m.end).sort((a, b) => a - b);
    for (const m of matches) {
      if (m.term.family !== 'control') continue;
      const raw = text.slice(m.start, m.end);
      // After a level, or after the slash that joins it to one OCR lost ("/SENSITIVE" heading a line).
      if (m.term.position === 'after-level' && !afterLevel(levelEnds, text, m.start) && !slashOpensLine(context, m.start)) continue;
      const ocr = repairsOf(m, raw);
      // In a source note the caveats follow the classification: "Secret; Eyes Only."
      if (inRanges(noteRanges, m.start)) {
        if (m.cost === 0) hits.push(hitFor(context, m.start, m.end, m.term.code, ocr, 'editorial', 0.9));
        continue;
      }
      // An option printed among a form's classification options, ticked or not.
      if (isOptionsLine(context, m.start)) {
        const ticked = TICK_BEFORE.test(text.slice(context.lineAt(m.start).start, m.start));
        hits.push({ ...hitFor(context, m.start, m.end, m.term.code, ocr, ticked ? 'marking' : 'mention', ticked ? 0.85 : 0.5), note: ticked ? 'the ticked option of a form' : 'an option printed on a form, not ticked' });
        continue;
      }
      // A portion mark in words with the writer's initials: "(Internal Use Only - RJK) The …".
      if (m.cost === 0 && WORD_PORTION_OPEN.test(text.slice(context.lineAt(m.start).start, m.start)) && WORD_PORTION_CLOSE.test(text.slice(m.end, m.end + 12))) {
        hits.push({ ...hitFor(context, m.start, m.end, m.term.code, ocr, 'portion', 0.85), note: 'a portion mark in words' });
        continue;
      }
      if (m.line.prose) {
        // Running text: only the exact words, and only as a mention.
        if (m.cost === 0 && !m.spaced) hits.push(hitFor(context, m.start, m.end, m.term.code, ocr, 'mention', 0.6));
        continue;
      }
      // OCR-damaged readings only on banner-like lines, and only in capitals or, for a spelling of
      // several words, every word in title case ("Baskgrdund Use Only"; not the name "Nidia").
      if (m.cost > 0 && (!m.bannerLike || !(inCapitals(raw) || (m.term.words > 1 && /^(?:[A-Z][a-z]+[^A-Za-z]+)+[A-Z][a-z]+$/.test(raw))))) continue;
      let confidence = m.cost === 0 ? (m.spaced ? 0.9 : 0.95) : m.confusion ? 0.8 : 0.7;
      if (!inCapitals(raw) && !/^[A-Z][a-z]/.test(raw)) confidence -= 0.2;
      if (m.tie) confidence -= 0.1;
      hits.push(hitFor(context, m.start, m.end, m.term.code, ocr, 'marking', confidence));
    }
    return hits;
  },
};
