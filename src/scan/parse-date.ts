/** A date read from a stamp or a dateline: the text as written and, when complete, the ISO date. */
export interface ParsedDate {
  /** The date as written. */
  raw: string;
  /** `YYYY-MM-DD` when day, month and year are all known. */
  iso?: string;
  /** The four-digit year, when known. */
  year?: number;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** Two-digit years on review stamps: 00–30 are 2000–2030, the rest 1931–1999. */
function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n <= 30 ? 2000 + n : 1900 + n;
}

function iso(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2100) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Reads the dates found on declassified documents: `2004/05/05`, `1962/10/28`, `3/13/93`,
 * `10/15/97`, `06-05-2017`, `October 27, 1962`, `27 Oct 1962`, `20 Mar 2014`, `20350101`.
 * Returns `undefined` when `raw` is not a date; partial dates (`3/3`) keep only `raw`.
 */
export function parseDate(raw: string): ParsedDate | undefined {
  const s = raw.trim().replace(/^\*+|\*+$/g, '');
  let m = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(s);
  if (m) {
    const year = Number(m[1]);
    const out: ParsedDate = { raw, year };
    const i = iso(year, Number(m[2]), Number(m[3]));
    if (i) out.iso = i;
    return out;
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
  if (m) {
    const year = fullYear(m[3] as string);
    const out: ParsedDate = { raw, year };
    const i = iso(year, Number(m[1]), Number(m[2]));
    if (i) out.iso = i;
    return out;
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const i = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    return i ? { raw, year: Number(m[1]), iso: i } : undefined;
  }
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS[(m[1] as string).slice(0, 3).toLowerCase()];
    if (!month) return undefined;
    const i = iso(Number(m[3]), month, Number(m[2]));
    return { raw, year: Number(m[3]), ...(i ? { iso: i } : {}) };
  }
  m = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS[(m[2] as string).slice(0, 3).toLowerCase()];
    if (!month) return undefined;
    const year = fullYear(m[3] as string);
    const i = iso(year, month, Number(m[1]));
    return { raw, year, ...(i ? { iso: i } : {}) };
  }
  if (/^\d{1,2}\/\d{1,2}$/.test(s)) return { raw };
  return undefined;
}
