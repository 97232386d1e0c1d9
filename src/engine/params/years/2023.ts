/** Tax year 2023 parameters. Plan limits: Notice 2022-55; wage base: SSA. */
import { iraYear } from '../ira.js';
import type { YearParameters } from '../types.js';
import { statutoryPayroll, statutoryPlan } from './statutory.js';

export const y2023 = {
  year: 2023,
  plan: {
    electiveDeferralLimit: {
      value: 22_500,
      unit: 'usd',
      label: 'Elective deferral limit, per person across all plans (pre-tax + Roth)',
      citation: 'IRC 402(g)(1); Notice 2022-55',
      status: 'V',
    },
    catchUp50: {
      value: 7_500,
      unit: 'usd',
      label: 'Catch-up contribution limit, age 50 and over',
      citation: 'IRC 414(v)(2)(B)(i); Notice 2022-55',
      status: 'V',
    },
    catchUp60to63: {
      value: null,
      unit: 'usd',
      label: 'Catch-up contribution limit, ages 60 to 63',
      citation: 'IRC 414(v)(2)(E) (SECURE 2.0 §109), effective for taxable years after 12/31/2024',
      status: 'V',
      note: 'Not available before 2025; the regular catch-up applies at ages 60-63.',
    },
    rothCatchUpWageThreshold: {
      value: 145_000,
      unit: 'usd',
      label:
        'Roth catch-up wage threshold: prior-year FICA wages from the plan sponsor above this make catch-ups Roth-only',
      citation: 'IRC 414(v)(7)(A) (SECURE 2.0 §603); SECURE 2.0 §603 (statutory $145,000)',
      status: 'V2',
    },
    rothCatchUpRequired: {
      value: false,
      unit: 'bool',
      label: 'Catch-ups by participants above the wage threshold must be designated Roth',
      citation: 'IRC 414(v)(7)(A); Notice 2023-62; T.D. 10033',
      status: 'V2',
      note: 'SECURE 2.0 §603 applies to taxable years beginning after 12/31/2023; no Roth catch-up rule for 2023.',
    },
    deferral457Limit: {
      value: 22_500,
      unit: 'usd',
      label:
        'Deferral limit of an eligible 457(b) plan, per person across 457(b) plans; beside the 402(g) limit',
      citation: 'IRC 457(b)(2)(A), 457(e)(15); Notice 2022-55',
      status: 'V',
    },
    ltptConsecutiveYears: {
      value: null,
      unit: 'years',
      label:
        'Not yet in force: the first plan years with long-term part-time employees begin in 2024 (12-month periods before 2021 are disregarded)',
      citation: 'IRC 401(k)(2)(D); SECURE Act §112(b)',
      status: 'V2',
    },
    annualAdditionsLimit: {
      value: 66_000,
      unit: 'usd',
      label: 'Annual additions limit per employer (lesser of this or 100% of compensation)',
      citation: 'IRC 415(c)(1)(A); Notice 2022-55',
      status: 'V',
    },
    compensationLimit: {
      value: 330_000,
      unit: 'usd',
      label: 'Compensation limit for plan formulas and deductions',
      citation: 'IRC 401(a)(17), 404(l); Notice 2022-55',
      status: 'V2',
    },
    hceThreshold: {
      value: 150_000,
      unit: 'usd',
      label:
        'Highly compensated employee amount published for this year (applies to this year’s pay)',
      citation: 'IRC 414(q)(1)(B); Notice 2022-55',
      status: 'V2',
    },
    hceLookbackThreshold: {
      value: 135_000,
      unit: 'usd',
      label: 'Pay above this in the prior year makes an HCE for this plan year',
      citation:
        'IRC 414(q)(1)(B)(i); Notice 2021-61 (2022 HCE amount, applied to 2022 pay for the 2023 plan year)',
      status: 'V2',
    },
    keyEmployeeThreshold: {
      value: 215_000,
      unit: 'usd',
      label: 'Key employee (officer) compensation threshold',
      citation: 'IRC 416(i)(1)(A)(i); Notice 2022-55',
      status: 'V2',
    },
    definedBenefitLimit: {
      value: 265_000,
      unit: 'usd',
      label: 'Defined benefit annual benefit limit',
      citation: 'IRC 415(b)(1)(A); Notice 2022-55',
      status: 'V2',
    },
    iraLimit: {
      value: 6_500,
      unit: 'usd',
      label: 'IRA contribution limit',
      citation: 'IRC 219(b)(5)(A); Notice 2022-55',
      status: 'V',
    },
    iraCatchUp: {
      value: 1_000,
      unit: 'usd',
      label: 'IRA catch-up contribution, age 50 and over',
      citation: 'IRC 219(b)(5)(B); Notice 2022-55',
      status: 'V',
    },
    ...statutoryPlan,
  },
  payroll: {
    socialSecurityWageBase: {
      value: 160_200,
      unit: 'usd',
      label: 'Social Security (OASDI) contribution and benefit base',
      citation: '42 U.S.C. 430; SSA, Contribution and benefit base 2023 (87 FR 64296)',
      status: 'V',
    },
    ...statutoryPayroll,
  },
  ira: iraYear({
    source: 'Notice 2022-55 (IR-2022-188)',
    rothJoint: [218_000, 228_000],
    rothOther: [138_000, 153_000],
    deductionCoveredJoint: [116_000, 136_000],
    deductionCoveredOther: [73_000, 83_000],
    deductionSpouseCovered: [218_000, 228_000],
  }),
} as const satisfies YearParameters;
