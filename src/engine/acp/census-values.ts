/**
 * Reading a census's values: amounts of dollars into cents with the one dollar rule
 * (`parseDollars`), percentages and years into hundredths, whole numbers, dates (`YYYY-MM-DD`,
 * the one date rule `dateParts`) into `yyyymmdd` numbers, yes/no words, and the byte-range
 * readers of a plain amount and a date that the census's fast path uses, which read a subset of
 * what the general readers read and give the same numbers for it (property tests check they
 * agree).
 */
import { dateParts, daysIn } from '../dates.js';
import { parseDollars } from '../money.js';

/** The most digits the byte-range reader takes: more could lose precision in a double. */
export const MAX_PLAIN_DIGITS = 15;

/** What `PlainAmountReader.read` returns for a field with nothing in it. */
export const BLANK = -2;
/** What `PlainAmountReader.read` returns for a field that is not a plain amount. */
export const NOT_PLAIN = -1;

/**
 * The byte-range reader of a plain amount, for the census's fast path: it reads the field that
 * starts at `b[start]` and ends at the first comma or at `end` (`end` = the line's end). A plain
 * amount — one or more ASCII digits, optionally a point and one or two more digits (`62000`,
 * `1234.5`, `0.07`) — comes back as integer hundredths (cents of a dollar, or hundredths of a
 * percent), an empty field as `BLANK`; anything else (a sign, `$`, a space, a third decimal,
 * `.5`, `5.`, a quote) is `NOT_PLAIN`, which the caller reads with `parseDollars` or
 * `parsePercent`. `fieldEnd` is where the field ended (its comma, or `end`).
 */
export class PlainAmountReader {
  fieldEnd = 0;

  read(b: Uint8Array, start: number, end: number): number {
    let whole = 0;
    let frac = 0;
    let fd = -1; // digits after the point; -1 before it
    let digits = 0;
    let i = start;
    for (; i < end; i++) {
      const c = b[i] ?? 0;
      if (c >= 48 && c <= 57) {
        digits++;
        if (fd < 0) whole = whole * 10 + (c - 48);
        else if (fd < 2) {
          frac = frac * 10 + (c - 48);
          fd++;
        } else return NOT_PLAIN;
      } else if (c === 46 && fd < 0 && digits > 0) fd = 0;
      else if (c === 44) break;
      else return NOT_PLAIN;
    }
    this.fieldEnd = i;
    if (i === start) return BLANK;
    if (fd === 0 || digits > MAX_PLAIN_DIGITS) return NOT_PLAIN;
    return whole * 100 + (fd === 1 ? frac * 10 : frac);
  }

  /** Whether the last `readSigned` field had a minus sign. */
  negative = false;

  /**
   * A plain amount with an optional leading minus sign (`-12.5`, a gain or a loss): its size,
   * as `read` gives it, with `negative` set; a lone `-` is `NOT_PLAIN`.
   */
  readSigned(b: Uint8Array, start: number, end: number): number {
    this.negative = b[start] === 45;
    if (!this.negative) return this.read(b, start, end);
    const v = this.read(b, start + 1, end);
    return v === BLANK ? NOT_PLAIN : v;
  }

  /** One to three ASCII digits (an age) as a number; `BLANK` or `NOT_PLAIN` otherwise. */
  readWhole(b: Uint8Array, start: number, end: number): number {
    let v = 0;
    let i = start;
    for (; i < end; i++) {
      const c = b[i] ?? 0;
      if (c === 44) break;
      if (c < 48 || c > 57 || i - start >= 3) return NOT_PLAIN;
      v = v * 10 + (c - 48);
    }
    this.fieldEnd = i;
    return i === start ? BLANK : v;
  }

  /**
   * A date written `YYYY-MM-DD` (a real calendar date, years 1900-2200, as `dateParts` reads)
   * as the number `yyyymmdd`; `BLANK` for an empty field, `NOT_PLAIN` for anything else.
   */
  readDate(b: Uint8Array, start: number, end: number): number {
    const e = start + 10;
    if (start === end || b[start] === 44) {
      this.fieldEnd = start;
      return BLANK;
    }
    this.fieldEnd = e;
    if (e > end || (e < end && b[e] !== 44) || b[start + 4] !== 45 || b[start + 7] !== 45) {
      return NOT_PLAIN;
    }
    // eight digits at fixed places, unrolled: this runs twice a row on a census with dates
    const d = (k: number): number => (b[start + k] ?? 0) - 48;
    const y0 = d(0);
    const y1 = d(1);
    const y2 = d(2);
    const y3 = d(3);
    const m0 = d(5);
    const m1 = d(6);
    const d0 = d(8);
    const d1 = d(9);
    if (
      (y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0 ||
      Math.max(y0, y1, y2, y3, m0, m1, d0, d1) > 9
    ) {
      return NOT_PLAIN;
    }
    const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
    const m = m0 * 10 + m1;
    const day = d0 * 10 + d1;
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || day < 1) return NOT_PLAIN;
    // every month but February has 30 days at least: only February and the 31st need the calendar
    if (day > 28 && (m === 2 || day === 31) && day > daysIn(y, m)) return NOT_PLAIN;
    return y * 10_000 + m * 100 + day;
  }
}

/** A date written `YYYY-MM-DD` (surrounding spaces ignored) as `yyyymmdd`, or undefined. */
export function parseDateNumber(text: string): number | undefined {
  const p = dateParts(text.trim());
  return p === undefined ? undefined : p[0] * 10_000 + p[1] * 100 + p[2];
}

const WHOLE = /^\s*(\d{1,3})\s*$/;

/** A whole number from 0 to `max` (an age), or undefined. */
export function parseWholeNumber(text: string, max: number): number | undefined {
  const m = WHOLE.exec(text);
  const v = m?.[1] === undefined ? undefined : Number(m[1]);
  return v === undefined || v > max ? undefined : v;
}

const DECIMAL = /^\s*(\d+(?:\.\d+)?)\s*$/;

/**
 * A number from 0 to `max` with at most two decimals (years of service: `1.5`) in hundredths
 * (the same decimal rule as dollars and cents), or undefined.
 */
export function parseHundredths(text: string, max: number): number | undefined {
  const m = DECIMAL.exec(text);
  const v = m?.[1] === undefined ? undefined : parseDollars(m[1]);
  return v === undefined || v > max * 100 ? undefined : v;
}

const PERCENT = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/;

/**
 * A percentage from 0 to `maxPercent` written with at most two decimals (`5`, `50.5`, `2.35%`)
 * in hundredths of a percent (the same decimal rule as dollars and cents); undefined otherwise.
 */
export function parsePercent(text: string, maxPercent = 100): number | undefined {
  const m = PERCENT.exec(text);
  const hundredths = m?.[1] === undefined ? undefined : parseDollars(m[1]);
  return hundredths === undefined || hundredths > maxPercent * 100 ? undefined : hundredths;
}

const YES = new Set(['true', 't', 'yes', 'y', '1', 'x']);
const NO = new Set(['false', 'f', 'no', 'n', '0']);

/** true or false for a yes/no word, undefined for a blank, null for anything else. */
export function parseYesNo(text: string): boolean | undefined | null {
  const t = text.trim().toLowerCase();
  if (t === '') return undefined;
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return null;
}
