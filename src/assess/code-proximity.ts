import type { MarkerRecord } from '../normalize/marker-record.js';

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
