/** Tax year 2026 parameters. Plan limits: Notice 2025-67 (IR-2025-111); wage base: SSA. */
import { iraYear } from '../ira.js';
import type { YearParameters } from '../types.js';
import { statutoryPayroll, statutoryPlan } from './statutory.js';

export const y2026 = {
  year: 2026,
  plan: {
    electiveDeferralLimit: {
      value: 24_500,
      unit: 'usd',
      label: 'Elective deferral limit, per person across all plans (pre-tax + Roth)',
      citation: 'IRC 402(g)(1); Notice 2025-67 (IR-2025-111)',
      status: 'V',
    },
    catchUp50: {
      value: 8_000,
      unit: 'usd',
      label: 'Catch-up contribution limit, age 50 and over',
      citation: 'IRC 414(v)(2)(B)(i); Notice 2025-67 (IR-2025-111)',
      status: 'V',
    },
    catchUp60to63: {
      value: 11_250,
      unit: 'usd',
      label: 'Catch-up contribution limit, ages 60 to 63',
      citation: 'IRC 414(v)(2)(E); Notice 2025-67 (IR-2025-111)',
      status: 'V',
    },
    rothCatchUpWageThreshold: {
      value: 150_000,
      unit: 'usd',
      label:
        'Roth catch-up wage threshold: prior-year FICA wages from the plan sponsor above this make catch-ups Roth-only',
      citation: 'IRC 414(v)(7)(A) (SECURE 2.0 §603); Notice 2025-67 (IR-2025-111)',
      status: 'V2',
    },
    rothCatchUpRequired: {
      value: true,
      unit: 'bool',
      label: 'Catch-ups by participants above the wage threshold must be designated Roth',
      citation: 'IRC 414(v)(7)(A); Notice 2023-62; T.D. 10033',
      status: 'V2',
      note: 'In force for 2026 (good-faith compliance); final regulations T.D. 10033 apply to taxable years beginning after 12/31/2026. Threshold applies to 2025 FICA wages.',
    },
    deferral457Limit: {
      value: 24_500,
      unit: 'usd',
      label:
        'Deferral limit of an eligible 457(b) plan, per person across 457(b) plans; beside the 402(g) limit',
      citation: 'IRC 457(b)(2)(A), 457(e)(15); Notice 2025-67 (IR-2025-111)',
      status: 'V',
    },
    ltptConsecutiveYears: {
      value: 2,
      unit: 'years',
      label: 'Two consecutive 12-month periods of 500 hours (periods before 2023 disregarded)',
      citation: 'IRC 401(k)(2)(D)(ii) (SECURE 2.0 §125)',
      status: 'V2',
    },
    annualAdditionsLimit: {
      value: 72_000,
      unit: 'usd',
      label: 'Annual additions limit per employer (lesser of this or 100% of compensation)',
      citation: 'IRC 415(c)(1)(A); Notice 2025-67 (IR-2025-111)',
      status: 'V',
    },
    compensationLimit: {
      value: 360_000,
      unit: 'usd',
      label: 'Compensation limit for plan formulas and deductions',
      citation: 'IRC 401(a)(17), 404(l); Notice 2025-67 (IR-2025-111)',
      status: 'V2',
    },
    hceThreshold: {
      value: 160_000,
      unit: 'usd',
      label:
        'Highly compensated employee amount published for this year (applies to this year’s pay)',
      citation: 'IRC 414(q)(1)(B); Notice 2025-67 (IR-2025-111)',
      status: 'V2',
    },
    hceLookbackThreshold: {
      value: 160_000,
      unit: 'usd',
      label: 'Pay above this in the prior year makes an HCE for this plan year',
      citation:
        'IRC 414(q)(1)(B)(i); Notice 2024-80 (2025 HCE amount, applied to 2025 pay for the 2026 plan year)',
      status: 'V2',
    },
    keyEmployeeThreshold: {
      value: 235_000,
      unit: 'usd',
      label: 'Key employee (officer) compensation threshold',
      citation: 'IRC 416(i)(1)(A)(i); Notice 2025-67 (IR-2025-111)',
      status: 'V2',
    },
    definedBenefitLimit: {
      value: 290_000,
      unit: 'usd',
      label: 'Defined benefit annual benefit limit',
      citation: 'IRC 415(b)(1)(A); Notice 2025-67 (IR-2025-111)',
      status: 'V2',
    },
    iraLimit: {
      value: 7_500,
      unit: 'usd',
      label: 'IRA contribution limit',
      citation: 'IRC 219(b)(5)(A); Notice 2025-67 (IR-2025-111)',
      status: 'V',
    },
    iraCatchUp: {
      value: 1_100,
      unit: 'usd',
      label: 'IRA catch-up contribution, age 50 and over',
      citation:
        'IRC 219(b)(5)(B), 219(b)(5)(C)(iii) (indexed from 2024, SECURE 2.0 §108); Notice 2025-67 (IR-2025-111)',
      status: 'V',
      note: 'The first year the cost-of-living adjustment raises it above $1,000.',
    },
    ...statutoryPlan,
  },
  payroll: {
    socialSecurityWageBase: {
      value: 184_500,
      unit: 'usd',
      label: 'Social Security (OASDI) contribution and benefit base',
      citation:
        '42 U.S.C. 430; SSA, Cost-of-Living Increase and Other Determinations for 2026 (90 FR, 11/3/2025)',
      status: 'V',
    },
    ...statutoryPayroll,
  },
  ira: iraYear({
    source: 'Notice 2025-67 (IR-2025-111)',
    rothJoint: [242_000, 252_000],
    rothOther: [153_000, 168_000],
    deductionCoveredJoint: [129_000, 149_000],
    deductionCoveredOther: [81_000, 91_000],
    deductionSpouseCovered: [242_000, 252_000],
  }),
} as const satisfies YearParameters;
