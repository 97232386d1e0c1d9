/**
 * Parsers for command-line option values. Each throws an InputError naming the option and what
 * is allowed, so the CLI exits with code 2 and a one-line message.
 */
import { InputError } from '../engine/errors.js';
import { MAX_AMOUNT, maxAmountMessage, parseDollars, type Cents } from '../engine/money.js';
import { SUPPORTED_YEARS, paramsFor } from '../engine/params/index.js';

function fail(flag: string, message: string): never {
  throw new InputError([{ path: flag, message }]);
}

/**
 * A non-negative dollar amount → cents, read by the one money rule (`parseDollars`: "65000",
 * "65,000.50", "$65000", …), at most `MAX_AMOUNT`.
 */
export function parseMoneyOption(flag: string, raw: string): Cents {
  const c = parseDollars(raw);
  if (c === undefined) {
    fail(
      flag,
      `expected an amount in dollars with at most 2 decimals (e.g. 65000, 65,000.50 or $65000), got "${raw}"`,
    );
  }
  if (c < 0) fail(flag, `must not be negative, got "${raw}"`);
  if (c > MAX_AMOUNT) fail(flag, `${maxAmountMessage()}, got "${raw}"`);
  return c;
}

/** A commander parser for a non-negative dollar option (`.option('--x <N>', '…', moneyOption('--x'))`). */
export function moneyOption(flag: string): (raw: string) => Cents {
  return (raw) => parseMoneyOption(flag, raw);
}

/** A finite number within [min, max] (inclusive). */
export function parseNumberOption(flag: string, raw: string, min: number, max: number): number {
  const text = raw.trim();
  const n = text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(n)) fail(flag, `expected a number from ${min} to ${max}, got "${raw}"`);
  if (n < min || n > max) fail(flag, `must be from ${min} to ${max}, got ${text}`);
  return n;
}

/** A whole number within [min, max]. */
export function parseIntOption(flag: string, raw: string, min: number, max: number): number {
  const n = parseNumberOption(flag, raw, min, max);
  if (!Number.isInteger(n))
    fail(flag, `expected a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

/** A supported tax year. */
export function parseYearOption(flag: string, raw: string): number {
  const n = Number(raw.trim());
  if (!Number.isInteger(n)) {
    fail(flag, `expected a tax year (${SUPPORTED_YEARS.join(', ')}), got "${raw}"`);
  }
  paramsFor(n, flag);
  return n;
}

/** One of a fixed set of words. */
export function parseChoiceOption<T extends string>(
  flag: string,
  raw: string,
  choices: readonly T[],
): T {
  const found = choices.find((c) => c === raw.trim().toLowerCase());
  if (!found) fail(flag, `must be one of ${choices.join(', ')}, got "${raw}"`);
  return found;
}
