import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { cents } from '../money.js';
import { physicianOptimizer } from './examples.js';
import { optimizeSplit, unitValues, type Assumptions, type OptimizerInput } from './optimizer.js';
import { solveLp } from './simplex.js';

const assumptions: Assumptions = {
  years: 20,
  withdrawalYears: 20,
  expectedReturn: 0.06,
  inflation: 0.02,
  currentRate: 0.35,
  retirementRate: 0.25,
  capitalGainsRate: 0.2,
  dividendYield: 0.015,
};

describe('simplex', () => {
  it('solves a textbook program: max 3x + 5y, x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18 → (2, 6), 36', () => {
    const s = solveLp({
      c: [3, 5],
      a: [
        [1, 0],
        [0, 2],
        [3, 2],
      ],
      b: [4, 12, 18],
    });
    expect(s.x[0]).toBeCloseTo(2, 9);
    expect(s.x[1]).toBeCloseTo(6, 9);
    expect(s.value).toBeCloseTo(36, 9);
  });
});

describe('optimizer', () => {
  it('prefers pre-tax deferrals when the retirement rate is below the current rate, Roth above', () => {
    const input = (tr: number): OptimizerInput => ({
      budget: cents(100_000),
      people: [{ id: 'p', deferralRoom: cents(24_500) }],
      plans: [{ id: 'k', person: 'p', preTaxDeferrals: true, rothDeferrals: true }],
      assumptions: { ...assumptions, retirementRate: tr, dividendYield: 0, capitalGainsRate: 0.5 },
    });
    expect(optimizeSplit(input(0.2)).plans[0]).toMatchObject({ preTax: cents(24_500), roth: 0 });
    expect(optimizeSplit(input(0.45)).plans[0]).toMatchObject({ preTax: 0, roth: cents(24_500) });
  });

  it('fills after-tax room converted in the plan before the taxable account', () => {
    const r = optimizeSplit({
      budget: cents(30_000),
      people: [{ id: 'p', deferralRoom: 0 }],
      plans: [
        {
          id: 'k',
          person: 'p',
          preTaxDeferrals: true,
          rothDeferrals: false,
          afterTax: { room: cents(20_000), conversion: 'in-plan' },
        },
      ],
      assumptions,
    });
    expect(r.plans[0]?.afterTax).toBe(cents(20_000));
    expect(r.taxable).toBe(cents(10_000));
    expect(r.budgetUsed).toBe(cents(30_000));
    const u = unitValues(assumptions);
    expect(r.endWealth).toBe(Math.round(cents(20_000) * u.roth + cents(10_000) * u.taxable));
  });

  it('the physician: pre-tax at the hospital with the match, employer money and after-tax in the solo plan', () => {
    const r = optimizeSplit(physicianOptimizer().values);
    expect(r.plans[0]).toMatchObject({ preTax: cents(24_500), match: cents(12_000) });
    expect(r.plans[1]).toMatchObject({ employer: cents(12_825.92), afterTax: cents(22_674.08) });
    // above the current rate (40%) the after-tax end wins: Roth deferrals, no employer money
    expect(r.flips.at(-1)?.retirementRate).toBeCloseTo(0.4, 3);
    for (const v of Object.values(r.fixed)) expect(r.endWealth).toBeGreaterThanOrEqual(v);
  });

  it('bad inputs name the field', () => {
    const bad: OptimizerInput = {
      budget: -1,
      people: [{ id: 'p', deferralRoom: 0 }],
      plans: [{ id: 'k', person: 'q', preTaxDeferrals: true, rothDeferrals: false }],
      assumptions,
    };
    expect(() => optimizeSplit(bad)).toThrow(InputError);
    expect(() => optimizeSplit(bad)).toThrow(
      /budget[\s\S]*plans\[0\]\.person: no person with id "q"/,
    );
    expect(() =>
      optimizeSplit({
        ...physicianOptimizer().values,
        assumptions: { ...assumptions, expectedReturn: 0.9 },
      }),
    ).toThrow(/assumptions\.expectedReturn/);
  });
});

describe('built-in physician example', () => {
  it('derives its rates from the 2026 rules: taxable income 310,703.68, 35% + 5% now, 24% + 5% later', () => {
    const { values, household } = physicianOptimizer();
    // 300,000 − 24,500 + 65,000 − 870.40 − 12,825.92 − 16,100 standard deduction
    expect(household.taxableIncome.cents).toBe(cents(310_703.68));
    expect(household.federalRate.rate).toBe(0.35);
    expect(household.retirementFederalRate.rate).toBe(0.24);
    expect(values.assumptions.currentRate).toBe(0.4);
    expect(values.assumptions.retirementRate).toBe(0.29);
    // 15% federal (assumed) + 3.8% NIIT + 5% state (assumed)
    expect(values.assumptions.capitalGainsRate).toBe(0.238);
    expect(values.budget).toBe(cents(50_000));
  });
});
