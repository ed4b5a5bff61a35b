import { anyOf, gate, isDigit, isLetter, isSpace, isWordChar, registerTrigger, type GatedPattern } from './gated-pattern.js';
import type { Detector, Hit } from './hit.js';
import { findPhrases } from './match-phrase.js';
import { parseDate } from './parse-date.js';
import { countLowerWords, isProse, type ScanContext } from './scan-context.js';
import { expand, SPACE_CHARS, trigger } from './trigger-automaton.js';

// ---------------------------------------------------------------------------------------------
// State Department release-decision stamps (IS/FPC/CDR, A/CDC/MR, "RELEASE IN PART").
// ---------------------------------------------------------------------------------------------

// A tick box before a decision word: ☒ ☐ ☑ ■ □ [X] [ ] (X) ( ).
const BOX = /^[ \t]*(☒|☐|☑|■|□|\[[ xX✓]?\]|\([ xX✓]?\))?[ \t]*/;

// Words that open a line of a State review stamp.
const STAMP_LINE =
  /^(?:DEPARTMENT OF STATE\s+(?:A\/CDC\/MR|IS\/FPC\/CDR)|IS\/FPC\/CDR|A\/CDC\/MR|I?MR Cases Only|EO Citations|RELEASED?(?:\s+IN\s+(?:FULL|PART)|\s+WITH\s+DELETIONS)?\b|RELEASE DENIED|RELEASABLE|EXCISE\b|DENY\b|DENIED IN (?:FULL|PART)|TOTAL DENIAL|DECLASSIFY(?:\s+IN\s+PART)?\b|DECLASSIFIED\b|DE-CLASSIFY|IT PART|IN PART\b|IN FILE\b|DELETE Non-Re\w+ Info|DELETED?\b|CLASSIFY as|DOWNGRADE\b|TS authority to|TS AUTH\.?|FOIA(?:, EO or PA)? [Ee]xemptions|PA [Ee]xemptions|ENDORSE EXISTING MARKINGS|RDS or XDS|REASON\(S\)|REVIEWED BY|\(\s?\)\s?(?:[SC]\s+(?:or|OADR)|MEDIUM DOWNGRADE))/;

// Lines that alone prove a release decision was stamped.
const STRONG_LINE = /^(?:DEPARTMENT OF STATE\s+)?(?:IS\/FPC\/CDR|A\/CDC\/MR)|^RELEASED?\s+IN\s+(?:FULL|PART)|^TOTAL DENIAL|^DENIED IN (?:FULL|PART)|^DECLASSIFY\s+IN\s+PART/;

// A short line inside a stamp that is not itself a stamp word: "( ) S or ( ) C OADR", "OADR".
const CONTINUATION = /^[ \t()SCXx☐☒or_\-]*(?:OADR)?[ \t()SCXx☐☒or_\-]*$/;

// The decisions a stamp offers, with the tick box (if any) before each.
const DECISION =
  /(☒|☐|☑|■|□|\[[ xX✓]?\]|\([ xX✓]?\))?[ \t]?(RELEASED?\s+IN\s+FULL|RELEASED?\s+IN\s+PART|RELEASED?\s+WITH\s+DELETIONS|RELEASE DENIED|TOTAL DENIAL|DENIED IN (?:FULL|PART)|DECLASSIFY\s+IN\s+PART|DE-CLASSIFY\s*\n?\s*I[NT] PART|DELETE Non-Re\w+ Info|RELEASED?|EXCISE|DENY|DECLASSIFIED|DECLASSIFY|DELETED?|IN FILE|CLASSIFY as|DOWNGRADE)\b/g;

const DECISION_NAMES: Array<[RegExp, string]> = [
  [/^RELEASED?\s+IN\s+FULL$/, 'release-in-full'],
  [/^RELEASED?\s+(?:IN\s+PART|WITH\s+DELETIONS)$/, 'release-in-part'],
  [/^(?:RELEASE DENIED|TOTAL DENIAL|DENIED IN FULL|DENY)$/, 'deny'],
  [/^DENIED IN PART$/, 'release-in-part'],
  [/^(?:DECLASSIFY\s+IN\s+PART|DE-CLASSIFY\s*\n?\s*I[NT] PART)$/, 'declassify-in-part'],
  [/^DELETE Non-Re\w+ Info$/, 'delete-non-responsive'],
  [/^RELEASED?$/, 'release'],
  [/^EXCISE$/, 'excise'],
  [/^DECLASSIF(?:Y|IED)$/, 'declassify'],
  [/^DELETED?$/, 'delete'],
  [/^IN FILE$/, 'in-file'],
  [/^CLASSIFY as$/, 'classify'],
  [/^DOWNGRADE$/, 'downgrade'],
];

function decisionName(word: string): string | undefined {
  for (const [re, name] of DECISION_NAMES) if (re.test(word)) return name;
  return undefined;
}

function ticked(box: string | undefined): boolean | null {
  if (!box) return null;
  return /☒|☑|■|[xX✓]/.test(box);
}

/** One line of the text: 0-based offsets, `end` exclusive. */
interface Line {
  start: number;
  end: number;
  text: string;
}

/** Line `n` (1-based) of the text, from the scan context's line index. */
function lineAtNumber(context: ScanContext, n: number): Line {
  const { start, end } = context.locator.lineRange(n);
  return { start, end, text: context.text.slice(start, end) };
}

