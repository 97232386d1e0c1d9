/**
 * "What it's worth" for `megaroth plan`: the household's planned after-tax contributions, made
 * every year to retirement, projected four ways at a constant return (`projectStrategies`):
 * full Mega Backdoor, Roth-lite, pre-tax with the tax saved invested, and a taxable account —
 * with after-tax wealth at retirement and at the plan's end, and the three trade-offs each
 * labelled with what it compares. Rates now come from the tax rules; the rest are the stated
 * assumptions, listed with their sources.
 */
import type { HouseholdReport } from '../household/report.js';
import type { Cents } from '../money.js';
import type { Scenario } from '../scenario/schema.js';
import { projectStrategies } from './deterministic.js';
import type { Bases, HouseholdBasis } from './explained.js';
import { tradeOffs, type TradeOffs } from './trade-offs.js';
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
  /** Years with contributions: to retirement, or to separation when the job ends earlier. */
  readonly contributionYears: number;
  /** The year the after-tax money leaves its plan before retirement (null: at retirement). */
  readonly separationYear: number | null;
  /** Unused 402(g) room that could take the money pre-tax instead. */
  readonly preTaxRoom: Cents;
  readonly expectedReturn: number;
  readonly currentRate: number;
  readonly retirementRate: number;
  /** How the contribution, room and rates were arrived at. */
  readonly bases: Bases;
  /** After-tax wealth at retirement per strategy (nominal cents). */
  readonly atRetirement: Readonly<Record<StrategyId, Cents>>;
  /** After-tax wealth at the end of the plan per strategy (nominal cents). */
  readonly atEnd: Readonly<Record<StrategyId, Cents>>;
  readonly withdrawalYears: number;
  /** The three trade-offs, each with what it compares. */
  readonly tradeOffs: TradeOffs;
  /** The household the projection was taken from (its assumptions and their sources). */
  readonly household: HouseholdBasis;
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
  const { values: inputs, bases, household, employerTrade } = householdProjection(s, r, a);
  if (inputs.contribution === 0) return null;
  const past = pastRetirementFinding(household);
  const p = projectStrategies(inputs);
  return {
    contribution: inputs.contribution,
    plans: plansToRoth(r).map((x) => x.id),
    years: inputs.years,
    contributionYears: inputs.contributionYears ?? inputs.years,
    separationYear: household.separationYear,
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
    atEnd: {
      fullMbr: p.outcomes.fullMbr.atEnd,
      rothLite: p.outcomes.rothLite.atEnd,
      preTax: p.outcomes.preTax.atEnd,
      taxable: p.outcomes.taxable.atEnd,
    },
    withdrawalYears: inputs.withdrawalYears,
    tradeOffs: tradeOffs(inputs, employerTrade ?? null),
    household,
    deductions: householdTaxOf(s, r, a).deductionValues.filter((d) => d.amount > 0),
    findings: past ? [past] : [],
  };
}
