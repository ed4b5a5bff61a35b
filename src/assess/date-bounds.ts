/** A date known to the day (`iso`) or only to the year. */
export interface DateLike {
  iso: string | null;
  year: number;
}

/**
 * The earliest and latest day a date may be, as `YYYY-MM-DD`: the date itself, or its whole
 * year when only the year is known. Rules compare against these, so a year-only date is
 * "before" or "after" a bound only when the whole year is.
 */
export function dateBounds(date: DateLike): [earliest: string, latest: string] {
  return date.iso ? [date.iso, date.iso] : [`${date.year}-01-01`, `${date.year}-12-31`];
}
