import type { Assessment, ReleaseStatus } from '../assess/assessment.js';
import { createNearIndex, isWithholdingCode, isWithholdingPlaceholder } from '../assess/code-proximity.js';
import { LEVEL_RANK } from '../assess/level-rank.js';
import { InvalidArgumentError } from '../core/errors.js';
import { groupBy } from '../core/group-by.js';
import { FAMILIES, type Family } from '../core/vocabulary.js';
import type { MarkerRecord, Page } from '../normalize/marker-record.js';
import type {
  CoOccurrence,
  CorpusCodeCount,
  CorpusSummary,
  DocumentCodeCount,
  DocumentSummary,
  ExtentTally,
  FamilyCount,
  PageSummary,
  RedactionTally,
  Summary,
  Withholding,
} from './summary.js';

/**
 * One document to summarize: what {@link analyze} returns plus the text it was given (the text
 * gives each withholding its context). A document scanned as a stream has no text kept: leave
 * `text` out, and its withholdings have no context. Where the text is not at hand but was
 * (a worker thread's result), give the document's `withholdings` as {@link listWithholdings}
 * made them from it instead.
 */
export interface SummaryInput {
  source: string | null;
  text?: string;
  /** The document's withholding index, made beforehand by {@link listWithholdings}; when given, `text` is not read. */
  withholdings?: readonly Withholding[];
  records: readonly MarkerRecord[];
  pages: readonly Page[];
  assessment: Assessment;
  /** How many records a confidence threshold left out before the summary (`minConfidence`), when one was applied. */
  belowConfidence?: number;
}

/** Characters of context either side of a withholding. */
const CONTEXT_CHARS = 60;

/** Page markers are the document's structure, not its markings: summaries leave them out. */
function isCounted(r: MarkerRecord): boolean {
  return r.role !== 'mention' && r.family !== 'page';
}

function emptyExtent(): ExtentTally {
  return { lines: 0, paragraphs: 0, pages: 0, words: 0, unstated: 0 };
}

function addExtent(tally: ExtentTally, placeholder: MarkerRecord): void {
  const extent = placeholder.attributes.extent;
  if (!extent) {
    tally.unstated += 1;
    return;
  }
  if (extent.unit === 'line') tally.lines += extent.quantity;
  else if (extent.unit === 'paragraph') tally.paragraphs += extent.quantity;
  else if (extent.unit === 'page') tally.pages += extent.quantity;
  else if (extent.unit === 'word') tally.words += extent.quantity;
  else tally.unstated += 1;
  if (extent.unit !== 'line' && extent.lines !== undefined) tally.lines += extent.lines;
}

function sumExtent(into: ExtentTally, add: ExtentTally): void {
  into.lines += add.lines;
  into.paragraphs += add.paragraphs;
  into.pages += add.pages;
  into.words += add.words;
  into.unstated += add.unstated;
}

function familyCounts(records: readonly MarkerRecord[]): FamilyCount[] {
  const counts = new Map<Family, number>();
  for (const r of records) counts.set(r.family, (counts.get(r.family) ?? 0) + 1);
  return FAMILIES.filter((f) => counts.has(f)).map((family) => ({ family, count: counts.get(family) as number }));
}

