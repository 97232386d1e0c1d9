/**
 * Figures fixed by statute rather than by a yearly notice; every year file spreads them in so
 * each year still has every key (checked by tests/params-parity.test.ts).
 */
import type { PayrollTax, PlanLimits } from '../types.js';

export const statutoryPlan = {
  catchUpAge: {
    value: 50,
    unit: 'age',
    label: 'Catch-up eligibility: age attained by December 31',
    citation: 'IRC 414(v)(5)(A)',
    status: 'V',
  },
  superCatchUpFirstAge: {
    value: 60,
    unit: 'age',
    label: 'First age of the ages 60-63 catch-up (attained by December 31)',
    citation: 'IRC 414(v)(2)(E)(i) (SECURE 2.0 §109)',
    status: 'V2',
  },
  superCatchUpLastAge: {
    value: 63,
    unit: 'age',
    label: 'Last age of the ages 60-63 catch-up; at 64 the regular catch-up applies again',
    citation: 'IRC 414(v)(2)(E)(i) (SECURE 2.0 §109)',
    status: 'V2',
  },
  special457CatchUpMultiple: {
    value: 2,
    unit: 'rate',
    label:
      'Special 457(b) catch-up: the limit in the last three years before normal retirement age is at most twice the 457(e)(15) amount',
    citation: 'IRC 457(b)(3)(A); Treas. Reg. 1.457-4(c)(3)(i)',
    status: 'V',
  },
  special457CatchUpYears: {
    value: 3,
    unit: 'years',
    label:
      'Special 457(b) catch-up: the taxable years ending before the year of normal retirement age in which it applies',
    citation: 'IRC 457(b)(3); Treas. Reg. 1.457-4(c)(3)(i)',
    status: 'V',
  },
  yearOfServiceHours: {
    value: 1_000,
    unit: 'hours',
    label: 'Hours of service in a 12-month period that make a year of service for eligibility',
    citation: 'IRC 410(a)(3)(A)',
    status: 'V',
  },
  minimumParticipationAge: {
    value: 21,
    unit: 'age',
    label: 'The oldest minimum age a plan may require before an employee participates',
    citation: 'IRC 410(a)(1)(A)(i)',
    status: 'V',
  },
  ltptHours: {
    value: 500,
    unit: 'hours',
    label: 'Hours a year that count toward long-term part-time eligibility to defer',
    citation: 'IRC 401(k)(2)(D)(ii)',
    status: 'V',
  },
  profitSharingDeductionRate: {
    value: 0.25,
    unit: 'rate',
    label: 'Employer deduction limit for profit-sharing / stock bonus plans, share of compensation',
    citation: 'IRC 404(a)(3)(A)(i); IRS Pub 560 ch. 4',
    status: 'V',
  },
} as const satisfies Partial<PlanLimits>;

export const statutoryPayroll = {
  seOasdiRate: {
    value: 0.124,
    unit: 'rate',
    label: 'Self-employment tax, old-age, survivors and disability part',
    citation: 'IRC 1401(a); Schedule SE line 10',
    status: 'V',
  },
  seMedicareRate: {
    value: 0.029,
    unit: 'rate',
    label: 'Self-employment tax, hospital insurance (Medicare) part, no cap',
    citation: 'IRC 1401(b)(1); Schedule SE line 11',
    status: 'V',
  },
  seNetEarningsFactor: {
    value: 0.9235,
    unit: 'rate',
    label: 'Net earnings from self-employment factor (1 − 7.65%)',
    citation: 'IRC 1402(a)(12); Schedule SE line 4a',
    status: 'V',
  },
  seMinimumNetEarnings: {
    value: 400,
    unit: 'usd',
    label: 'No self-employment tax when net earnings are less than this',
    citation: 'IRC 1402(b); Schedule SE line 4c',
    status: 'V',
  },
  seDeductibleShare: {
    value: 0.5,
    unit: 'rate',
    label: 'Deductible part of self-employment tax',
    citation: 'IRC 164(f); Schedule SE line 13; Schedule 1 line 15',
    status: 'V',
  },
  employerOasdiRate: {
    value: 0.062,
    unit: 'rate',
    label: "Employer's Social Security (OASDI) tax on wages up to the wage base",
    citation: 'IRC 3111(a), 3121(a)(1); Form 941 line 5a',
    status: 'V',
  },
  employerMedicareRate: {
    value: 0.0145,
    unit: 'rate',
    label: "Employer's Medicare (hospital insurance) tax on all wages",
    citation: 'IRC 3111(b); Form 941 line 5c',
    status: 'V',
  },
  additionalMedicareRate: {
    value: 0.009,
    unit: 'rate',
    label: 'Additional Medicare Tax rate on wages and SE income above the threshold',
    citation: 'IRC 3101(b)(2), 1401(b)(2); Form 8959',
    status: 'V',
  },
  additionalMedicareThreshold: {
    single: {
      value: 200_000,
      unit: 'usd',
      label: 'Additional Medicare Tax threshold, single (not indexed)',
      citation: 'IRC 3101(b)(2)(C), 1401(b)(2)(A); Form 8959',
      status: 'V',
    },
    mfj: {
      value: 250_000,
      unit: 'usd',
      label: 'Additional Medicare Tax threshold, married filing jointly (not indexed)',
      citation: 'IRC 3101(b)(2)(A), 1401(b)(2)(A); Form 8959',
      status: 'V',
    },
    mfs: {
      value: 125_000,
      unit: 'usd',
      label: 'Additional Medicare Tax threshold, married filing separately (not indexed)',
      citation: 'IRC 3101(b)(2)(B), 1401(b)(2)(A); Form 8959',
      status: 'V',
    },
    hoh: {
      value: 200_000,
      unit: 'usd',
      label: 'Additional Medicare Tax threshold, head of household (not indexed)',
      citation: 'IRC 3101(b)(2)(C), 1401(b)(2)(A); Form 8959',
      status: 'V',
    },
    qss: {
      value: 200_000,
      unit: 'usd',
      label:
        'Additional Medicare Tax threshold, qualifying surviving spouse ("any other case", not indexed)',
      citation: 'IRC 3101(b)(2)(C), 1401(b)(2)(A); Form 8959 instructions',
      status: 'V',
    },
  },
} as const satisfies Partial<PayrollTax>;
