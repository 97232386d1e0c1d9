/**
 * Statutory constants of the ACP nondiscrimination test (IRC 401(m); Treas. Reg. 1.401(m)-2),
 * of HCE determination (IRC 414(q)) and of correcting excess aggregate contributions (IRC
 * 401(m)(6), 4979). Fixed by statute or regulation, not by a yearly notice; dollar thresholds
 * (the HCE amount, the 401(a)(17) limit) stay in the year files (`paramsFor(Y).plan`).
 *
 * Ratios are kept as integers in hundredths of a percent ("basis points", bps): 1.00% = 100.
 */
import type { Constant } from './distributions.js';

export const acpConstants = {
  basicMultiplierPercent: {
    value: 125,
    unit: 'rate',
    label: 'Basic limit: HCE ACP may be up to 1.25 times the NHCE ACP (value in percent: 125)',
    citation: 'IRC 401(m)(2)(A)(i); Treas. Reg. 1.401(m)-2(a)(1)(i)(A)',
    status: 'V',
  },
  alternativeMultiplier: {
    value: 2,
    unit: 'rate',
    label: 'Alternative limit: HCE ACP may be up to 2 times the NHCE ACP ...',
    citation: 'IRC 401(m)(2)(A)(ii); Treas. Reg. 1.401(m)-2(a)(1)(i)(B)',
    status: 'V',
  },
  alternativeSpreadBps: {
    value: 200,
    unit: 'rate',
    label: '... and no more than 2 percentage points above it (200 hundredths of a percent)',
    citation: 'IRC 401(m)(2)(A)(ii); Treas. Reg. 1.401(m)-2(a)(1)(i)(B)',
    status: 'V',
  },
  firstYearDeemedNhceAcpBps: {
    value: 300,
    unit: 'rate',
    label:
      'First plan year under prior-year testing: the NHCE ACP is deemed 3% (300 hundredths of a percent)',
    citation: 'IRC 401(m)(3) (last sentence); Treas. Reg. 1.401(m)-2(c)(2)',
    status: 'V2',
  },
  ratioPlaces: {
    value: 2,
    unit: 'places',
    label: 'ACRs and ACPs are computed to the nearest hundredth of a percentage point',
    citation: 'Treas. Reg. 1.401(m)-2(a)(2)(i), (a)(3)(i); IRS 401(k) Plan Fix-It Guide',
    status: 'V2',
  },
  ownerPercent: {
    value: 5,
    unit: 'rate',
    label:
      'A 5% owner (owns MORE than 5%) in the plan year or the look-back year is an HCE (percent)',
    citation: 'IRC 414(q)(1)(A), 416(i)(1)(B)(i)',
    status: 'V',
  },
  topPaidGroupPercent: {
    value: 20,
    unit: 'rate',
    label:
      'Top-paid group election: only employees in the top 20% by look-back-year pay are HCEs by pay (percent)',
    citation: 'IRC 414(q)(1)(B)(ii), 414(q)(3); Treas. Reg. 1.414(q)-1T Q&A-9',
    status: 'V2',
  },
  exciseTaxMonths: {
    value: 2.5,
    unit: 'months',
    label:
      'Distribute excess aggregate contributions within 2½ months after the plan year ends to avoid the excise tax',
    citation: 'IRC 4979(f)(1); Treas. Reg. 54.4979-1; Form 5330 instructions',
    status: 'V2',
  },
  exciseTaxMonthsEaca: {
    value: 6,
    unit: 'months',
    label: 'The same deadline for a plan with an eligible automatic contribution arrangement',
    citation: 'IRC 4979(f)(1) (as amended by PPA 2006 §902)',
    status: 'V2',
  },
  correctionMonths: {
    value: 12,
    unit: 'months',
    label:
      'Distribute by the end of the following plan year, or the plan fails to qualify (EPCRS correction)',
    citation: 'IRC 401(m)(6)(A); Treas. Reg. 1.401(m)-2(b)(1)(ii), (b)(3)(v)',
    status: 'V2',
  },
  exciseTaxRate: {
    value: 0.1,
    unit: 'rate',
    label: 'Employer excise tax on excess aggregate contributions not distributed in time',
    citation: 'IRC 4979(a)',
    status: 'V',
  },
} as const satisfies Record<string, Constant>;
