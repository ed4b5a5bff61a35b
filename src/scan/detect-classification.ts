import type { OcrCorrection } from '../core/vocabulary.js';
import { anyOf, gate, isDigit, isLetter, isSpace } from './gated-pattern.js';
import type { Detector, Hit } from './hit.js';
import { findLoneTokens } from './lone-tokens.js';
import { editDistance } from './ocr.js';
import { countLowerWords, type ScanContext } from './scan-context.js';
import { findSourceNotes } from './source-notes.js';
import { expand, trigger } from './trigger-automaton.js';

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

// Upper-case classification words, letter-spaced forms ("S E C R E T", "SE CRE T") included.
// Each letter is followed by at most one space, so the pattern is linear.
// Trigger: the start of each level word; "T O P   " puts at most 8 code units before the S.
const BANNER = gate(
  'classification/banner',
  /(?<![A-Za-z])(T ?[O0] ?P {0,3}S ?E ?C ?R ?E ?T|S ?E ?C ?R ?E ?T|C ?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L|UNCLASSIFIED|UNCLAS|RESTRICTED|LIMITED OFFICIAL USE|FOR OFFICIAL USE ONLY|SENSITIVE BUT UNCLASSIFIED)(?![A-Za-z])/g,
  trigger('level word', [
    ...expand('S', ['', ' '], 'E', ['', ' '], 'C', ['', ' '], 'R'),
    ...expand('C', ['', ' '], 'O', ['', ' '], 'N', ['', ' '], 'F', ['', ' '], 'I'),
    'UNCLAS',
    'RESTRICTED',
    'LIMITED OFFICIAL USE',
    'FOR OFFICIAL USE ONLY',
    'SENSITIVE BUT',
  ]),
  8,
);

// Title-case classification in a FRUS source note: "Secret; Eyes Only.", "Top Secret. 1 p.".
const NOTE_LEVEL = /(?<=^|[.;:]\s|\s)(Top Secret|Secret|Confidential|Limited Official Use|Unclassified|Official Use Only)(?=[.;,]|\s(?:and|\d))/g;

// A form field naming the classification: "CLASSIFICATION: Secret", "ORIGINAL CLASSIFICATION: Secret",
// "CLASS: S", "Class: CONFIDENTIAL".
const FORM_FIELD = gate(
  'classification/form-field',
  /\b(?:ORIGINAL\s+)?(?:CLASSIFICATION|Classification|CLASS|Class)[ \t]*:[ \t]*[—–-]?[ \t]*(Top Secret|TOP SECRET|Secret|SECRET|Confidential|CONFIDENTIAL|Unclassified|UNCLASSIFIED|TS|S|C|U)(?![A-Za-z])/g,
  trigger('CLASS', ['CLASS', 'Class']),
  anyOf('ORIGINAL', isSpace),
);

