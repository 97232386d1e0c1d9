/**
 * Money as integer cents, exact rate arithmetic, and the IRS rounding conventions.
 *
 * Where the IRS rounds:
 * - Forms and worksheets may be completed in whole dollars: amounts under 50 cents are dropped
 *   and amounts from 50 to 99 cents are raised to the next dollar (Form 1040 instructions,
 *   "Rounding off to whole dollars"). `roundToDollar` implements that; the engine keeps cents
 *   internally and rounds only for display when asked.
 * - Rates applied to money (SE tax, percentages of pay) give cents rounded half-up
 *   (`applyRate`), the ordinary rounding of a computed amount to the cent.
 * - Inflation-indexed limits are rounded *down* to a multiple (IRC 415(d)(4), 402(g)(4),
 *   414(v)(2)(C)): `roundDownToMultiple`.
 * - Ratios that a form rounds to a number of places (Form 8606 line 10 "at least 3 places",
 *   Pub 560 Rate Worksheet "at least 3 decimal places", ACP ratios to 0.01%) are rounded
 *   where the rule that uses them says so, with `roundRate`.
 */

/** An amount of money in integer cents. */
export type Cents = number;

/** A rate as an exact fraction: `num / den`, both safe integers, `den > 0`. */
export interface Rate {
  readonly num: number;
  readonly den: number;
}

/**
 * The largest amount megaroth accepts in one money field: $1,000,000,000.00 (10^11 cents), far
 * above any real plan (thousands of times any 415(c) dollar limit or 401(a)(17) pay cap in the
 * parameter files). Two reasons for this number:
 * - below 2^30 dollars, binary numbers are spaced less than 2^-22 dollars apart, so an amount
 *   written with two decimals in a YAML or JSON file is read back to the exact cent (above
 *   2^46 dollars they are a cent or more apart: 90071992547409.91 reads as …409.90);
 * - the sum of 90,000 such amounts stays below 2^53 cents (`Number.MAX_SAFE_INTEGER`), the
 *   largest whole number JavaScript adds exactly; a scenario holds a few thousand money fields
 *   at most (its lists are bounded), so every sum the engine makes is exact.
 * The scenario schema, the CLI's money options and the solo household refuse amounts above it.
 */
export const MAX_AMOUNT: Cents = 100_000_000_000;

/** What an amount above `MAX_AMOUNT` is told: the limit and why there is one. */
export function maxAmountMessage(): string {
  return `must be at most ${formatUsd(MAX_AMOUNT)}, the largest amount megaroth accepts in one field`;
}

/**
 * `[-]` `[$]` `[-]` whole dollars `[.cents]`: the whole part is plain digits, digits grouped by
 * commas in threes, or digits with underscores between them.
 */
const DOLLARS = /^(-)?\$?(-)?(\d{1,3}(?:,\d{3})+|\d+(?:_\d+)*)(?:\.(\d+))?$/;

/**
 * The one rule for reading an amount of dollars written as text (command-line options, ledger
 * files, numbers' decimal form) into cents, exactly. Accepted, with surrounding spaces ignored:
 * - plain digits with an optional decimal part: `1234`, `1234.5`, `0.07`;
 * - commas grouping the whole dollars in threes: `65,000`, `1,234,567.89` (not `6,5000`);
 * - underscores between digits: `65_000`;
 * - a leading `$`, and a minus sign before or after it: `$65000`, `-$3`, `$-3`, `-3`.
 *
 * Decimals beyond the cent must be zeros (`1.500` is $1.50; `1.005` is refused). Returns
 * undefined for anything else (an empty string, `.5`, `5.`, `1e3`, two signs, fractions of a
 * cent, or an amount beyond the safe integer range of cents); the caller names the field.
 */
export function parseDollars(text: string): Cents | undefined {
  const m = DOLLARS.exec(text.trim());
  if (!m) return undefined;
  const [, sign1, sign2, wholeText = '0', frac = ''] = m;
  if (sign1 && sign2) return undefined;
  if (frac.length > 2 && !/^0*$/.test(frac.slice(2))) return undefined;
  const whole = Number(wholeText.replace(/[,_]/g, ''));
  const cents = whole * 100 + Number((frac + '00').slice(0, 2));
  if (!Number.isSafeInteger(cents)) return undefined;
  return (sign1 || sign2) && cents !== 0 ? -cents : cents;
}

/**
 * Converts a number of dollars to cents exactly, using the number's shortest decimal form
 * (so 0.1 + 0.2 style noise never leaks in). Returns undefined for NaN, infinities, values
 * with fractions of a cent, or values outside the safe range.
 */
export function dollarsToCents(dollars: number): Cents | undefined {
  if (!Number.isFinite(dollars)) return undefined;
  if (Number.isInteger(dollars)) {
    const c = dollars * 100;
    return Number.isSafeInteger(c) ? c : undefined;
  }
  const text = dollars.toString();
  if (/e/i.test(text)) return undefined;
  return parseDollars(text);
}