/** Families in `FAMILIES` order, then most frequent first, then key: a total order. */
function compareCodes(a: { family: Family; count: number; key: string }, b: { family: Family; count: number; key: string }): number {
  return FAMILIES.indexOf(a.family) - FAMILIES.indexOf(b.family) || b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** The text around a withholding, never cut inside a surrogate pair (a lone half would print as U+FFFD, or as \ude00 in JSON). */
function context(text: string, start: number, end: number): string {
  let from = Math.max(0, start - CONTEXT_CHARS);
  if (from > 0 && isLow(text.charCodeAt(from)) && isHigh(text.charCodeAt(from - 1))) from -= 1;
  let to = Math.min(text.length, end + CONTEXT_CHARS);
  if (to < text.length && isHigh(text.charCodeAt(to - 1)) && isLow(text.charCodeAt(to))) to += 1;
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}


/** Pairs most cited first, then by keys: a total order. */
function sortPairs(counts: ReadonlyMap<string, number>): CoOccurrence[] {
  return [...counts]
    .map(([pair, count]) => ({ keys: pair.split('\u0000') as [string, string], count }))
    .sort((a, b) => b.count - a.count || (a.keys.join() < b.keys.join() ? -1 : 1));
}

/** The pairs of withholding codes the rows cite together, with how often. */
function coOccurrences(rows: readonly Withholding[]): CoOccurrence[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    for (let i = 0; i < row.codes.length; i++) {
      for (let j = i + 1; j < row.codes.length; j++) {
        const pair = `${row.codes[i]}\u0000${row.codes[j]}`;
        counts.set(pair, (counts.get(pair) ?? 0) + 1);
      }
    }
  }
  return sortPairs(counts);
}

/** The withholding index of one document, in document order. */
function withholdingsOf(doc: SummaryInput, counted: readonly MarkerRecord[]): Withholding[] {
  const labels = new Map(doc.pages.map((p) => [p.number, p.label]));
  // A struck-through code was withdrawn by a later review: it no longer justifies anything.
  const codes = counted.filter((r) => isWithholdingCode(r) && r.attributes.cancelled !== true);
  const used = new Set<MarkerRecord>();
  const rows: Withholding[] = [];
  const row = (kind: Withholding['kind'], first: MarkerRecord, members: readonly MarkerRecord[], placeholder: MarkerRecord | null): Withholding => {
    const last = members.reduce((a, b) => (b.span.end.offset > a.span.end.offset ? b : a), first);
    const codeRecords = placeholder ? members.slice(1) : members;
    return {
      source: doc.source,
      page: first.page,
      pageLabel: labels.get(first.page) ?? null,
      line: first.span.start.line,
      column: first.span.start.column,
      offset: first.span.start.offset,
      kind,
      placeholder: placeholder?.code ?? null,
      raw: placeholder ? placeholder.raw : doc.text !== undefined ? doc.text.slice(first.span.start.offset, last.span.end.offset) : codeRecords.map((c) => c.raw).join(' '),
      codes: [...new Set(codeRecords.map((c) => c.key))].sort(),
      extent: placeholder?.attributes.extent ?? null,
      context: doc.text === undefined ? null : placeholder ? context(doc.text, placeholder.span.start.offset, placeholder.span.end.offset) : context(doc.text, first.span.start.offset, last.span.end.offset),
      recordIds: members.map((m) => m.id),
    };
  };
  const nearIndex = createNearIndex(codes);
  for (const p of counted.filter(isWithholdingPlaceholder)) {
    const beside = nearIndex.codesNear(p);
    for (const c of beside) used.add(c);
    beside.unshift(p);
    rows.push(row('placeholder', p, beside, p));
  }
  // Codes beside no placeholder: one row per line, as a reviewer writes "(b)(1) (b)(3)" in a margin.
  const byLine = groupBy(
    codes.filter((c) => !used.has(c)),
    (c) => c.span.start.line,
  );
  for (const group of byLine.values()) rows.push(row('code', group[0] as MarkerRecord, group, null));
  return rows.sort((a, b) => a.offset - b.offset || (a.kind < b.kind ? 1 : a.kind > b.kind ? -1 : 0));
}

function tallyRedactions(rows: readonly Withholding[]): RedactionTally {
  const placeholders = rows.filter((r) => r.kind === 'placeholder');
  const withCode = placeholders.filter((r) => r.codes.length > 0).length;
  return { total: placeholders.length, withCode, withoutCode: placeholders.length - withCode };
}

/**
 * The withholding index of one document, in document order, as {@link summarize} lists it:
 * made where the text is (a worker thread), so the text need not travel with the document.
 */
export function listWithholdings(doc: SummaryInput): Withholding[] {
  return withholdingsOf(doc, doc.records.filter(isCounted));
}

