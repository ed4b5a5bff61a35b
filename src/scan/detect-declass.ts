import type { OcrCorrection } from '../core/vocabulary.js';
import { gate } from './gated-pattern.js';
import type { Detector, Hit } from './hit.js';
import { readDigits } from './ocr.js';
import { findRifValues } from './rif-form.js';
import { inRanges, isMarkupOnly, isProse, type ScanContext } from './scan-context.js';
import { expand, trigger } from './trigger-automaton.js';

// OADR and its OCR forms: O (or 0, Q), A (or 4), D (or L, B, 3), R, with at most one space
// between letters ("OAD R"); a standalone token.
const OADR = gate('declass/OADR', /(?<![A-Za-z0-9])([O0Q])[ ]?([A4])[ ]?([DLB3])[ ]?(R)(?![A-Za-z0-9])/g, trigger('OADR', expand(['O', '0', 'Q'], ['', ' '], ['A', '4'], ['', ' '], ['D', 'L', 'B', '3'], ['', ' '], 'R')));

// 25X exemptions: "25X1", "25X 1", "25Xl", "2SX1", "25X (4)", "25X (1)(6)", "25X16" (two
// categories run together), "25X1A", "25X1-human", or a bare "25X" whose number was lost.
const X25 = gate(
  'declass/25X',
  /(?<![A-Za-z0-9])(2[5S])[ ]?X[ ]?(?:\([ ]?([1-9lI])[ ]?\)(?:[ ]?\([ ]?([1-9])[ ]?\))?|([1-9lI])([1-9])?(?:[ ]?[-–][ ]?(HUM(?:AN)?|[Hh]uman))?([A-Z])?)?(?![A-Za-z0-9])/g,
  trigger('25X', expand('2', ['5', 'S'], ['', ' '], 'X')),
);

// 50X and 75X exemptions: "50X1-HUM", "50X2-WMD", "50X3", "75X1" (O for 0 allowed).
const X50 = gate('declass/50X', /(?<![A-Za-z0-9])([57][0O5])X([1-9lI])(?:[ ]?[-–—][ ]?(HUM|WMD))?(?![A-Za-z0-9])/g, trigger('50X', expand(['5', '7'], ['0', 'O', '5'], 'X')));

// E.O. 12958 10-year exemptions X1–X8, read only after a declassification cue on the line.
const X_CODE = gate('declass/X', /(?<![A-Za-z0-9])[Xx][ ]?([1-8lI])(?![A-Za-z0-9])/g, trigger('X code', expand(['X', 'x'], ['', ' '], ['1', '2', '3', '4', '5', '6', '7', '8', 'l', 'I'])));
const DECL_CUE = /(?:DECL|Decl|decl)(?:ASSIFY|assify)?(?:\s?(?:ON|On|on))?\s?[:.]?[^\n]{0,30}$/;

// GDS and RDS/XDS share one trigger.
const DS = trigger('DS', ['DS']);

// GDS, XGDS and XGDS-n as written in cable captions ("E.O. 11652: XGDS-1").
const GDS = gate('declass/GDS', /(?<![A-Za-z0-9])(X?GDS)(?:[-\s]?([1-4]))?(?![A-Za-z0-9])/g, DS, 2);

// "Exempt from GDS", "Exempt from General Declassification Schedule of E.O. 11652, Exemption
// Category 5B(2)", "Exempt from CAS, Categories 2 and 3" (OCR CAS for GDS).
const EXEMPT_FROM_GDS = gate(
  'declass/exempt-from-GDS',
  /\bExempt(?:ed)?\s+[Ff]ro\w{0,2}\s+(GDS|CAS|CDS|G[A-Za-z]{0,2}|[Gg]eneral\s+[Dd]eclassification\s+[Ss]chedule)\b(?:\s+of\s+E\.\s?O\.\s?11652)?\s*,?\s*(?:(?:[Ee]xemption\s+)?[Cc]ategor(?:y|ies)\s*:?\s*(?:§\s*)?(?:5B\s?\(\s?([1-4])\s?\)|([1-4](?:\s?(?:,|and|&)\s?[1-4]){0,3})))?/gi,
  trigger('exempt', ['exempt'], false),
);

