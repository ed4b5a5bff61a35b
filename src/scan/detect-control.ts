import { getCatalog } from '../catalog/catalog.js';
import type { OcrCorrection } from '../core/vocabulary.js';
import { gate, type GatedPattern } from './gated-pattern.js';
import type { Detector, Hit } from './hit.js';
import { inRanges, isProse, type ScanContext } from './scan-context.js';
import { findSourceNotes } from './source-notes.js';
import { expand, trigger } from './trigger-automaton.js';

/** OCR forms seen for control markings, as patterns over the upper-case word. */
const OCR_FORMS: Array<[RegExp, string]> = [
  [/^[UVW]N[I1l]NTEL$/, 'WNINTEL'],
  [/^R[Y¥V]BAT$/, 'RYBAT'],
  [/^N[O0]F[O0]RN$/, 'NOFORN'],
];

interface Compiled {
  /** Every catalog spelling as one alternation, longest first, whole words, case as written. */
  exact: GatedPattern;
  /** The same, case-insensitive, for FRUS source notes ("Secret; Eyes Only."). */
  anyCase: RegExp;
  codeOf: Map<string, string>;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Builds the control-marking patterns from the catalog's spellings. */
function compile(): Compiled {
  const codeOf = new Map<string, string>();
  for (const [code, entry] of getCatalog().codes('control')) {
    for (const spelling of entry.spellings ?? []) codeOf.set(spelling.toUpperCase(), code);
  }
  const alternation = [...codeOf.keys()]
    .sort((a, b) => b.length - a.length)
    .map((s) => escape(s).replace(/ /g, '\\s?'))
    .join('|');
  // OCR forms of WNINTEL, RYBAT and NOFORN are matched too and repaired below.
  const ocr = '[UV]N[I1l]NTEL|WN[1l]NTEL|R[¥V]BAT|N[O0]F[O0]RN';
  const source = `(?<![A-Za-z])(?:${alternation}|${ocr})(?![A-Za-z])`;
  // Trigger: the first two words of each spelling, with or without the space between them
  // ("EYES ONLY", "EYESONLY"), and the OCR forms.
  const literals = [
    ...[...codeOf.keys()].flatMap((spelling) => {
      const [first, second] = spelling.split(' ') as [string, string | undefined];
      return second === undefined ? [first] : [`${first} ${second}`, `${first}${second}`];
    }),
    ...expand(['U', 'V'], 'N', ['I', '1', 'l'], 'NTEL'),
    ...expand('WN', ['1', 'l'], 'NTEL'),
    ...expand('R', ['¥', 'V'], 'BAT'),
    ...expand('N', ['O', '0'], 'F', ['O', '0'], 'RN'),
  ];
  return { exact: gate('control/exact', new RegExp(source, 'g'), trigger('control word', literals)), anyCase: new RegExp(source, 'gi'), codeOf };
}

// Built when the module loads, so its trigger joins the one-pass search from the first scan.
const COMPILED = compile();

// The countries after "REL TO": "REL TO USA, GBR, CAN" (trigraphs, USA first by convention).
const COUNTRIES = /^[ \t]?((?:[A-Z]{3}|NATO|FVEY)(?:[ \t]?(?:,|and|AND)[ \t]?(?:[A-Z]{3}|NATO|FVEY)){0,20})/;

function read(match: string, codeOf: Map<string, string>): { code: string; ocr: OcrCorrection[] } | undefined {
  const upper = match.toUpperCase().replace(/\s+/g, ' ');
  const exact = codeOf.get(upper) ?? codeOf.get(upper.replace(/ /g, ''));
  if (exact) return { code: exact, ocr: [] };
  for (const [re, code] of OCR_FORMS) if (re.test(upper)) return { code, ocr: [{ from: match, to: code, kind: 'letter-confusion' }] };
  // Spellings matched with a space dropped ("EYESONLY").
  for (const [spelling, code] of codeOf) if (spelling.replace(/ /g, '') === upper.replace(/ /g, '')) return { code, ocr: [] };
  return undefined;
}

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

/** Detects control and dissemination markings (EYES ONLY, NOFORN, NODIS, EXDIS, LIMDIS, ORCON, REL TO …, WNINTEL, RD/FRD …) from the catalog's spellings. */
export const controlDetector: Detector = {
  id: 'control',
  family: 'control',
  detect(context) {
    const { exact, anyCase, codeOf } = COMPILED;
    const { text } = context;
    const hits: Hit[] = [];
    const notes = findSourceNotes(context);
    const noteRanges = notes.map((n) => [n.start, n.end] as const);
    const inNote = (i: number): boolean => inRanges(noteRanges, i);
    for (const m of context.matches(exact)) {
      const got = read(m[0], codeOf);
      if (!got) continue;
      if (inNote(m.index)) continue; // read below, as editorial
      const prose = isProse(context.lineText(m.index));
      hits.push(hitFor(context, m.index, m.index + m[0].length, got.code, got.ocr, prose ? 'mention' : 'marking', got.ocr.length ? 0.75 : prose ? 0.6 : 0.95));
    }
    for (const note of notes) {
      const line = text.slice(note.start, note.end);
      for (const m of line.matchAll(anyCase)) {
        const got = read(m[0], codeOf);
        if (!got) continue;
        // In a source note the caveats follow the classification: "Secret; Eyes Only."
        const start = note.start + m.index;
        hits.push(hitFor(context, start, start + m[0].length, got.code, got.ocr, 'editorial', 0.9));
      }
    }
    return hits;
  },
};
