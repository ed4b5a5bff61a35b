import { InvalidArgumentError } from '../core/errors.js';
import { groupBy } from '../core/group-by.js';
import type { MarkerRecord, Page } from '../normalize/marker-record.js';
import type { DateMention } from '../scan/find-dates.js';
import { parseDate } from '../scan/parse-date.js';
import type { AssessedDate, Assessment, DateSource, ReleaseStatus } from './assessment.js';
import { createNearIndex, isWithholdingCode, isWithholdingPlaceholder } from './code-proximity.js';
import { LEVEL_RANK } from './level-rank.js';

/** Options of {@link assess}. */
export interface AssessOptions {
  /** The document's own date, `YYYY-MM-DD` or `YYYY`; wins over any date read from the text. */
  documentDate?: string;
  /** The review or release date, `YYYY-MM-DD` or `YYYY`; wins over any date read from the text. */
  reviewDate?: string;
}

/** What {@link assess} reads: a scan result's records, pages and dates. */
export interface AssessInput {
  records: readonly MarkerRecord[];
  pages: readonly Page[];
  dates: readonly DateMention[];
}

const CLASSIFIED = new Set(['TS', 'S', 'C', 'R']);
/** Stamps that show a review or release took place (the authority block and copy notices do not). */
const RELEASE_STAMPS = new Set([
  'release-decision', 'reviewed-by', 'declassified-authority', 'cia-release', 'sanitized-copy', 'jfk-act',
  'no-objection', 'declassification', 'classification-change', 'foia-case', 'mandatory-review',
]);
const WITHHOLDING_DECISIONS = new Set(['excise', 'deny', 'declassify-in-part', 'delete', 'release-in-part', 'denied-in-part']);
/** A `Date:` field this many years after the document date is a review date, not the document's. */
const REVIEW_GAP_YEARS = 10;

/** Dates after this year are declassification instructions, not document or review dates. */
const LATEST_YEAR = 2030;
/** The year of the JFK Records Act: no release under it is older. */
const JFK_ACT_YEAR = 1992;
/** Dates before this year are misread numbers ("1004", "1697"), not the date of a document that carries markings. */
const EARLIEST_YEAR = 1900;

const EXPLICIT_DATE = /^(\d{4})(?:-(\d{2})-(\d{2}))?$/;

/** Reads an explicit `YYYY-MM-DD` or `YYYY` date, throwing {@link InvalidArgumentError} on anything else. */
export function explicitDate(value: string, option: string): AssessedDate {
  const m = EXPLICIT_DATE.exec(value);
  // parseDate drops the ISO form of an impossible day (1998-02-30).
  const valid = m && (!m[2] || parseDate(value)?.iso === value);
  if (!m || !valid) throw new InvalidArgumentError(`${option} must be a date written YYYY-MM-DD or YYYY, got "${value}"`);
  return { iso: m[2] ? value : null, year: Number(m[1]), raw: value, confidence: 1, origin: 'explicit', span: null, source: 'caller', explicit: true };
}

function fromMention(d: DateMention, confidence: number, source: DateSource, explicit: boolean): AssessedDate {
  return { iso: d.iso, year: d.year, raw: d.raw, confidence, origin: 'text', span: d.span, source, explicit };
}

/** A dateline in the first lines of a document is its own date; further down it may be an attachment's. */
const HEAD_LINES = 40;

/** A sortable value for a date: its ISO form, or mid-year when only the year is known. */
function sortKey(d: { iso: string | null; year: number }): string {
  return d.iso ?? `${d.year}-07-01`;
}

/**
 * A test of whether a date lies inside one of the stamps: stamps sorted by start, with the
 * furthest end reached so far, so each date costs one binary search (not a pass over every
 * stamp: a long release with a stamp on every page has thousands of both).
 */
