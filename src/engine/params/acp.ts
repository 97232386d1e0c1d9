/**
 * Statutory constants of the ADP and ACP nondiscrimination tests (IRC 401(k)(3), 401(m); Treas.
 * Reg. 1.401(k)-2, 1.401(m)-2), of HCE determination (IRC 414(q)), of the employees a plan may
 * test apart (IRC 410(a)(1), (a)(4), 410(b)(4)(B)) and of correcting excess contributions and
 * excess aggregate contributions (IRC 401(k)(8), 401(m)(6), 4979). Fixed by statute or
 * regulation, not by a yearly notice; dollar thresholds (the HCE amount, the 401(a)(17) limit,
 * the catch-up limits) stay in the year files (`paramsFor(Y).plan`). The ADP test's limit is the
 * ACP test's formula (IRC 401(k)(3)(A)(ii) and 401(m)(2)(A) read alike), so the multipliers
 * below serve both.
 *
 * Ratios are kept as integers in hundredths of a percent ("basis points", bps): 1.00% = 100.
 */
import type { Constant } from './distributions.js';

export const acpConstants = {
  basicMultiplierPercent: {
    value: 125,
    unit: 'rate',
    label:
      'Basic limit: the HCE ACP (or ADP) may be up to 1.25 times the NHCE ACP (ADP) (value in percent: 125)',
    citation:
      'IRC 401(m)(2)(A)(i), 401(k)(3)(A)(ii)(I); Treas. Reg. 1.401(m)-2(a)(1)(i)(A), 1.401(k)-2(a)(1)(i)(A)',
    status: 'V',
  },
  alternativeMultiplier: {
    value: 2,
    unit: 'rate',
    label: 'Alternative limit: the HCE ACP (or ADP) may be up to 2 times the NHCE ACP (ADP) ...',
    citation:
      'IRC 401(m)(2)(A)(ii), 401(k)(3)(A)(ii)(II); Treas. Reg. 1.401(m)-2(a)(1)(i)(B), 1.401(k)-2(a)(1)(i)(B)',
    status: 'V',
  },
  alternativeSpreadBps: {
    value: 200,
    unit: 'rate',
    label: '... and no more than 2 percentage points above it (200 hundredths of a percent)',
    citation:
      'IRC 401(m)(2)(A)(ii), 401(k)(3)(A)(ii)(II); Treas. Reg. 1.401(m)-2(a)(1)(i)(B), 1.401(k)-2(a)(1)(i)(B)',
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
  firstYearDeemedNhceAdpBps: {
    value: 300,
    unit: 'rate',
    label:
      'First plan year under prior-year testing: the NHCE ADP may be deemed 3% (300 hundredths of a percent)',
    citation: 'IRC 401(k)(3)(E)(ii); Treas. Reg. 1.401(k)-2(c)(2)(i)',
    status: 'V',
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
      'Correct excess contributions and excess aggregate contributions within 2½ months after the plan year ends to avoid the excise tax',
    citation:
      'IRC 4979(f)(1); Treas. Reg. 54.4979-1, 1.401(k)-2(b)(5)(i), 1.401(m)-2(b)(4)(i); Form 5330 instructions',
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
    citation:
      'IRC 401(k)(8)(A), 401(m)(6)(A); Treas. Reg. 1.401(k)-2(b)(5)(ii), 1.401(m)-2(b)(4)(ii)',
    status: 'V2',
  },
  recharacterizationMonths: {
    value: 2.5,
    unit: 'months',
    label:
      'Excess contributions may be recharacterized as after-tax employee contributions only within 2½ months after the plan year',
    citation: 'Treas. Reg. 1.401(k)-2(b)(3)(iii)(A)',
    status: 'V',
  },
  qnecFloorPercent: {
    value: 5,
    unit: 'rate',
    label:
      'A QNEC counts for an NHCE up to the greater of 5% of pay and twice the representative contribution rate (percent)',
    citation: 'Treas. Reg. 1.401(k)-2(a)(6)(iv)(A), 1.401(m)-2(a)(6)(v)(A)',
    status: 'V',
  },
  qnecPrevailingWagePercent: {
    value: 10,
    unit: 'rate',
    label:
      'QNECs made for prevailing wage obligations (Davis-Bacon, Service Contract Act) count up to 10% of pay (percent)',
    citation: 'Treas. Reg. 1.401(k)-2(a)(6)(iv)(D), 1.401(m)-2(a)(6)(v)(D)',
    status: 'V',
  },
  qnecRepresentativeMultiplier: {
    value: 2,
    unit: 'rate',
    label: '... twice the representative contribution rate',
    citation: 'Treas. Reg. 1.401(k)-2(a)(6)(iv)(A), 1.401(m)-2(a)(6)(v)(A)',
    status: 'V',
  },
  representativeGroupPercent: {
    value: 50,
    unit: 'rate',
    label:
      'The representative contribution rate is the lowest rate within a group of half of the eligible NHCEs (percent)',
    citation: 'Treas. Reg. 1.401(k)-2(a)(6)(iv)(B), 1.401(m)-2(a)(6)(v)(B)',
    status: 'V',
  },
  minimumAge: {
    value: 21,
    unit: 'age',
    label:
      'The oldest minimum age a plan may require; employees under it may be tested apart when the plan lets them in earlier',
    citation:
      'IRC 410(a)(1)(A)(i), 410(b)(4)(B); Treas. Reg. 1.401(k)-2(a)(1)(iii), 1.401(m)-2(a)(1)(iii)',
    status: 'V',
  },
  minimumServiceYears: {
    value: 1,
    unit: 'years',
    label:
      'The longest service a plan may require (one year of service); employees with less may be tested apart',
    citation:
      'IRC 410(a)(1)(A)(ii), 410(b)(4)(B); Treas. Reg. 1.401(k)-2(a)(1)(iii), 1.401(m)-2(a)(1)(iii)',
    status: 'V',
  },
  entryMonths: {
    value: 6,
    unit: 'months',
    label:
      'An employee who meets the age and service conditions enters by the next plan year or 6 months after, whichever is earlier',
    citation: 'IRC 410(a)(4); Treas. Reg. 1.410(b)-6(b)(1)',
    status: 'V2',
  },
  exciseTaxRate: {
    value: 0.1,
    unit: 'rate',
    label:
      'Employer excise tax on excess contributions and excess aggregate contributions not corrected in time',
    citation: 'IRC 4979(a)',
    status: 'V',
  },
} as const satisfies Record<string, Constant>;
