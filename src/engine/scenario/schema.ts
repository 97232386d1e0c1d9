/**
 * The scenario file model (version 1): a household's tax year, people, jobs, controlled groups
 * and plans. Validated with zod; unknown keys are errors so a misspelled field is caught.
 *
 * Money is converted at the edge: the file (`ScenarioInput`) gives dollars (at most 2 decimals,
 * at most `MAX_AMOUNT`) and percents (0 to 100, at most `PERCENT_PLACES` decimals); the parsed
 * `Scenario` holds integer cents (`Cents`) and exact rates (`Rate`: a percent of 4.5 is 9/200),
 * under the same field names, so the engine does no dollar or percent arithmetic.
 */
import { z } from 'zod';
import {
  dollarsToCents,
  MAX_AMOUNT,
  maxAmountMessage,
  PERCENT_PLACES,
  percentToRate,
  type Cents,
  type Rate,
} from '../money.js';
import { FILING_STATUSES } from '../tax/filing-status.js';
import { payrollSchema } from './payroll.js';
import { acpBlock } from './acp.js';
import { assumptionsSchema, retirementAge } from './assumptions.js';
import { acceptsIraRollIns, irasSchema } from './iras.js';

export const SCENARIO_VERSION = 1;

/** Most jobs, plans or controlled groups in a scenario (keeps every sum of amounts exact). */
export const MAX_LIST = 50;
/** Most deferral elections or match tiers in one plan. */
export const MAX_TIERS = 10;

const maxDollars = MAX_AMOUNT / 100;

/** Dollars ≥ 0 with at most two decimals, up to `MAX_AMOUNT` (the checks, as written). */
const dollars = z
  .number({ error: 'expected an amount in dollars (a number, e.g. 12000.50)' })
  .min(0, 'must not be negative')
  .max(maxDollars, maxAmountMessage())
  .refine(
    (n) => n > maxDollars || dollarsToCents(n) !== undefined,
    'must be dollars with at most 2 decimals',
  );

/** Checked dollars in integer cents (exact: the checks refused anything else). */
const toCents = (n: number): Cents => dollarsToCents(n) ?? 0;

/**
 * An amount of money: dollars in the file, integer cents once parsed. A value is refused,
 * never rounded: 1.005 has a fraction of a cent.
 */
export const money = dollars.transform(toCents);

/** A percent from 0 to 100 with at most `PERCENT_PLACES` decimals, read as an exact rate. */
export const percent = z
  .number({ error: 'expected a percent (a number from 0 to 100)' })
  .min(0, 'must be from 0 to 100')
  .max(100, 'must be from 0 to 100')
  .refine(
    (n) => percentToRate(n) !== undefined,
    `must have at most ${String(PERCENT_PLACES)} decimals`,
  )
  .transform((n): Rate => percentToRate(n) ?? { num: 0, den: 1 });

const id = z
  .string({ error: 'expected an identifier (text)' })
  .min(1, 'must not be empty')
  .max(80, 'must be at most 80 characters');