// A portion mark heading a paragraph: "(S) The …", "1. (S) The …", "SUBJECT: (U) …", "[^1] (U) …",
// "(S//NF) …".
const PORTION = gate(
  'classification/portion',
  /^[ \t]*(?:[#>*]+[ \t]*)?(?:\d{1,3}\.|[a-z]\.|\[\^\d{1,3}\]:?|SUBJECT:|Subject:)?[ \t]*\((TS|S|C|U|R|CUI)(\/\/[A-Z][A-Z/ -]{0,30})?\)[ \t]+(?=["“'A-Z])/gm,
  trigger('portion mark', expand('(', ['TS', 'S', 'C', 'U', 'R', 'CUI'], [')', '//'])),
  anyOf(' \t#>*.[]^:', isLetter, isDigit),
);

/** Words that may follow a banner on its line: other markings and cable header fields. */
const BANNER_COMPANIONS = new Set([
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

/** True when what follows a level word on its line is other markings or header fields, not words. */
function bannerTail(after: string): boolean {
  const s = stripMarkup(after);
  if (s === '' || /^[-–/.,:;]*$/.test(s)) return true;
  if (countLowerWords(s) > 0) return false;
  for (const word of s.match(/[A-Z]{4,}/g) ?? []) if (!BANNER_COMPANIONS.has(word)) return false;
  return true;
}

function levelOf(raw: string): string | undefined {
  const squeezed = raw.includes(' ') && !/ (OFFICIAL|BUT|USE|SECRET)/.test(raw) ? raw.replace(/ /g, '') : raw;
  for (const [re, code] of LEVELS) if (re.test(squeezed) || re.test(raw)) return code;
  return undefined;
}

function bannerHits(context: ScanContext, taken: Set<number>): Hit[] {
  const { text } = context;
  const hits: Hit[] = [];
  for (const m of context.matches(BANNER)) {
    const start = m.index;
    const end = start + m[0].length;
    const code = levelOf(m[0]);
    if (!code) continue;
    const ocr: OcrCorrection[] = [];
    if (/ /.test(m[0]) && !/ (OFFICIAL|BUT|USE)/.test(m[0]) && code !== 'TS') ocr.push({ from: m[0], to: m[0].replace(/ /g, ''), kind: 'spacing' });
    if (/0/.test(m[0])) ocr.push({ from: m[0], to: m[0].replace(/0/g, 'O'), kind: 'letter-confusion' });
    const line = context.lineAt(start);
    const before = stripMarkup(text.slice(line.start, start));
    const after = text.slice(end, line.end);
    // A form field ("CLASSIFICATION: SECRET") is read by formFieldHits.
    if (/\b(?:CLASSIFICATION|Classification|CLASS|Class)[ \t]*:[ \t]*[—–-]?[ \t]*$/.test(text.slice(line.start, start))) continue;
    const struck = context.isStruck(start, end) || dashStruck(text, start, end);
    const base = { detector: 'classification', family: 'classification' as const, code, start, end, ocr };
    if (struck) {
      hits.push({ ...base, role: 'marking', confidence: 0.9, attributes: { cancelled: true }, note: 'struck through: the marking was cancelled' });
      taken.add(start);
      continue;
    }
    // A value in brackets ("[ RESTRICTED ]") is a withheld form field, not a level.
    if (/(?<!!)\[\s?$/.test(text.slice(line.start, start)) && /^\s?\]/.test(after)) continue;
    const atStart = before === '' || /^[.,:;\-–]*$/.test(before) || (before.length <= 3 && !/[a-z]{3}/.test(before));
    const talkedAbout = MENTION_BEFORE.test(before);
    let banner = false;
    if (atStart) banner = bannerTail(after);
    // At the end of a line: a banner, unless the line is prose or names a classification verb.
    else if (stripMarkup(after) === '') banner = !talkedAbout && countLowerWords(before) < 4;
    if (banner) {
      hits.push({ ...base, role: 'marking', confidence: ocr.length ? 0.85 : 0.95 });
      taken.add(start);
    } else if (talkedAbout) {
      hits.push({ ...base, role: 'mention', confidence: 0.6, note: 'a classification named in running text' });
      taken.add(start);
    }
  }
  return hits;
}

/** A level word set between dashes or slashes as a typed strike-out: "-SECRET-", "/SECRET/". */
function dashStruck(text: string, start: number, end: number): boolean {
  const b = text[start - 1];
  const a = text[end];
  return (b === '-' && a === '-') || (b === '—' && a === '—') || (b === '/' && a === '/' && text[start - 2] !== '/');
}

/** Real words that look like an OCR-garbled "SECRET" but are not. */
const NOT_SECRET = new Set(['SECRETS', 'SACRED', 'SCREEN', 'SECTOR', 'SELECT', 'SECRETE', 'SEARED', 'SCARED', 'STREET', 'SECURE', 'SECOND', 'SECURED', 'SCREWED', 'SECT', 'SERENE', 'SEVERE', 'SPREE', 'STEREO', 'SHEET', 'STREETS']);

function garbledHits(context: ScanContext, taken: Set<number>): Hit[] {
  const hits: Hit[] = [];
  for (const { token, tokenStart: start } of findLoneTokens(context.text)) {
    const upper = token.toUpperCase();
    if (upper === 'SECRET' || NOT_SECRET.has(upper) || !/^[Ss]/.test(token)) continue;
    // Within two edits of SECRET, or its shape: S…RET ("SBRERET", "SRECRET").
    if (editDistance(upper, 'SECRET', 2) > 2 && !(upper.endsWith('RET') && upper.length >= 6)) continue;
    if (taken.has(start)) continue;
    hits.push({
      detector: 'classification',
      family: 'classification',
      code: 'S',
      start,
      end: start + token.length,
      role: 'marking',
      confidence: 0.5,
      ocr: [{ from: token, to: 'SECRET', kind: 'garbled' }],
      note: `"${token}" on a line of its own is read as a garbled SECRET banner`,
    });
  }
  return hits;
}

// A title-case level alone on its line, as OCR gives the classification field of a form or a
// typed banner: "Secret", "Top Secret".
const LONE_TITLE = gate(
  'classification/lone-title',
  /^[ \t*_#]*(Top Secret|Secret|Confidential|Unclassified)[ \t*_.]*$/gm,
  trigger('title-case level', ['Top Secret', 'Secret', 'Confidential', 'Unclassified']),
  anyOf(' \t*_#'),
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
  for (const m of context.matches(FORM_FIELD)) {
    const value = m[1] as string;
    const code = value.length <= 2 ? value.toUpperCase() : levelOf(value.toUpperCase());
    if (!code) continue;
    const start = m.index + m[0].length - value.length;
    hits.push(levelHit(code, start, start + value.length, 'editorial', value.length <= 2 ? 0.75 : 0.9, { context: 'form-field' }));
  }
  return hits;
}

function portionHits(context: ScanContext): Hit[] {
  const { text } = context;
  const hits: Hit[] = [];
  for (const m of context.matches(PORTION)) {
    const code = m[1] as string;
    const start = m.index + m[0].indexOf('(');
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
  return hits;
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
      ...garbledHits(context, taken),
      ...loneTitleHits(context, taken),
      ...sourceNoteHits(context),
      ...formFieldHits(context),
      ...portionHits(context),
    ];
  },
};