function summarizeDocument(doc: SummaryInput): { summary: DocumentSummary; rows: Withholding[]; counted: MarkerRecord[]; byKey: Map<string, MarkerRecord[]> } {
  const counted = doc.records.filter(isCounted);
  const rows = doc.withholdings ? [...doc.withholdings] : withholdingsOf(doc, counted);
  const byKey = groupBy(counted, (r) => r.key);
  const codes: DocumentCodeCount[] = [...byKey.values()]
    .map((group) => {
      const first = group[0] as MarkerRecord;
      const pages = [...new Set(group.map((r) => r.page))].sort((a, b) => a - b);
      return { key: first.key, family: first.family, code: first.code, label: first.label, count: group.length, firstPage: pages[0] as number, pages };
    })
    .sort(compareCodes);
  const recordsByPage = groupBy(counted, (r) => r.page);
  const rowsByPage = groupBy(rows, (r) => r.page);
  const pages: PageSummary[] = doc.pages.map((page) => {
    const onPage = recordsByPage.get(page.number) ?? [];
    const keyCounts = new Map<string, { key: string; family: Family; count: number }>();
    for (const r of onPage) {
      const entry = keyCounts.get(r.key) ?? { key: r.key, family: r.family, count: 0 };
      entry.count += 1;
      keyCounts.set(r.key, entry);
    }
    const pageExtent = emptyExtent();
    for (const r of onPage) if (isWithholdingPlaceholder(r)) addExtent(pageExtent, r);
    return {
      number: page.number,
      label: page.label,
      records: onPage.length,
      codes: [...keyCounts.values()].sort(compareCodes).map(({ key, count }) => ({ key, count })),
      redactions: tallyRedactions(rowsByPage.get(page.number) ?? []),
      extent: pageExtent,
    };
  });

  // Every record's page is one of the document's pages, so the pages' extents add up to the document's.
  const extent = emptyExtent();
  for (const page of pages) sumExtent(extent, page.extent);

  const summary: DocumentSummary = {
    source: doc.source,
    status: doc.assessment.status,
    highestClassification: doc.assessment.highestClassification?.code ?? null,
    records: counted.length,
    mentions: doc.records.filter((r) => r.role === 'mention').length,
    ...(doc.belowConfidence !== undefined ? { belowConfidence: doc.belowConfidence } : {}),
    codes,
    families: familyCounts(counted),
    coOccurrences: coOccurrences(rows),
    redactions: tallyRedactions(rows),
    extent,
    withholdings: rows.length,
    pages,
  };
  return { summary, rows, counted, byKey };
}

/**
 * Summarizes what a set of documents withholds and marks: counts per code and family, codes
 * cited together, placeholders with and without a code beside them, the withheld extent the
 * documents state, the release-status and classification mix, and a withholding (Vaughn) index
 * with one row per withholding. Per document, per page and across the corpus.
 *
 * Mentions in prose and page markers are never counted, and struck-through (cancelled) codes
 * make no withholding (`mentions` says how many
 * mentions were left out). A code "beside" a placeholder is on the same page within 3 lines, as in
 * `assess`. Pure and deterministic: documents keep their input order, codes are sorted by
 * family, count and key.
 *
 * @example
 * const docs = files.map(({ path, text }) => ({ ...analyze(text, { source: path }), text }));
 * const { corpus, withholdings } = summarize(docs);
 * corpus.codes[0]; // { key: 'foia:b1', count: 12, documents: 3, … }
 */
export function summarize(documents: readonly SummaryInput[]): Summary {
  if (!Array.isArray(documents)) throw new InvalidArgumentError('summarize: documents must be an array of { source, text, records, pages, assessment }');
  const tally = createSummaryTally();
  const summaries: DocumentSummary[] = [];
  const withholdings: Withholding[] = [];
  documents.forEach((doc, index) => {
    if (!doc || (doc.text !== undefined && typeof doc.text !== 'string') || !Array.isArray(doc.records) || !Array.isArray(doc.pages) || !doc.assessment) {
      throw new InvalidArgumentError(`summarize: documents[${index}] must have text, records, pages and assessment (spread an analyze() result and add its text)`);
    }
    const { summary, rows } = tally.add(doc);
    summaries.push(summary);
    for (const r of rows) withholdings.push(r);
  });
  return { corpus: tally.corpus(), documents: summaries, withholdings };
}