const isoDate = z
  .string({ error: 'expected a date as YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'not a real calendar date');

/**
 * An election: a dollar amount, a percent of pay, or "max" (the most the limits allow). The
 * amount is converted after the union, so that a refused amount is reported as such (a union
 * reports the problem of the one option whose type matched, unless that option transformed).
 */
export const election = z
  .union(
    [
      z.literal('max'),
      dollars,
      z.strictObject({ percent: percent.describe('Percent of plan compensation') }),
    ],
    { error: 'expected "max", an amount in dollars, or { percent: N }' },
  )
  .transform((e) => (typeof e === 'number' ? toCents(e) : e));

export const filingStatus = z.enum(FILING_STATUSES, {
  error:
    'must be one of single, mfj (married filing jointly), mfs (married filing separately), hoh (head of household), qss (qualifying surviving spouse)',
});

export const person = z.strictObject({
  id: id.describe('Unique id used by jobs'),
  name: z.string().optional(),
  birthDate: isoDate.describe('Date of birth; age is taken at December 31 of the tax year'),
  retirementAge: retirementAge.optional(),
  iras: irasSchema(money).optional(),
});

export const jobType = z.enum(['w2', 'schedule-c', 's-corp'], {
  error:
    'must be one of w2 (employee), schedule-c (sole proprietor or partner), s-corp (owner-employee paid W-2 wages)',
});

export const job = z.strictObject({
  id: id.describe('Unique id used by plans'),
  person: id.describe('Id of the person who holds the job'),
  employer: id.describe(
    'Employer name; jobs with the same employer share one 415(c) limit. For a business: its name',
  ),
  type: jobType,
  wages: money
    .optional()
    .describe('w2 / s-corp: gross W-2 pay for the year including deferrals (Medicare wages)'),
  socialSecurityWages: money
    .optional()
    .describe('W-2 box 3 Social Security wages; default: wages capped at the wage base'),
  netProfit: money
    .optional()
    .describe('schedule-c: net profit (Schedule C line 31 or K-1 box 14 code A)'),
  profitBeforePayroll: money
    .optional()
    .describe(
      'schedule-c, instead of netProfit: the profit before the wages, employer payroll tax and employer plan contributions of the household members on the payroll; the engine takes them out',
    ),
  ownershipPercent: percent
    .optional()
    .describe(
      'Share of the employer the person owns: any job (a C corporation, S corporation, partnership or sole proprietorship); schedule-c and s-corp default 100, w2 default 0',
    ),
  familyOwnershipPercent: percent
    .optional()
    .describe(
      "Share of the employer owned by the person's children, grandchildren and parents (attributed to the person, IRC 318(a)(1)); the spouse's share comes from the spouse's own job",
    ),
  priorYearCompensation: money
    .optional()
    .describe(
      'Compensation from this employer in the prior year (IRC 414(q)(4), 415(c)(3)): wages, or a partner’s or sole proprietor’s earned income; for the HCE test (default: priorYearFicaWages)',
    ),
  nonOwnerEmployees: z
    .number()
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .optional()
    .describe(
      'Employees of the business other than owners and their spouses (solo 401(k) needs 0)',
    ),
  employees: z
    .array(
      z.strictObject({
        age: z
          .number({ error: 'expected an age (a whole number)' })
          .int('must be a whole number')
          .min(14, 'must be from 14 to 120')
          .max(120, 'must be from 14 to 120')
          .optional()
          .describe('Age at December 31 (unknown: taken as old enough to be covered)'),
        hours: z
          .array(
            z
              .number({ error: 'expected hours (a whole number)' })
              .int('must be a whole number')
              .min(0, 'must not be negative')
              .max(8784, 'at most 8,784 (every hour of a year)'),
          )
          .min(1, 'give at least this year’s hours')
          .max(3, 'at most three years')
          .describe(
            'Hours of service by year: this year first, then last year, then the year before',
          ),
      }),
    )
    .max(MAX_LIST, `at most ${String(MAX_LIST)} employees`)
    .optional()
    .describe(
      'Employees of the business other than owners and their spouses, by hours: decides whether a solo 401(k) is possible (the 1,000-hour rule and long-term part-time employees)',
    ),
  priorYearFicaWages: money
    .optional()
    .describe(
      'FICA wages (W-2 box 3) from this employer in the prior year, for the Roth catch-up rule',
    ),
  payroll: payrollSchema({ money, percent, date: isoDate })
    .optional()
    .describe('w2: pay dates, pay stub and plan rules per paycheck, for megaroth paychecks'),

  endDate: isoDate
    .optional()
    .describe(
      'Separation from this employer, if planned before retirement: Roth-lite money leaves its plan that year',
    ),
});

export const matchTier = z.strictObject({
  rate: percent.describe('Percent of the deferral that is matched in this tier'),
  upToPercent: percent.describe(
    'Deferrals up to this percent of pay (cumulative) are matched at this tier’s rate',
  ),
});

export const afterTax = z.strictObject({
  allowed: z.boolean({ error: 'expected true or false' }),
  capPercent: percent.optional().describe('Plan cap on after-tax contributions, percent of pay'),
  capAmount: money.optional().describe('Plan cap on after-tax contributions, dollars'),
  amount: election.optional().describe('How much after-tax money you plan to put in (default max)'),
});

export const acpAssumption = acpBlock(percent);

export const cashBalance = z.strictObject({
  contribution: money.describe("The year's cash balance (DB) contribution the plan's actuary set"),
  minimumRequired: money
    .prefault(0)
    .describe('The DB minimum required contribution (IRC 430), from the actuary'),
  maximumDeductible: money
    .optional()
    .describe("The DB plan's own deduction limit (IRC 404(o)); default: the contribution"),
  pbgcCovered: z.boolean().default(false).describe('The DB plan is covered by PBGC insurance'),
});

export const deferral = z.strictObject({
  type: z.enum(['pre-tax', 'roth'], { error: 'must be pre-tax or roth' }),
  amount: election,
});

export const planType = z.enum(['401k', '403b', '457b', 'solo-401k'], {
  error: 'must be one of 401k, 403b, 457b, solo-401k',
});

/** The special catch-up of a 457(b) plan in the last years before normal retirement age. */
export const specialCatchUp = z.strictObject({
  normalRetirementAge: z
    .number({ error: 'expected an age (a whole number)' })
    .int('must be a whole number')
    .min(40, 'must be from 40 to 75')
    .max(75, 'must be from 40 to 75')
    .describe("The plan's normal retirement age as the participant has designated it"),
  underusedLimit: money.describe(
    'The 457(b) limit not used in prior years the participant was eligible (the plan keeps the record)',
  ),
});

export const plan = z.strictObject({
  id: id,
  job: id.describe('Id of the job whose employer sponsors the plan'),
  type: planType,
  deferrals: z
    .array(deferral)
    .max(MAX_TIERS, `at most ${String(MAX_TIERS)} elections`)
    .prefault([])
    .describe('Elective deferral elections, filled in order'),
  governmental: z
    .boolean({ error: 'expected true or false' })
    .optional()
    .describe(
      '457b only (required): true for a plan of a state or local government, false for a tax-exempt organization',
    ),
  specialCatchUp: specialCatchUp
    .optional()
    .describe(
      '457b only: the special catch-up in the last three years before normal retirement age (IRC 457(b)(3))',
    ),
  rothDeferralsAllowed: z.boolean().default(true),
  catchUpAllowed: z.boolean().default(true),
  superCatchUpAllowed: z.boolean().default(true).describe('Plan offers the ages 60-63 catch-up'),
  match: z
    .array(matchTier)
    .max(MAX_TIERS, `at most ${String(MAX_TIERS)} tiers`)
    .prefault([])
    .describe('Match tiers, e.g. 100% up to 3%, 50% up to 5%'),
  matchesCatchUp: z.boolean().default(true),
  matchCapAmount: money.optional().describe('Dollar cap on the match per year'),
  nonelectivePercent: percent.prefault(0).describe('Employer nonelective / profit-sharing percent'),
  nonelectiveAmount: money
    .optional()
    .describe('Employer nonelective money as dollars for the year, added to nonelectivePercent'),
  employerContribution: election
    .optional()
    .describe('solo-401k: the employer (profit-sharing) contribution for the owner; default max'),
  planRate: percent
    .optional()
    .describe('solo-401k: plan contribution rate for a self-employed owner (default 25)'),
  afterTax: afterTax.prefault({ allowed: false }),
  inPlanConversion: z
    .enum(['none', 'on-request', 'automatic'], {
      error: 'must be one of none, on-request, automatic',
    })
    .default('none'),
  inServiceAfterTaxWithdrawal: z.boolean().default(false),
  separateAfterTaxAccount: z
    .boolean()
    .optional()
    .describe(
      'true: the plan keeps after-tax contributions as their own source (IRC 72(d)(2)); false: it pools them with the account (IRC 72(e)(8)); not given: its own source, as nearly every plan keeps it',
    ),
  cashBalance: cashBalance
    .optional()
    .describe('solo-401k: a cash balance plan of the same business covering this participant'),
  acp: acpAssumption
    .optional()
    .describe('ACP test assumption, to estimate the refund of after-tax money for an HCE'),
  acceptsIraRollIns,
});

export const scenario = z.strictObject({
  version: z.literal(SCENARIO_VERSION, { error: `must be ${String(SCENARIO_VERSION)}` }),
  name: z.string().optional(),
  taxYear: z.number({ error: 'expected a tax year' }).int('expected a whole year'),
  filingStatus,
  people: z
    .array(person)
    .min(1, 'list at least one person')
    .max(MAX_LIST, 'a household has one or two people (a person and a spouse)'),
  jobs: z
    .array(job)
    .max(MAX_LIST, `at most ${String(MAX_LIST)} jobs`)
    .prefault([]),
  controlledGroups: z
    .array(
      z
        .array(id)
        .min(2, 'a controlled group lists at least two employers')
        .max(MAX_LIST, `at most ${String(MAX_LIST)} employers`),
    )
    .max(MAX_LIST, `at most ${String(MAX_LIST)} controlled groups`)
    .prefault([])
    .describe('Employers that form one controlled or affiliated service group (one 415(c) limit)'),
  plans: z
    .array(plan)
    .max(MAX_LIST, `at most ${String(MAX_LIST)} plans`)
    .prefault([]),
  assumptions: assumptionsSchema({ money }).optional(),
});

export type ScenarioInput = z.input<typeof scenario>;
export type Scenario = z.output<typeof scenario>;
export type Person = Scenario['people'][number];
export type Job = Scenario['jobs'][number];
export type Plan = Scenario['plans'][number];
export type Election = z.output<typeof election>;
export type MatchTier = z.output<typeof matchTier>;
