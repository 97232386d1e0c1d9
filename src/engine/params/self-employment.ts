/**
 * Statutory and worksheet constants of the self-employment computations that are not set by a
 * yearly notice: the Pub 560 rate rounding, the Deduction Worksheet's half rule and the
 * 404(a)(7) combined-deduction figures. Dollar limits stay in the year files
 * (`paramsFor(Y).plan`, `paramsFor(Y).payroll`).
 */
import type { Constant } from './distributions.js';

export const selfEmploymentConstants = {
  rateTablePlaces: {
    value: 6,
    unit: 'places',
    label: 'Pub 560 Rate Table for Self-Employed: the self-employed rate shown to 6 decimal places',
    citation: 'IRS Pub 560 ch. 5, Rate Table for Self-Employed (e.g. 10% → 0.090909)',
    status: 'V',
  },
  rateWorksheetMinPlaces: {
    value: 3,
    unit: 'places',
    label: 'Pub 560 Rate Worksheet: the self-employed rate rounded to at least 3 decimal places',
    citation: 'IRS Pub 560 ch. 5, Rate Worksheet for Self-Employed, line 3',
    status: 'V',
  },
  worksheetHalfShare: {
    value: 0.5,
    unit: 'rate',
    label:
      'Deduction Worksheet Step 12: one half of (Step 3 − Step 9), which keeps employer + deferrals within 100% of compensation',
    citation: 'IRS Pub 560 ch. 5, Deduction Worksheet for Self-Employed, Step 12; IRC 415(c)(1)(B)',
    status: 'V2',
  },
  combinedDeductionRate: {
    value: 0.25,
    unit: 'rate',
    label:
      'Combined DB + DC deduction limit: 25% of the compensation paid to the beneficiaries of the plans (or the DB minimum funding amount, if greater)',
    citation:
      'IRC 404(a)(7)(A)(i); IRS Issue Snapshot "Combined limits under IRC Section 404(a)(7)"',
    status: 'V',
  },
  dcDisregardedRate: {
    value: 0.06,
    unit: 'rate',
    label:
      'DC employer contributions count toward the 404(a)(7) combined limit only to the extent they exceed 6% of the compensation of the DC plan participants',
    citation:
      'IRC 404(a)(7)(C)(iii); IRS Issue Snapshot "Combined limits under IRC Section 404(a)(7)"',
    status: 'V',
  },
  nondeductibleExciseRate: {
    value: 0.1,
    unit: 'rate',
    label: 'Excise tax on nondeductible contributions to a qualified employer plan',
    citation: 'IRC 4972(a); Form 5330 Part III',
    status: 'V',
  },
  controlPercent: {
    value: 50,
    unit: 'rate',
    label:
      'A 403(b) participant who controls (more than 50% of) an employer has the 403(b) aggregated with that employer’s DC plans for 415(c)',
    citation: 'Treas. Reg. 1.415(f)-1(f)(2); IRC 415(h); IRS Issue Snapshot on 403(b) aggregation',
    status: 'V2',
  },
} as const satisfies Record<string, Constant>;
