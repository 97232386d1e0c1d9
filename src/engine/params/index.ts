/**
 * Typed access to a tax year's parameters; an unsupported year is an input error that lists
 * the supported years.
 */
import { InputError } from '../errors.js';
import { cents, rateOf, type Cents, type Rate } from '../money.js';
import type { Param, YearParameters } from './types.js';
import { y2023 } from './years/2023.js';
import { y2024 } from './years/2024.js';
import { y2025 } from './years/2025.js';
import { y2026 } from './years/2026.js';

export type { Param, YearParameters } from './types.js';

const YEARS: Readonly<Record<number, YearParameters>> = {
  2023: y2023,
  2024: y2024,
  2025: y2025,
  2026: y2026,
};

/** The tax years this build has parameters for, ascending. */
export const SUPPORTED_YEARS: readonly number[] = Object.keys(YEARS)
  .map(Number)
  .sort((a, b) => a - b);

/** True when `year` has parameters. */
export function isSupportedYear(year: number): boolean {
  return Object.hasOwn(YEARS, year);
}

/**
 * The parameters of `year`. Throws an InputError naming `field` (default `taxYear`) and the
 * supported years when the year is not supported.
 */
export function paramsFor(year: number, field = 'taxYear'): YearParameters {
  const p = isSupportedYear(year) ? YEARS[year] : undefined;
  if (!p) {
    throw new InputError([
      {
        path: field,
        message: `tax year ${String(year)} is not supported; supported years: ${SUPPORTED_YEARS.join(', ')}`,
      },
    ]);
  }
  return p;
}

/** A dollar parameter in cents. */
export function usd(p: Param<number>): Cents {
  return cents(p.value);
}

/** A rate parameter as an exact fraction. */
export function rate(p: Param<number>): Rate {
  return rateOf(p.value);
}
