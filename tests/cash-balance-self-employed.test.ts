/**
 * A cash balance plan beside a solo 401(k) on Schedule C income: the owner's DB deduction
 * reduces the earned income the 401(k) contribution is figured on (IRS Pub 560 ch. 5; IRC
 * 401(c)(2)(A)(v), 404(a)(8)(D)); the 404(a)(7) combined limit; the 10% excise of IRC 4972(a)
 * on the nondeductible part.
 */
import { describe, expect, it } from 'vitest';
import { planHousehold } from '../src/engine/household/plan-household.js';
import { cents } from '../src/engine/money.js';
import { parseScenario } from '../src/engine/scenario/validate.js';

describe('a sole proprietor with a cash balance plan and a solo 401(k), 2026', () => {
  const r = planHousehold(
    parseScenario({
      version: 1,
      taxYear: 2026,
      filingStatus: 'single',
      people: [{ id: 'p', birthDate: '1981-01-01' }],
      jobs: [
        { id: 'b', person: 'p', employer: 'Practice', type: 'schedule-c', netProfit: 300_000 },
      ],
      plans: [
        {
          id: 'solo',
          job: 'b',
          type: 'solo-401k',
          deferrals: [{ type: 'pre-tax', amount: 'max' }],
          cashBalance: {
            contribution: 100_000,
            minimumRequired: 100_000,
            maximumDeductible: 100_000,
          },
        },
      ],
    }),
  );
  const solo = r.plans[0];

  it('figures the 401(k) contribution on earned income after the DB deduction', () => {
    // Schedule SE on 300,000: line 4a 277,050; line 10 22,878.00; line 11 8,034.45; line 12
    // 30,912.45; line 13 15,456.23 (half of 30,912.45, half-up). Worksheet Step 1 = 300,000 −
    // 100,000 (the DB deduction) = 200,000; Step 3 = 184,543.77; Step 5 at 20% = 36,908.75 =
    // Step 13; compensation (Step 14) = 184,543.77 − 36,908.75 = 147,635.02.
    expect(solo?.selfEmployment?.scheduleSe.line13Deduction.cents).toBe(cents(15_456.23));
    expect(solo?.selfEmployment?.worksheet.step1NetProfit.cents).toBe(cents(200_000));
    expect(solo?.nonelective.cents).toBe(cents(36_908.75));
    expect(solo?.compensation.cents).toBe(cents(147_635.02));
  });

  it('shows the 404(a)(7) limit and the 4972 excise the choice triggers', () => {
    // 404(a)(7): 6% of 147,635.02 = 8,858.10 is disregarded; 25% = 36,908.76 < the 100,000
    // minimum required, so the limit is 100,000, all taken by the DB plan: deductible 100,000
    // + 8,858.10; nondeductible 136,908.75 − 108,858.10 = 28,050.65; excise 10% = 2,805.07.
    const cb = solo?.cashBalance;
    expect(cb?.combinedLimit?.cents).toBe(cents(100_000));
    expect(cb?.deductible.cents).toBe(cents(108_858.1));
    expect(cb?.nondeductible.cents).toBe(cents(28_050.65));
    expect(cb?.excise.cents).toBe(cents(2_805.07));
  });
});
