/**
 * The paychecks of a job in the tax year: its pay dates (from a frequency and the first pay
 * date, or listed), the salary on each, and the bonuses, joined to a pay date they fall on.
 * Semi-monthly pay falls on the 15th and the last day of each month.
 */
import { addDays, addMonths, daysIn, isoDate, yearOf, type IsoDate } from '../dates.js';
import { InputError, type InputIssue } from '../errors.js';
import type { Cents } from '../money.js';
import type { Payroll } from '../scenario/payroll.js';

/** One paycheck: its date, gross pay, and the pay that deferral and after-tax elections apply to. */
export interface Paycheck {
  readonly date: IsoDate;
  readonly salary: Cents;
  readonly bonus: Cents;
  readonly gross: Cents;
  readonly electionPay: Cents;
}

const STEP_DAYS = { weekly: 7, biweekly: 14 } as const;

/** The pay dates of the year, or the issues with the dates given. */
export function payDatesOf(pr: Payroll, year: number, at: string): IsoDate[] {
  const issues: InputIssue[] = [];
  const inYear = (d: string | undefined, path: string): void => {
    if (d !== undefined && yearOf(d) !== year)
      issues.push({
        path: `${at}.${path}`,
        message: `must be a date in the tax year ${String(year)}`,
      });
  };
  inYear(pr.firstPayDate, 'firstPayDate');
  inYear(pr.lastPayDate, 'lastPayDate');
  inYear(pr.yearToDate?.asOf, 'yearToDate.asOf');
  pr.payDates?.forEach((d, i) => {
    inYear(d, `payDates[${String(i)}]`);
  });
  pr.bonuses.forEach((b, i) => {
    inYear(b.date, `bonuses[${String(i)}].date`);
  });
  let dates: IsoDate[] = [];
  if (pr.payDates !== undefined) {
    if (pr.frequency !== undefined || pr.firstPayDate !== undefined)
      issues.push({
        path: `${at}.payDates`,
        message: 'give either payDates or frequency with firstPayDate, not both',
      });
    const seen = new Set<string>();
    pr.payDates.forEach((d, i) => {
      if (seen.has(d))
        issues.push({ path: `${at}.payDates[${String(i)}]`, message: `${d} is listed twice` });
      seen.add(d);
    });
    dates = [...seen];
  } else if (pr.frequency === undefined || pr.firstPayDate === undefined) {
    issues.push({
      path: `${at}.${pr.frequency === undefined ? 'frequency' : 'firstPayDate'}`,
      message: 'give frequency and firstPayDate, or payDates',
    });
  } else if (issues.length === 0) {
    const first = pr.firstPayDate;
    const end = pr.lastPayDate ?? isoDate(year, 12, 31);
    if (end < first)
      issues.push({
        path: `${at}.lastPayDate`,
        message: `must not be before firstPayDate ${first}`,
      });
    const day = Number(first.slice(8, 10));
    const month = Number(first.slice(5, 7));
    if (pr.frequency === 'semi-monthly' && day !== 15 && day !== daysIn(year, month))
      issues.push({
        path: `${at}.firstPayDate`,
        message:
          'semi-monthly pay falls on the 15th and the last day of the month: give one of them',
      });
    dates = generate(pr.frequency, first, end, year);
  }
  if (pr.lastPayDate !== undefined && pr.payDates !== undefined)
    dates = dates.filter((d) => d <= (pr.lastPayDate ?? d));
  if (issues.length > 0) throw new InputError(issues);
  return dates.sort();
}

function generate(
  frequency: NonNullable<Payroll['frequency']>,
  first: IsoDate,
  end: IsoDate,
  year: number,
): IsoDate[] {
  const out: IsoDate[] = [];
  if (frequency === 'weekly' || frequency === 'biweekly') {
    for (let d = first; d <= end; d = addDays(d, STEP_DAYS[frequency])) out.push(d);
  } else if (frequency === 'monthly') {
    for (let i = 0; i < 12; i++) {
      const d = addMonths(first, i, { keepMonthEnd: true });
      if (d <= end && yearOf(d) === year) out.push(d);
    }
  } else {
    for (let m = 1; m <= 12; m++) {
      for (const d of [isoDate(year, m, 15), isoDate(year, m, daysIn(year, m))])
        if (d >= first && d <= end) out.push(d);
    }
  }
  return out;
}

/** The paychecks of the year: salary on each pay date, bonuses joined to their date. */
export function paychecksOf(pr: Payroll, year: number, at: string): Paycheck[] {
  const dates = payDatesOf(pr, year, at);
  const byDate = new Map<IsoDate, { salary: Cents; bonus: Cents; electionBonus: Cents }>();
  for (const d of dates) byDate.set(d, { salary: pr.salaryPerPeriod, bonus: 0, electionBonus: 0 });
  for (const b of pr.bonuses) {
    const c = byDate.get(b.date) ?? { salary: 0, bonus: 0, electionBonus: 0 };
    byDate.set(b.date, {
      salary: c.salary,
      bonus: c.bonus + b.amount,
      electionBonus: c.electionBonus + (b.electionsApply ? b.amount : 0),
    });
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, c]) => ({
      date,
      salary: c.salary,
      bonus: c.bonus,
      gross: c.salary + c.bonus,
      electionPay: c.salary + c.electionBonus,
    }));
}