function createStampTest(stamps: readonly MarkerRecord[]): (d: DateMention) => boolean {
  const sorted = [...stamps].sort((a, b) => a.span.start.offset - b.span.start.offset);
  const starts = sorted.map((s) => s.span.start.offset);
  const reach: number[] = [];
  let furthest = -1;
  for (const s of sorted) reach.push((furthest = Math.max(furthest, s.span.end.offset)));
  return (d) => {
    // The stamps starting at or before the date; the date is inside one when the furthest of their ends covers it.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] as number) <= d.span.start.offset) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && (reach[lo - 1] as number) >= d.span.end.offset;
  };
}

/**
 * Picks the document date and the review date from the dates in the text. Release cues, dates
 * inside review stamps and the year a release line names are review dates; datelines and
 * `Date:` fields are document dates, unless they are ten or more years after the earliest of
 * them (a `Date:` on a review stamp of an old document). Each keeps its source; see
 * {@link AssessedDate}.
 */
function pickDates(dates: readonly DateMention[], records: readonly MarkerRecord[]): { document: AssessedDate | null; review: AssessedDate | null } {
  const releaseStamps = records.filter((r) => r.family === 'stamp' && RELEASE_STAMPS.has(r.code) && r.role !== 'mention');
  const inStamp = createStampTest(releaseStamps);
  const review: AssessedDate[] = [];
  // "2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY …": the release line dates the release to its year.
  for (const r of releaseStamps) {
    const year = r.attributes.releaseYear;
    // The Act is of 1992: an earlier year is a misread page number ("PAGE 1211").
    if (typeof year === 'number' && year >= JFK_ACT_YEAR && year <= LATEST_YEAR) {
      review.push({ iso: null, year, raw: String(year), confidence: 0.95, origin: 'text', span: r.span, source: 'stamp-field', explicit: true });
    }
  }
  const documentish: Array<{ d: DateMention; confidence: number; source: DateSource }> = [];
  for (const d of dates) {
    // "Declassify on 2041": a future date is an instruction, neither the document's date nor a review's.
    if (d.year > LATEST_YEAR || d.year < EARLIEST_YEAR || d.cue === 'instruction') continue;
    if (d.cue === 'release') review.push(fromMention(d, 0.9, 'release-line', true));
    else if (inStamp(d)) review.push(fromMention(d, 0.85, 'stamp-field', true));
    else if (d.cue === 'dateline' && d.span.start.line <= HEAD_LINES) documentish.push({ d, confidence: 0.75, source: 'dateline' });
    else if (d.cue === 'label') documentish.push({ d, confidence: 0.7, source: 'form-field' });
    else if (d.cue === 'dateline') documentish.push({ d, confidence: 0.6, source: 'body-line' });
    else documentish.push({ d, confidence: 0.3, source: 'prose' });
  }
  let earliest = Number.POSITIVE_INFINITY;
  for (const x of documentish) if (x.confidence >= 0.7 && x.d.year < earliest) earliest = x.d.year;
  let document: AssessedDate | null = null;
  for (const { d, confidence, source } of documentish) {
    if (Number.isFinite(earliest) && d.year >= earliest + REVIEW_GAP_YEARS && confidence >= 0.7) {
      // Inferred from the gap, not read as a review date: never explicit.
      review.push(fromMention(d, 0.6, source, false));
      continue;
    }
    // The first dated line of the highest confidence wins: letterheads come first.
    if (!document || confidence > document.confidence) document = fromMention(d, confidence, source, source === 'dateline');
  }
  // The latest review date, among the explicit ones when there are any.
  let latest: AssessedDate | null = null;
  for (const r of review) if (!latest || (r.explicit && !latest.explicit) || (r.explicit === latest.explicit && sortKey(r) > sortKey(latest))) latest = r;
  return { document, review: latest };
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * Assesses a scanned document: its release status, highest classification and whether it is
 * cancelled, its review stamps with their decisions and dates, the codes cited, which redactions
 * have a code beside them, the classification of each page, and the document and review dates.
 *
 * Pure and deterministic. Dates given in `options` win over dates read from the text; a badly
 * written option throws {@link InvalidArgumentError}.
 */
export function assess(result: AssessInput, options: AssessOptions = {}): Assessment {
  const { records, pages } = result;
  const found = pickDates(result.dates, records);
  const documentDate = options.documentDate !== undefined ? explicitDate(options.documentDate, 'documentDate') : found.document;
  const reviewDate = options.reviewDate !== undefined ? explicitDate(options.reviewDate, 'reviewDate') : found.review;

  const stamps: Assessment['stamps'] = [];
  let releaseEvidence = false;
  let withholdingDecision = false;
  for (const r of records) {
    if (r.family !== 'stamp' || r.role === 'mention') continue;
    const decisions = stringList(r.attributes.decisions);
    if (RELEASE_STAMPS.has(r.code)) releaseEvidence = true;
    if (r.code === 'sanitized-copy' || decisions.some((d) => WITHHOLDING_DECISIONS.has(d))) withholdingDecision = true;
    if (!RELEASE_STAMPS.has(r.code)) continue;
    stamps.push({
      recordId: r.id,
      code: r.code,
      page: r.page,
      decisions,
      reviewer: stringOrNull(r.attributes.reviewer),
      date: stringOrNull(r.attributes.date),
      isoDate: stringOrNull(r.attributes.isoDate),
    });
  }

  const levels = records.filter((r) => r.family === 'classification' && r.role !== 'mention' && LEVEL_RANK[r.code] !== undefined);
  const liveClassified = levels.filter((r) => r.role !== 'editorial' && CLASSIFIED.has(r.code) && !r.attributes.cancelled);
  const published = levels.some((r) => r.role === 'editorial');
  const released = releaseEvidence || (levels.some((r) => r.role !== 'editorial') && liveClassified.length === 0) || published;

  let top: MarkerRecord | undefined;
  for (const r of levels) if (!top || (LEVEL_RANK[r.code] as number) > (LEVEL_RANK[top.code] as number)) top = r;
  const highestClassification = top
    ? { code: top.code, recordId: top.id, cancelled: released || levels.filter((r) => r.code === top.code).every((r) => r.attributes.cancelled === true) }
    : null;

  const codes = records.filter(isWithholdingCode);
  const codeSummary = new Map<string, { key: string; count: number; firstPage: number }>();
  for (const r of codes) {
    const entry = codeSummary.get(r.key);
    if (entry) {
      entry.count++;
      entry.firstPage = Math.min(entry.firstPage, r.page);
    } else codeSummary.set(r.key, { key: r.key, count: 1, firstPage: r.page });
  }

  const placeholders = records.filter(isWithholdingPlaceholder);
  const nearIndex = createNearIndex(codes);
  const redactions = placeholders.map((p) => {
    const near = nearIndex.keysNear(p);
    return { recordId: p.id, page: p.page, codes: near, justified: near.length > 0 };
  });

  const levelsByPage = groupBy(levels, (r) => r.page);
  const pageLevels = pages.map((page) => {
    const onPage = levelsByPage.get(page.number) ?? [];
    let best: MarkerRecord | undefined;
    for (const r of onPage) if (!best || (LEVEL_RANK[r.code] as number) > (LEVEL_RANK[best.code] as number)) best = r;
    const cancelled = best ? released || onPage.filter((r) => r.code === best.code).every((r) => r.attributes.cancelled === true) : false;
    return { number: page.number, classification: best?.code ?? null, cancelled };
  });

  const withheld = placeholders.length > 0 || codes.some((c) => c.family === 'foia' || c.family === 'privacy') || withholdingDecision;
  let status: ReleaseStatus;
  if (released) status = withheld ? 'released-in-part' : 'released-in-full';
  else if (liveClassified.length > 0) status = 'still-marked';
  else if (withheld) status = 'released-in-part';
  else status = 'unmarked';

  return {
    status,
    released,
    highestClassification,
    documentDate,
    reviewDate,
    stamps,
    codes: [...codeSummary.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    redactions,
    pages: pageLevels,
  };
}
