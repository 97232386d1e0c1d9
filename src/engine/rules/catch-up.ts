/**
 * The catch-up limit that applies to a person in a plan: none before the year they turn 50,
 * the regular 414(v)(2)(B)(i) amount from 50, the ages 60-63 amount of 414(v)(2)(E) from 2025 if
 * the plan offers it, and the regular amount again from 64. Catch-ups do not count toward
 * 415(c) (IRC 414(v)(3)(A)).
 */
import { usd, type YearParameters } from '../params/index.js';
import type { Cents } from '../money.js';

export interface CatchUpLimit {
  readonly cents: Cents;
  readonly kind: 'none' | 'age-50' | 'age-60-63' | 'special-457';
  readonly why: string;
  readonly citation: string;
}

/** The catch-up limit for someone `age` at year end in a plan that may offer the 60-63 amount. */
export function catchUpLimit(p: YearParameters, age: number, planOffersSuper = true): CatchUpLimit {
  const { catchUpAge, superCatchUpFirstAge, superCatchUpLastAge, catchUp60to63, catchUp50 } =
    p.plan;
  if (age < catchUpAge.value) {
    return {
      cents: 0,
      kind: 'none',
      why: `age ${String(age)} at December 31 is under ${String(catchUpAge.value)}: no catch-up`,
      citation: catchUpAge.citation,
    };
  }
  const superAmount = catchUp60to63.value;
  const inSuperAges = age >= superCatchUpFirstAge.value && age <= superCatchUpLastAge.value;
  if (inSuperAges && superAmount !== null && planOffersSuper) {
    return {
      cents: usd({ ...catchUp60to63, value: superAmount }),
      kind: 'age-60-63',
      why: `age ${String(age)} at December 31 is within ${String(superCatchUpFirstAge.value)}-${String(superCatchUpLastAge.value)}: the higher catch-up applies`,
      citation: catchUp60to63.citation,
    };
  }
  const note = inSuperAges
    ? superAmount === null
      ? ` (no ages 60-63 catch-up before 2025)`
      : ' (the plan does not offer the ages 60-63 catch-up)'
    : '';
  return {
    cents: usd(catchUp50),
    kind: 'age-50',
    why: `age ${String(age)} at December 31 is ${String(catchUpAge.value)} or more${note}`,
    citation: catchUp50.citation,
  };
}
