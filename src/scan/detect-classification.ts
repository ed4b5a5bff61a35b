import { lowerBound } from '../core/lower-bound.js';
import type { OcrCorrection } from '../core/vocabulary.js';
import { anyOf, gate, isDigit, isLetter, isSpace } from './gated-pattern.js';
import type { Detector, Hit } from './hit.js';
import { findVocabulary, inCapitals, isOptionsLine, MARKED_BOX_BEFORE, repairsOf, TICK_BEFORE, type VocabularyMatch } from './match-vocabulary.js';
import { countLowerWords, type ScanContext } from './scan-context.js';
import { findRifValues } from './rif-form.js';
import { findSourceNotes } from './source-notes.js';
import { expand, trigger } from './trigger-automaton.js';
import { getVocabulary } from './vocabulary.js';

/** Banner spellings (upper case, letter-spacing allowed) to canonical codes. */
const LEVELS: Array<[RegExp, string]> = [
  [/^T[O0]P[ -]{0,3}SECRET$/, 'TS'],
  [/^SECRET$/, 'S'],
  [/^CONFIDENTIAL$/, 'C'],
  [/^(?:UNCLASSIFIED|UNCLAS)$/, 'U'],
  [/^RESTRICTED$/, 'R'],
  [/^LIMITED OFFICIAL USE$/, 'LOU'],
  [/^FOR OFFICIAL USE ONLY$/, 'FOUO'],
  [/^SENSITIVE BUT UNCLASSIFIED$/, 'SBU'],
];

// Title-case classification in a FRUS source note: "Secret; Eyes Only.", "Top Secret. 1 p.".
const NOTE_LEVEL = /(?<=^|[.;:]\s|\s)(Top Secret|Secret|Confidential|Limited Official Use|Unclassified|Official Use Only)(?=[.;,]|\s(?:and|\d))/g;

// A form field naming the classification: "CLASSIFICATION: Secret", "ORIGINAL CLASSIFICATION: Secret",
// "CLASS: S", "Class: CONFIDENTIAL".
const FORM_FIELD = gate(
  'classification/form-field',
  /\b(?:ORIGINAL\s+)?(?:CLASSIFICATION|Classification|CLASS|Class)[ \t]*:[ \t]*[—–-]?[ \t]*(Top Secret|TOP SECRET|Secret|SECRET|Confidential|CONFIDENTIAL|Unclassified|UNCLASSIFIED|TS|T|S|C|U)(?![A-Za-z])/g,
  trigger('CLASS', ['CLASS', 'Class']),
  anyOf('ORIGINAL', isSpace),
);

