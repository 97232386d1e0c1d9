/**
 * The built-in example: the seed's physician. Age 40 in 2026, a W-2 hospital job deferring the
 * whole 2026 402(g) limit into a 403(b) with a 4% match and no after-tax option, and 1099
 * moonlighting income with a solo 401(k) that takes after-tax money and converts it to Roth
 * automatically. Kept identical to examples/physician-moonlighting.yaml (a test checks). The
 * amounts below are the example person's inputs, what a user would type (the 403(b) election is
 * written as a dollar amount, as a user would, and equals that year's limit by choice); every
 * limit the engine applies to them comes from the parameter files.
 */
import type { ScenarioInput } from './schema.js';

export const PHYSICIAN_EXAMPLE: ScenarioInput = {
  version: 1,
  name: 'Physician with a hospital 403(b) and a moonlighting solo 401(k)',
  taxYear: 2026,
  filingStatus: 'single',
  people: [{ id: 'dr-lee', name: 'Dr. Lee', birthDate: '1986-03-14' }],
  jobs: [
    {
      id: 'hospital',
      person: 'dr-lee',
      employer: 'St. Mary Hospital',
      type: 'w2',
      wages: 300000,
      priorYearFicaWages: 290000,
    },
    {
      id: 'moonlighting',
      person: 'dr-lee',
      employer: 'Lee Moonlighting Practice',
      type: 'schedule-c',
      netProfit: 65000,
    },
  ],
  plans: [
    {
      id: 'hospital-403b',
      job: 'hospital',
      type: '403b',
      deferrals: [{ type: 'pre-tax', amount: 24500 }],
      match: [{ rate: 100, upToPercent: 4 }],
      afterTax: { allowed: false },
    },
    {
      id: 'solo-401k',
      job: 'moonlighting',
      type: 'solo-401k',
      deferrals: [{ type: 'pre-tax', amount: 'max' }],
      employerContribution: 'max',
      afterTax: { allowed: true },
      inPlanConversion: 'automatic',
    },
  ],
};
