/**
 * The built-in example used by `megaroth compare` and `megaroth optimize` without a file: the
 * seed's physician — age 40, single, tax year 2026, hospital W-2 pay $300,000 with a 403(b)
 * (24,500 of deferrals, 12,000 of match), and $65,000 of 1099 moonlighting profit with a solo
 * 401(k) that allows after-tax contributions with automatic in-plan Roth conversion. The
 * after-tax room in the solo plan is $22,674.08 a year after the maximum employer contribution
 * of $12,825.92, and $35,500 with none (facts.md §8 worked example: the 403(b) is aggregated
 * with the controlled practice's plan for 415(c)).
 *
 * The marginal rates come from the income tax rules; the rest are stated assumptions. The lead
 * replaces this module's values with ones computed from a household scenario.
 */
import { applyRate, cents, rateValue, type Cents } from '../money.js';
import { paramsFor, rate, usd } from '../params/index.js';
import { incomeTaxFor } from '../params/income-tax/index.js';
import { householdTax } from '../tax/household.js';
import { marginalRate } from '../tax/marginal.js';
import type { ProjectionInputs } from './inputs.js';
import type { OptimizerInput } from './optimizer.js';

/** Assumptions of the example that no rule gives. */
export const PHYSICIAN_ASSUMPTIONS = {
  age: 40,
  retirementAge: 65,
  planEndAge: 90,
  stateRate: 0.05,
  /** Taxable income expected in retirement, in 2026 dollars (sets the retirement bracket). */
  retirementTaxableIncome: cents(150_000),
  /** Qualified dividends and long-term gains at this income: the 15% rate of IRC 1(h)(1)(C). */
  capitalGainsFederalRate: 0.15,
  expectedReturn: 0.07,
  volatility: 0.15,
  inflation: 0.025,
  dividendYield: 0.015,
} as const;

/** The example's figures from the rules, with how each was found. */
export interface PhysicianFacts {
  readonly taxYear: number;
  readonly wages: Cents;
  readonly netProfit: Cents;
  readonly hospitalDeferrals: Cents;
  readonly hospitalMatch: Cents;
  readonly soloEmployerMax: Cents;
  readonly afterTaxRoomAtMaxEmployer: Cents;
  readonly afterTaxRoomWithoutEmployer: Cents;
  readonly halfSeTax: Cents;
  readonly taxableIncome: Cents;
  readonly federalMarginalRate: number;
  readonly retirementFederalRate: number;
  readonly currentRate: number;
  readonly retirementRate: number;
  readonly capitalGainsRate: number;
}

/** Works out the example's rates from the 2026 rules. */
export function physicianFacts(): PhysicianFacts {
  const year = 2026;
  const a = PHYSICIAN_ASSUMPTIONS;
  const p = paramsFor(year);
  const wages = cents(300_000);
  const netProfit = cents(65_000);
  const hospitalDeferrals = usd(p.plan.electiveDeferralLimit);
  // Schedule SE lines 4a, 11, 13: the W-2 wages exceed the wage base, so only the Medicare
  // part applies; each product rounded half-up to the cent
  const seIncome = applyRate(netProfit, rate(p.payroll.seNetEarningsFactor));
  const halfSeTax = applyRate(
    applyRate(seIncome, rate(p.payroll.seMedicareRate)),
    rate(p.payroll.seDeductibleShare),
  );
  const soloEmployerMax = cents(12_825.92);
  const h = householdTax({
    year,
    status: 'single',
    grossIncome: wages + netProfit,
    deductions: [
      { key: 'preTaxDeferrals', amount: hospitalDeferrals },
      { key: 'employerContribution', amount: soloEmployerMax },
      { key: 'halfSeTax', amount: halfSeTax },
    ],
    netInvestmentIncome: 0,
    medicareWages: wages,
    seIncome,
    stateRate: a.stateRate,
  });
  const taxableIncome = h.taxableIncome;
  const federal = rateValue(marginalRate(year, 'single', taxableIncome));
  const retirementFederal = rateValue(marginalRate(year, 'single', a.retirementTaxableIncome));
  const niit = rateValue(rate(incomeTaxFor(year).niitRate));
  return {
    taxYear: year,
    wages,
    netProfit,
    hospitalDeferrals,
    hospitalMatch: cents(12_000),
    soloEmployerMax,
    afterTaxRoomAtMaxEmployer: cents(22_674.08),
    afterTaxRoomWithoutEmployer: cents(35_500),
    halfSeTax,
    taxableIncome,
    federalMarginalRate: federal,
    retirementFederalRate: retirementFederal,
    currentRate: round6(federal + a.stateRate),
    retirementRate: round6(retirementFederal + a.stateRate),
    capitalGainsRate: round6(a.capitalGainsFederalRate + niit + a.stateRate),
  };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * Projection inputs of the example: the after-tax room of $22,674.08 a year is the budget; no
 * pre-tax room is left (the 403(b) deferrals and the employer contribution are already at their
 * maximum), so strategy (c) puts the budget in the taxable account like (d).
 */
export function physicianProjection(): ProjectionInputs {
  const f = physicianFacts();
  const a = PHYSICIAN_ASSUMPTIONS;
  return {
    contribution: f.afterTaxRoomAtMaxEmployer,
    preTaxRoom: 0,
    years: a.retirementAge - a.age,
    withdrawalYears: a.planEndAge - a.retirementAge,
    expectedReturn: a.expectedReturn,
    volatility: a.volatility,
    inflation: a.inflation,
    currentRate: f.currentRate,
    retirementRate: f.retirementRate,
    capitalGainsRate: f.capitalGainsRate,
    dividendYield: a.dividendYield,
  };
}

/**
 * Optimizer inputs of the example: one person with the full 402(g) room; the hospital 403(b)
 * (pre-tax or Roth deferrals, match 50% up to $12,000, no after-tax money) and the solo 401(k)
 * (employer money up to $12,825.92, after-tax room $35,500 with none and $22,674.08 at the
 * maximum, converted in the plan). Budget: $50,000 of take-home pay a year.
 */
export function physicianOptimizer(budget: Cents = cents(50_000)): OptimizerInput {
  const f = physicianFacts();
  const pr = physicianProjection();
  return {
    budget,
    people: [{ id: 'physician', deferralRoom: f.hospitalDeferrals }],
    plans: [
      {
        id: 'hospital-403b',
        person: 'physician',
        preTaxDeferrals: true,
        rothDeferrals: true,
        match: { rate: 0.5, max: f.hospitalMatch },
      },
      {
        id: 'solo-401k',
        person: 'physician',
        preTaxDeferrals: true,
        rothDeferrals: true,
        afterTax: { room: f.afterTaxRoomWithoutEmployer, conversion: 'in-plan' },
        employer: { max: f.soloEmployerMax, afterTaxRoomAtMax: f.afterTaxRoomAtMaxEmployer },
      },
    ],
    assumptions: {
      years: pr.years,
      withdrawalYears: pr.withdrawalYears,
      expectedReturn: pr.expectedReturn,
      inflation: pr.inflation,
      currentRate: pr.currentRate,
      retirementRate: pr.retirementRate,
      capitalGainsRate: pr.capitalGainsRate,
      dividendYield: pr.dividendYield,
    },
  };
}
