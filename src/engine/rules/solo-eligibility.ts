/**
 * Which employees of a business a plan must cover, so that a one-participant (solo) 401(k) is
 * no longer possible: an employee who is 21 or older with a year of service (1,000 hours in 12
 * months; IRC 410(a)(1)(A), 410(a)(3)(A)), or a long-term part-time employee with 500 hours in
 * each of the consecutive years the year's rule asks for (two from 2025, three in 2024; IRC
 * 401(k)(2)(D), SECURE Act §112, SECURE 2.0 §125), who must be allowed to defer. Others may be
 * excluded (IRS "One-Participant 401(k) Plans").
 */
import type { YearParameters } from '../params/index.js';

export interface Employee {
  /** Age at the end of the year, if known (unknown: taken as old enough). */
  readonly age?: number | undefined;
  /** Hours of service by year, this year first, then the years before. */
  readonly hours: readonly number[];
}

export interface Coverage {
  readonly covered: boolean;
  readonly why: string;
}

/** Whether the plan must cover this employee, and why. */
export function mustCover(p: YearParameters, e: Employee): Coverage {
  const minAge = p.plan.minimumParticipationAge.value;
  const year = p.plan.yearOfServiceHours.value;
  const ltpt = p.plan.ltptHours.value;
  const years = p.plan.ltptConsecutiveYears.value;
  if (e.age !== undefined && e.age < minAge) {
    return { covered: false, why: `under ${String(minAge)}: may be excluded (IRC 410(a)(1)(A))` };
  }
  const now = e.hours[0] ?? 0;
  if (now >= year) {
    return {
      covered: true,
      why: `${String(now)} hours this year: a year of service (${String(year)} hours, IRC 410(a)(3)(A))`,
    };
  }
  if (
    years !== null &&
    e.hours.length >= years &&
    e.hours.slice(0, years).every((h) => h >= ltpt)
  ) {
    return {
      covered: true,
      why: `a long-term part-time employee: ${String(ltpt)} hours or more in each of ${String(years)} consecutive years (IRC 401(k)(2)(D)), so must be allowed to defer`,
    };
  }
  return {
    covered: false,
    why:
      years === null
        ? `under ${String(year)} hours: may be excluded (the long-term part-time rule starts in 2024)`
        : `under ${String(year)} hours, and not ${String(ltpt)} hours in each of ${String(years)} consecutive years: may be excluded`,
  };
}