/** Like `dollarsToCents` but throws on a value that is not a whole number of cents. */
export function cents(dollars: number): Cents {
  const c = dollarsToCents(dollars);
  if (c === undefined) throw new RangeError(`not a whole number of cents: ${String(dollars)}`);
  return c;
}

/** Cents as a number of dollars for JSON output (two decimals at most). */
export function toDollars(c: Cents): number {
  return c / 100;
}

/** A non-negative whole number with commas between groups of three digits ("1,234,567"). */
function groupThousands(n: number): string {
  const digits = String(n);
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/**
 * Formats cents as "$12,345.67" (negative as "-$12,345.67"); `wholeDollars` rounds the way IRS
 * forms do ("$12,346"). Digits are grouped by hand, not with `toLocaleString`, so the first
 * call does not start the Intl machinery (a noticeable part of the CLI's start-up).
 */
export function formatUsd(c: Cents, opts: { wholeDollars?: boolean } = {}): string {
  const neg = c < 0;
  const abs = Math.abs(c);
  const whole = opts.wholeDollars ? roundToDollar(abs) / 100 : Math.trunc(abs / 100);
  const wholeText = groupThousands(whole);
  const body = opts.wholeDollars ? wholeText : `${wholeText}.${String(abs % 100).padStart(2, '0')}`;
  return `${neg ? '-' : ''}$${body}`;
}

/** Rounds cents to whole dollars the way IRS forms do: 50 cents and up rounds up (away from 0). */
export function roundToDollar(c: Cents): Cents {
  const sign = c < 0 ? -1 : 1;
  const abs = Math.abs(c);
  const r = Math.floor((abs + 50) / 100) * 100;
  return sign * r;
}

/** Rounds down to a multiple of `step` cents (indexing of dollar limits, IRC 415(d)(4)). */
export function roundDownToMultiple(c: Cents, step: Cents): Cents {
  if (step <= 0) throw new RangeError('step must be positive');
  return Math.floor(c / step) * step;
}

/** How a computed fraction of a cent is settled. */
export type RoundingMode = 'half-up' | 'down' | 'up';

/** Divides two integers exactly and rounds the quotient with the given mode (den > 0). */
function divRound(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const neg = n < 0n;
  const a = neg ? -n : n;
  let q = a / d;
  const r = a % d;
  if (r !== 0n) {
    if (mode === 'half-up' && r * 2n >= d) q += 1n;
    // 'down' and 'up' are toward -inf / +inf respectively
    if (mode === 'down' && neg) q += 1n;
    if (mode === 'up' && !neg) q += 1n;
  }
  return neg ? -q : q;
}

/** `amount × num / den`, exact, rounded to the cent (half-up, away from zero, by default). */
export function mulDiv(
  amount: Cents,
  num: number,
  den: number,
  mode: RoundingMode = 'half-up',
): Cents {
  if (den <= 0) throw new RangeError('denominator must be positive');
  const prod = amount * num;
  if (Number.isSafeInteger(prod) && Number.isSafeInteger(den)) {
    const neg = prod < 0;
    const a = Math.abs(prod);
    let q = Math.floor(a / den);
    const r = a - q * den;
    if (r !== 0) {
      if (mode === 'half-up' && r * 2 >= den) q += 1;
      if (mode === 'down' && neg) q += 1;
      if (mode === 'up' && !neg) q += 1;
    }
    return neg ? -q : q;
  }
  return Number(divRound(BigInt(amount) * BigInt(num), BigInt(den), mode));
}

/**
 * Turns a decimal rate into an exact fraction using its shortest decimal representation, so a
 * parameter written with four decimals means exactly that many ten-thousandths (0.1234 is
 * 1234/10000, not the nearest binary double).
 */
export function rateOf(decimal: number): Rate {
  if (!Number.isFinite(decimal)) throw new RangeError(`not a finite rate: ${String(decimal)}`);
  const text = decimal.toString();
  const m = /^(-)?(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/i.exec(text);
  if (!m) throw new RangeError(`cannot read rate ${text}`);
  const [, sign, whole = '0', frac = '', exp = '0'] = m;
  let digits = whole + frac;
  let scale = frac.length - Number(exp);
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  const num = Number(digits) * (sign ? -1 : 1);
  const den = 10 ** scale;
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den)) {
    throw new RangeError(`rate has too many digits: ${text}`);
  }
  return reduce({ num, den });
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
  return x || 1;
}

function reduce(r: Rate): Rate {
  const g = gcd(r.num, r.den);
  return { num: r.num / g, den: r.den / g };
}

/** A rate given in percent (25 → 25/100), exact. */
export function percentRate(percent: number): Rate {
  const r = rateOf(percent);
  return reduce({ num: r.num, den: r.den * 100 });
}

/** Most decimals a percent may have in a scenario (a hundredth of a basis point). */
export const PERCENT_PLACES = 4;