// E.O. 11652 §5(B) category in every written form: "5B(2)", "5B (2)", "5(B)(2)", "(5)B(1)",
// "5 (B) (2)", "5-B-2" (never FOIA b5: FOIA's fifth exemption has no subparagraphs).
const CAT_5B = gate(
  'declass/5B',
  /(?<![A-Za-z0-9(])(?:5|\(5\))[ ]?-?[ ]?(?:B|\(B\))[ ]?-?[ ]?(?:\([ ]?([1-4])[ ]?\)|([1-4])(?![0-9]))/g,
  trigger('5B', expand(['5', '(5)'], ['', ' ', '-', ' -', '- '], ['B', '(B)'])),
  1,
);
// A printed form's list of the categories to choose from: "5B(1), (2), (3) or (4) (state one or more)".
const CATEGORY_CHOICES = /^\s?,?\s?\(\s?[1-4]\s?\),?\s?(?:\(\s?[1-4]\s?\),?\s?)*(?:or|and)\s?\(\s?[1-4]\s?\)/;

// E.O. 12065 review and extended schedules: "RDS-2", "XDS-1".
const RDS = gate('declass/RDS', /(?<![A-Za-z0-9])(RDS|XDS)[-\s]?([1-4])(?![0-9])/g, DS, 1);

// E.O. 11652 "E2 IMPDET" (exempt category 2, date impossible to determine), with OCR forms
// "E 2 IMPDET", "62. IMPDET", "EIMPDET", "-E-2.-.. IMPDET". Anchored on the rare word IMPDET.
// Trigger: the word itself, at most 12 code units in ("E", 4 separators, the digit, 6 separators).
const IMPDET = gate('declass/IMPDET', /(?:(?<![A-Za-z0-9])([E6])[-.,\s]{0,4}([1-4])?[-.,\s]{0,6})?IMPDET\b/g, trigger('IMPDET', ['IMPDET']), 12);

// E.O. 10964 groups: "GROUP 3 Downgraded at 12 year intervals", "GP-1", "GP 4".
const GROUP = gate('declass/GROUP', /\b(?:GROUP|Group|GP)[ \-]?([1-4I])\b/g, trigger('GROUP', ['GROUP', 'Group', 'GP']));

// JFK Act postponement grounds: "JFK Act 6 (1)(B)".
const JFK_ACT = gate('declass/JFK-Act', /\bJFK\s?Act\s?(?:§\s?)?6\s?\(\s?([1-5])\s?\)\s?(?:\(\s?([A-Ca-c])\s?\))?/g, trigger('JFK', ['JFK']));
// The RESTRICTIONS field of the NARA JFK identification form: "RESTRICTIONS: 1B; 1C; 4".
const RESTRICTIONS = gate('declass/restrictions', /^RESTRICTIONS\s?:[ \t]*([^\n]{1,80})$/gm, trigger('RESTRICTIONS', ['RESTRICTIONS']));

function hit(code: string, start: number, end: number, confidence: number, extra: Partial<Hit> = {}): Hit {
  return { detector: 'declass', family: 'declass', code, start, end, role: 'marking', confidence, ...extra };
}

/** Role and confidence for a declassification token from its line. */
function placement(context: ScanContext, start: number): { prose: boolean; decl: boolean } {
  const line = context.lineAt(start);
  const text = context.text.slice(line.start, line.end);
  return { prose: isProse(text), decl: /DECL|Decl|Declassif|DECLASSIF|E\.\s?O\.|\bEO\b/.test(text) };
}

function oadrHits(context: ScanContext): Hit[] {
  const hits: Hit[] = [];
  for (const m of context.matches(OADR)) {
    const read = `${m[1]}${m[2]}${m[3]}${m[4]}`;
    const ocr: OcrCorrection[] = [];
    if (read !== 'OADR') ocr.push({ from: read, to: 'OADR', kind: 'letter-confusion' });
    if (m[0].length !== 4) ocr.push({ from: m[0], to: read, kind: 'letter-spacing' });
    const changed = [...read].filter((c, i) => c !== 'OADR'[i]).length;
    if (changed > 2) continue;
    const { prose, decl } = placement(context, m.index);
    if (prose && ocr.length > 0) continue; // a garbled word in prose is not a stamp
    const attributes: Record<string, unknown> = {};
    if (context.isStruck(m.index, m.index + m[0].length)) attributes.cancelled = true;
    hits.push(
      hit('OADR', m.index, m.index + m[0].length, ocr.length ? 0.75 : decl ? 0.98 : 0.95, {
        role: prose ? 'mention' : 'marking',
        ocr,
        attributes,
        ...(ocr.length ? { note: `read as OADR from the OCR form "${m[0]}"` } : {}),
      }),
    );
  }
  return hits;
}

// Numbers listed after a code, sharing its prefix: ", 6", " and 6", " & 6" (sticky, one at a time).
const LISTED_NUMBER = /[ ]?(?:,|and|&)[ ]?([1-9])(?![0-9A-Za-z.\/:-])/y;

/** The numbers listed right after offset `end`, each with its span. */
function listedNumbers(text: string, end: number): Array<{ digit: string; start: number; end: number }> {
  const out: Array<{ digit: string; start: number; end: number }> = [];
  LISTED_NUMBER.lastIndex = end;
  for (let m = LISTED_NUMBER.exec(text); m && out.length < 8; m = LISTED_NUMBER.exec(text)) {
    const at = m.index + m[0].length - 1;
    out.push({ digit: m[1] as string, start: at, end: at + 1 });
  }
  return out;
}

function x25Hits(context: ScanContext): Hit[] {
  const { text } = context;
  const hits: Hit[] = [];
  for (const m of context.matches(X25)) {
    const start = m.index;
    const end = start + m[0].length;
    const ocr: OcrCorrection[] = [];
    if (m[1] === '2S') ocr.push({ from: '2S', to: '25', kind: 'letter-confusion' });
    if (/X /.test(m[0]) || /25 X/.test(m[0])) ocr.push({ from: m[0], to: m[0].replace(/ /g, ''), kind: 'letter-spacing' });
    const first = m[2] ?? m[4];
    const second = m[3] ?? m[5];
    const { prose } = placement(context, start);
    const role = prose ? ('mention' as const) : ('marking' as const);
    const attributes: Record<string, unknown> = {};
    if (context.isStruck(start, end)) attributes.cancelled = true;
    if (!first) {
      // A bare "25X": only where a declassification line or a margin shows it is a code.
      const line = context.lineAt(start);
      const before = text.slice(line.start, start);
      const after = text.slice(end, line.end);
      if (!DECL_CUE.test(before) && !isMarkupOnly(after)) continue;
      hits.push(hit('25X', start, end, 0.7, { role, ocr, attributes, note: 'exemption number not given or not legible' }));
      continue;
    }
    const d1 = readDigits(first);
    if (!d1) continue;
    ocr.push(...d1.ocr);
    if (m[6]) attributes.variant = 'human';
    if (m[7]) attributes.suffix = m[7];
    const also = second ? [`25X${second}`] : [];
    if (also.length) attributes.also = also;
    hits.push(hit(`25X${d1.digits}`, start, end, ocr.length ? 0.8 : 0.95, { role, ocr, attributes }));
    if (second) {
      hits.push(
        hit(`25X${second}`, start, end, 0.75, {
          role,
          ocr,
          attributes: { ...attributes, also: [`25X${d1.digits}`] },
          note: `two exemption categories written together ("${m[0]}")`,
        }),
      );
    }
    // Further numbers sharing the prefix: "25X1, 6", "25X1, 3 and 6" are 25X1, 25X3, 25X6.
    for (const more of listedNumbers(text, end)) {
      hits.push(hit(`25X${more.digit}`, more.start, more.end, 0.85, { role, attributes: { listedAfter: `25X${d1.digits}` }, note: `listed after 25X${d1.digits}: the number shares its prefix` }));
    }
  }
  for (const m of context.matches(X50)) {
    const d = readDigits(m[2] as string);
    if (!d) continue;
    const prefix = (m[1] as string).replace('O', '0');
    const ocr: OcrCorrection[] = [...d.ocr];
    if (prefix !== m[1]) ocr.push({ from: m[1] as string, to: prefix, kind: 'letter-confusion' });
    if (prefix !== '50' && prefix !== '75') continue;
    const code = `${prefix}X${d.digits}${m[3] ? `-${m[3]}` : ''}`;
    const { prose } = placement(context, m.index);
    hits.push(hit(code, m.index, m.index + m[0].length, ocr.length ? 0.8 : 0.95, { role: prose ? 'mention' : 'marking', ocr }));
  }
  return hits;
}

function xCodeHits(context: ScanContext): Hit[] {
  const { text } = context;
  const hits: Hit[] = [];
  for (const m of context.matches(X_CODE)) {
    const line = context.lineAt(m.index);
    const before = text.slice(line.start, m.index);
    if (!DECL_CUE.test(before)) continue;
    const d = readDigits(m[1] as string);
    if (!d) continue;
    const ocr: OcrCorrection[] = [...d.ocr];
    if (m[0][0] === 'x') ocr.push({ from: 'x', to: 'X', kind: 'letter-confusion' });
    hits.push(hit(`X${d.digits}`, m.index, m.index + m[0].length, ocr.length ? 0.8 : 0.9, { ocr }));
  }
  return hits;
}

function gdsHits(context: ScanContext): Hit[] {
  const { text } = context;
  const hits: Hit[] = [];
  const covered: Array<[number, number]> = [];
  for (const m of context.matches(EXEMPT_FROM_GDS)) {
    const start = m.index;
    // Without the separators OCR or the form left after it.
    const end = start + m[0].replace(/[\s,;:.]+$/, '').length;
    covered.push([start, end]);
    const schedule = m[1] as string;
    const ocr: OcrCorrection[] = /^(GDS|general\s+declassification\s+schedule)$/i.test(schedule) ? [] : [{ from: schedule, to: 'GDS', kind: 'edit' }];
    const categories = m[2] ? [m[2]] : m[3] ? [...m[3].matchAll(/[1-4]/g)].map((x) => x[0]) : [];
    const { prose } = placement(context, start);
    const role = prose ? ('mention' as const) : ('marking' as const);
    if (categories.length === 0) {
      hits.push(hit('XGDS', start, end, ocr.length ? 0.6 : 0.9, { role, ocr }));
    }
    for (const c of categories) {
      hits.push(hit(`XGDS-${c}`, start, end, ocr.length ? 0.75 : 0.95, { role, ocr, attributes: { order: 'E.O. 11652', category: `5B(${c})` } }));
    }
  }
  const inCovered = (i: number): boolean => inRanges(covered, i);
  for (const m of context.matches(GDS)) {
    if (inCovered(m.index)) continue;
    const { prose } = placement(context, m.index);
    const code = m[1] === 'XGDS' ? (m[2] ? `XGDS-${m[2]}` : 'XGDS') : 'GDS';
    hits.push(hit(code, m.index, m.index + m[0].length, 0.85, { role: prose ? 'mention' : 'marking' }));
  }
  for (const m of context.matches(CAT_5B)) {
    if (inCovered(m.index)) continue;
    const category = (m[1] ?? m[2]) as string;
    const end = m.index + m[0].length;
    // Near a sign of E.O. 11652 (the order, GDS, an exemption or category word), or beside a FOIA code.
    const near = text.slice(Math.max(0, m.index - 120), Math.min(text.length, end + 40));
    if (!/11652|[Cc]ategor|CATEGOR|GDS|[Ee]xempt|EXEMPT|\(b\)\s?\(\d\)|IMPDET/.test(near)) continue;
    const legend = CATEGORY_CHOICES.test(text.slice(end, end + 40));
    hits.push(
      hit(`XGDS-${category}`, m.index, end, legend ? 0.5 : 0.85, {
        role: legend ? 'mention' : 'marking',
        attributes: { order: 'E.O. 11652', category: `5B(${category})`, ...(legend ? { context: 'form-legend' } : {}) },
        ...(legend ? { note: 'the categories printed on a form to choose from' } : {}),
      }),
    );
  }
  for (const m of context.matches(RDS)) {
    const { prose } = placement(context, m.index);
    hits.push(hit(`${m[1]}-${m[2]}`, m.index, m.index + m[0].length, 0.85, { role: prose ? 'mention' : 'marking', attributes: { order: 'E.O. 12065' } }));
  }
  return hits;
}

function impdetHits(context: ScanContext): Hit[] {
  const hits: Hit[] = [];
  for (const m of context.matches(IMPDET)) {
    const ocr: OcrCorrection[] = [];
    if (m[1] === '6') ocr.push({ from: '6', to: 'E', kind: 'letter-confusion' });
    const normal = /^E ?[1-4] IMPDET$/.test(m[0]);
    if (!normal && m[1]) ocr.push({ from: m[0], to: `E${m[2] ?? '2'} IMPDET`, kind: 'letter-spacing' });
    const attributes: Record<string, unknown> = { order: 'E.O. 11652' };
    let note: string | undefined;
    let confidence = ocr.length ? 0.75 : 0.95;
    if (!m[2]) {
      attributes.assumed = 'category';
      note = 'exemption category not legible; E2 (intelligence sources and methods), the usual category on intelligence records, is assumed';
      confidence = 0.5;
    }
    hits.push(hit(`E${m[2] ?? '2'}-IMPDET`, m.index, m.index + m[0].length, confidence, { ocr, attributes, ...(note ? { note } : {}) }));
  }
  return hits;
}

// The legends of the E.O. 10964 / DoD 5200.10 groups, read even without the words "GROUP n"
// (wording after markings.md §3.2): 1 excluded from automatic downgrading and declassification;
// 2 exempted from automatic downgrading; 3 downgraded at 12-year intervals, not automatically
// declassified; 4 downgraded at 3-year intervals, declassified after 12 years. OCR may damage
// the long words; the years tell 3 from 4.
const GROUP_LEGEND = gate(
  'declass/group-legend',
  /\b(?:(EXCL\w{2,5}|Excl\w{2,5}|excl\w{2,5})\s{1,3}(?:FROM|from|From)\s{1,3}(?:AUTOMATIC|automatic|Automatic)|(EXEMPTED|Exempted|exempted)\s{1,3}(?:FROM|from|From)\s{1,3}(?:AUTOMATIC|automatic|Automatic)\b|(?:DOWNGRADED|Downgraded|downgraded)\s{1,3}(?:AT|at):?\s{1,3}(3|12)\s{1,3}(?:YEAR|year|Year)\s{1,3}(?:INTERVALS|intervals|Intervals))/g,
  trigger('group legend', ['automatic', 'intervals'], false),
  40,
);
/** A group's legend following "GROUP n" on its own line, OCR-damaged words allowed. */
const LEGEND_ON_LINE = /^\s{0,3}[-–:.]?\s{0,3}(?:Excl|EXCL|excl)\w{0,6}\s+\w{0,5}\s+\w{0,10}\s+\w{0,14}(?:\s+(?:and|AND|ond|anc)\s+\w{0,16})?/;

/** The rest of a group legend, on its line and the next: "DOWNGRADING AND DECLASSIFICATION", "DECLASSIFIED AFTER 12 YEARS", "DOD DIR 5200.10". */
const LEGEND_MORE = /^[^\n]{0,60}(?:\n\s{0,3}[^\n]{0,60}(?:CLASS|class|Class|GRAD|grad|Grad|RADING|rading|5200|YEARS|years)[^\n]{0,30}){0,2}/;

function groupHits(context: ScanContext): Hit[] {
  const { text } = context;
  const hits: Hit[] = [];
  const legends: Array<{ start: number; end: number; group: string }> = [];
  for (const m of context.matches(GROUP_LEGEND)) {
    const group = m[1] ? '1' : m[2] ? '2' : m[3] === '3' ? '4' : '3';
    // "Excluded from automatic" names group 1 only before downgrading or declassification (OCR
    // "WIRADING", "DSCLASSIFICATION"), not "… from automatic termination".
    if (group === '1' && !/^[^A-Za-z]{0,6}(?:[A-Za-z]{1,2}[^A-Za-z]{1,4})?[A-Za-z]{0,5}(?:GRAD|RAD|DOWN|CLASS)/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40))) continue;
    // A legend stands on a short line of its own (often in sentence case), not inside a paragraph.
    const line = context.lineAt(m.index);
    if (line.end - line.start > 90) continue;
    let end = m.index + m[0].length;
    const more = LEGEND_MORE.exec(text.slice(end, end + 160));
    if (more) end += more[0].replace(/[\s|.,;:\-–_\])]+$/, '').length;
    legends.push({ start: m.index, end, group });
  }
  let next = 0;
  for (const m of context.matches(GROUP)) {
    const end = m.index + m[0].length;
    const following = text.slice(end, end + 60);
    const line = context.lineAt(m.index);
    // On a short line of its own, or the cable's closing "GP-1" at the end of its last line.
    const alone = line.end - line.start <= 12 || (/^GP/.test(m[0]) && /^[\s.]*$/.test(text.slice(end, line.end)));
    // "GROUP 1" heading its legend: one record over both.
    while (next < legends.length && (legends[next] as { end: number }).end <= m.index) next++;
    const legend = legends[next];
    const group = m[1] === 'I' ? '1' : (m[1] as string);
    if (legend && legend.start >= end && legend.start - end <= 80 && legend.group === group) {
      hits.push(hit(`GROUP-${group}`, m.index, legend.end, 0.9, { attributes: { order: 'E.O. 10501 as amended by E.O. 10964' } }));
      legends.splice(next, 1);
      continue;
    }
    // Its legend on the same line, even garbled ("GROUP 1 Excluded from oulamatic downgrading"): one record.
    const sameLine = LEGEND_ON_LINE.exec(text.slice(end, line.end));
    if (sameLine) {
      hits.push(hit(`GROUP-${group}`, m.index, end + sameLine[0].replace(/[\s|.,;:\-–_\])]+$/, '').length, 0.85, { attributes: { order: 'E.O. 10501 as amended by E.O. 10964' } }));
      continue;
    }
    // Beside a banner on its line ("SECRET GROUP 1"), or as the legend's heading.
    const besideLevel = /\b(?:TOP SECRET|SECRET|CONFIDENTIAL)\b/.test(text.slice(line.start, line.end));
    if (!/^\s*[-–:.]?\s*(?:Excluded|EXCLUDED|Downgraded|DOWNGRADED|Declassified|DECLASSIFIED|automatic|AUTOMATIC)/.test(following) && !alone && !besideLevel) continue;
    hits.push(hit(`GROUP-${group}`, m.index, end, 0.85, { attributes: { order: 'E.O. 10501 as amended by E.O. 10964' }, ...(m[1] === 'I' ? { ocr: [{ from: m[0], to: m[0].replace(/I$/, '1'), kind: 'letter-confusion' as const }] } : {}) }));
  }
  for (const l of legends) {
    hits.push(
      hit(`GROUP-${l.group}`, l.start, l.end, 0.8, {
        attributes: { order: 'E.O. 10501 as amended by E.O. 10964', legend: true },
        note: `the legend of group ${l.group}, printed without its number`,
      }),
    );
  }
  return hits;
}

