/**
 * "What it's worth" for `megaroth plan`: the household's planned after-tax contributions, made
 * every year to retirement, projected four ways at a constant return (`projectStrategies`):
 * full Mega Backdoor, Roth-lite, pre-tax with the tax saved invested, and a taxable account —
 * with after-tax wealth at retirement and the break-even retirement rate. Rates now come from
 * the tax rules; the rest are the stated growth assumptions.
 */
import type { HouseholdReport } from '../household/report.js';
import type { Cents } from '../money.js';
import type { Scenario } from '../scenario/schema.js';
import { projectStrategies } from './deterministic.js';
import type { Bases } from './explained.js';
import type { Finding } from '../report/model.js';
import {
  householdProjection,
  householdTaxOf,
  pastRetirementFinding,
  plansToRoth,
  type GrowthAssumptions,
} from './from-household.js';
import type { StrategyId } from './strategies.js';

export interface Worth {
  /** After-tax money planned each year in plans with a way to Roth. */
  readonly contribution: Cents;
  /** The ids of those plans. */
  readonly plans: readonly string[];
  readonly years: number;
  /** Unused 402(g) room that could take the money pre-tax instead. */
  readonly preTaxRoom: Cents;
  readonly expectedReturn: number;
  readonly currentRate: number;
  readonly retirementRate: number;
  /** How the contribution, room and rates were arrived at. */
  readonly bases: Bases;
  /** After-tax wealth at retirement per strategy (nominal cents). */
  readonly atRetirement: Readonly<Record<StrategyId, Cents>>;
  /** Retirement rate below which pre-tax money would end ahead of the full Mega Backdoor. */
  readonly breakEvenRetirementRate: number | null;
  /** This year's deductions and the income tax (federal + state + NIIT) each one saves. */
  readonly deductions: readonly {
    readonly key: string;
    readonly amount: Cents;
    readonly saved: Cents;
  }[];
  /** What the projection assumed that the household did not say (ages past retirement). */
  readonly findings: readonly Finding[];
}

/** The projection of the plan's after-tax money, or null when there is none. */
export function whatItsWorth(s: Scenario, r: HouseholdReport, a: GrowthAssumptions): Worth | null {
  const { values: inputs, bases, household } = householdProjection(s, r, a);
  if (inputs.contribution === 0) return null;
  const past = pastRetirementFinding(household);
  const p = projectStrategies(inputs);
  return {
    contribution: inputs.contribution,
    plans: plansToRoth(r).map((x) => x.id),
    years: inputs.years,
    preTaxRoom: inputs.preTaxRoom,
    expectedReturn: inputs.expectedReturn,
    currentRate: inputs.currentRate,
    retirementRate: inputs.retirementRate,
    bases,
    atRetirement: {
      fullMbr: p.outcomes.fullMbr.atRetirement,
      rothLite: p.outcomes.rothLite.atRetirement,
      preTax: p.outcomes.preTax.atRetirement,
      taxable: p.outcomes.taxable.atRetirement,
    },
    breakEvenRetirementRate: p.breakEvenRetirementRate,
    deductions: householdTaxOf(s, r, a).deductionValues.filter((d) => d.amount > 0),
    findings: past ? [past] : [],
  };
}
