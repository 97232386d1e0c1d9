/**
 * Deadlines for correcting a failed ACP test, from the last day of the plan year: 2½ months
 * (6 months for a plan with an EACA) to distribute without the employer's 10% excise tax (IRC
 * 4979(f)(1)), and 12 months — the end of the following plan year — before the plan's
 * qualification is at risk (IRC 401(m)(6)(A); Reg. 1.401(m)-2(b)(1)(ii)).
 */
import { inputError } from '../errors.js';
import { acpConstants } from '../params/acp.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(iso: string, field: string): [number, number, number] {
  const m = ISO.exec(iso);
  const y = Number(m?.[1]);
  const mo = Number(m?.[2]);
  const d = Number(m?.[3]);
  if (!m || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) {
    throw inputError(field, `expected a date written YYYY-MM-DD, got "${iso}"`);
  }
  return [y, mo, d];
}

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * `months` whole months after a date; a month-end date stays a month end (6/30 + 2 → 8/31), and
 * a day that does not exist in the target month becomes its last day.
 */
function addMonths([y, m, d]: [number, number, number], months: number): [number, number, number] {
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const monthEnd = d === daysIn(y, m);
  const nd = monthEnd ? daysIn(ny, nm) : Math.min(d, daysIn(ny, nm));
  return [ny, nm, nd];
}

/** Adds whole months and then a half month (15 days) for a "2½ months" period. */
function addMonthsAndHalf(date: [number, number, number], months: number): string {
  const whole = Math.floor(months);
  const [y, m, d] = addMonths(date, whole);
  if (months === whole) return iso(y, m, d);
  const t = new Date(Date.UTC(y, m - 1, d + 15));
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
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
