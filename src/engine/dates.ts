/**
 * Calendar dates as ISO `YYYY-MM-DD` strings (they sort as text): validation, parts, and the one
 * month arithmetic every rule uses (Roth clocks, age 59½, ACP correction deadlines).
 */

/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month (1-12) of a year. */
export function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** [year, month, day] of a real calendar date written `YYYY-MM-DD`, or undefined. */
export function dateParts(text: string): [number, number, number] | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return undefined;
  return [y, mo, d];
}

/** True when `text` is a real calendar date written `YYYY-MM-DD` (years 1900-2200). */
export function isIsoDate(text: string): boolean {
  return dateParts(text) !== undefined;
}

/** Writes year, month, day as `YYYY-MM-DD`. */
export function isoDate(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The year of an ISO date. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** January 1 of `year`. */
export function jan1(year: number): IsoDate {
  return isoDate(year, 1, 1);
}

/**
 * Adds calendar months. A day past the end of the target month becomes its last day; with
 * `keepMonthEnd`, a month-end date stays a month end (06-30 + 2 months → 08-31).
 */
export function addMonths(
  date: IsoDate,
  months: number,
  opts: { keepMonthEnd?: boolean } = {},
): IsoDate {
  const y = yearOf(date);
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  const monthEnd = opts.keepMonthEnd === true && d === daysIn(y, m);
  return isoDate(ny, nm, monthEnd ? daysIn(ny, nm) : Math.min(d, daysIn(ny, nm)));
}

/** Adds whole days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const t = new Date(
    Date.UTC(yearOf(date), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + days),
  );
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The later of two dates. */
export function later(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** The earlier of two dates. */
export function earlier(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}
