/**
 * Reading a census's values: amounts of dollars into cents with the one dollar rule
 * (`parseDollars`), percentages into hundredths of a percent, yes/no words, and the byte-range
 * reader of a plain amount that the census's fast path uses, which reads a subset of what
 * `parseDollars` reads and gives the same cents for it (a property test checks the two agree).
 */
import { parseDollars } from '../money.js';

/** The most digits the byte-range reader takes: more could lose precision in a double. */
const MAX_PLAIN_DIGITS = 15;

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
