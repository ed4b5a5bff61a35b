import type { Family, OcrCorrection, Role } from '../core/vocabulary.js';

/**
 * What one detector matched, before normalization: offsets, the canonical code the detector
 * read, and what it could tell from the context. `start`/`end` are 0-based UTF-16 offsets,
 * `end` exclusive.
 */
export interface Hit {
  /** Id of the detector that matched, e.g. `foia`. */
  detector: string;
  family: Family;
  /** Canonical code within the family, e.g. `b7C`, `OADR`, `not-declassified`. */
  code: string;
  /** 0-based offset of the first matched UTF-16 code unit. */
  start: number;
  /** 0-based offset just past the match (exclusive). */
  end: number;
  role: Role;
  /** How sure the detector is, 0–1. */
  confidence: number;
  /** OCR corrections applied to read the code, or empty. */
  ocr?: OcrCorrection[];
  /** Parsed parts: statute, extent, categories, decisions, dates … */
  attributes?: Record<string, unknown>;
  /** Why the detector is unsure, or what a reviewer should know, in one sentence. */
  note?: string;
}

/** A detector: finds the hits of one family in a text. Detectors never throw on any input. */
export interface Detector {
  /** Stable, kebab-case id. */
  readonly id: string;
  readonly family: Family;
  detect(context: import('./scan-context.js').ScanContext): Hit[];
}
