/**
 * Growth inputs from a household: the projection and optimizer inputs that `compare`,
 * `optimize` and `plan`'s "what it's worth" use, taken from the household report (after-tax
 * room, deferral room, match, the solo plan's trade-off) and the income tax rules (the
 * marginal rate now from the household's taxable income, IRC 1(j) brackets via
 * `householdTax`). What no rule gives — return, ages, state rate, income in retirement — are
 * stated assumptions with defaults the user can override.
 */
import type { HouseholdReport, PlanReport } from '../household/report.js';
import { cents, rateValue, type Cents } from '../money.js';
import { incomeTaxFor } from '../params/income-tax/index.js';
import { ageAtYearEnd } from '../rules/age.js';
import type { Scenario } from '../scenario/schema.js';
import { householdTax, type HouseholdTax } from '../tax/household.js';
import { marginalRate } from '../tax/marginal.js';
import { yearsFromAges, type ProjectionInputs } from './inputs.js';
import type { Assumptions, OptimizerInput, OptimizerPlan } from './optimizer.js';

/** Assumptions no rule gives; each can be overridden from the command line. */
export interface GrowthAssumptions {
  readonly retirementAge: number;
  readonly planEndAge: number;
  /** Flat state marginal rate on ordinary income (0.05 = 5%). */
  readonly stateRate: number;
  /** Taxable income expected in retirement, today's dollars (sets the retirement bracket). */
  readonly retirementTaxableIncome: Cents;
  /** Federal rate on qualified dividends and long-term gains (IRC 1(h)(1)(C): 15%). */
  readonly capitalGainsFederalRate: number;
  readonly expectedReturn: number;
  readonly volatility: number;
  readonly inflation: number;
  readonly dividendYield: number;
  /** Overrides of the rates the rules would give. */
  readonly currentRate?: number;
  readonly retirementRate?: number;
}

export const DEFAULT_GROWTH_ASSUMPTIONS: GrowthAssumptions = {
  retirementAge: 65,
  planEndAge: 90,
  stateRate: 0.05,
  retirementTaxableIncome: cents(150_000),
  capitalGainsFederalRate: 0.15,
  expectedReturn: 0.07,
  volatility: 0.15,
  inflation: 0.025,
  dividendYield: 0.015,
};

/** The household's income and deductions this year, from the report (for the tax rules). */
export interface HouseholdIncome {
  readonly grossIncome: Cents;
  readonly preTaxDeferrals: Cents;
  readonly ownerEmployerContributions: Cents;
  readonly halfSeTax: Cents;
  readonly medicareWages: Cents;
  readonly seIncome: Cents;
}

/** Totals of the household's income and above-the-line deductions. */
export function householdIncome(s: Scenario, r: HouseholdReport): HouseholdIncome {
  const wages = s.jobs.reduce((a, j) => a + (j.type === 'schedule-c' ? 0 : cents(j.wages ?? 0)), 0);
  const profit = s.jobs.reduce(
    (a, j) => a + (j.type === 'schedule-c' ? cents(j.netProfit ?? 0) : 0),
    0,
  );
  const preTax = r.plans.reduce(
    (a, p) => a + p.deferralPreTax.cents + (p.catchUpType === 'pre-tax' ? p.catchUp.cents : 0),
    0,
  );
  const owner = r.plans.reduce((a, p) => a + (p.selfEmployment ? p.nonelective.cents : 0), 0);
  const half = r.plans.reduce((a, p) => a + (p.selfEmployment?.halfSeTaxDeduction.cents ?? 0), 0);
  const se = r.plans.reduce(
    (a, p) => a + (p.selfEmployment?.netEarningsFromSelfEmployment.cents ?? 0),
    0,
  );
  return {
    grossIncome: wages + profit,
    preTaxDeferrals: preTax,
    ownerEmployerContributions: owner,
    halfSeTax: half,
    medicareWages: wages,
    seIncome: se,
  };
}

/** The household's income taxes this year (federal, state, NIIT, marginal rate). */
export function householdTaxOf(
  s: Scenario,
  r: HouseholdReport,
  a: GrowthAssumptions,
): HouseholdTax {
  const inc = householdIncome(s, r);
  return householdTax({
    year: s.taxYear,
    status: s.filingStatus,
    grossIncome: inc.grossIncome,
    deductions: [
      { key: 'preTaxDeferrals', amount: inc.preTaxDeferrals },
      { key: 'employerContribution', amount: inc.ownerEmployerContributions },
      { key: 'halfSeTax', amount: inc.halfSeTax },
    ],
    netInvestmentIncome: 0,
    medicareWages: inc.medicareWages,
    seIncome: inc.seIncome,
    stateRate: a.stateRate,
  });
}

