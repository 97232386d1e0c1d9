/**
 * The `plan` report: the household report (per person 402(g), per plan the waterfall and
 * verdict, the limit groups) and "what it's worth" (the year's after-tax money projected four
 * ways), every amount and rate a Figure.
 */
import { figure, rateFigure, type Figure, type RateFigure } from '../explain.js';
import { planHousehold } from '../household/plan-household.js';
import type { HouseholdReport } from '../household/report.js';
import { formatUsd } from '../money.js';
import { rekeyAssumptions, type AssumptionEntries } from '../project/assumptions.js';
import { basisOf } from '../project/explained.js';
import type { GrowthAssumptions } from '../project/from-household.js';
import { STRATEGY_CITATIONS, type StrategyId } from '../project/strategies.js';
import { whatItsWorth, type Worth } from '../project/worth.js';
import type { Scenario } from '../scenario/schema.js';
import type { ReportBase } from './model.js';
import { tradeOffsSection, type TradeOffsSection } from './trade-offs.js';

import { rothSections, type RothSections } from './plan-roth.js';

/** "What it's worth" with every amount and rate explained. */
export interface WorthReport {
  readonly contribution: Figure;
  readonly years: number;
  /** Years with contributions: to retirement, or to separation (`jobs[].endDate`). */
  readonly contributionYears: number;
  /** The year the after-tax money leaves its plan before retirement (null: at retirement). */
  readonly separationYear: number | null;
  readonly preTaxRoom: Figure;
  readonly expectedReturn: RateFigure;
  readonly currentRate: RateFigure;
  readonly retirementRate: RateFigure;
  readonly atRetirement: Readonly<Record<StrategyId, Figure>>;
  readonly withdrawalYears: number;
  readonly atEnd: Readonly<Record<StrategyId, Figure>>;
  /** The three trade-offs, each labelled with what it compares. */
  readonly tradeOffs: TradeOffsSection;
  /** Every planning assumption with its value and where it came from. */
  readonly assumptions: AssumptionEntries;
  readonly deductions: readonly {
    readonly key: string;
    readonly amount: Figure;
    readonly saved: Figure;
  }[];
}

export interface PlanCommandReport
  extends ReportBase<'plan'>, Omit<HouseholdReport, 'findings'>, RothSections {
  readonly worth: WorthReport | null;
}

const STRATEGY: Record<StrategyId, string> = {
  fullMbr: 'Full Mega Backdoor (converted at once)',
  rothLite: 'Roth-lite (converted at separation)',
  preTax: 'Pre-tax instead, tax saved invested',
  taxable: 'Taxable brokerage account',
};

const DEDUCTION: Readonly<Record<string, [string, string]>> = {
  preTaxDeferrals: ['Pre-tax deferrals', 'IRC 402(a), 402(e)(3): excluded from income'],
  employerContribution: ['Employer contribution (owner)', 'IRC 404(a)(8)(C), 62(a)(6)'],
  halfSeTax: ['Half of SE tax', 'IRC 164(f)'],
};

