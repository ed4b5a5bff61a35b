import type { MarkerRecord } from '../normalize/marker-record.js';
import { lowerBound } from '../core/lower-bound.js';

/** Declassification codes that justify a withholding (25X1, 50X1-HUM, 75X…, X1–X8, JFK Act grounds); OADR, GDS and the like are instructions, not reasons. */
const WITHHOLDING_DECLASS = /^(?:25X|50X|75X|X\d|JFK-)/;

/**
 * True when a record is an exemption or withholding code that can justify a deletion: a FOIA
 * or Privacy Act exemption, an E.O. citation, or a declassification exemption such as `25X1`.
 * Mentions in prose never count.
 */
export function isWithholdingCode(record: MarkerRecord): boolean {
  if (record.role === 'mention') return false;
  if (record.family === 'foia' || record.family === 'privacy' || record.family === 'eo') return true;
  return record.family === 'declass' && WITHHOLDING_DECLASS.test(record.code);
}

/** True when a redaction record stands for withheld text (not `illegible`, which is a reading problem). */
export function isWithholdingPlaceholder(record: MarkerRecord): boolean {
  return record.family === 'redaction' && record.role !== 'mention' && record.code !== 'illegible';
}

/** How many lines apart a code and a placeholder may stand (on the same page) and still be read as belonging together. */
export const NEAR_LINES = 3;

/**
 * The distance in lines between two records: 0 when they share a line or overlap, else the
 * number of line breaks between the end of the first and the start of the second.
 */
export function lineDistance(a: MarkerRecord, b: MarkerRecord): number {
  if (a.span.end.line < b.span.start.line) return b.span.start.line - a.span.end.line;
  if (b.span.end.line < a.span.start.line) return a.span.start.line - b.span.end.line;
  return 0;
}

/** The distance in UTF-16 code units between two records' spans (0 when they touch or overlap). */
export function offsetDistance(a: MarkerRecord, b: MarkerRecord): number {
  if (a.span.end.offset <= b.span.start.offset) return b.span.start.offset - a.span.end.offset;
  if (b.span.end.offset <= a.span.start.offset) return a.span.start.offset - b.span.end.offset;
  return 0;
}

/** Finds, for a placeholder, the withholding codes beside it; see {@link createNearIndex}. */
export interface NearIndex {
  /** The codes on the placeholder's page within {@link NEAR_LINES} lines of it, in the order they were given. */
  codesNear(placeholder: MarkerRecord): MarkerRecord[];
  /** The distinct keys of {@link NearIndex.codesNear}, sorted. */
  keysNear(placeholder: MarkerRecord): string[];
}

/**
 * Indexes codes by the lines they cover, so the codes beside each placeholder (same page,
 * `lineDistance` at most {@link NEAR_LINES}) are found without comparing every placeholder with
 * every code: a lookup costs a binary search plus the lines of the window that hold codes.
 * `keysNear` reads each line's distinct keys, so a line of many identical codes costs one key.
 * Building costs the lines the codes span (codes seldom span more than one).
 */
export function createNearIndex(codes: readonly MarkerRecord[]): NearIndex {
  // For each line that holds codes: their positions in `codes`, and their keys per page.
  const atLine = new Map<number, number[]>();
  const keysAtLine = new Map<number, Map<number, Set<string>>>();
  codes.forEach((c, i) => {
    for (let line = c.span.start.line; line <= c.span.end.line; line++) {
      const list = atLine.get(line);
      if (list) list.push(i);
      else atLine.set(line, [i]);
      let byPage = keysAtLine.get(line);
      if (!byPage) keysAtLine.set(line, (byPage = new Map()));
      const keys = byPage.get(c.page);
      if (keys) keys.add(c.key);
      else byPage.set(c.page, new Set([c.key]));
    }
  });
  const lines = [...atLine.keys()].sort((a, b) => a - b);
  /** The lines holding codes within the placeholder's window, ascending. */
  const windowLines = (p: MarkerRecord): number[] => {
    const out: number[] = [];
    const last = p.span.end.line + NEAR_LINES;
    for (let k = lowerBound(lines, p.span.start.line - NEAR_LINES); k < lines.length && (lines[k] as number) <= last; k++) out.push(lines[k] as number);
    return out;
  };
  return {
    codesNear(p) {
      const found = new Set<number>();
      for (const line of windowLines(p)) for (const i of atLine.get(line) as number[]) if ((codes[i] as MarkerRecord).page === p.page) found.add(i);
      return [...found].sort((a, b) => a - b).map((i) => codes[i] as MarkerRecord);
    },
    keysNear(p) {
      const keys = new Set<string>();
      for (const line of windowLines(p)) for (const key of keysAtLine.get(line)?.get(p.page) ?? []) keys.add(key);
      return [...keys].sort();
    },
  };
}
