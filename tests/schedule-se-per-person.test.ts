/**
 * One Schedule SE per person over all of their self-employment (Schedule SE instructions,
 * line 2: the net profit of every trade or business combined; IRC 1402(a), 1401), its tax
 * apportioned to each business in proportion to its net profit, each business's Pub 560
 * worksheet taking its share as Step 2 (IRS Pub 560 ch. 5).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planHousehold } from '../src/engine/household/plan-household.js';
import { cents } from '../src/engine/money.js';
import { paramsFor } from '../src/engine/params/index.js';
import { parseScenario } from '../src/engine/scenario/validate.js';
import { personScheduleSe } from '../src/engine/self-employment/person-schedule-se.js';
import { scheduleSe } from '../src/engine/self-employment/schedule-se.js';

const twoBusinesses = (a: number, b: number) =>
  parseScenario({
    version: 1,
    taxYear: 2026,
    filingStatus: 'single',
    people: [{ id: 'p', birthDate: '1980-01-01' }],
    jobs: [
      { id: 'a', person: 'p', employer: 'Consulting', type: 'schedule-c', netProfit: a },
      { id: 'b', person: 'p', employer: 'Locums', type: 'schedule-c', netProfit: b },
    ],
    plans: [
      {
        id: 'solo-a',
        job: 'a',
        type: 'solo-401k',
        deferrals: [{ type: 'pre-tax', amount: 'max' }],
      },
      { id: 'solo-b', job: 'b', type: 'solo-401k' },
    ],
  });

describe('two Schedule C businesses of one person', () => {
  // 2026, single, no W-2 wages, net profit 200,000 in each business:
  //   line 3  = 400,000.00 (both businesses)
  //   line 4a = 400,000 × 92.35% = 369,400.00 = line 6
  //   line 9  = the 184,500 wage base (no W-2 wages)
  //   line 10 = 12.4% × min(369,400, 184,500) = 22,878.00 (once, not once per business)
  //   line 11 = 2.9% × 369,400 = 10,712.60
  //   line 12 = 33,590.60; line 13 = 16,795.30
  // Equal profits: each business's share is half: SE tax 16,795.30, deduction 8,397.65.
  // Before the fix each business ran its own Schedule SE: 22,878.00 + 2.9% × 184,700 = 28,234.30
  // each, 56,468.60 for the two, counting the Social Security part twice.
  const r = planHousehold(twoBusinesses(200_000, 200_000));
  const [a, b] = r.plans;

  it('has the SE tax of one Schedule SE on the combined earnings', () => {
    const one = scheduleSe(paramsFor(2026), {
      netProfit: cents(400_000),
      w2SocialSecurityWages: 0,
      w2MedicareWages: 0,
      filingStatus: 'single',
    });
    expect(one.line10Oasdi).toBe(cents(22_878));
    expect(one.line12SeTax).toBe(cents(33_590.6));
    const total = (a?.selfEmployment?.seTax.cents ?? 0) + (b?.selfEmployment?.seTax.cents ?? 0);
    expect(total).toBe(one.line12SeTax);
    expect(a?.selfEmployment?.scheduleSe.line12SeTax.cents).toBe(cents(33_590.6));
    expect(a?.selfEmployment?.scheduleSe.line10Oasdi.cents).toBe(cents(22_878));
  });

  it("apportions the tax and the deduction in proportion to each business's net profit", () => {
    expect(a?.selfEmployment?.seTax.cents).toBe(cents(16_795.3));
    expect(b?.selfEmployment?.seTax.cents).toBe(cents(16_795.3));
    expect(a?.selfEmployment?.halfSeTaxDeduction.cents).toBe(cents(8_397.65));
    expect(a?.selfEmployment?.netEarningsFromSelfEmployment.cents).toBe(cents(184_700));
    expect(a?.selfEmployment?.seTax.why).toMatch(/share/);
  });

  it("feeds each business's share to its Pub 560 worksheet", () => {
    // Business a: Step 1 200,000; Step 2 8,397.65; Step 3 191,602.35; Step 5 at 20% (25/125)
    // = 38,320.47; Step 13 = min(38,320.47, 72,000 − 24,500, ½ × (191,602.35 − 24,500))
    // = 38,320.47; compensation (Step 14) 153,281.88.
    const wa = a?.selfEmployment?.worksheet;
    expect(wa?.step2SeTaxDeduction.cents).toBe(cents(8_397.65));
    expect(wa?.step2SeTaxDeduction.inputs).toEqual(['plans.solo-a.se.halfSeTax']);
    expect(wa?.step3NetEarnings.cents).toBe(cents(191_602.35));
    expect(a?.nonelective.cents).toBe(cents(38_320.47));
    expect(a?.compensation.cents).toBe(cents(153_281.88));
    // Business b is controlled by the same person, so one employer for 415(c) (IRC 415(h)):
    // its Step 8 is 72,000 − (24,500 + 38,320.47) = 9,179.53, which binds Step 13.
    expect(b?.selfEmployment?.worksheet.step8DollarLimit.cents).toBe(cents(9_179.53));
    expect(b?.nonelective.cents).toBe(cents(9_179.53));
  });

  it('lets a loss in one business reduce the combined earnings and take no share', () => {
    // 150,000 and −50,000: line 3 = 100,000; line 4a = 92,350; line 10 = 11,451.40;
    // line 11 = 2,678.15; line 12 = 14,129.55; all of it the profitable business's.
    const s = twoBusinesses(150_000, 0);
    const loss = planHousehold({
      ...s,
      jobs: s.jobs.map((j) => (j.id === 'b' ? { ...j, netProfit: 0 } : j)),
    });
    expect(loss.plans[0]?.selfEmployment?.seTax.cents).toBe(
      scheduleSe(paramsFor(2026), {
        netProfit: cents(150_000),
        w2SocialSecurityWages: 0,
        w2MedicareWages: 0,
        filingStatus: 'single',
      }).line12SeTax,
    );
    const split = personScheduleSe(paramsFor(2026), {
      businesses: [
        { id: 'a', netProfit: cents(150_000) },
        { id: 'b', netProfit: cents(-50_000) },
      ],
      w2SocialSecurityWages: 0,
      w2MedicareWages: 0,
      filingStatus: 'single',
    });
    expect(split.scheduleSe.line12SeTax).toBe(cents(14_129.55));
    expect(split.shares.map((x) => x.seTax)).toEqual([cents(14_129.55), 0]);
  });
});

describe('the shares of a Schedule SE', () => {
  it('add back exactly to lines 6, 12 and 13, and none is negative', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5_000_000, max: 50_000_000 }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.integer({ min: 0, max: 30_000_000 }),
        fc.constantFrom(2023, 2024, 2025, 2026),
        (profits, wages, year) => {
          const r = personScheduleSe(paramsFor(year), {
            businesses: profits.map((netProfit, i) => ({ id: String(i), netProfit })),
            w2SocialSecurityWages: wages,
            w2MedicareWages: wages,
            filingStatus: 'single',
          });
          const add = (k: 'netEarnings' | 'seTax' | 'deduction') =>
            r.shares.reduce((x, s) => x + s[k], 0);
          expect(add('netEarnings')).toBe(r.scheduleSe.line6NetEarnings);
          expect(add('seTax')).toBe(r.scheduleSe.line12SeTax);
          expect(add('deduction')).toBe(r.scheduleSe.line13Deduction);
          for (const s of r.shares) expect(s.seTax).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
