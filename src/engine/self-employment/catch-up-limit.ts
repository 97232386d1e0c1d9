/**
 * The catch-up dollar limit for a person by age at December 31: none under 50, the regular
 * amount from 50, the higher amount at 60-63 in years that have it (IRC 414(v)(2)(B)(i),
 * 414(v)(2)(E); SECURE 2.0 §109). Used by the Pub 560 worksheet's Step 17.
 */
import { inputError } from '../errors.js';
import type { YearParameters } from '../params/index.js';
import { catchUpLimit } from '../rules/catch-up.js';
import type { Cents } from '../money.js';

/** The ages the self-employment rules accept (an adult owner; a sanity bound above). */
export const MIN_AGE = 18;
export const MAX_AGE = 120;

/** Checks an age: a whole number from MIN_AGE to MAX_AGE. */
export function checkAge(age: number, field = 'age'): void {
  if (!Number.isInteger(age) || age < MIN_AGE || age > MAX_AGE) {
    throw inputError(
      field,
      `must be a whole number from ${String(MIN_AGE)} to ${String(MAX_AGE)}, got ${String(age)}`,
    );
  }
}

/** The catch-up limit in cents for someone `age` at the end of the year (see rules/catch-up.ts). */
export function catchUpLimitFor(params: YearParameters, age: number): Cents {
  checkAge(age);
  return catchUpLimit(params, age).cents;
}
