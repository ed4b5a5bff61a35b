import { anyOf, gate } from './gated-pattern.js';
import type { Detector, Hit } from './hit.js';
import type { ScanContext } from './scan-context.js';
import { expand, trigger } from './trigger-automaton.js';

/** Where a page starts (`header`) or ends (`footer`), as found in the text. */
export interface PageBreak {
  /** 0-based offset where the new page starts. */
  offset: number;
  /** 0-based offset of the marker that gives the break (the form feed, the separator, the footer). */
  at: number;
  /** The page number printed with the break, when there is one. */
  number?: number;
  kind: 'form-feed' | 'facsimile' | 'page-marker' | 'separator' | 'footer';
}

// The word every page marker but the NARA footer holds.
const PAGE = trigger('Page', ['Page']);

// FRUS editorial page markers: "[Facsimile Page 2]", "[Typeset Page 1254]", "[Page 3]".
// Trigger: the word Page, at most 11 code units in ("[Facsimile ").
const BRACKET_PAGE = gate('page/bracket', /\[(Facsimile Page|Typeset Page|Page)\s+(\d{1,5})\]/g, PAGE, 11);
// Converter page separators: "-----…----- Page 2", "## Page 1" (not records: not on the document).
const SEPARATOR = gate('page/separator', /^(?:-{10,}[ \t]*Page[ \t]+(\d{1,5})|#{1,3}[ \t]*Page[ \t]+(\d{1,5}))[ \t]*$/gm, PAGE, anyOf('-# \t'));
// A printed page footer "Page 3 of 7".
const PAGE_OF = gate('page/page-of', /\bPage\s+(\d{1,5})\s+of\s+(\d{1,5})\b/g, PAGE);
// The NARA JFK footer "NW 53217 DocId: 32204411 Page 3" (OCR: "Docld", "Dodid", "HW", "w¥'50953").
const DOC_ID = gate('page/doc-id', /\bDo[cd][Il1id]d\s?:\s?(\d{6,10})(?:[ \t]+Page[ \t]+([0-9Iil]{1,4}))?/g, trigger('DocId', expand('Do', ['c', 'd'], ['I', 'l', '1', 'i', 'd'], 'd')));

function jfkFooters(context: ScanContext): Array<{ start: number; end: number; attributes: Record<string, unknown>; page?: number }> {
  const { text } = context;
  const found: Array<{ start: number; end: number; attributes: Record<string, unknown>; page?: number }> = [];
  for (const m of context.matches(DOC_ID)) {
    const line = context.lineAt(m.index);
    // The record number stands before "DocId" on the same line: "NW 50953 ", "wW50953", "HW 50953".
    const before = text.slice(Math.max(line.start, m.index - 16), m.index);
    const rec = /(?:[A-Za-z¥'’|]{1,3} ?)?(\d{4,6})\s*$/.exec(before);
    const start = rec ? m.index - before.length + rec.index : m.index;
    const attributes: Record<string, unknown> = { docId: m[1] };
    if (rec) attributes.recordNumber = rec[1];
    const pageRaw = m[2];
    let page: number | undefined;
    if (pageRaw) {
      page = Number(pageRaw.replace(/[Iil]/g, '1'));
      attributes.pageNumber = page;
    }
    found.push({ start, end: m.index + m[0].length, attributes, ...(page !== undefined ? { page } : {}) });
  }
  return found;
}

/**
 * Finds every page marker of the text: headers (form feeds, FRUS `[Facsimile Page N]`, converter
 * separators `---- Page 2`, `## Page 1`) and footers (`Page 3 of 7`, NARA JFK footers), each
 * as the break it would make. Which of them cut the pages is decided for the whole document by
 * {@link choosePageBreaks}.
 */
export function findPageBreaks(context: ScanContext): PageBreak[] {
  return context.memo('page-breaks', () => {
    const { text } = context;
    const found: PageBreak[] = [];
    for (let i = text.indexOf('\f'); i !== -1; i = text.indexOf('\f', i + 1)) found.push({ offset: i + 1, at: i, kind: 'form-feed' });
    for (const m of context.matches(BRACKET_PAGE)) {
      if (m[1] === 'Typeset Page') continue; // pages of the printed edition, not of the document
      found.push({ offset: m.index, at: m.index, number: Number(m[2]), kind: m[1] === 'Page' ? 'page-marker' : 'facsimile' });
    }
    for (const m of context.matches(SEPARATOR)) found.push({ offset: m.index, at: m.index, number: Number(m[1] ?? m[2]), kind: 'separator' });
    const after = (end: number): number => {
      const line = context.lineAt(end);
      return Math.min(text.length, line.end + 1);
    };
    for (const m of context.matches(PAGE_OF)) found.push({ offset: after(m.index + m[0].length), at: m.index, number: Number(m[1]) + 1, kind: 'footer' });
    for (const f of jfkFooters(context)) found.push({ offset: after(f.end), at: f.start, ...(f.page !== undefined ? { number: f.page + 1 } : {}), kind: 'footer' });
    return found;
  });
}

/**
 * The breaks that cut a document of `length` code units into pages, sorted by offset: its
 * headers when it has any; otherwise its footers, each ending a page. `breaks` must list the
 * document's markers in the order {@link findPageBreaks} gives them.
 */
export function choosePageBreaks(breaks: readonly PageBreak[], length: number): PageBreak[] {
  const headers = breaks.filter((b) => b.kind !== 'footer');
  if (headers.length > 0) return headers.sort((a, b) => a.offset - b.offset);
  return breaks.filter((f) => f.offset < length).sort((a, b) => a.offset - b.offset);
}

/** Detects page markers printed on or added to the document: `[Facsimile Page N]`, `[Typeset Page N]`, `Page N of M`, NARA JFK footers. */
export const pageDetector: Detector = {
  id: 'page',
  family: 'page',
  detect(context) {
    const hits: Hit[] = [];
    for (const m of context.matches(BRACKET_PAGE)) {
      const code = m[1] === 'Facsimile Page' ? 'facsimile' : m[1] === 'Typeset Page' ? 'typeset' : 'page-number';
      hits.push({
        detector: 'page',
        family: 'page',
        code,
        start: m.index,
        end: m.index + m[0].length,
        role: 'editorial',
        confidence: 0.99,
        attributes: { pageNumber: Number(m[2]) },
      });
    }
    for (const m of context.matches(PAGE_OF)) {
      hits.push({
        detector: 'page',
        family: 'page',
        code: 'page-number',
        start: m.index,
        end: m.index + m[0].length,
        role: 'marking',
        confidence: 0.9,
        attributes: { pageNumber: Number(m[1]), pageCount: Number(m[2]) },
      });
    }
    for (const f of jfkFooters(context)) {
      hits.push({
        detector: 'page',
        family: 'page',
        code: 'page-number',
        start: f.start,
        end: f.end,
        role: 'marking',
        confidence: 0.9,
        attributes: { ...f.attributes, collection: 'JFK Assassination Records' },
      });
    }
    return hits;
  },
};
