import { findCodeRuns, type CodeRun, type CodeToken } from './code-runs.js';
import { anyOf, gate, isSpace } from './gated-pattern.js';
import type { Detector, Hit } from './hit.js';
import { countLowerWords, isProse, type ScanContext } from './scan-context.js';
import { expand, trigger } from './trigger-automaton.js';

// A statute cited after (b)(3): "50 USC 3024(i)", "50 U.S.C. 403g", "- 50 USC 3024i", "CIA Act",
// "NatSecAct", "National Security Act". Anchored (sticky) at the end of the (b)(3) token; the
// trailing groups are bounded, so the pattern is linear.
const STATUTE =
  /[ \t]{0,2}[-–:,]?[ \t]{0,2}(?:((?:50|10|26|42|8|6|18|22|35|12|15|49|5)[ \t]?U\.?[ \t]?S\.?[ \t]?C\.?[ \t]?(?:§[ \t]?)?\d{1,4}[a-z]?(?:-\d{1,2})?(?:[ \t]?\([a-z0-9]{1,2}\)){0,3})|(CIA[ \t]?Act(?: of 1949)?|NatSecAct|Nat(?:ional)?\.?[ \t]?Sec(?:urity)?\.?[ \t]?Act(?: of 1947)?|NSA[ \t]?Act))/y;

// The High/Low variant of Exemption 2: "(b)(2) High", "(b)(2)High", "(b)(2)(High)".
const B2_VARIANT = /[ \t]?\(?(High|Low|HIGH|LOW)\)?(?![A-Za-z])/y;

