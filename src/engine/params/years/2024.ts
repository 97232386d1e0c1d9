/** Tax year 2024 parameters. Plan limits: Notice 2023-75; wage base: SSA. */
import { iraYear } from '../ira.js';
import type { YearParameters } from '../types.js';
import { statutoryPayroll, statutoryPlan } from './statutory.js';

export const y2024 = {
  year: 2024,
  plan: {
    electiveDeferralLimit: {
      value: 23_000,
      unit: 'usd',
      label: 'Elective deferral limit, per person across all plans (pre-tax + Roth)',
      citation: 'IRC 402(g)(1); Notice 2023-75',
      status: 'V',
    },
    catchUp50: {
      value: 7_500,
      unit: 'usd',
      label: 'Catch-up contribution limit, age 50 and over',
      citation: 'IRC 414(v)(2)(B)(i); Notice 2023-75',
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
      note: 'Administrative transition (Notice 2023-62): pre-tax catch-ups by high earners treated as compliant through 12/31/2025.',
    },
    deferral457Limit: {
      value: 23_000,
      unit: 'usd',
      label:
        'Deferral limit of an eligible 457(b) plan, per person across 457(b) plans; beside the 402(g) limit',
      citation: 'IRC 457(b)(2)(A), 457(e)(15); Notice 2023-75',
      status: 'V',
    },
    ltptConsecutiveYears: {
      value: 3,
      unit: 'years',
      label: 'Three consecutive 12-month periods of 500 hours (periods before 2021 disregarded)',
      citation: 'IRC 401(k)(2)(D)(ii) (SECURE Act §112)',
      status: 'V2',
    },
    annualAdditionsLimit: {
      value: 69_000,
      unit: 'usd',
      label: 'Annual additions limit per employer (lesser of this or 100% of compensation)',
      citation: 'IRC 415(c)(1)(A); Notice 2023-75',
      status: 'V',
    },
    compensationLimit: {
      value: 345_000,
      unit: 'usd',
      label: 'Compensation limit for plan formulas and deductions',
      citation: 'IRC 401(a)(17), 404(l); Notice 2023-75',
      status: 'V2',
    },
    hceThreshold: {
      value: 155_000,
      unit: 'usd',
      label:
        'Highly compensated employee amount published for this year (applies to this year’s pay)',
      citation: 'IRC 414(q)(1)(B); Notice 2023-75',
      status: 'V2',
    },
    hceLookbackThreshold: {
      value: 150_000,
      unit: 'usd',
      label: 'Pay above this in the prior year makes an HCE for this plan year',
      citation:
        'IRC 414(q)(1)(B)(i); Notice 2022-55 (2023 HCE amount, applied to 2023 pay for the 2024 plan year)',
      status: 'V2',
    },
    keyEmployeeThreshold: {
      value: 220_000,
      unit: 'usd',
      label: 'Key employee (officer) compensation threshold',
      citation: 'IRC 416(i)(1)(A)(i); Notice 2023-75',
      status: 'V2',
    },
    definedBenefitLimit: {
      value: 275_000,
      unit: 'usd',
      label: 'Defined benefit annual benefit limit',
      citation: 'IRC 415(b)(1)(A); Notice 2023-75',
      status: 'V2',
    },
    iraLimit: {
      value: 7_000,
      unit: 'usd',
      label: 'IRA contribution limit',
      citation: 'IRC 219(b)(5)(A); Notice 2023-75',
      status: 'V',
    },
    iraCatchUp: {
      value: 1_000,
      unit: 'usd',
      label: 'IRA catch-up contribution, age 50 and over',
      citation: 'IRC 219(b)(5)(B); Notice 2023-75',
      status: 'V',
    },
    ...statutoryPlan,
  },
  payroll: {
    socialSecurityWageBase: {
      value: 168_600,
      unit: 'usd',
      label: 'Social Security (OASDI) contribution and benefit base',
      citation: '42 U.S.C. 430; SSA, Contribution and benefit base 2024 (88 FR 73704)',
      status: 'V',
    },
    ...statutoryPayroll,
  },
  ira: iraYear({
    source: 'Notice 2023-75 (IR-2023-203)',
    rothJoint: [230_000, 240_000],
    rothOther: [146_000, 161_000],
    deductionCoveredJoint: [123_000, 143_000],
    deductionCoveredOther: [77_000, 87_000],
    deductionSpouseCovered: [230_000, 240_000],
  }),
} as const satisfies YearParameters;