// Something every stamp line holds (each STAMP_LINE alternative starts with one of these), so
// only the lines holding one need the full test.
const STAMP_CUE = registerTrigger(
  trigger('stamp cue', [
    ...['DEPARTMENT OF STATE', 'IS/FPC/CDR', 'A/CDC/MR', 'MR Cases Only', 'EO Citations', 'RELEAS', 'EXCISE', 'DENY', 'DENIED IN', 'TOTAL DENIAL'],
    ...['DECLASSIF', 'DE-CLASSIFY', 'IT PART', 'IN PART', 'IN FILE', 'DELETE', 'CLASSIFY as', 'DOWNGRADE', 'TS auth', 'TS AUTH', 'FOIA'],
    ...['PA Exemptions', 'PA exemptions', 'ENDORSE EXISTING', 'RDS or XDS', 'REASON(S)', 'REVIEWED BY', '()'],
    ...expand('(', SPACE_CHARS, ')'),
  ]),
);

function stampLine(line: string): boolean {
  const rest = line.replace(BOX, '').replace(/^[#*>\s]+/, '');
  return STAMP_LINE.test(rest) && countLowerWords(rest) <= 2 && rest.length <= 90;
}

function releaseDecisionHits(context: ScanContext): Hit[] {
  const { locator } = context;
  const lineCount = locator.lineCount;
  // The lines a stamp can start on: those holding a stamp cue, ascending.
  const cueLines: number[] = [];
  for (const t of context.triggers(STAMP_CUE)) {
    const n = locator.lineOf(t);
    if (cueLines[cueLines.length - 1] !== n) cueLines.push(n);
  }
  const hits: Hit[] = [];
  let next = 1; // lines below this belong to a block already read
  for (const n of cueLines) {
    if (n < next) continue;
    const first = lineAtNumber(context, n);
    if (!stampLine(first.text)) continue;
    const block: Line[] = [first];
    let j = n + 1;
    let gap = 0;
    while (j <= lineCount) {
      const line = lineAtNumber(context, j);
      if (stampLine(line.text)) {
        block.push(line);
        gap = 0;
      } else if (line.text.trim() === '' || (CONTINUATION.test(line.text) && line.text.trim().length <= 40)) {
        if (line.text.trim() !== '') block.push(line);
        if (++gap > 1) break;
      } else break;
      j++;
    }
    // Trailing continuation lines do not belong to the stamp unless a stamp line follows them.
    while (block.length > 1 && !stampLine((block[block.length - 1] as Line).text)) block.pop();
    const stampLines = block.filter((l) => stampLine(l.text));
    const strong = stampLines.some((l) => STRONG_LINE.test(l.text.replace(BOX, '').replace(/^[#*>\s]+/, '')));
    if (stampLines.length >= 2 || strong) hits.push(releaseDecisionHit(context, block));
    next = j;
  }
  return hits;
}

function releaseDecisionHit(context: ScanContext, block: Line[]): Hit {
  const { text } = context;
  const first = block[0] as Line;
  const last = block[block.length - 1] as Line;
  const start = first.start + (first.text.length - first.text.trimStart().length);
  const end = last.end - (last.text.length - last.text.trimEnd().length);
  const body = text.slice(start, end);
  const options: Array<{ decision: string; ticked: boolean | null }> = [];
  const seen = new Set<string>();
  let boxes = 0;
  for (const m of body.matchAll(DECISION)) {
    const name = decisionName((m[2] as string).replace(/\s+/g, ' ').replace('IT PART', 'IN PART'));
    if (!name || seen.has(name)) continue;
    seen.add(name);
    if (m[1]) boxes++;
    options.push({ decision: name, ticked: ticked(m[1]) });
  }
  // A single printed decision with no boxes ("RELEASE IN PART") is the decision itself.
  if (boxes === 0 && options.length === 1) (options[0] as { ticked: boolean | null }).ticked = true;
  const attributes: Record<string, unknown> = {
    options,
    decisions: options.filter((o) => o.ticked === true).map((o) => o.decision),
  };
  const office = /(IS\/FPC\/CDR|A\/CDC\/MR)/.exec(body);
  if (office) attributes.office = office[1];
  const field = (label: RegExp): string | null => {
    const m = label.exec(body);
    if (!m) return null;
    // Blanks ("_____") and the stamp's own boxes ("( ) S OADR") are not field values.
    const value = (m[1] ?? '').replace(/_+/g, '').replace(/\(\s?[xX]?\s?\)\s?(?:[SC]\b)?\s?(?:OADR)?/g, '').trim();
    return value === '' ? null : value;
  };
  attributes.foiaExemptions = field(/FOIA(?:, EO or PA)? [Ee]xemptions[ \t]*:?[ \t]*([^\n]*)/);
  attributes.paExemptions = field(/PA [Ee]xemptions[ \t]*:?[ \t]*([^\n]*)/);
  attributes.eoCitations = field(/EO Citations[ \t]*:?[ \t]*([^\n]*)/);
  const downgrade = /DOWNGRADE TS to\s*(\([ xX]?\))\s*S\s+or\s*(\([ xX]?\))\s*C/.exec(body);
  if (downgrade) attributes.downgrade = { from: 'TS', toS: ticked(downgrade[1]), toC: ticked(downgrade[2]) };
  if (/OADR/.test(body)) attributes.oadr = true;
  const note = options.length > 0 && options.every((o) => o.ticked === null) ? 'the tick boxes were not kept by OCR: which decisions were ticked is unknown' : undefined;
  return {
    detector: 'stamp',
    family: 'stamp',
    code: 'release-decision',
    start,
    end,
    role: 'marking',
    confidence: 0.9,
    attributes,
    ...(note ? { note } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Single stamps and release lines.
// ---------------------------------------------------------------------------------------------

// "REVIEWED BY *Moskowitz* DATE *3/3*", "REVIEWED BY FBI/JFK TASK FORCE\nON 10/15/97".
const REVIEWED_BY = gate('stamp/reviewed-by', /REVIEWED BY[ \t]+([^\n]{1,60}?)[ \t]*(?:\n[ \t]*)?(?:DATE|ON)\b[ \t]*:?[ \t]*(\*?[0-9][0-9/.\-]{0,9}\*?)/g, trigger('REVIEWED BY', ['REVIEWED BY']));

// "DECLASSIFIED Authority NND 959000 By JB NARA Date 3/4/99" (one line or several).
const NARA = gate(
  'stamp/nara',
  /\bDECLASSIFIED\s{0,4}\n?\s{0,4}Authority\s?:?\s?([A-Z]{2,4}[ -]?[0-9][0-9\-]{0,12}|E\.?\s?O\.?\s?1\d{4}[^\n]{0,24}?)(?=\s|$)(?:\s{1,4}By\s+([^\n]{1,40}?))?(?:\s{1,4}(?:NARA|NLJ|NLK|NLC|NLR)\b)?(?:,?\s{1,4}Date\s?:?\s?([0-9][0-9/.\-]{3,9}))?(?=\s|$)/g,
  trigger('DECLASSIFIED', ['DECLASSIFIED']),
);

// CREST and CIA FOIA release lines, with the usual OCR damage to "Release":
// "Approved For Release 2004/05/05 : CIA-RDP80B01495R000200090015-8",
// "Declassified in Part - Sanitized Copy Approved for Release 2013/08/06 : CIA-RDP…".
const CIA_RELEASE = gate(
  'stamp/cia-release',
  /(Declassified\s?(?:in\s?Part|and)\s?[-–]{0,2}\s?)?(Sani\w{3,5}\s?Copy\s?)?Approve+d\s?[Ff]or\s?(?:Release|[A-Za-z1' ]{2,9}?)\s?:?\s?(\d{4}\s?\/\s?\d{2}\s?\/\s?\d{2})(?:\s?:?\s?([cC][iI][aA]-RDP[0-9A-Za-z\-]{12,26}))?/g,
  trigger('approve', ['pprove']),
  anyOf('-–', isWordChar, isSpace),
);

// The CIA Historical Review Program stamp: "APPROVED FOR RELEASE 1993 CIA HISTORICAL-REVIEW PROGRAM".
const CIA_HRP = gate(
  'stamp/cia-hrp',
  /APPROVED FOR RELEASE\s{1,4}(\d{4})\s{1,4}CIA\s+HISTORICAL[- ]REVIEW\s+PROGRAM/gi,
  trigger('approved for release', ['approved for release'], false),
);

// The JFK Act release line, 1990s and 2017–2025 forms.
const JFK_ACT = gate(
  'stamp/JFK-Act',
  /(?:(\d{4})\s+)?RELEASED?\s+UNDER\s+THE\s+(?:PRESIDENT\s+)?JOHN\s+F\.?\s+KENNEDY\s+ASSASSINATION\s+RECORDS\.?\s+(?:COLLECTION\s+)?ACT\s+OF\s+1992(?:\s{0,4}\(44\s?USC\s?2107\s?Note\)\.?)?(?:\s{0,4}Case#?\s?:?\s?(NW\s?\d{4,6}))?(?:\s{0,4}Date\s?:?\s?(\d{1,2}[-/]\d{1,2}[-/]\d{2,4}|(?:19|20)\d{2}(?![\d/-])))?/gi,
  trigger('release', ['release'], false),
  anyOf('', isDigit, isSpace),
);

// The tail of the JFK Act release line, read when its start is garbled or broken over lines:
// "… KENNEDY ASSASSINATION RECORDS ACT OF 1992" (the start is found by looking back for RELEASE).
const JFK_ACT_LOOSE = gate(
  'stamp/JFK-Act-tail',
  /\b(?:KENNEDY|ASSASSINATION)\s{1,3}(?:ASSASSINATION\s{1,3})?RECORDS[.'‘’"]?\s{1,3}[‘'"]?(?:COLLECTION\s{1,3})?ACT\s{1,3}OF(?:\s{1,3}(?:1992|[0-9lI]{2,4}))?\b/gi,
  trigger('records act', ['records'], false),
  28,
);

// The CIA "DESENSITIZED" stamp (OCR "DEOISITIZED"), printed or in a transcriber's description,
// also run together with the slug after it ("DESENSITIZEDYPIC").
const DESENSITIZED = gate('stamp/desensitized', /\bDE[A-Z]{2,6}TIZED/g, trigger('tized', ['TIZED']), 10);

// "CIA HAS NO OBJECTION TO DECLASSIFICATION AND/OR RELEASE …", "No DoD objection to public
// disclosure …" (OCR "OSSECTION").
// Trigger: "ION TO"; before it stand only letters and spaces (agency, HAS, NO, O…).
const NO_OBJECTION = gate(
  'stamp/no-objection',
  /\b(?:(CIA|DoD|DOD|FBI|NSA|State|STATE)\s+HAS\s+)?NO\s+(?:(DoD|DOD|CIA|FBI|NSA)\s+)?O[A-Za-z]{4,8}ION\s+TO\b/gi,
  trigger('no', expand('no', SPACE_CHARS), false),
  anyOf('CIADOFBNSTEHciadofbnsteh', isSpace),
);
/** What a no-objection stamp objects to: declassification, release, public disclosure (any case, OCR spaces). */
const STAMP_OBJECT = /^\s{0,4}(?:THE\s+)?(?:DECLASS\w*|RELEASE|PUBLIC\s+DISCLOSURE|DISCLOSURE|DE\s?CLASS\w*)/i;
const NO_OBJECTION_MORE = /^\s{0,4}(?:DECLASS\w*|AND\/?\s?OR|RELEASE|IN\s+THIS|AS\s+SANITIZ\w*|EXCEPT|OF\s+(?:CIA|THIS))/i;

// The FBI stamp "ALL INFORMATION CONTAINED HEREIN IS UNCLASSIFIED EXCEPT WHERE SHOWN OTHERWISE".
const FBI_DECLASS = gate(
  'stamp/fbi-declassification',
  /ALL\s+INFORMATION\s+CONTA\w{0,6}(?:\s+\w?[EH]?EREIN\s+IS\s+\w{0,3}CLASSIFIED(?:\s+EXCEPT\s+WHERE\s+SHO\w{0,3}(?:\s+OTHERWISE)?)?)?/gi,
  trigger('information', ['information'], false),
  anyOf('alAL', isSpace),
);

// "Classification cancelled by authority of …", "Classification changed to CONFIDENTIAL by …".
const CLASSIFICATION_CHANGE = gate(
  'stamp/classification-change',
  /\bClassification\s+(?:cancell?ed|changed\s+to\s+([A-Za-z][A-Za-z ]{2,30}?))\s+(?:by\s+(?:the\s+)?authority\s+of|per|by)\s+([^\n]{1,60})/gi,
  trigger('classification', ['classification'], false),
);

// Lines of a classification authority block: "Classified by: …", "CL BY 012170", "Derived From: …",
// "DRV FRM: …", "Reason: 1.4(b)", "CL REASON: …", "Declassify On: 20350101", "DECL ON: X1", "DECL: OADR".
const AUTHORITY_LINE = gate(
  'stamp/authority-line',
  /^[ \t\-*]*(CLASSIFIED\s+BY|Classified\s+[Bb]y|CL\s?BY|DERIVED\s+FROM|Derived\s+[Ff]rom|DRV\s?(?:FRM|FROM)|CL\s+REASON|REASON|Reason|DECLASSIFY\s+ON|Declassify\s+[Oo]n|DECL\s?ON|DECL)\b[ \t]*:?[ \t]*([^\n]{0,80})$/gm,
  trigger('authority label', ['CL', 'Classified', 'DERIVED', 'Derived', 'DRV', 'REASON', 'Reason', 'DECL', 'Declassify']),
  anyOf(' \t-*'),
);

// The State Department FOIA case line: "Case No. F-2014-20439 Doc No. C05765907 Date: 08/31/2015".
const FOIA_CASE = gate(
  'stamp/foia-case',
  /(?:U\.S\.\s+Department\s+of\s+State\s+)?Case\s+No\.\s?(F-\d{4}-\d{3,6})\s+Doc\s+No\.\s?(C\d{6,9})(?:\s+Date\s?:\s?(\d{1,2}\/\d{1,2}\/\d{4}))?/g,
  trigger('Case', ['Case']),
  anyOf('.', isLetter, isSpace),
);

// "REPRODUCTION BY OTHER THAN THE ISSUING OFFICE IS PROHIBITED" (outgoing cable forms) and
// "REPRODUCTION OF THIS COPY PROHIBITED" (incoming ones), whole, cut short by the scan
// ("REPRODUCTION BY OTHER TH.") or with its first word garbled ("REPR: ooucT: ON BY OTHER THAN
// THE ASSUING OFFICE IS PROSN2TIO"); OCR "1SSUING", "PROHISITED".
const REPRODUCTION = gate(
  'stamp/reproduction',
  /(?:REPRODUCTION|REPR\w{0,10}[^\n]{0,12}?)\s{1,3}BY\s{1,3}OTHER\s{1,3}TH(?:AN\s{1,3}(?:THE\s{1,3})?\w{0,2}SSUING\s{1,3}OFFICE(?:\s{1,3}[1I]S\s{1,3}PRO\w{3,8})?|\w{0,2}\.)|REPRO\w{4,8}\s{1,3}OF\s{1,3}THIS\s{1,3}COPY\s{1,3}PRO\w{4,8}/gi,
  trigger('by other than', ['by other th', 'this copy'], false),
  28,
);

/** Repairs a CREST document id read by OCR (`CIA-RDP80BO1495R…` → `CIA-RDP80B01495R…`), or returns `undefined`. */
export function repairRdpId(raw: string): string | undefined {
  const rest = raw.replace(/\s/g, '').replace(/^cia-rdp/i, '');
  // Two shapes: CIA-RDP80B01495R000200090015-8 and CIA-RDP86-00674R000300040008-5.
  const shapes = ['ddLdddddLdddddddddddd-d', 'dd-dddddLdddddddddddd-d'];
  const digit: Record<string, string> = { O: '0', o: '0', Q: '0', D: '0', I: '1', l: '1', i: '1', '|': '1', S: '5', B: '8', Z: '2', G: '6' };
  const letter: Record<string, string> = { '0': 'O', '1': 'I', '5': 'S', '8': 'B' };
  for (const shape of shapes) {
    if (rest.length !== shape.length) continue;
    let out = '';
    let ok = true;
    for (let k = 0; k < shape.length && ok; k++) {
      const want = shape[k] as string;
      const ch = rest[k] as string;
      if (want === 'd') {
        if (ch >= '0' && ch <= '9') out += ch;
        else if (digit[ch]) out += digit[ch];
        else ok = false;
      } else if (want === 'L') {
        if (/[A-Z]/.test(ch)) out += ch;
        else if (letter[ch]) out += letter[ch];
        else if (/[a-z]/.test(ch)) out += ch.toUpperCase();
        else ok = false;
      } else if (ch === want) out += ch;
      else ok = false;
    }
    if (ok) return `CIA-RDP${out}`;
  }
  return undefined;
}

function dateAttributes(raw: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  const d = parseDate(raw.replace(/\s/g, ''));
  return d ? { date: d.raw, ...(d.iso ? { isoDate: d.iso } : {}) } : { date: raw };
}

function stampHit(code: string, start: number, end: number, confidence: number, attributes: Record<string, unknown> = {}, extra: Partial<Hit> = {}): Hit {
  return { detector: 'stamp', family: 'stamp', code, start, end, role: 'marking', confidence, attributes, ...extra };
}

function singleStampHits(context: ScanContext): Hit[] {
  const { text } = context;
  const hits: Hit[] = [];
  for (const m of context.matches(REVIEWED_BY)) {
    const reviewer = (m[1] as string).replace(/[*_]/g, '').trim();
    hits.push(stampHit('reviewed-by', m.index, m.index + m[0].length, 0.9, { reviewer, ...dateAttributes((m[2] as string).replace(/\*/g, '')) }));
  }
  for (const m of context.matches(NARA)) {
    const attributes: Record<string, unknown> = { authority: (m[1] as string).trim(), ...dateAttributes(m[3]) };
    if (m[2]) attributes.by = m[2].trim();
    hits.push(stampHit('declassified-authority', m.index, m.index + m[0].length, 0.9, attributes));
  }
  for (const m of context.matches(CIA_RELEASE)) {
    const sanitized = Boolean(m[2]) || /in\s?Part/i.test(m[1] ?? '');
    const attributes: Record<string, unknown> = { variant: 'CREST', ...dateAttributes(m[3]) };
    const ocr = [];
    if (!/Approved\s?[Ff]or\s?Release/.test(m[0])) ocr.push({ from: m[0].slice(0, m[0].search(/\d{4}/)).trim(), to: 'Approved For Release', kind: 'edit' as const });
    if (m[4]) {
      attributes.documentId = m[4];
      const repaired = repairRdpId(m[4]);
      if (repaired && repaired !== m[4]) {
        attributes.documentId = repaired;
        ocr.push({ from: m[4], to: repaired, kind: 'letter-confusion' as const });
      } else if (!repaired) attributes.documentIdUnreadable = true;
    }
    if (m[1]) attributes.declassified = /in\s?Part/i.test(m[1]) ? 'in-part' : 'in-full';
    hits.push(stampHit(sanitized ? 'sanitized-copy' : 'cia-release', m.index, m.index + m[0].length, ocr.length ? 0.8 : 0.95, attributes, { ocr }));
  }
  for (const m of context.matches(CIA_HRP)) {
    hits.push(stampHit('cia-release', m.index, m.index + m[0].length, 0.95, { variant: 'HRP', year: Number(m[1]) }));
  }
  for (const m of context.matches(JFK_ACT)) {
    const attributes: Record<string, unknown> = {};
    if (m[1]) attributes.releaseYear = Number(m[1]);
    if (m[2]) attributes.caseNumber = m[2].replace(/\s/g, ' ');
    // "Case#:NW 88296 Date: 2025": the year of the release alone.
    if (m[3] && /^\d{4}$/.test(m[3])) attributes.releaseYear = Number(m[3]);
    else Object.assign(attributes, dateAttributes(m[3]));
    const ocr = /RECORDS\./i.test(m[0]) ? [{ from: 'RECORDS.', to: 'RECORDS', kind: 'letter-confusion' as const }] : [];
    hits.push(stampHit('jfk-act', m.index, m.index + m[0].length, 0.97, attributes, { ocr }));
  }
  for (const m of context.matches(NO_OBJECTION)) {
    // A stamp, not a sentence ("had no objection to an interview"): naming the agency ("No DoD
    // objection to public disclosure"), or in capitals on a line that is not prose; declassification,
    // release or disclosure right after.
    const following = text.slice(m.index + m[0].length, m.index + m[0].length + 80);
    const agencyNamed = Boolean(m[1] || m[2]);
    if (!STAMP_OBJECT.test(following) || !(agencyNamed || (/^[^a-z]*$/.test(m[0]) && !isProse(context.lineText(m.index))))) continue;
    let end = context.lineAt(m.index).end;
    for (let k = 0; k < 5 && end < text.length; k++) {
      const next = context.lineAt(end + 1);
      if (next.start <= end || !NO_OBJECTION_MORE.test(text.slice(next.start, next.end))) break;
      end = next.end;
    }
    const body = text.slice(m.index, end);
    const agency = (m[1] ?? m[2] ?? '').toUpperCase() || undefined;
    const attributes: Record<string, unknown> = {};
    if (agency) attributes.agency = agency === 'DOD' ? 'DoD' : agency;
    if (/AS\s+SANITIZ/i.test(body)) attributes.decision = 'sanitized';
    else if (/EXCEPT/i.test(body)) attributes.decision = 'except-deletions';
    const ocr = /OBJECTION/i.test(m[0]) ? [] : [{ from: m[0], to: m[0].replace(/O[A-Za-z]{4,8}ION/i, 'OBJECTION'), kind: 'edit' as const }];
    hits.push(stampHit('no-objection', m.index, end, ocr.length ? 0.75 : 0.9, attributes, { ocr }));
  }
  for (const m of context.matches(FBI_DECLASS)) {
    const complete = /HEREIN|EREIN/i.test(m[0]);
    const ocr = /CONTAINED/i.test(m[0]) && (!complete || /HEREIN IS UNCLASSIFIED/i.test(m[0].replace(/\s+/g, ' '))) ? [] : [{ from: m[0], to: 'ALL INFORMATION CONTAINED HEREIN IS UNCLASSIFIED', kind: 'edit' as const }];
    hits.push(stampHit('declassification', m.index, m.index + m[0].length, complete ? 0.9 : 0.6, { agency: 'FBI' }, { ocr }));
  }
  for (const m of context.matches(CLASSIFICATION_CHANGE)) {
    const attributes: Record<string, unknown> = { authority: (m[2] as string).trim() };
    if (m[1]) attributes.changedTo = m[1].trim();
    else attributes.cancelled = true;
    hits.push(stampHit('classification-change', m.index, m.index + m[0].length, 0.9, attributes));
  }
  for (const m of context.matches(FOIA_CASE)) {
    hits.push(stampHit('foia-case', m.index, m.index + m[0].length, 0.95, { caseNumber: m[1], documentNumber: m[2], ...dateAttributes(m[3]) }));
  }
  // The whole release lines read above: their tails are not read again.
  const releases = hits.filter((h) => h.code === 'jfk-act').map((h) => [h.start, h.end] as [number, number]).sort((a, b) => a[0] - b[0]);
  for (const m of context.matches(JFK_ACT_LOOSE)) {
    const end = m.index + m[0].length;
    if (overlapsAny(releases, m.index, end)) continue;
    // Back over the garbled start of the line, up to two lines: "2025 RELEASE UNDE / NDER THE PRESIDENT".
    const window = text.slice(Math.max(0, m.index - 160), m.index);
    const release = /(?:(?:19|20)\d{2}\s{0,3})?R[E3]L[E3]AS\w{0,3}[^\n]{0,80}(?:\n[^\n]{0,80}){0,2}$/i.exec(window);
    const start = release ? m.index - window.length + release.index : m.index;
    const year = release ? /^(?:19|20)\d{2}/.exec(release[0]) : null;
    hits.push(stampHit('jfk-act', start, end, 0.8, year ? { releaseYear: Number(year[0]) } : {}, { ocr: [{ from: text.slice(start, end), to: 'RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992', kind: 'edit' as const }] }));
  }
  for (const m of context.matches(DESENSITIZED)) {
    if (isProse(context.lineText(m.index))) continue;
    hits.push(stampHit('desensitized', m.index, m.index + m[0].length, /^DESENSITIZED$/i.test(m[0]) ? 0.85 : 0.6));
  }
  for (const m of context.matches(REPRODUCTION)) {
    const ocr = /THE ISSUING OFFICE IS PROHIBITED/i.test(m[0].replace(/\s+/g, ' ')) ? [] : [{ from: m[0], to: 'REPRODUCTION BY OTHER THAN THE ISSUING OFFICE IS PROHIBITED', kind: 'edit' as const }];
    hits.push(stampHit('reproduction-prohibited', m.index, m.index + m[0].length, 0.9, {}, { ocr }));
  }
  // Notices the catalog words (`phrases`), read word by word through OCR damage, where no
  // pattern above has read them already.
  const read = new Map<string, Array<[number, number]>>();
  for (const h of hits) {
    let ranges = read.get(h.code);
    if (!ranges) read.set(h.code, (ranges = []));
    ranges.push([h.start, h.end]);
  }
  for (const ranges of read.values()) ranges.sort((a, b) => a[0] - b[0]);
  for (const p of findPhrases(context)) {
    if (overlapsAny(read.get(p.phrase.code) ?? [], p.start, p.end)) continue;
    const whole = p.exact === p.phrase.words.length;
    const confidence = whole ? 0.9 : Math.round((0.5 + 0.3 * (p.matched / p.phrase.words.length)) * 100) / 100;
    const ocr = whole ? [] : [{ from: text.slice(p.start, p.end), to: p.phrase.phrase, kind: 'edit' as const }];
    hits.push(stampHit(p.phrase.code, p.start, p.end, confidence, {}, { ocr }));
  }
  return hits;
}

// ---------------------------------------------------------------------------------------------
// Review and handling stamps printed as a block of short lines, one family: an anchor phrase
// names the stamp; the block is every short line around it that carries the stamp's fields
// (who, when, on what authority). Agencies word these stamps differently; the anchors are the
// words they share.
// ---------------------------------------------------------------------------------------------

interface BlockStamp {
  code: string;
  /** Phrases that name the stamp, with room for OCR damage in the longer words. */
  anchor: GatedPattern;
  note: string;
}

const BLOCK_STAMPS: readonly BlockStamp[] = [
  {
    // AFOSI: "Reviewed By AFOSI / For Public Disclosure / In Accordance With / JFKARCA, 1992 / 14 AUG 95".
    code: 'reviewed-by',
    anchor: gate('stamp/public-disclosure', /\bFor\s+Public\s+Disclosure\b|\bFOR\s+PUBLIC\s+DISCLOSURE\b|\bIn\s+Accordance\s+With\s+JFKARCA\b|\bReviewed\s+By\s+AFOSI\b|\bREVIEWED\s+BY\s+AFOSI\b/g, trigger('public disclosure', ['Public Disclosure', 'PUBLIC DISCLOSURE', 'JFKARCA', 'AFOSI']), 24),
    note: 'agency review stamp for public disclosure',
  },
  {
    // JCS: "SYSTEMATICALLY REVIEWED BY JCS ON … CLASSIFICATION CONTINUED" (OCR "SYTEMATALLY").
    code: 'reviewed-by',
    anchor: gate('stamp/systematically-reviewed', /(?<![A-Za-z])S[YI]S?[TE][EA]?MAT[IA]?[CT]?[AL]?[AL]?L?Y\s+REVIEWED\b/gi, trigger('reviewed', ['REVIEWED', 'Reviewed', 'reviewed']), 20),
    note: 'systematic declassification review stamp',
  },
  {
    // Department of the Army: "EO 13526 / Declassify / Exclude / Exempt / Authority / Refer To / Review Date".
    code: 'declassification-review',
    anchor: gate('stamp/declassify-exclude-exempt', /\bDeclassify\W{1,6}Exclude\W{1,6}Exempt\b|\bDECLASSIFY\W{1,6}EXCLUDE\W{1,6}EXEMPT\b|\bDepartment\s+of\s+the\s+Army\s+EO\s+1\d{4}\b/g, trigger('exclude', ['Exclude', 'EXCLUDE', 'Army EO']), 20),
    note: 'agency declassification review stamp',
  },
  {
    // "REGRADED UNCLASSIFIED ON 19 SEP 94 BY CDR USAINSCOM FOI/PO AUTH PARA 1-603 DOD 5200.1-R".
    code: 'classification-change',
    anchor: gate('stamp/regraded', /\bREGRADED\s+(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)\b|\bRegraded\s+(?:Unclassified|Confidential|Secret)\b/g, trigger('regraded', ['REGRADED', 'Regraded'])),
    note: 'regrading stamp: the classification was changed',
  },
  {
    // Presidential libraries: "SANITIZED / Authority NLK-01-197 / By … NARA, Date …" (also NLJ, NLC, NLE).
    code: 'sanitized-copy',
    anchor: gate('stamp/library-sanitized', /\bSANITIZED\b(?=[^\n]{0,3}\n?[^\n]{0,40}\bNL[A-Z]\b)|\bNL[JKCERS][-\s]?\d{2,4}[-–]\d{1,4}(?:[-–]\d{1,4}){0,3}\b/g, trigger('library', ['SANITIZED', 'NLJ', 'NLK', 'NLC', 'NLE', 'NLR', 'NLS'])),
    note: 'presidential library sanitization stamp',
  },
  {
    // CIA, 1976: "Document Number 888-906 / for FOIA Review on JUL 1976" (OCR "FGIA", "Gocument").
    code: 'reviewed-by',
    anchor: gate('stamp/foia-review', /\bfor\s{1,3}F[O0G]I[AÀ]\s{1,3}Review\s{1,3}on\b|\bFOR\s{1,3}F[O0G]IA\s{1,3}REVIEW\s{1,3}ON\b/g, trigger('FOIA review', ['Review on', 'REVIEW ON']), 24),
    note: 'CIA FOIA review stamp',
  },
  {
    // "CLASSIFICATION REVIEW CONDUCTED ON 24 MAY 1979 E IMPDET CL BY 0/2208".
    code: 'reviewed-by',
    anchor: gate('stamp/classification-review', /\bCLASSIFICATION\s{1,3}REVIEW\s{1,3}CONDUCTED\s{1,3}ON\b|\bClassification\s{1,3}[Rr]eview\s{1,3}[Cc]onducted\s{1,3}[Oo]n\b/g, trigger('review conducted', ['CONDUCTED ON', 'onducted on', 'onducted On']), 28),
    note: 'classification review stamp',
  },
  {
    // A records officer's instruction: "The following action is authorized: DE SENSITIZE".
    code: 'desensitized',
    anchor: gate('stamp/desensitize-action', /\baction\s{1,3}is\s{1,3}authorized\s{0,3}:?\s{0,3}DE\s?SENSITIZE\b/gi, trigger('sensitize', ['sensitize'], false), 40),
    note: 'records officer\'s desensitizing instruction',
  },
  {
    // CIA: "RETURN TO CIA / Background Use Only / Do Not Reproduce" (OCR "RETURNTO CIA", "CLA").
    code: 'return-to-cia',
    anchor: gate('stamp/return-to-cia', /\bRETURN\s?TO\s+C[I1lL]A\b|\bReturn\s?to\s+C[I1lL]A\b|\bDo\s+Not\s+Reproduce\b|\bDO\s+NOT\s+REPRODUCE\b/g, trigger('return to CIA', ['RETURN', 'Return', 'Do Not Reproduce', 'DO NOT REPRODUCE'])),
    note: 'CIA handling stamp',
  },
];

/** A line that carries a stamp's fields: names, dates, authorities, review decisions. */
const STAMP_FIELD_WORD = /\b(?:BY|By|DATE|Date|ON|Accordance|ACCORDANCE|Disclosure|DISCLOSURE|AUTH\w*|Auth\w*|PARA|REVIEW\w*|Review\w*|NARA|NL[A-Z]|NND|JFKARCA|CLASSIFICATION|Classification|CONTINUED|Continued|Refer|REFER|Exempt|EXEMPT|Declassify|DECLASSIFY|Exclude|EXCLUDE|Background|BACKGROUND|Reproduce|REPRODUCE|DOD|DoD|USAINSCOM|FOI)\b/;
/** Dates and numbers that a stamp's lines carry (below its anchor only: a bare number above it is anything). */
const STAMP_FIELD_DATE = /\d{1,2}\s?(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\w*\s?\d{2,4}|\d{1,2}\/\d{1,2}\/\d{2,4}|\b(?:19|20)\d{2}\b|\b1\d{4}\b/;

/** Any block stamp's anchor, to let the lines of one stamp hold several anchors. */
const ANY_ANCHOR = new RegExp(BLOCK_STAMPS.map((b) => b.anchor.re.source).join('|'), 'i');

/**
 * True when a line may belong to a stamp block: short, not prose, carrying a field word or an
 * anchor, or (below the anchor) a date or number.
 */
function stampBlockLine(line: string, below: boolean): boolean {
  const ink = line.replace(/[\s#*_>|`'"]/g, '');
  return ink.length > 0 && ink.length <= 50 && !isProse(line) && (STAMP_FIELD_WORD.test(line) || ANY_ANCHOR.test(line) || (below && STAMP_FIELD_DATE.test(line)));
}

function blockStampHits(context: ScanContext, taken: readonly Hit[]): Hit[] {
  const { text, locator } = context;
  const hits: Hit[] = [];
  const covered: Array<[number, number]> = taken.map((h) => [h.start, h.end] as [number, number]).sort((a, b) => a[0] - b[0]);
  let lastEnd = -1;
  for (const stamp of BLOCK_STAMPS) {
    for (const m of context.matches(stamp.anchor)) {
      if (m.index < lastEnd || overlapsAny(covered, m.index, m.index + m[0].length)) continue;
      const anchorLine = locator.lineOf(m.index);
      if (isProse(context.lineText(m.index)) && stamp.code !== 'classification-change') continue;
      // Grow over neighbouring stamp lines (one blank line may stand between), up to 4 lines above and 8 below.
      const first = growBlock(context, anchorLine, -1, 4);
      const last = growBlock(context, locator.lineOf(m.index + m[0].length), 1, 8);
      const firstRange = locator.lineRange(first);
      const lastRange = locator.lineRange(last);
      const start = first === anchorLine ? m.index : firstRange.start + (text.slice(firstRange.start, firstRange.end).search(/\S/) || 0);
      const end = Math.max(m.index + m[0].length, lastRange.start + text.slice(lastRange.start, lastRange.end).trimEnd().length);
      if (overlapsAny(covered, start, end)) continue;
      const attributes: Record<string, unknown> = {};
      const body = text.slice(start, end);
      const date = /\b\d{1,2}\s?(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\w*\s?\d{2,4}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/i.exec(body);
      if (date) Object.assign(attributes, dateAttributes(date[0]));
      const authority = /\b(?:NL[A-Z][-\s]?\d[\d-]*|NND\s?\d+|EO\s?1\d{4}|JFKARCA)\b/.exec(body);
      if (authority) attributes.authority = authority[0];
      hits.push(stampHit(stamp.code, start, end, 0.8, attributes, { note: stamp.note }));
      covered.push([start, end]);
      covered.sort((a, b) => a[0] - b[0]);
      lastEnd = end;
    }
    lastEnd = -1;
  }
  return hits;
}

/** The farthest line from `from`, stepping by `step` (±1) over at most `steps` lines, that is a stamp line; one blank line may stand between. */
function growBlock(context: ScanContext, from: number, step: 1 | -1, steps: number): number {
  const { text, locator } = context;
  let reached = from;
  for (let n = from + step, blank = 0, k = 0; n >= 1 && n <= locator.lineCount && k < steps; n += step, k++) {
    const r = locator.lineRange(n);
    const line = text.slice(r.start, r.end);
    if (line.trim() === '') {
      if (++blank > 1) break;
      continue;
    }
    if (!stampBlockLine(line, step === 1)) break;
    reached = n;
    blank = 0;
  }
  return reached;
}

/** True when `[start, end)` overlaps one of the sorted ranges. */
function overlapsAny(ranges: ReadonlyArray<readonly [number, number]>, start: number, end: number): boolean {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ranges[mid] as readonly [number, number])[0] < end) lo = mid + 1;
    else hi = mid;
  }
  // Ranges starting before `end`: the ones just before may reach into [start, end).
  for (let k = lo - 1; k >= 0 && k >= lo - 8; k--) if ((ranges[k] as readonly [number, number])[1] > start) return true;
  return false;
}

/** Field names of a classification authority block. */
function authorityField(label: string): string {
  const l = label.toUpperCase().replace(/\s+/g, ' ');
  if (/^(?:CLASSIFIED BY|CL ?BY)$/.test(l)) return 'classifiedBy';
  if (/^(?:DERIVED FROM|DRV ?(?:FRM|FROM))$/.test(l)) return 'derivedFrom';
  if (/REASON/.test(l)) return 'reason';
  return 'declassifyOn';
}

function authorityBlockHits(context: ScanContext): Hit[] {
  const { text } = context;
  const hits: Hit[] = [];
  let block: { start: number; end: number; fields: Record<string, string> } | undefined;
  const flush = (): void => {
    if (block) hits.push(stampHit('classification-authority', block.start, block.end, 0.85, { ...block.fields }));
    block = undefined;
  };
  for (const m of context.matches(AUTHORITY_LINE)) {
    const value = (m[2] as string).trim();
    // "Reason" and "Classified by" in prose are not authority lines.
    if (countLowerWords(value) > 6) continue;
    const field = authorityField(m[1] as string);
    if ((field === 'reason' && !/\d\.\d|\([a-h]\)/.test(value)) || (m[1] === 'DECL' && value === '')) continue;
    const start = m.index + m[0].indexOf(m[1] as string);
    const end = m.index + m[0].trimEnd().length;
    if (block && text.slice(block.end, start).split('\n').length - 1 > 2) flush();
    if (!block) block = { start, end, fields: {} };
    block.end = end;
    if (!(field in block.fields)) block.fields[field] = value;
  }
  flush();
  return hits;
}

/** Detects review, release and declassification stamps and parses them into fields. */
export const stampDetector: Detector = {
  id: 'stamp',
  family: 'stamp',
  detect(context) {
    const found = [...releaseDecisionHits(context), ...singleStampHits(context), ...authorityBlockHits(context)];
    for (const h of blockStampHits(context, found)) found.push(h);
    return found;
  },
};