// A portion mark heading a paragraph: "(S) The …", "1. (S) The …", "SUBJECT: (U) …", "[^1] (U) …",
// "(S//NF) …", "(S) 2. We need …", with OCR'd brackets ("(S}", "{S)") and lower case ("(s)"; not
// "(c)", an enumeration).
const PORTION = gate(
  'classification/portion',
  /^[ \t]*(?:[#>*]+[ \t]*)?(?:\d{1,3}\.|[a-z]\.|\[\^\d{1,3}\]:?|SUBJECT:|Subject:)?[ \t]*[({](TS|S|C|U|R|CUI|s|u)(\/\/[A-Z][A-Z/ -]{0,30})?[)}][ \t]+(?=["“'A-Z]|\d{1,2}\.\s|[ivx]{1,4}\.\s)/gm,
  trigger('portion mark', expand(['(', '{'], ['TS', 'S', 'C', 'U', 'R', 'CUI', 's', 'u'], [')', '}', '//'])),
  anyOf(' \t#>*.[]^:', isLetter, isDigit),
);

/**
 * Words that may follow a banner on its line: other markings (every word of the vocabulary's
 * spellings) and cable header fields.
 */
const BANNER_COMPANIONS = new Set([
  ...getVocabulary().flatMap((t) => t.spelling.toUpperCase().split(/[^A-Z]+/).filter((w) => w.length >= 4)),
  // CIA handling stamps printed beside the banner ("S-E-C-R-E-T RETURN TO CIA"), group lines ("SECRET GROUP 1").
  'RETURN', 'RETURNTO', 'REPRODUCE', 'BACKGROUND', 'GROUP',
  'EYES', 'ONLY', 'NOFORN', 'NOFOR', 'NODIS', 'EXDIS', 'LIMDIS', 'STADIS', 'ORCON', 'WNINTEL', 'RYBAT', 'STAFF', 'CITE',
  'PAGE', 'SECTION', 'SENSIND', 'SECURITY', 'INFORMATION', 'SENSITIVE', 'ATTACHMENT', 'ENCLOSURE', 'DRAFT', 'PRIORITY',
  'IMMEDIATE', 'ROUTINE', 'CONTROL', 'CONTINUED', 'SPECAT', 'NOCONTRACT', 'PROPIN', 'OADR', 'OASD', 'DECL', 'COPY',
]);

/** A classification verb shortly before a level word: the sentence talks about a classification ("downgraded to CONFIDENTIAL"). */
const MENTION_BEFORE = /\b(?:classif\w*|declassif\w*|downgrad\w*|upgrad\w*|marked|stamped|designated)\b[^.\n]{0,30}$|\b(?:is|are|was|were|be|been)\s*$/i;

/** A classification hit; the one shape every reader here produces. */
function levelHit(code: string, start: number, end: number, role: Hit['role'], confidence: number, attributes: Record<string, unknown> = {}): Hit {
  return { detector: 'classification', family: 'classification', code, start, end, role, confidence, attributes };
}

/** Markup stripped before judging a line: headings, emphasis, quotes, images, bars. */
function stripMarkup(s: string): string {
  return s.replace(/[#*_>|`'"‘’“”!\[\]{}~<™—–\\]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** What follows the level in a cable's or dispatch's header line: a date-time group ("261530Z"), the word CITE, or a dispatch symbol and number ("HMMA-22595", "OSMA - 25559"). */
const CABLE_HEADER = /^[\s\-–/.,:;]*(?:\d{4,6}\s?Z\b|[^\n]{0,40}\bCITE\b|[A-Z]{4}\s?[-–]\s?\d{4,6}\b)/;

/** The head of a cable's continuation page before its level: "PAGE 2 MANAGUA 7158", "PAGE 3 DIRECTOR 41234". */
const CABLE_PAGE_HEADER = /^PAGE\s{1,3}\d{1,3}\s[A-Z0-9 ,.\-]{0,40}$/;

/** True when what follows a level word on its line is other markings or header fields, not words. */
function bannerTail(after: string, level: string): boolean {
  const s = stripMarkup(after);
  if (s === '' || /^[-–/.,:;]*$/.test(s)) return true;
  // The level set off by a dash or slash from a descriptor of the copy: "SECRET - Working paper",
  // "CONFIDENTIAL - Security Information", "SECRET / Sensitive". A sentence does not go on so.
  const set = /^\s*(?:[-–—]|\/\/?)\s+(?=\S)/.exec(after);
  if (set && countLowerWords(after) <= 3 && !/[.!?]\s*$/.test(after)) return true;
  if (countLowerWords(s) > 0) return false;
  // A cable's header: the level, then the date-time group or the CITE line ("SECRET 261530Z CITE MEXICO CITY 1234").
  if (CABLE_HEADER.test(s)) return true;
  // RESTRICTED, a level only until 1953, is far more often a form's word ("RESTRICTED HANDLING",
  // "RESTRICTED AREA"): a banner only with nothing but markings after it.
  for (const word of s.match(/[A-Z]{4,}/g) ?? []) if (level === 'R' || !BANNER_COMPANIONS.has(word)) return false;
  return true;
}

function levelOf(raw: string): string | undefined {
  const squeezed = raw.includes(' ') && !/ (OFFICIAL|BUT|USE|SECRET)/.test(raw) ? raw.replace(/ /g, '') : raw;
  for (const [re, code] of LEVELS) if (re.test(squeezed) || re.test(raw)) return code;
  return undefined;
}

/** Labels printed on cable and dispatch forms around the level. */
const FORM_LABELS = /\b(?:RELEASING|AUTHENTICATING|COORDINATING|CLASSIFIED MESSAGE|PREVIOUS EDITIONS?|USE PREVIOUS|ROUTING AND RECORD SHEET)\b/;

/**
 * A header field that holds the level, written with or without a colon: "REPORT CLASS SECRET",
 * "CLASSIFICATION CONFIDENTIAL", the CIA cable's sensitivity indicator "SENSIND: SECRET",
 * "SECURITY CLASSIFICATION: SECRET".
 */
const CLASS_FIELD = /(?:^|\s)(?:REPORT\s+)?(?:SECURITY\s+)?(?:CLASS(?:IFICATIONS?)?|SENSIND)\s*[.:\-–]?$/;

/** A form label right before a level: the value of a form field, read by {@link formFieldHits}. */
const FORM_LABEL_BEFORE = /\b(?:CLASSIFICATION|Classification|CLASS|Class)[ \t]*:[ \t]*[—–-]?[ \t]*$/;

/**
 * A noisy line: short, and everything on it but the reading is OCR debris (tokens of one or two
 * characters, tokens with digits, short lower-case or mixed-case fragments), as OCR leaves
 * around a banner stamped over other print: `2 SECREL ee`, `_UD 52 Es unre eee SECRET m`.
 */
export function isNoisyLine(text: string, line: { start: number; end: number }, start: number, end: number): boolean {
  const rest = `${text.slice(line.start, start)} ${text.slice(end, line.end)}`;
  const tokens = rest.match(/[A-Za-z0-9$€¥]+/g) ?? [];
  if (tokens.length > 8) return false;
  return tokens.every((t) => t.length <= 2 || /\d/.test(t) || (/^[a-z]+$/.test(t) && t.length <= 4) || (/[a-z]/.test(t) && /[A-Z]/.test(t.slice(1))));
}

/**
 * Classification levels read by the vocabulary matcher, judged by where they stand: at the start
 * of a line followed only by other markings, at the end of a non-prose line, or amid OCR debris
 * on a noisy line is a banner; right after a classification verb in a sentence is a mention;
 * anywhere else the word is prose and not reported. Inexact readings (OCR damage) count only on
 * banner-like lines, at lower confidence.
 */
function bannerHits(context: ScanContext, taken: Set<number>): Hit[] {
  const { text } = context;
  const hits: Hit[] = [];
  const matches = findVocabulary(context);
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k] as (typeof matches)[number];
    if (m.term.family !== 'classification') continue;
    const { start, end } = m;
    const code = m.term.code;
    const raw = text.slice(start, end);
    const capitals = inCapitals(raw);
    const exact = m.cost === 0;
    const line = context.lineAt(start);
    // Title-case and lower-case words are banners only alone on their line (read by
    // loneTitleHits), among other markings and nothing else ("For The President Only - Top
    // Secret"), in a transcriber's description of a stamp ("![Top Secret stamp]"), or
    // OCR-damaged alone on a banner-like line.
    if (!capitals && !(exact && (onlyMarkings(text, line, matches) || describedStamp(text.slice(line.start, start), text.slice(end, line.end)))) && (exact || m.line.tokens > 1)) continue;
    const ocr = repairsOf(m, raw);
    const lineBefore = text.slice(line.start, start);
    if (FORM_LABEL_BEFORE.test(lineBefore)) continue;
    // Other markings read on the rest of the line are a banner's company, whatever their words.
    let after = text.slice(end, line.end);
    for (let n = k + 1; n < matches.length && (matches[n] as VocabularyMatch).start < line.end; n++) {
      const other = matches[n] as VocabularyMatch;
      if (other.start >= end) after = `${after.slice(0, other.start - end)}${' '.repeat(other.end - other.start)}${after.slice(other.end - end)}`;
    }
    const base = { detector: 'classification', family: 'classification' as const, code, start, end, ocr };
    const struck = context.isStruck(start, end) || dashStruck(text, start, end);
    if (struck) {
      hits.push({ ...base, role: 'marking', confidence: exact ? 0.9 : 0.75, attributes: { cancelled: true }, note: 'struck through: the marking was cancelled' });
      taken.add(start);
      continue;
    }
    // A value in brackets ("[ RESTRICTED ]") is a withheld form field, not a level.
    if (/(?<!!)\[\s?$/.test(lineBefore) && /^\s?\]/.test(after)) continue;
    if (isOptionsLine(context, start)) {
      const ticked = TICK_BEFORE.test(lineBefore) || (MARKED_BOX_BEFORE.test(lineBefore) && /[[(]\s?[\])]/.test(text.slice(line.start, line.end)));
      hits.push(
        ticked
          ? { ...base, role: 'marking', confidence: 0.85, attributes: { context: 'form-field' }, note: 'the ticked level of a form\'s options' }
          : { ...base, role: 'mention', confidence: 0.5, attributes: { context: 'form-legend' }, note: 'a level printed among a form\'s options, not ticked' },
      );
      taken.add(start);
      continue;
    }
    const before = stripMarkup(lineBefore);
    // A header field without a colon ("REPORT CLASS SECRET", "CLASSIFICATION CONFIDENTIAL") opens the line as a banner does.
    const field = CLASS_FIELD.test(before) && !m.line.prose && !/[a-z]{3}/.test(before);
    // A cable's continuation header opens with its page number: "PAGE 2 MANAGUA 7158 SECRET".
    const pageHeader = capitals && exact && CABLE_PAGE_HEADER.test(before);
    const atStart = field || pageHeader || before === '' || /^[.,:;\-–]*$/.test(before) || (before.length <= 3 && !/[A-Za-z]{3}/.test(before));
    const talkedAbout = !field && MENTION_BEFORE.test(before);
    let place: 'banner' | 'noisy' | undefined;
    if (describedStamp(lineBefore, after)) place = 'banner';
    else if (atStart && bannerTail(after, code)) place = 'banner';
    // At the end of a line: a banner, unless the line is prose or names a classification verb.
    else if (stripMarkup(after) === '' && !talkedAbout && countLowerWords(before) < 4) place = 'banner';
    // Printed in a form's label line: the cable form's "RELEASING OFFICER  SECRET  AUTHENTICATING
    // OFFICER", "FORM 1508 USE PREVIOUS EDITIONS SECRET".
    else if (capitals && m.cost === 0 && FORM_LABELS.test(text.slice(line.start, line.end)) && !m.line.prose) place = 'banner';
    else if (m.bannerLike && m.line.short && isNoisyLine(text, line, start, end)) place = 'noisy';
    if (!exact && !m.bannerLike) place = undefined;
    if (place) {
      let confidence = exact ? (m.spaced ? 0.9 : 0.95) : m.confusion ? 0.8 : m.cost <= 2 ? 0.7 : 0.6;
      if (place === 'noisy') confidence -= 0.15;
      if (m.tie) confidence -= 0.1;
      hits.push({
        ...base,
        role: 'marking',
        confidence,
        ...(exact ? {} : { note: `"${raw}" is read as ${m.term.spelling} (OCR damage)${m.tie ? '; an ordinary word reads it as closely, the place decides' : ''}` }),
      });
      taken.add(start);
    } else if (talkedAbout && exact && !m.spaced && code !== 'R') {
      // ("RESTRICTED" in a sentence is the ordinary word: "ITEM IS RESTRICTED".)
      hits.push({ ...base, role: 'mention', confidence: 0.6, note: 'a classification named in running text' });
      taken.add(start);
    }
  }
  return hits;
}

/** Words a transcriber uses to describe a stamp or banner around the level it reads. */
const DESCRIBING = /^(?:stamp|stamped|marking|marked|mark|banner|header|image|seal|text|label|classification|classified|message|box|form|field|block|the|a|with|reading|of|partially|visible|at|top|bottom|page|red|black|large|handwritten)$/i;

/**
 * True when the level stands in a transcriber's description of the page whose other words only
 * describe a stamp: "![Top Secret stamp]", "![stamp: SECRET]", "[Figure: SECRET stamp]".
 */
function describedStamp(lineBefore: string, after: string): boolean {
  const open = /(?:!\[|\[(?:Figure|Image|Stamp)\s?:?)([^\[\]]*)$/.exec(lineBefore);
  const close = /^([^\[\]]*)\]/.exec(after);
  if (!open || !close) return false;
  const words = `${open[1] as string} ${close[1] as string}`.match(/[A-Za-z]+/g) ?? [];
  return words.every((w) => DESCRIBING.test(w));
}

/** True when a line holds nothing but vocabulary readings, markup and punctuation, and more than one reading. */
function onlyMarkings(text: string, line: { start: number; end: number }, matches: readonly VocabularyMatch[]): boolean {
  let rest = '';
  let at = line.start;
  let count = 0;
  // Binary search for the first reading that may reach into the line (readings are in order).
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((matches[mid] as VocabularyMatch).start < line.start - 200) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < matches.length && (matches[k] as VocabularyMatch).start < line.end; k++) {
    const m = matches[k] as VocabularyMatch;
    if (m.end <= line.start) continue;
    rest += text.slice(at, m.start);
    at = m.end;
    count++;
  }
  rest += text.slice(at, line.end);
  return count > 1 && /^[\s\p{P}]*$/u.test(rest);
}

/** A level word set between dashes or slashes as a typed strike-out: "-SECRET-", "/SECRET/". */
function dashStruck(text: string, start: number, end: number): boolean {
  const b = text[start - 1];
  const a = text[end];
  return (b === '-' && a === '-') || (b === '—' && a === '—') || (b === '/' && a === '/' && text[start - 2] !== '/');
}

// A title-case level alone on its line, as OCR gives the classification field of a form or a
// typed banner: "Secret", "Top Secret".
const LONE_TITLE = gate(
  'classification/lone-title',
  /^[ \t*_#"'“”‘’~.:;|]*(Top Secret|Secret|Confidential|Unclassified)[ \t*_."'“”‘’~:;|]*$/gm,
  trigger('title-case level', ['Top Secret', 'Secret', 'Confidential', 'Unclassified']),
  anyOf(' \t*_#"\'“”‘’~.:;|'),
);

function loneTitleHits(context: ScanContext, taken: Set<number>): Hit[] {
  const { text } = context;
  const hits: Hit[] = [];
  for (const m of context.matches(LONE_TITLE)) {
    const value = m[1] as string;
    const start = m.index + m[0].indexOf(value);
    if (taken.has(start)) continue;
    const code = levelOf(value.toUpperCase());
    if (!code) continue;
    // On an archive's identification form the level describes the document: editorial.
    const form = /Identification Form|Document Information|RECORD NUMBER/i.test(text.slice(Math.max(0, start - 1500), start));
    hits.push(levelHit(code, start, start + value.length, form ? 'editorial' : 'marking', 0.7, form ? { context: 'form-field' } : {}));
  }
  return hits;
}

function sourceNoteHits(context: ScanContext): Hit[] {
  const hits: Hit[] = [];
  for (const note of findSourceNotes(context)) {
    const line = context.text.slice(note.start, note.end);
    for (const m of line.matchAll(NOTE_LEVEL)) {
      const code = levelOf((m[1] as string).toUpperCase());
      if (!code) continue;
      hits.push(levelHit(code, note.start + m.index, note.start + m.index + m[0].length, 'editorial', 0.9, { context: 'source-note' }));
    }
  }
  return hits;
}

function formFieldHits(context: ScanContext): Hit[] {
  const hits: Hit[] = [];
  // The one-letter level of an identification form whose labels OCR set apart ("T" below "PAPER, TEXTUAL DOCUMENT").
  for (const form of findRifValues(context)) {
    const c = form.classification;
    if (!c || c.value.length !== 1) continue;
    hits.push(levelHit(c.value === 'T' ? 'TS' : c.value, c.start, c.end, 'editorial', 0.7, { context: 'form-field' }));
  }
  for (const m of context.matches(FORM_FIELD)) {
    const value = m[1] as string;
    // One letter is the JFK identification form's code: T is TOP SECRET.
    const code = value === 'T' ? 'TS' : value.length <= 2 ? value.toUpperCase() : levelOf(value.toUpperCase());
    if (!code) continue;
    const start = m.index + m[0].length - value.length;
    hits.push(levelHit(code, start, start + value.length, 'editorial', value.length <= 2 ? 0.75 : 0.9, { context: 'form-field' }));
  }
  return hits;
}

// A portion mark closing a paragraph after its last sentence ("… mailing addresses.(S", OCR lost
// the bracket) or standing alone as a converter's footnote ("[^1]: (S)").
const CLOSING_PORTION = gate(
  'classification/closing-portion',
  /(?:[.!?"”]|^[ \t]*\[\^\d{1,3}\]:)[ \t]?([({](?:TS|S|C|U)[)}]?)[ \t]*$/gm,
  trigger('closing portion', expand(['(', '{'], ['TS', 'S', 'C', 'U'])),
  anyOf(' \t.!?"”[]^:', isDigit),
);

// A portion mark in words, with the writer's initials: "(Unclassified - MLG) The …", "(Secret - DTC)".
const WORD_PORTION = gate(
  'classification/word-portion',
  /^[ \t]*(?:[#>*]+[ \t]*)?(?:\d{1,3}\.[ \t]*)?\((Top Secret|Secret|Confidential|Unclassified|TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED)(?:[ \t]?[-–—][ \t]?[A-Z]{2,4})?\)/gm,
  trigger('portion in words', ['(Top Secret', '(Secret', '(Confidential', '(Unclassified', '(TOP SECRET', '(SECRET', '(CONFIDENTIAL', '(UNCLASSIFIED']),
  anyOf(' \t#>*.', isDigit),
);

// A portion mark closing a subject line: "SUBJECT: … Criteria (S)", "Subj: … (C}".
const SUBJECT_PORTION = gate(
  'classification/subject-portion',
  /\b(?:SUBJECT|Subject|SUBJ|Subj)[ \t]?:[^\n]{3,200}?[ \t]([({](?:TS|S|C|U)[)}])[ \t.]*$/gm,
  trigger('subject', ['SUBJ', 'Subj']),
);

// A portion mark anywhere in a line, as reviewers mark released portions in place:
// "[HOLLOWAY](S) stated", "Army (U) Attache", "… of interest.(S)", "](x)[S]". Read only in a
// document that shows it is portion-marked (see portionHits).
const INLINE_PORTION = gate(
  'classification/inline-portion',
  /[([{](TS|S|C|U)(\/\/[A-Z][A-Z/ -]{0,30})?[)\]}]/g,
  trigger('inline portion', expand(['(', '[', '{'], ['TS', 'S', 'C', 'U'], [')', ']', '}', '//'])),
);

/** A letter other than a level, or a digit, in brackets: an item of a list or a form's key ("(A)", "[2]"). */
const LIST_KEY = /[([][0-9ABD-RV-Z][)\]]/g;

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/** True when a position of `sorted` (ascending) lies in `[from, to)`. */
function anyWithin(sorted: readonly number[], from: number, to: number): boolean {
  const at = lowerBound(sorted, from);
  return at < sorted.length && (sorted[at] as number) < to;
}

/** Inline portion marks of S, TS or U on this many lines or more show that a document is portion-marked. */
const PORTION_EVIDENCE = 3;

function portionHits(context: ScanContext): Hit[] {
  const { text } = context;
  const hits: Hit[] = [];
  for (const m of context.matches(SUBJECT_PORTION)) {
    const mark = m[1] as string;
    const start = m.index + m[0].lastIndexOf(mark);
    hits.push(levelHit(mark.slice(1, -1), start, start + mark.length, 'portion', 0.85, { place: 'subject line' }));
  }
  for (const m of context.matches(CLOSING_PORTION)) {
    const mark = m[1] as string;
    const start = m.index + m[0].lastIndexOf(mark);
    const code = mark.replace(/[^A-Z]/g, '');
    hits.push(levelHit(code, start, start + mark.length, 'portion', /[)}]$/.test(mark) ? 0.8 : 0.65, { place: 'paragraph end' }));
  }
  for (const m of context.matches(WORD_PORTION)) {
    const word = m[1] as string;
    const code = levelOf(word.toUpperCase());
    if (!code) continue;
    const start = m.index + m[0].indexOf(word);
    hits.push(levelHit(code, start, start + word.length, 'portion', 0.85, { form: 'words' }));
  }
  for (const m of context.matches(PORTION)) {
    const code = (m[1] as string).toUpperCase();
    const start = m.index + m[0].search(/[({]/);
    const end = start + 2 + code.length + (m[2]?.length ?? 0);
    // "(C)" after "(A)" and "(B)" items is an enumeration, not a portion mark.
    if (code === 'C' || code === 'R') {
      const window = text.slice(Math.max(0, start - 3000), start);
      if (/(?:^|\n)[ \t]*\(B\)[ \t]/.test(window)) continue;
    }
    const attributes: Record<string, unknown> = {};
    if (m[2]) attributes.controls = m[2].slice(2).split('/').filter(Boolean);
    hits.push(levelHit(code, start, end, 'portion', 0.9, attributes));
  }
  for (const hit of inlinePortionHits(context, hits)) hits.push(hit);
  return hits;
}

/**
 * Portion marks standing inside a line, kept only when the document shows it is portion-marked:
 * a portion mark already read in a paragraph's head, end or subject line, or inline marks of `S`,
 * `TS` or `U` on {@link PORTION_EVIDENCE} lines (a `(C)` alone may be an item of a list). Not a
 * mark: a letter in brackets glued to a word or number ("Section 5(C)", "friend(s)"), the plural
 * after a word ("DOCUMENT (S)"), the last part of a code ("(b)(7)(C)", "(7) (C)"), an item of a
 * line that keys other letters in brackets ("READING (R) SPEAKING (S)"), a `(C)` after `(B)`.
 */
function inlinePortionHits(context: ScanContext, strict: readonly Hit[]): Hit[] {
  const { text } = context;
  const taken = new Set(strict.map((h) => h.start));
  const candidates: Array<{ start: number; end: number; code: string; controls?: string }> = [];
  let evidence = 0; // lines holding a mark of S, TS or U
  let lastLine = -1;
  // Letters and digits in brackets that are no level ("(A)", "(2)"): where lists and form keys are.
  let keys: number[] | undefined;
  let letterKeys: number[] | undefined;
  const keysAt = (): number[] => (keys ??= [...text.matchAll(LIST_KEY)].map((k) => k.index));
  const letterKeysAt = (): number[] => (letterKeys ??= keysAt().filter((at) => !isDigitCode(text.charCodeAt(at + 1))));
  const keyedLines = new Map<number, boolean>();
  for (const m of context.matches(INLINE_PORTION)) {
    const start = m.index;
    if (taken.has(start)) continue;
    const before = text.slice(Math.max(0, start - 3), start);
    if (/[A-Za-z0-9]$/.test(before) || /\(\s?\d{1,2}\s?\)\s?$/.test(before)) continue;
    const code = m[1] as string;
    // "DOCUMENT (S)", "OFFICER (S)": the plural written after a word.
    if (code === 'S' && /[A-Za-z] $/.test(before)) continue;
    // A line that keys other letters or numbers in brackets ("READING (R) SPEAKING (S)", "(A) BY BIRTH … (C)") lists items.
    const line = context.lineAt(start);
    let keyed = keyedLines.get(line.start);
    if (keyed === undefined) keyedLines.set(line.start, (keyed = anyWithin(keysAt(), line.start, line.end)));
    if (keyed) continue;
    // A "(C)" near other letters in brackets is an item of a list or a form's key.
    if (code === 'C' && anyWithin(letterKeysAt(), start - 3000, start + 3000 - 2)) continue;
    candidates.push({ start, end: start + m[0].length, code, ...(m[2] ? { controls: m[2] } : {}) });
    if (code !== 'C' && line.start !== lastLine) evidence++;
    lastLine = line.start;
  }
  if (candidates.length === 0 || (strict.length === 0 && evidence < PORTION_EVIDENCE)) return [];
  return candidates.map(({ start, end, code, controls }) =>
    levelHit(code, start, end, 'portion', 0.75, controls ? { place: 'inline', controls: controls.slice(2).split('/').filter(Boolean) } : { place: 'inline' }),
  );
}

/** Detects classification banners and levels, portion marks, FRUS source-note classifications, form fields and cancelled (struck-through) markings. */
export const classificationDetector: Detector = {
  id: 'classification',
  family: 'classification',
  detect(context) {
    const taken = new Set<number>();
    const banners = bannerHits(context, taken);
    return [
      ...banners,
      ...loneTitleHits(context, taken),
      ...sourceNoteHits(context),
      ...formFieldHits(context),
      ...portionHits(context),
    ];
  },
};
