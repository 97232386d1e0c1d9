/**
 * Deadlines for correcting a failed ACP test, from the last day of the plan year: 2½ months
 * (6 months for a plan with an EACA) to distribute without the employer's 10% excise tax (IRC
 * 4979(f)(1)), and 12 months — the end of the following plan year — before the plan's
 * qualification is at risk (IRC 401(m)(6)(A); Reg. 1.401(m)-2(b)(1)(ii)).
 */
import { addDays, addMonths, dateParts, type IsoDate } from '../dates.js';
import { inputError } from '../errors.js';
import { acpConstants } from '../params/acp.js';

function parts(text: string, field: string): IsoDate {
  if (!dateParts(text))
    throw inputError(field, `expected a date written YYYY-MM-DD, got "${text}"`);
  return text;
}

/** Adds whole months (a month end stays a month end) and then a half month (15 days) for "2½ months". */
function addMonthsAndHalf(date: IsoDate, months: number): IsoDate {
  const whole = Math.floor(months);
  const end = addMonths(date, whole, { keepMonthEnd: true });
  return months === whole ? end : addDays(end, 15);
}

export interface CorrectionDeadlines {
  readonly planYearEnd: string;
  /** Last day to distribute without the 10% excise tax. */
  readonly exciseTaxDeadline: string;
  /** Last day to distribute at all (end of the following plan year). */
  readonly finalDeadline: string;
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
  const date = parts(planYearEnd, opts.field ?? '--plan-year-end');
  const c = acpConstants;
  const exciseMonths = opts.eaca ? c.exciseTaxMonthsEaca.value : c.exciseTaxMonths.value;
  return {
    planYearEnd,
    exciseTaxDeadline: addMonthsAndHalf(date, exciseMonths),
    finalDeadline: addMonthsAndHalf(date, c.correctionMonths.value),
  };
}