/** Marginal rates now and in retirement, and the capital gains rate, federal plus state. */
export function householdRates(
  s: Scenario,
  r: HouseholdReport,
  a: GrowthAssumptions,
): { currentRate: number; retirementRate: number; capitalGainsRate: number } {
  const tax = householdTaxOf(s, r, a);
  const retirementFederal = rateValue(
    marginalRate(s.taxYear, s.filingStatus, a.retirementTaxableIncome),
  );
  const niit = incomeTaxFor(s.taxYear).niitRate.value;
  const round = (x: number): number => Math.round(x * 1e6) / 1e6;
  return {
    currentRate: round(a.currentRate ?? tax.marginalRate),
    retirementRate: round(a.retirementRate ?? retirementFederal + a.stateRate),
    capitalGainsRate: round(a.capitalGainsFederalRate + niit + a.stateRate),
  };
}

/** The youngest person's age at year end (the horizon follows them). */
function householdAge(s: Scenario): number {
  return Math.min(...s.people.map((p) => ageAtYearEnd(p.birthDate, s.taxYear)));
}

/** Optimizer assumptions for the household. */
export function householdAssumptions(
  s: Scenario,
  r: HouseholdReport,
  a: GrowthAssumptions,
): Assumptions {
  const { years, withdrawalYears } = yearsFromAges(householdAge(s), a.retirementAge, a.planEndAge);
  return {
    years,
    withdrawalYears,
    expectedReturn: a.expectedReturn,
    inflation: a.inflation,
    dividendYield: a.dividendYield,
    ...householdRates(s, r, a),
  };
}

/** After-tax money planned in plans with a way to Roth (full or Roth-lite), cents a year. */
function afterTaxPlanned(r: HouseholdReport, kind: 'full' | 'roth-lite'): Cents {
  return r.plans.reduce((a, p) => a + (p.verdict.kind === kind ? p.afterTax.cents : 0), 0);
}

/**
 * Projection inputs: the year's after-tax contributions as the budget, for as many years as
 * there are to retirement; the pre-tax room is the 402(g) room the household leaves unused.
 */
export function householdProjection(
  s: Scenario,
  r: HouseholdReport,
  a: GrowthAssumptions,
): ProjectionInputs {
  const base = householdAssumptions(s, r, a);
  const contribution = afterTaxPlanned(r, 'full') + afterTaxPlanned(r, 'roth-lite');
  const unused = r.people.reduce((x, p) => x + p.deferralRoomLeft.cents, 0);
  return {
    ...base,
    contribution,
    preTaxRoom: Math.min(unused, contribution),
    volatility: a.volatility,
  };
}

/** Match as the optimizer models it: the plan's full match for deferrals at its average rate. */
function matchOf(s: Scenario, p: PlanReport): OptimizerPlan['match'] {
  const plan = s.plans.find((x) => x.id === p.id);
  const tiers = plan?.match ?? [];
  const last = tiers[tiers.length - 1];
  if (!last || p.formulaCompensation.cents === 0) return undefined;
  // the most match the formula gives, and the deferral it takes to get it
  const full = tiers.reduce(
    (acc, t) => {
      const width = t.upToPercent - acc.prev;
      return { prev: t.upToPercent, match: acc.match + (width * t.rate) / 100 };
    },
    { prev: 0, match: 0 },
  );
  const maxMatch = Math.round((p.formulaCompensation.cents * full.match) / 100);
  const capped =
    plan?.matchCapAmount === undefined ? maxMatch : Math.min(maxMatch, cents(plan.matchCapAmount));
  return { rate: full.match / last.upToPercent, max: capped };
}

/**
 * Optimizer inputs from a household: per person the whole 402(g) and catch-up room (the
 * optimizer chooses the deferrals), per plan what it allows, the match, the after-tax room
 * (with no employer money in a solo plan, and at the most) and how it reaches Roth.
 */
export function householdOptimizer(
  s: Scenario,
  r: HouseholdReport,
  a: GrowthAssumptions,
  budget?: Cents,
): OptimizerInput {
  const plans: OptimizerPlan[] = r.plans.map((p) => {
    const plan = s.plans.find((x) => x.id === p.id);
    const match = matchOf(s, p);
    const conversion =
      p.verdict.kind === 'full' ? ('in-plan' as const) : ('at-separation' as const);
    const trade = p.tradeOff;
    const afterTaxRoom = trade ? trade.noEmployer.afterTaxRoom.cents : p.afterTaxRoom.cents;
    return {
      id: p.id,
      person: p.person,
      preTaxDeferrals: true,
      rothDeferrals: plan?.rothDeferralsAllowed ?? true,
      ...(match ? { match } : {}),
      ...(p.verdict.kind !== 'none' && afterTaxRoom > 0
        ? { afterTax: { room: afterTaxRoom, conversion } }
        : {}),
      ...(trade
        ? {
            employer: {
              max: trade.maxEmployer.employerContribution.cents,
              afterTaxRoomAtMax: trade.maxEmployer.afterTaxRoom.cents,
            },
          }
        : {}),
    };
  });
  const planned = r.plans.reduce(
    (x, p) =>
      x + p.deferralPreTax.cents + p.deferralRoth.cents + p.catchUp.cents + p.afterTax.cents,
    0,
  );
  return {
    budget: budget ?? planned,
    people: r.people.map((p) => ({
      id: p.id,
      deferralRoom: p.deferralLimit.cents + p.catchUpLimit.cents,
    })),
    plans,
    assumptions: householdAssumptions(s, r, a),
  };
}
