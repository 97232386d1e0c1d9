/**
 * Calendar dates as ISO `YYYY-MM-DD` strings (they sort as text), with the two date rules the
 * Roth clocks need: a five-taxable-year period starts on January 1 of its first year
 * (Treas. Reg. 1.408A-6 Q&A-2, Q&A-5) and age 59½ is reached six calendar months after the 59th
 * birthday (IRC 72(t)(2)(A)(i)).
 */
import { distributionConstants } from '../params/distributions.js';

/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const m = ISO.exec(text);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return y >= 1900 && y <= 2200 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo);
}

/** The year of an ISO date. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** January 1 of `year`. */
export function jan1(year: number): IsoDate {
  return `${String(year).padStart(4, '0')}-01-01`;
}

/** Adds calendar months; a day past the end of the target month becomes its last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const y = yearOf(date);
  const mo = Number(date.slice(5, 7)) - 1 + months;
  const ny = y + Math.floor(mo / 12);
  const nm = (((mo % 12) + 12) % 12) + 1;
  const d = Math.min(Number(date.slice(8, 10)), daysIn(ny, nm));
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The date a person born on `birthDate` reaches age 59½. */
export function age59HalfDate(birthDate: IsoDate): IsoDate {
  return addMonths(birthDate, distributionConstants.qualifiedAgeMonths.value);
}

/** The day a five-taxable-year period that starts in `firstYear` has ended. */
export function fiveYearsEnd(firstYear: number): IsoDate {
  return jan1(firstYear + distributionConstants.fiveYearPeriodYears.value);
}

/** The later of two dates. */
export function later(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** The earlier of two dates. */
export function earlier(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}
