// mulberry32: a small seeded PRNG, enough to draw samples reproducibly (the blind samples, the
// prose gate, the audit's findings to judge). Shared by the scripts that draw.

/** A function returning numbers in [0, 1), the same sequence for the same 32-bit `seed`. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
