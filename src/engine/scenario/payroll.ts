/**
 * The payroll of a W-2 job, for `megaroth paychecks`: when pay arrives (a frequency and first
 * pay date, or the pay dates themselves), the salary per pay period, bonuses, the year-to-date
 * figures of a pay stub, and the plan's rules for elections and match on each paycheck.
 * Dollars and percents as everywhere in the scenario (cents and exact rates once parsed).
 *
 * `payrollSchema` takes the scenario's own field types (`money`, `percent`, a date) so that
 * this file does not import `schema.ts` (which plugs it into the job with one line).
 */
import { z } from 'zod';
import type { Cents, Rate } from '../money.js';

/** How often a job pays. Semi-monthly pays on the 15th and on the last day of each month. */
export const PAY_FREQUENCIES = ['weekly', 'biweekly', 'semi-monthly', 'monthly'] as const;
export type PayFrequency = (typeof PAY_FREQUENCIES)[number];

/** The unit in which a plan takes elections: whole percents, tenths of a percent, or dollars. */
export const ELECTION_UNITS = ['percent', 'tenths', 'dollars'] as const;
export type ElectionUnit = (typeof ELECTION_UNITS)[number];

/** Most pay dates or bonuses in one job's year (a daily payroll would be 366). */
export const MAX_PAY_DATES = 366;

type Field<T> = z.ZodType<T>;

/** The payroll sub-schema, built from the scenario's field types. */
export function payrollSchema(t: {
  readonly money: Field<Cents>;
  readonly percent: Field<Rate>;
  readonly date: Field<string>;
}) {
  const { money, percent, date } = t;
  return z.strictObject({
    frequency: z
      .enum(PAY_FREQUENCIES, {
        error: 'must be one of weekly, biweekly, semi-monthly, monthly',
      })
      .optional()
      .describe('How often the job pays (with firstPayDate); or give payDates instead'),
    firstPayDate: date
      .optional()
      .describe(
        'The first pay date of the job in the tax year (semi-monthly: a 15th or a month end)',
      ),
    lastPayDate: date
      .optional()
      .describe('The last pay date of a job that ends during the year (default: the year end)'),
    payDates: z
      .array(date)
      .min(1, 'list at least one pay date')
      .max(MAX_PAY_DATES, `at most ${String(MAX_PAY_DATES)} pay dates`)
      .optional()
      .describe('Every pay date of the year, instead of frequency and firstPayDate'),
    salaryPerPeriod: money.describe('Gross salary on each paycheck'),
    bonuses: z
      .array(
        z.strictObject({
          date: date.describe('Pay date of the bonus (on a regular pay date it joins that check)'),
          amount: money.describe('Gross bonus'),
          electionsApply: z
            .boolean({ error: 'expected true or false' })
            .default(true)
            .describe('Whether deferral and after-tax elections apply to the bonus'),
        }),
      )
      .max(MAX_PAY_DATES, `at most ${String(MAX_PAY_DATES)} bonuses`)
      .prefault([]),
    yearToDate: z
      .strictObject({
        asOf: date.describe('The pay date of the pay stub; paychecks after it are planned'),
        compensation: money.describe('Gross pay so far this year (Medicare wages)'),
        preTax: money.prefault(0).describe('Pre-tax deferrals so far, without catch-up'),
        roth: money.prefault(0).describe('Roth deferrals so far, without catch-up'),
        catchUp: money.prefault(0).describe('Catch-up contributions so far (pre-tax or Roth)'),
        afterTax: money.prefault(0).describe('After-tax contributions so far'),
        match: money.prefault(0).describe('Employer match so far'),
      })
      .optional()
      .describe('Figures from the latest pay stub; without it the whole year is planned'),
    elections: z
      .strictObject({
        unit: z
          .enum(ELECTION_UNITS, { error: 'must be one of percent, tenths, dollars' })
          .default('percent')
          .describe('Elections in whole percents, tenths of a percent, or dollars per paycheck'),
        maxAfterTaxPercent: percent
          .optional()
          .describe('The most after-tax percent of pay the plan takes per paycheck'),
        afterTaxStopsAt415c: z
          .boolean({ error: 'expected true or false' })
          .default(false)
          .describe('The plan stops after-tax contributions at the 415(c) limit by itself'),
        cutoffDays: z
          .number({ error: 'expected a number of days' })
          .int('must be a whole number')
          .min(0, 'must be from 0 to 60')
          .max(60, 'must be from 0 to 60')
          .default(7)
          .describe('Days before a pay date by which an election change must be entered'),
      })
      .prefault({}),
    match: z
      .strictObject({
        basis: z
          .enum(['per-period', 'annual-true-up'], {
            error: 'must be per-period or annual-true-up',
          })
          .default('per-period')
          .describe(
            'per-period: match on each paycheck only; annual-true-up: topped up after the year',
          ),
        capPerPeriod: money.optional().describe('The most match on one paycheck, dollars'),
      })
      .prefault({}),
  });
}

export type PayrollSchema = ReturnType<typeof payrollSchema>;
export type Payroll = z.output<PayrollSchema>;