/** Reads a RESTRICTIONS value ("1B; 1C; 4", "1A, 1B, DONOR REST.", OCR "LA, 1C") into JFK Act grounds. */
function restrictionHits(value: string, valueStart: number, hits: Hit[], note: string): void {
  // Items are separated by ";" or ",".
  for (const item of value.matchAll(/[^;,]+/g)) {
    const parts = /^\s*([1-5IlL])([A-Ca-c])?\s*$/.exec(item[0]) ?? /^\s*([1-5])\s?\(([A-Ca-c])\)\s*$/.exec(item[0]);
    if (!parts) continue;
    const d = readDigits((parts[1] as string).replace('L', 'l'));
    if (!d) continue;
    const code = `JFK-6(${d.digits})${parts[2] ? `(${parts[2].toUpperCase()})` : ''}`;
    const start = valueStart + item.index + item[0].search(/\S/);
    const itemText = item[0].trim();
    hits.push(
      hit(code, start, start + itemText.length, d.ocr.length ? 0.6 : 0.75, {
        role: 'editorial',
        ocr: d.ocr,
        attributes: { act: 'JFK Records Act', field: 'RESTRICTIONS' },
        note,
      }),
    );
  }
}

function jfkHits(context: ScanContext): Hit[] {
  const { text } = context;
  const hits: Hit[] = [];
  for (const m of context.matches(JFK_ACT)) {
    const code = `JFK-6(${m[1]})${m[2] ? `(${m[2].toUpperCase()})` : ''}`;
    hits.push(hit(code, m.index, m.index + m[0].length, 0.9, { role: 'editorial', attributes: { act: 'JFK Records Act' } }));
  }
  for (const m of context.matches(RESTRICTIONS)) {
    const value = m[1] as string;
    if (/JFK\s?Act/.test(value)) continue; // read by JFK_ACT above
    restrictionHits(value, m.index + m[0].length - value.length, hits, 'postponement ground from the RESTRICTIONS field of the NARA identification form');
  }
  // The same field's value where OCR set the form's labels apart from its values.
  for (const form of findRifValues(context)) {
    if (form.restrictions) restrictionHits(form.restrictions.value, form.restrictions.start, hits, 'postponement ground from the identification form, its value set apart from its label by OCR');
  }
  return hits;
}

/** Detects declassification instructions and exemptions: OADR (and OCR forms), 25X…, 50X…, X1–X8, GDS/XGDS, RDS/XDS, E2 IMPDET, GROUP n, JFK Act grounds. */
export const declassDetector: Detector = {
  id: 'declass',
  family: 'declass',
  detect(context) {
    return [
      ...oadrHits(context),
      ...x25Hits(context),
      ...xCodeHits(context),
      ...gdsHits(context),
      ...impdetHits(context),
      ...groupHits(context),
      ...jfkHits(context),
    ];
  },
};