// Exemptions named in words: "Ex. 5", "Exemption 6", "FOIA Exemptions 6 and 7(C)". The number
// may not be followed by another digit ("EX 3600" is a document number), a letter ("EX1CO") or a
// bracket: only (b)(7) has subparagraphs, so "EXEMPTION 5B(1)" is an E.O. 11652 category.
const WORDS = gate(
  'foia/words',
  /\b(?:FOIA\s+)?(?:Ex\.|Ex|EX|Exemptions?|EXEMPTIONS?|exemptions?)\s?(?:([1-689])|(7)(?:\s?\(([A-Fa-f])\))?)(?![0-9A-Za-z(])(?:\s?(?:,|and|&)\s?(?:([1-689])|(7)(?:\s?\(([A-Fa-f])\))?)(?![0-9A-Za-z(]))?/g,
  trigger('exemption word', expand(['Ex', 'EX', 'Ex.', 'xemption', 'xemptions', 'XEMPTION', 'XEMPTIONS'], ['', ' '], '1')),
  anyOf('FOIAEe', isSpace),
);

// "High 2" / "Low 2" in words.
const HIGH_LOW = gate('foia/high-low', /\b(High|Low)[ -]2\b/g, trigger('High/Low 2', expand(['High', 'Low'], [' ', '-'], '2')));

/** Reads the canonical FOIA code of a `(b)…` token, with what the token carries besides. */
export function readFoiaToken(token: CodeToken): { code: string; invalid: boolean; attributes: Record<string, unknown>; note?: string } {
  const n = Number(token.number);
  const attributes: Record<string, unknown> = {};
  if (token.categories) attributes.categories = token.categories.split(/\s?,\s?/).map(Number);
  if (!(n >= 1 && n <= 9)) {
    return { code: `b${token.number}`, invalid: true, attributes, note: '5 U.S.C. 552(b) has exemptions (1) to (9) only' };
  }
  if (n === 7) {
    const sub = token.glued ?? (token.extra[0] && /^[A-Za-z]$/.test(token.extra[0]) ? token.extra[0].toUpperCase() : null);
    if (!sub) return { code: 'b7', invalid: false, attributes };
    const code = `b7${sub}`;
    if (!'ABCDEF'.includes(sub)) return { code, invalid: true, attributes, note: '5 U.S.C. 552(b)(7) has subparagraphs (A) to (F) only' };
    return { code, invalid: false, attributes };
  }
  if (n === 2 && token.extra[0] && /^(high|low)$/i.test(token.extra[0])) {
    attributes.variant = token.extra[0].toLowerCase();
  } else if (token.extra.length > 0) {
    attributes.cite = token.extra.map((g) => `(${g})`).join('');
    if (n === 1 && token.extra.length === 2 && /^[A-Za-z]$/.test(token.extra[0] as string) && /^\d{1,2}$/.test(token.extra[1] as string)) {
      // markings.md §3.9: "(b)(1)(A)(3)" most plausibly runs the FOIA cite and an E.O. 12356
      // §1.3(a)(n) category together.
      attributes.interpretedAs = [`12356:1.3(a)(${token.extra[1]})`];
      return {
        code: 'b1',
        invalid: false,
        attributes,
        note: `the trailing ${attributes.cite as string} is read as E.O. 12356 §1.3(a)(${token.extra[1]}) run into the FOIA code; the scheme is inferred`,
      };
    }
  }
  if (token.glued) attributes.cite = token.glued;
  return { code: `b${n}`, invalid: false, attributes };
}

function tokenHit(context: ScanContext, run: CodeRun, token: CodeToken): Hit {
  const { text } = context;
  const read = readFoiaToken(token);
  let end = token.end;
  const attributes = { ...read.attributes };
  if (read.code === 'b3') {
    STATUTE.lastIndex = end;
    const m = STATUTE.exec(text);
    if (m) {
      attributes.statute = normalizeStatute((m[1] ?? m[2]) as string);
      end = m.index + m[0].length;
    }
  }
  if (read.code === 'b2') {
    B2_VARIANT.lastIndex = end;
    const m = B2_VARIANT.exec(text);
    if (m) {
      attributes.variant = (m[1] as string).toLowerCase();
      end = m.index + m[0].length;
    }
  }
  if (context.isStruck(token.start, end)) attributes.cancelled = true;
  if (read.invalid) attributes.invalid = true;
  if (token.form === 'bare') attributes.form = 'short';
  if (run.context) attributes.context = run.context;
  let confidence = run.confidence * (token.form === 'bare' && !run.labelled ? 0.9 : 1);
  if (token.ocr.length > 0) confidence *= 0.9;
  if (read.invalid) confidence *= 0.7;
  if (attributes.interpretedAs) confidence *= 0.8;
  const note = read.note ?? run.note;
  return {
    detector: 'foia',
    family: 'foia',
    code: read.code,
    start: token.start,
    end,
    role: run.role,
    confidence: round(confidence),
    ocr: token.ocr,
    attributes,
    ...(note ? { note } : {}),
  };
}

/**
 * Tidies a statute citation: `50 USC 3024i` → `50 U.S.C. 3024(i)`. A letter glued to a section
 * number of four digits lost its parentheses to OCR (Title 50's current sections have none);
 * older sections such as `403g` keep theirs.
 */
export function normalizeStatute(raw: string): string {
  const m = /^(\d{1,2})\s?U\.?\s?S\.?\s?C\.?\s?(?:§\s?)?(\d{1,4})([a-z])?((?:-\d{1,2})?)((?:\s?\([a-z0-9]{1,2}\)){0,3})$/.exec(raw.trim());
  if (!m) return raw.replace(/\s+/g, ' ').trim();
  const section = m[2] as string;
  const letter = m[3] ? (section.length >= 4 ? `(${m[3]})` : m[3]) : '';
  return `${m[1]} U.S.C. ${section}${letter}${m[4] ?? ''}${(m[5] ?? '').replace(/\s/g, '')}`;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Detects FOIA exemption codes: `(b)(1)` … `(b)(9)`, `(b)(7)(C)`, `b6`, `b7E-1, 2`, `Ex. 5`, `(b)(3) 50 USC 3024(i)`. */
export const foiaDetector: Detector = {
  id: 'foia',
  family: 'foia',
  detect(context) {
    const hits: Hit[] = [];
    for (const run of findCodeRuns(context)) {
      for (const token of run.tokens) if (token.letter === 'b') hits.push(tokenHit(context, run, token));
    }
    const { text } = context;
    for (const m of context.matches(WORDS)) {
      // "Ex. 5" alone in a margin is a marking; "Exemption 5 protects …" is prose.
      const line = context.lineAt(m.index);
      const after = text.slice(m.index + m[0].length, line.end);
      const prose = isProse(text.slice(line.start, line.end)) || countLowerWords(after) > 0;
      const pairs: Array<[string, string | undefined]> = [[(m[1] ?? m[2]) as string, m[3]]];
      if (m[4] || m[5]) pairs.push([(m[4] ?? m[5]) as string, m[6]]);
      for (const [num, sub] of pairs) {
        const code = num === '7' && sub ? `b7${sub.toUpperCase()}` : `b${num}`;
        hits.push({
          detector: 'foia',
          family: 'foia',
          code,
          start: m.index,
          end: m.index + m[0].length,
          role: prose ? 'mention' : 'marking',
          confidence: prose ? 0.6 : 0.8,
          attributes: { form: 'words' },
          ...(prose ? { note: 'exemption named in running text' } : {}),
        });
      }
    }
    for (const m of context.matches(HIGH_LOW)) {
      const line = context.lineText(m.index);
      if (!/exempt|FOIA|\(b\)/i.test(line)) continue;
      const prose = isProse(line);
      hits.push({
        detector: 'foia',
        family: 'foia',
        code: 'b2',
        start: m.index,
        end: m.index + m[0].length,
        role: prose ? 'mention' : 'marking',
        confidence: 0.6,
        attributes: { variant: (m[1] as string).toLowerCase(), form: 'words' },
      });
    }
    return hits;
  },
};