/** What {@link createSummaryTally} keeps: the corpus totals so far, never a document. */
export interface SummaryTally {
  /** Summarizes one document (the next in input order) and adds it to the corpus totals. */
  add(doc: SummaryInput): { summary: DocumentSummary; rows: Withholding[] };
  /** The corpus totals of the documents added so far, as {@link summarize} gives them. */
  corpus(): CorpusSummary;
}

/**
 * {@link summarize} one document at a time: each document's summary and withholding rows come
 * back as it is added, and only the corpus totals are kept (counts per code, family, pair of
 * codes, status and classification), so memory does not grow with the documents. The CLI writes
 * each document's part of a report as it comes; `summarize` is this over an array.
 */
export function createSummaryTally(): SummaryTally {
  const corpusCodes = new Map<string, CorpusCodeCount>();
  const families = new Map<Family, number>();
  const pairs = new Map<string, number>();
  const redactions: RedactionTally = { total: 0, withCode: 0, withoutCode: 0 };
  const statuses: Record<ReleaseStatus, number> = { 'released-in-full': 0, 'released-in-part': 0, 'still-marked': 0, unmarked: 0 };
  const classifications = new Map<string, number>();
  const extent = emptyExtent();
  let documents = 0;
  let records = 0;
  let pages = 0;
  let mentions = 0;
  let belowConfidence: number | undefined;
  return {
    add(doc) {
      const { summary, rows, counted, byKey } = summarizeDocument(doc);
      documents += 1;
      records += counted.length;
      for (const f of summary.families) families.set(f.family, (families.get(f.family) ?? 0) + f.count);
      // The document's own pair counts and redaction tally, summed (not counted again from its rows).
      for (const p of summary.coOccurrences) {
        const pair = p.keys.join('\u0000');
        pairs.set(pair, (pairs.get(pair) ?? 0) + p.count);
      }
      redactions.total += summary.redactions.total;
      redactions.withCode += summary.redactions.withCode;
      redactions.withoutCode += summary.redactions.withoutCode;
      for (const c of summary.codes) {
        const entry = corpusCodes.get(c.key);
        if (entry) {
          entry.count += c.count;
          entry.documents += 1;
        } else {
          const first = (byKey.get(c.key) as MarkerRecord[])[0] as MarkerRecord;
          corpusCodes.set(c.key, {
            key: c.key,
            family: c.family,
            code: c.code,
            label: c.label,
            authority: first.authority,
            count: c.count,
            documents: 1,
            first: { source: doc.source, page: c.firstPage },
          });
        }
      }
      statuses[summary.status] += 1;
      const level = summary.highestClassification ?? 'none';
      classifications.set(level, (classifications.get(level) ?? 0) + 1);
      sumExtent(extent, summary.extent);
      pages += doc.pages.length;
      mentions += summary.mentions;
      if (doc.belowConfidence !== undefined) belowConfidence = (belowConfidence ?? 0) + doc.belowConfidence;
      return { summary, rows };
    },
    corpus() {
      return {
        documents,
        pages,
        records,
        mentions,
        ...(belowConfidence !== undefined ? { belowConfidence } : {}),
        codes: [...corpusCodes.values()].map((c) => ({ ...c, first: { ...c.first } })).sort(compareCodes),
        families: FAMILIES.filter((f) => families.has(f)).map((family) => ({ family, count: families.get(family) as number })),
        coOccurrences: sortPairs(pairs),
        redactions: { ...redactions },
        extent: { ...extent },
        statuses: { ...statuses },
        classifications: [...classifications]
          .map(([code, count]) => ({ code, documents: count }))
          .sort((a, b) => (LEVEL_RANK[b.code] ?? 0) - (LEVEL_RANK[a.code] ?? 0) || (a.code < b.code ? -1 : 1)),
      };
    },
  };
}
