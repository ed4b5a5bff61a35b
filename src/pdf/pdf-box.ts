import * as z from 'zod';

/**
 * Where something stands on a PDF page: `[left, bottom, right, top]` in the page's default user
 * space, in PDF units (1/72 inch), origin at the bottom-left of the page's media box and `y`
 * growing upward, before the page's `/Rotate` is applied. This is the rectangle convention of
 * pdf.js (`PageViewport.convertToViewportRectangle(box)` maps it onto a rendered page) and of
 * PDF annotations' `/Rect`.
 */
export const PdfBoxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]);
/** A rectangle on a PDF page; see {@link PdfBoxSchema}. */
export type PdfBox = z.infer<typeof PdfBoxSchema>;

/** The area of a box (0 for an empty or inverted one). */
export function boxArea(box: PdfBox): number {
  return Math.max(0, box[2] - box[0]) * Math.max(0, box[3] - box[1]);
}

/** The overlap of two boxes, or `null` when they do not overlap. */
export function intersectBoxes(a: PdfBox, b: PdfBox): PdfBox | null {
  const box: PdfBox = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
  return box[0] < box[2] && box[1] < box[3] ? box : null;
}

/** The smallest box holding both. */
export function unionBoxes(a: PdfBox, b: PdfBox): PdfBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** A box rounded to hundredths of a unit, so output stays short and byte-stable. */
export function roundBox(box: PdfBox): PdfBox {
  return box.map((v) => Math.round(v * 100) / 100 + 0) as PdfBox;
}