/**
 * A percent as written in a file (a number, at most `PERCENT_PLACES` decimals) as an exact
 * rate (4.5 → 9/200); undefined for NaN, infinities or more decimals.
 */
export function percentToRate(percent: number): Rate | undefined {
  if (!Number.isFinite(percent)) return undefined;
  const m = /^-?\d+(?:\.(\d+))?$/.exec(String(percent));
  if (!m || (m[1] ?? '').length > PERCENT_PLACES) return undefined;
  return percentRate(percent);
}

/**
 * The rate in percent, for display and JSON (9/200 → 4.5). One division of exact integers, so a
 * rate read from a percent gives back the number that was written.
 */
export function ratePercent(r: Rate): number {
  return (r.num * 100) / r.den;
}

/** Compares two rates exactly: negative when a < b, 0 when equal, positive when a > b. */
export function compareRates(a: Rate, b: Rate): number {
  const x = BigInt(a.num) * BigInt(b.den);
  const y = BigInt(b.num) * BigInt(a.den);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A rate from a bigint fraction, reduced; throws when it does not fit in safe integers. */
function rateOfBig(num: bigint, den: bigint): Rate {
  let x = num < 0n ? -num : num;
  let y = den;
  while (y) [x, y] = [y, x % y];
  const g = x === 0n ? 1n : x;
  const n = num / g;
  const d = den / g;
  const r = { num: Number(n), den: Number(d) };
  if (!Number.isSafeInteger(r.num) || !Number.isSafeInteger(r.den)) {
    throw new RangeError('rate has too many digits');
  }
  return r;
}

/** a + b, exact. */
export function addRates(a: Rate, b: Rate): Rate {
  return rateOfBig(
    BigInt(a.num) * BigInt(b.den) + BigInt(b.num) * BigInt(a.den),
    BigInt(a.den) * BigInt(b.den),
  );
}

/** a − b, exact. */
export function subtractRates(a: Rate, b: Rate): Rate {
  return addRates(a, { num: -b.num, den: b.den });
}

/** a × b, exact. */
export function multiplyRates(a: Rate, b: Rate): Rate {
  return rateOfBig(BigInt(a.num) * BigInt(b.num), BigInt(a.den) * BigInt(b.den));
}

/** a ÷ b, exact (b not zero). */
export function divideRates(a: Rate, b: Rate): Rate {
  if (b.num === 0) throw new RangeError('division by a zero rate');
  const sign = b.num < 0 ? -1n : 1n;
  return rateOfBig(sign * BigInt(a.num) * BigInt(b.den), sign * BigInt(a.den) * BigInt(b.num));
}

/** r / (1 + r): the Pub 560 self-employed rate for plan rate r, exact. */
export function reducedRate(r: Rate): Rate {
  return reduce({ num: r.num, den: r.den + r.num });
}

/** Rounds a rate to `places` decimal places, half-up. */
export function roundRate(r: Rate, places: number): Rate {
  const den = 10 ** places;
  const num = Number(divRound(BigInt(r.num) * BigInt(den), BigInt(r.den), 'half-up'));
  return reduce({ num, den });
}

/** The rate as a floating-point number (for display only). */
export function rateValue(r: Rate): number {
  return r.num / r.den;
}

/** `amount × rate`, rounded to the cent (half-up by default). */
export function applyRate(amount: Cents, rate: Rate, mode: RoundingMode = 'half-up'): Cents {
  return mulDiv(amount, rate.num, rate.den, mode);
}

/** Sum of amounts. */
export function sum(amounts: readonly Cents[]): Cents {
  let s = 0;
  for (const a of amounts) s += a;
  return s;
}

/** The smallest of the amounts. */
export function min(...xs: Cents[]): Cents {
  return Math.min(...xs);
}

/** max(0, x). */
export function nonNegative(x: Cents): Cents {
  return x > 0 ? x : 0;
}

/**
 * Splits `total` cents in proportion to `weights` (non-negative integers, not all zero) so the
 * parts add back to `total` exactly. Each part starts at its floor share; the leftover cents go
 * to the largest remainders, ties to the earlier index (largest-remainder method).
 */
export function allocate(total: Cents, weights: readonly number[]): Cents[] {
  if (weights.length === 0) throw new RangeError('allocate needs at least one weight');
  let wsum = 0n;
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0)
      throw new RangeError('weights must be non-negative integers');
    wsum += BigInt(w);
  }
  if (wsum === 0n) throw new RangeError('weights must not all be zero');
  const neg = total < 0;
  const t = BigInt(Math.abs(total));
  const parts: bigint[] = [];
  const rems: { i: number; r: bigint }[] = [];
  let used = 0n;
  weights.forEach((w, i) => {
    const p = t * BigInt(w);
    const q = p / wsum;
    parts.push(q);
    used += q;
    rems.push({ i, r: p % wsum });
  });
  let left = t - used;
  rems.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of rems) {
    if (left === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map((p) => (neg ? -Number(p) : Number(p)));
}
