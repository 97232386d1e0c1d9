/**
 * The built-in example of `megaroth paychecks`: a biweekly W-2 plan with a match on each
 * paycheck and no true-up, after-tax money converted automatically, planned from the pay stub
 * of June 26 (13 of 26 paychecks paid). Kept identical to
 * examples/paychecks/biweekly-no-true-up.yaml (a test checks).
 */
import type { ScenarioInput } from '../scenario/schema.js';

export const PAYCHECKS_EXAMPLE: ScenarioInput = {
  version: 1,
  name: 'Biweekly pay, match per paycheck, no true-up',
  taxYear: 2026,
  filingStatus: 'single',
  people: [{ id: 'sam', name: 'Sam', birthDate: '1988-04-02' }],
  jobs: [
    {
      id: 'acme',
      person: 'sam',
      employer: 'Acme Corp',
      type: 'w2',
      wages: 156000,
      payroll: {
        frequency: 'biweekly',
        firstPayDate: '2026-01-09',
        salaryPerPeriod: 6000,
        yearToDate: {
          asOf: '2026-06-26',
          compensation: 78000,
          preTax: 6240,
          afterTax: 7800,
          match: 2340,
        },
        elections: { unit: 'percent', afterTaxStopsAt415c: true },
        match: { basis: 'per-period' },
      },
    },
  ],
  plans: [
    {
      id: 'acme-401k',
      job: 'acme',
      type: '401k',
      deferrals: [{ type: 'pre-tax', amount: 'max' }],
      match: [{ rate: 50, upToPercent: 6 }],
      afterTax: { allowed: true },
      inPlanConversion: 'automatic',
    },
  ],
};
