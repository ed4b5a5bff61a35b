/**
 * An affine transform in PDF order `[a, b, c, d, e, f]`: a point `(x, y)` maps to
 * `(a·x + c·y + e, b·x + d·y + f)`.
 */
export type Matrix = readonly [number, number, number, number, number, number];

/** The identity transform. */
export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/**
 * `m1 × m2`: the transform that applies `m2` first, then `m1` — what the PDF `cm` operator
 * does to the current transformation matrix (`CTM' = multiplyMatrix(CTM, m)` in pdf.js terms).
 */
export function multiplyMatrix(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

/** Applies a transform to a point. */
export function applyMatrix(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Reads a matrix from pdf.js operator arguments (arrays or typed arrays), or `null` when it is not six finite numbers. */
export function toMatrix(value: unknown): Matrix | null {
  if (!value || typeof value !== 'object' || !('length' in value) || (value as ArrayLike<unknown>).length !== 6) return null;
  const m = Array.from(value as ArrayLike<unknown>);
  return m.every((n) => typeof n === 'number' && Number.isFinite(n)) ? (m as unknown as Matrix) : null;
}
