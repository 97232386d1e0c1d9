/**
 * Which employees are "otherwise excludable" (IRC 410(b)(4)(B); Treas. Reg. 1.401(k)-2(a)(1)(iii),
 * 1.401(m)-2(a)(1)(iii)): those who have not met the oldest minimum age (21) and the longest
 * service (one year) a plan may require (IRC 410(a)(1)(A)) in time to enter the plan during the
 * plan year — an employee who meets them enters by the first day of the next plan year or six
 * months after, whichever is earlier (IRC 410(a)(4); Treas. Reg. 1.410(b)-6(b)(1)). So an
 * employee is otherwise excludable for the plan year unless both conditions were met no later
 * than six months before the plan year ends.
 *
 * From the census: an `otherwise_excludable` yes/no wins; else each condition from a date (the
 * 21st birthday from `birth_date`, one year after `hire_date` — the first year of employment
 * taken as a year of service) or, without the date, from the whole-number `age` or the
 * `service_years` at the end of the plan year (then the condition counts as met when it is met
 * by the plan year's end: a number cannot say when, so the six-month entry rule is not applied).
 * A row with neither form of a condition is counted as unknown and treated as meeting it.
 */
import { addMonths, dateParts, type IsoDate } from '../dates.js';
import { acpConstants } from '../params/acp.js';
import type { Census } from './census.js';

/** Who is otherwise excludable, and how each was decided. */
export interface ExcludableEmployees {
  /** 1 for an otherwise excludable row. */
  readonly flags: Uint8Array;
  readonly count: number;
  /** The latest date (`yyyymmdd`) by which both conditions had to be met to enter in the plan year. */
  readonly latestEntryQualifyingDate: number;
  /** Rows decided by the `otherwise_excludable` column. */
  readonly byColumn: number;
  /** Rows where a condition was decided from a number (age, years of service) without its date. */
  readonly byNumbers: number;
  /** Rows where a condition could not be decided (no date, no number): treated as met. */
  readonly unknown: number;
}

/** `yyyymmdd` of an ISO date. */
function dateNumber(d: IsoDate): number {
  const p = dateParts(d) ?? [0, 0, 0];
  return p[0] * 10_000 + p[1] * 100 + p[2];
}

/**
 * The latest date on which meeting the conditions still lets an employee enter within the plan
 * year ending `planYearEnd`: six months before it, a month end kept a month end, so that a date
 * `d` qualifies exactly when `addMonths(d, 6) <= planYearEnd` (a property test checks this).
 */
export function latestQualifyingDate(planYearEnd: IsoDate): IsoDate {
  return addMonths(planYearEnd, -acpConstants.entryMonths.value, { keepMonthEnd: true });
}

/** Decides every row of `census` for the plan year ending `planYearEnd`. */
export function otherwiseExcludable(census: Census, planYearEnd: IsoDate): ExcludableEmployees {
  const n = census.size;
  const c = census.columns;
  const flags = new Uint8Array(n);
  const latest = dateNumber(latestQualifyingDate(planYearEnd));
  const minAge = acpConstants.minimumAge.value;
  const minYears = acpConstants.minimumServiceYears.value;
  let count = 0;
  let byColumn = 0;
  let byNumbers = 0;
  let unknown = 0;
  for (let i = 0; i < n; i++) {
    const given = c.excludable ? (census.excludableGiven[i] ?? -1) : -1;
    if (given >= 0) {
      flags[i] = given;
      count += given;
      byColumn++;
      continue;
    }
    // each condition: the date it is met (yyyymmdd), or 0 when met by a number, -1 not met by
    // a number, -2 unknown
    const birth = c.birthDate ? (census.birthDate[i] ?? 0) : 0;
    const hire = c.hireDate ? (census.hireDate[i] ?? 0) : 0;
    const age = c.age ? (census.age[i] ?? -1) : -1;
    const service = c.serviceYears ? (census.serviceYears[i] ?? -1) : -1;
    const ageMet = birth > 0 ? birth + minAge * 10_000 : age >= 0 ? (age >= minAge ? 0 : -1) : -2;
    const serviceMet =
      hire > 0
        ? hire + minYears * 10_000
        : service >= 0
          ? service >= minYears * 100
            ? 0
            : -1
          : -2;
    if (ageMet === -2 || serviceMet === -2) unknown++;
    if ((birth === 0 && age >= 0) || (hire === 0 && service >= 0)) byNumbers++;
    const metBy = Math.max(ageMet, serviceMet);
    const excludable = ageMet === -1 || serviceMet === -1 || metBy > latest;
    if (excludable) {
      flags[i] = 1;
      count++;
    }
  }
  return {
    flags,
    count,
    latestEntryQualifyingDate: latest,
    byColumn,
    byNumbers,
    unknown,
  };
}