/** Turns the projection's numbers into Figures with their rules. */
export function worthReport(w: Worth): WorthReport {
  const k = (name: string): string => `worth.${name}`;
  const years = `${String(w.contributionYears)} year${w.contributionYears === 1 ? '' : 's'}`;
  return {
    contribution: figure(
      k('contribution'),
      'After-tax money a year',
      w.contribution,
      w.separationYear === null
        ? 'after-tax contributions planned this year in plans with a way to Roth (in-plan conversion or in-service rollover), made every year until retirement'
        : `after-tax contributions planned this year in plans with a way to Roth, made every year until the job ends in ${String(w.separationYear)} (jobs[].endDate)`,
      'IRC 415(c)(2); IRC 402A(c)(4); Notice 2014-54',
      w.plans.map((id) => `plans.${id}.afterTax`),
    ),
    years: w.years,
    contributionYears: w.contributionYears,
    separationYear: w.separationYear,
    preTaxRoom: figure(
      k('preTaxRoom'),
      '402(g) room that could take it pre-tax',
      w.preTaxRoom,
      'deferral limit left after every plan’s elections',
      'IRC 402(g)(1)',
    ),
    expectedReturn: rateFigure(
      k('expectedReturn'),
      'Expected return',
      w.expectedReturn,
      basisOf(w.bases, 'expectedReturn').why,
      basisOf(w.bases, 'expectedReturn').citation,
    ),
    currentRate: rateFigure(
      k('currentRate'),
      'Marginal rate now',
      w.currentRate,
      `${basisOf(w.bases, 'currentRate').why}: the federal bracket of the household’s taxable income plus the state rate`,
      basisOf(w.bases, 'currentRate').citation,
    ),
    retirementRate: rateFigure(
      k('retirementRate'),
      'Marginal rate in retirement',
      w.retirementRate,
      `${basisOf(w.bases, 'retirementRate').why}: the federal bracket of the taxable income assumed in retirement plus the state rate`,
      basisOf(w.bases, 'retirementRate').citation,
    ),
    atRetirement: Object.fromEntries(
      (Object.keys(STRATEGY) as StrategyId[]).map((id) => {
        return [
          id,
          figure(
            k(`atRetirement.${id}`),
            STRATEGY[id],
            w.atRetirement[id],
            `after-tax wealth at retirement: ${formatUsd(w.contribution)} a year for ${years} at the expected return`,
            STRATEGY_CITATIONS[id],
            [k('contribution'), k('expectedReturn'), k('currentRate'), k('retirementRate')],
          ),
        ];
      }),
    ) as Record<StrategyId, Figure>,
    withdrawalYears: w.withdrawalYears,
    atEnd: Object.fromEntries(
      (Object.keys(STRATEGY) as StrategyId[]).map((id) => [
        id,
        figure(
          k(`atEnd.${id}`),
          `${STRATEGY[id]}: at the plan’s end`,
          w.atEnd[id],
          `after-tax wealth at the end of the plan, nominal: withdrawals over ${String(w.withdrawalYears)} year${w.withdrawalYears === 1 ? '' : 's'} received plus what is left after tax`,
          STRATEGY_CITATIONS[id],
          [k('contribution'), k('expectedReturn'), k('currentRate'), k('retirementRate')],
        ),
      ]),
    ) as Record<StrategyId, Figure>,
    tradeOffs: tradeOffsSection(k('tradeOffs'), w.tradeOffs),
    assumptions: rekeyAssumptions(w.household.assumptions, k('assumptions')),
    deductions: w.deductions.map((d) => ({
      key: d.key,
      amount: figure(
        k(`deductions.${d.key}.amount`),
        DEDUCTION[d.key]?.[0] ?? d.key,
        d.amount,
        'this year’s deduction, from the plan report',
        DEDUCTION[d.key]?.[1] ?? 'IRC 62(a)',
      ),
      saved: figure(
        k(`deductions.${d.key}.saved`),
        `Tax saved by ${d.key}`,
        d.saved,
        'federal + state + NIIT with the deduction minus without it',
        'IRC 1(j), 1411; state rate an assumption',
        [k(`deductions.${d.key}.amount`), k('assumptions.stateIncomeTaxRate')],
      ),
    })),
  };
}

/** The `plan` report for a scenario. */
export function planReport(s: Scenario, assumptions: GrowthAssumptions): PlanCommandReport {
  const household = planHousehold(s);
  const worth = whatItsWorth(s, household, assumptions);
  const roth = rothSections(s, household, assumptions);
  return {
    report: 'plan',
    ...household,
    findings: [...household.findings, ...(worth?.findings ?? []), ...roth.findings],
    worth: worth && worthReport(worth),
    rothIra: roth.rothIra,
    rothMoney: roth.rothMoney,
  };
}
