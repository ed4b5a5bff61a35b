import { boxArea, intersectBoxes, type PdfBox } from './pdf-box.js';
import type { PageFill, PageGlyph, Rgb } from './read-page-content.js';

/**
 * What a dark box on a page turned out to be:
 *
 * - `text-under`: a failed redaction — text still in the text layer lies under it;
 * - `placeholder`: a box over nothing, as a redaction properly applied leaves it;
 * - `labelled`: a box with visible text drawn on it (a white-on-black header, or a redaction
 *   whose exemption code is printed on the box); its text is read as any other text.
 */
export type BoxKind = 'text-under' | 'placeholder' | 'labelled';

/** A dark filled rectangle and what it covers. */
export interface RedactionBox {
  /** 0-based index among the page's boxes, in drawing order. */
  index: number;
  seq: number;
  box: PdfBox;
  color: Rgb;
  /** True when it is part of an annotation (a dark highlight or square) rather than page content. */
  annotation: boolean;
  kind: BoxKind;
  /** Every glyph it hides, whitespace included, in drawing order. */
  hidden: PageGlyph[];
  /** How many of them are recoverable characters that matter: non-whitespace, and not dismissed as filler (see {@link findRedactionBoxes}). */
  hiddenCharacters: number;
  /** Visible glyphs drawn on top of it. */
  overlay: PageGlyph[];
}

/** A fill at most this light (WCAG relative luminance, 0 black – 1 white) is a dark box: black, and greys to about #767676. */
export const DARK_LUMINANCE = 0.18;
/** Sides shorter than this (PDF units) make a rule or a table border, not a box (x-ray's limit). */
export const MIN_BOX_SIDE = 4;
/** A box over nothing must be at least this tall (PDF units) to read as a redaction: the height of small print. */
export const MIN_PLACEHOLDER_HEIGHT = 6;
/** A glyph is under a box when the box covers at least this share of its em box (x-ray's occlusion threshold). */
export const MIN_COVERAGE = 0.8;
/** Text drawn on a box is readable when its contrast ratio with the box (WCAG) is at least this. */
export const MIN_CONTRAST = 2;

/** WCAG relative luminance of an sRGB colour. */
export function luminance([r, g, b]: Rgb): number {
  const lin = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two colours, 1 (same) to 21 (black on white). */
export function contrast(a: Rgb, b: Rgb): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** The share (0–1) of a glyph's box that a box covers; for a glyph of no area, whether its centre is inside. */
function coverage(glyph: PageGlyph, box: PdfBox): number {
  const area = boxArea(glyph.box);
  if (area === 0) {
    const cx = (glyph.box[0] + glyph.box[2]) / 2;
    const cy = (glyph.box[1] + glyph.box[3]) / 2;
    return cx >= box[0] && cx <= box[2] && cy >= box[1] && cy <= box[3] ? 1 : 0;
  }
  const overlap = intersectBoxes(glyph.box, box);
  return overlap ? boxArea(overlap) / area : 0;
}

/** Whether a glyph under a box cannot be seen: drawn before it, invisible, or in a colour too close to the box's. */
function isHiddenBy(glyph: PageGlyph, fill: PageFill): boolean {
  return glyph.seq < fill.seq || !glyph.visible || (glyph.color !== null && contrast(glyph.color, fill.color) < MIN_CONTRAST);
}

// Words a redaction tool itself writes under or on its boxes; text of only these hides nothing
// (x-ray dismisses the same kind of text).
const FILLER_WORDS = /\b(?:redacted|redaction|confidential|privileged|withheld|name\s+redacted)\b/giu;

/**
 * How many hidden characters matter: whitespace never counts, and text that hides nothing
 * secret counts 0 — no letter or digit, one character repeated (`XXXXX` typed over the text),
 * or only words a redaction tool writes (`REDACTED`, `Confidential`), the filters x-ray applies.
 */
export function countRecoverable(text: string): number {
  const compact = text.replace(/\s+/gu, '');
  if (!/[\p{L}\p{N}]/u.test(compact)) return 0;
  if (compact.length > 1 && new Set(compact).size === 1) return 0;
  if (text.replace(FILLER_WORDS, '').replace(/[\s\p{P}]+/gu, '') === '') return 0;
  return compact.length;
}

/**
 * Finds the dark boxes on a page and what each covers. A box is an opaque filled rectangle
 * whose colour is dark ({@link DARK_LUMINANCE}) and whose sides are both at least
 * {@link MIN_BOX_SIDE}: thin rules, table borders and frames (rings) are not boxes. A glyph is
 * hidden by the topmost box that covers {@link MIN_COVERAGE} of it and under which it cannot be
 * seen (drawn before the box, invisible, or of too little contrast with it); white text drawn
 * on a box stays visible, so a white-on-black header hides nothing. Boxes larger than half the
 * page are backgrounds: they may still hide text, but are never read as placeholders.
 */
export function findRedactionBoxes(glyphs: readonly PageGlyph[], fills: readonly PageFill[], pageArea: number): RedactionBox[] {
  const dark = fills
    .filter((f) => f.box[2] - f.box[0] >= MIN_BOX_SIDE && f.box[3] - f.box[1] >= MIN_BOX_SIDE && luminance(f.color) <= DARK_LUMINANCE)
    .sort((a, b) => a.seq - b.seq);
  const hiddenBy = new Map<PageFill, PageGlyph[]>();
  const overlays = new Map<PageFill, PageGlyph[]>();
  for (const glyph of glyphs) {
    let top: PageFill | undefined;
    for (const fill of dark) {
      if (glyph.box[2] < fill.box[0] || glyph.box[0] > fill.box[2] || glyph.box[3] < fill.box[1] || glyph.box[1] > fill.box[3]) continue;
      const covered = coverage(glyph, fill.box);
      if (covered >= MIN_COVERAGE && isHiddenBy(glyph, fill)) {
        if (!top || fill.seq > top.seq) top = fill;
      } else if (covered >= 0.5 && glyph.seq > fill.seq && glyph.visible && glyph.char.trim() !== '' && (glyph.color === null || contrast(glyph.color, fill.color) >= MIN_CONTRAST)) {
        // Readable text printed on the box: a header, or the exemption code on a redaction.
        overlays.set(fill, [...(overlays.get(fill) ?? []), glyph]);
      }
    }
    if (top) hiddenBy.set(top, [...(hiddenBy.get(top) ?? []), glyph]);
  }
  const anyHidden = new Set([...hiddenBy.values()].flat());
  return dark.map((fill, index) => {
    const hidden = hiddenBy.get(fill) ?? [];
    // A glyph hidden by another box is no overlay of this one.
    const overlay = (overlays.get(fill) ?? []).filter((g) => !anyHidden.has(g));
    const hiddenCharacters = countRecoverable(hidden.map((g) => g.char).join(''));
    const width = fill.box[2] - fill.box[0];
    const height = fill.box[3] - fill.box[1];
    let kind: BoxKind;
    if (hiddenCharacters > 0) kind = 'text-under';
    else if (overlay.length > 0) kind = 'labelled';
    else kind = 'placeholder';
    const box: RedactionBox = { index, seq: fill.seq, box: fill.box, color: fill.color, annotation: fill.annotation, kind, hidden, hiddenCharacters, overlay };
    // Too small to stand for withheld text, or a background: keep it only for what it hides.
    if (kind === 'placeholder' && (height < MIN_PLACEHOLDER_HEIGHT || width * height > pageArea / 2) && hidden.length === 0) return null;
    return box;
  }).filter((b): b is RedactionBox => b !== null).map((b, index) => ({ ...b, index }));
}
