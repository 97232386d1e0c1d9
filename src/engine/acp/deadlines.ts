/**
 * Deadlines for correcting a failed ADP or ACP test, from the last day of the plan year: 2½
 * months (6 months for a plan with an EACA) to distribute without the employer's 10% excise tax
 * (IRC 4979(f)(1)), and 12 months — the end of the following plan year — before the plan's
 * qualification is at risk (IRC 401(k)(8)(A), 401(m)(6)(A); Reg. 1.401(k)-2(b)(5),
 * 1.401(m)-2(b)(4)).
 */
import { addDays, addMonths, isIsoDate, type IsoDate } from '../dates.js';
import { inputError } from '../errors.js';
import { acpConstants } from '../params/acp.js';

/** A half month, in days, so that 2½ months after December 31 is March 15. */
const HALF_MONTH_DAYS = 15;

/** Adds whole months (a month end stays a month end) and then a half month for "2½ months". */
export function addMonthsAndHalf(date: IsoDate, months: number): IsoDate {
  const whole = Math.floor(months);
  const end = addMonths(date, whole, { keepMonthEnd: true });
  return months === whole ? end : addDays(end, HALF_MONTH_DAYS);
}

export interface CorrectionDeadlines {
  readonly planYearEnd: IsoDate;
  /** Months after the plan year to distribute without the excise tax (2.5, or 6 with an EACA). */
  readonly exciseTaxMonths: number;
  /** Last day to distribute without the excise tax. */
  readonly exciseTaxDeadline: IsoDate;
  /** Months after the plan year to distribute at all (12: the end of the following plan year). */
  readonly finalMonths: number;
  /** Last day to distribute at all (end of the following plan year). */
  readonly finalDeadline: IsoDate;
}

/**
 * The deadlines for a plan year ending on `planYearEnd` (YYYY-MM-DD). For a calendar-year plan:
 * 2026-12-31 → excise-tax deadline 2027-03-15 (2027-06-30 with an EACA), final 2027-12-31.
 * A month-end plan year end gives the 15th of the third month after it.
 */
export function correctionDeadlines(
  planYearEnd: string,
  opts: { eaca?: boolean; field?: string } = {},
): CorrectionDeadlines {
  if (!isIsoDate(planYearEnd)) {
    throw inputError(
      opts.field ?? 'planYearEnd',
      `expected a date written YYYY-MM-DD, got "${planYearEnd}"`,
    );
  }
  const c = acpConstants;
  const exciseTaxMonths = opts.eaca ? c.exciseTaxMonthsEaca.value : c.exciseTaxMonths.value;
  const finalMonths = c.correctionMonths.value;
  return {
    planYearEnd,
    exciseTaxMonths,
    exciseTaxDeadline: addMonthsAndHalf(planYearEnd, exciseTaxMonths),
    finalMonths,
    finalDeadline: addMonthsAndHalf(planYearEnd, finalMonths),
  };
}
