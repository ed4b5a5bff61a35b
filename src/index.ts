/**
 * redaction-audit: find, normalize and check the markings of declassified US government
 * documents. This entry is browser-safe (no `node:` imports); file loading is in
 * `redaction-audit/node`.
 *
 * Positions everywhere: lines and columns are 1-based, offsets 0-based in UTF-16 code units,
 * spans end-exclusive.
 */
export { scan } from './scan.js';
export type { ScanOptions, ScanResult } from './scan.js';

export { MarkerRecordSchema, AttributesSchema, ExtentSchema, PageSchema } from './normalize/marker-record.js';
export type { MarkerRecord, Attributes, Extent, Page } from './normalize/marker-record.js';

export { FamilySchema, RoleSchema, OcrCorrectionSchema, OcrKindSchema, FAMILIES } from './core/vocabulary.js';
export type { Family, Role, OcrCorrection, OcrKind } from './core/vocabulary.js';

export { PointSchema, SpanSchema, createLocator } from './core/position.js';
export type { Point, Span, Locator } from './core/position.js';

export { RedactionAuditError, InvalidArgumentError, CatalogError } from './core/errors.js';

export { getCatalog, CatalogEntrySchema } from './catalog/catalog.js';
export type { Catalog, CatalogEntry } from './catalog/catalog.js';

export { parseDate } from './scan/parse-date.js';
export type { ParsedDate } from './scan/parse-date.js';

export { parseGold, GoldDocumentSchema, GoldMarkerSchema } from './accuracy/gold.js';
export type { GoldDocument, GoldMarker, GoldIssue } from './accuracy/gold.js';
export { evaluateAccuracy, formatAccuracy } from './accuracy/evaluate-accuracy.js';
export type { AccuracyReport, AccuracyCounts, AccuracyError } from './accuracy/evaluate-accuracy.js';
