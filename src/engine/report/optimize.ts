/**
 * The `optimize` report: the split of a yearly take-home budget across pre-tax and Roth
 * deferrals, employer or after-tax money in a solo plan, after-tax room and a taxable account
 * that ends with the most after-tax wealth (`optimizeSplit`), against the four fixed
 * strategies, with each choice's value over the next best and the retirement rates where the
 * best split changes; the assumptions with their bases.
 */
import { figure, isFigure, rateFigure, type Figure, type RateFigure } from '../explain.js';
import { formatUsd } from '../money.js';
import { basisOf, FIELD_LABEL, type Explained, type HouseholdBasis } from '../project/explained.js';
import {
  FLIP_PRECISION,
  FLIP_SCAN_MAX_RATE,
  FLIP_SCAN_STEP,
  optimizeSplit,
  type OptimizerInput,
  type VehicleKind,
} from '../project/optimizer.js';
import { checkProjected } from '../project/inputs.js';
import { STRATEGIES, STRATEGY_LABELS, type StrategyId } from '../project/strategies.js';
import { agesFinding } from './compare.js';
import type { Finding, ReportBase } from './model.js';
import { percentText } from './percent.js';
import { figuresOf } from './to-json.js';

export interface OptimizeAssumptions {
  readonly years: number;
  readonly withdrawalYears: number;
  readonly expectedReturn: RateFigure;
  readonly inflation: RateFigure;
  readonly currentRate: RateFigure;
  readonly retirementRate: RateFigure;
  readonly capitalGainsRate: RateFigure;
  readonly dividendYield: RateFigure;
}

/** The best split in one plan. */
export interface PlanSplitRow {
  readonly plan: string;
  readonly preTax: Figure;
  readonly roth: Figure;
  readonly match: Figure;
  readonly afterTax: Figure;
  readonly employer: Figure;
}

export interface ChoiceRow {
  /** The vehicle: `PLAN.kind` or `taxable`. */
  readonly key: string;
  readonly label: string;
  readonly amount: Figure;
  /** End wealth lost if this choice were not allowed and the rest re-optimized. */
  readonly valueOverNextBest: Figure;
}

export interface FlipRow {
  readonly retirementRate: RateFigure;
  /** The vehicles used just below and just above the rate (comma-separated keys). */
  readonly below: string;
  readonly above: string;
  /** Vehicles dropped and taken up as the rate rises past it. */
  readonly stops: readonly string[];
  readonly starts: readonly string[];
}

export interface OptimizeReport extends ReportBase<'optimize'> {
  readonly budget: Figure;
  readonly assumptions: OptimizeAssumptions;
  /** The household the inputs were taken from (null: optimizer inputs from a file). */
  readonly household: HouseholdBasis | null;
  readonly plans: readonly PlanSplitRow[];
  readonly taxable: Figure;
  readonly budgetUsed: Figure;
  readonly endWealth: Figure;
  readonly fixedStrategies: Readonly<Record<StrategyId, Figure>>;
  readonly choices: readonly ChoiceRow[];
  readonly flips: readonly FlipRow[];
  /** End wealth per take-home dollar saved each year, per kind of money (a multiple). */
  readonly endWealthPerDollarAYear: {
    readonly roth: number;
    readonly rothLite: number;
    readonly preTax: number;
    readonly taxable: number;
  };
}

/** A flip this close to the assumed retirement rate (5 percentage points) is worth a warning. */
const NEAR_FLIP = 0.05;

const KIND_LABEL: Readonly<Record<Exclude<VehicleKind, 'taxable'>, string>> = {
  preTax: 'Pre-tax deferrals',
  roth: 'Roth deferrals',
  match: 'Employer match',
  afterTax: 'After-tax contributions',
  employer: 'Deductible employer contribution',
};

const FIXED: Readonly<Record<StrategyId, string>> = {
  fullMbr: 'after-tax money only in plans that convert it in the plan, the rest taxable',
  rothLite:
    'after-tax money in every plan that takes it, kept in the plan until separation (basis then to a Roth IRA, earnings taxed as ordinary income), the rest taxable',
  preTax: 'pre-tax deferrals and employer money, the rest taxable',
  taxable: 'the whole budget in a taxable account',
};

const ROOMS = 'IRC 402(g)(1), 414(v), 415(c)(1): the rooms of the optimizer input';
const TREATMENT =
  'tax treatment: IRC 402A(c)(4), 402A(d) (Roth), 72(e)(8) and Notice 2014-54 (after-tax money kept in the plan), 402(a) (pre-tax), 1(h) (taxable)';

const RATE_FIELDS = [
  'expectedReturn',
  'inflation',
  'currentRate',
  'retirementRate',
  'capitalGainsRate',
  'dividendYield',
] as const;

/** The `optimize` report; throws an InputError for bad inputs. */
export function optimizeReport(e: Explained<OptimizerInput>): OptimizeReport {
  const input = e.values;
  const a = input.assumptions;
  const r = optimizeSplit(input);
  const horizon = `the end of year ${String(a.years + a.withdrawalYears)}`;
  const valueInputs = ['budget', ...RATE_FIELDS.map((f) => `assumptions.${f}`)];
  const separation =
    a.separationYears === undefined
      ? '; separation at retirement'
      : `; separation after ${String(a.separationYears)} year${a.separationYears === 1 ? '' : 's'}, before retirement (jobs[].endDate), when the saving stops too`;
  const rate = (f: (typeof RATE_FIELDS)[number]): RateFigure => {
    const b = basisOf(e.bases, f);
    return rateFigure(`assumptions.${f}`, FIELD_LABEL[f], a[f], b.why, b.citation, b.inputs);
  };
  const budgetBasis = basisOf(e.bases, 'budget');
  const plans = r.plans.map((p): PlanSplitRow => {
    const one = (kind: Exclude<VehicleKind, 'taxable'>): Figure =>
      figure(
        `plans.${p.plan}.${kind}`,
        `${p.plan}: ${KIND_LABEL[kind]}`,
        p[kind],
        kind === 'match'
          ? 'the match the chosen deferrals earn, up to the plan’s maximum'
          : 'the amount a year in the best split',
        ROOMS,
        ['budget'],
      );
    return {
      plan: p.plan,
      preTax: one('preTax'),
      roth: one('roth'),
      match: one('match'),
      afterTax: one('afterTax'),
      employer: one('employer'),
    };
  });
  const flips = r.flips.map((f, i): FlipRow => {
    const below = f.below.split(', ');
    const above = f.above.split(', ');
    return {
      retirementRate: rateFigure(
        `flips[${String(i)}].retirementRate`,
        'Retirement rate where the best split changes',
        f.retirementRate,
        `found by scanning retirement rates from 0 to ${percentText(FLIP_SCAN_MAX_RATE)} in steps of ${percentText(FLIP_SCAN_STEP)} and bisecting to ${percentText(FLIP_PRECISION)}`,
        TREATMENT,
        valueInputs,
      ),
      below: f.below,
      above: f.above,
      stops: below.filter((k) => !above.includes(k)),
      starts: above.filter((k) => !below.includes(k)),
    };
  });
  const findings: Finding[] = [];
  if (e.household) {
    findings.push(agesFinding(e.household, a.years, a.withdrawalYears, a.separationYears));
  }
  for (const f of flips) {
    const gap = Math.abs(f.retirementRate.rate - a.retirementRate);
    if (gap > NEAR_FLIP) continue;
    findings.push({
      severity: 'warning',
      path: 'assumptions.retirementRate',
      message: `The best split changes at a retirement rate of ${percentText(f.retirementRate.rate)}, ${String(Math.round(gap * 1e4) / 100)} percentage points ${f.retirementRate.rate > a.retirementRate ? 'above' : 'below'} the ${percentText(a.retirementRate)} assumed: ${[
        f.stops.length ? `stop ${f.stops.join(', ')}` : '',
        f.starts.length ? `start ${f.starts.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ')}.`,
    });
  }
  input.plans.forEach((p, i) => {
    const split = r.plans.find((s) => s.plan === p.id);
    if (p.afterTax?.conversion !== 'at-separation' || !split || split.afterTax === 0) return;
    findings.push({
      severity: 'question',
      path: `plans[${String(i)}].afterTax.conversion`,
      message: `The split puts ${formatUsd(split.afterTax)} of after-tax money a year in ${p.id}, which reaches Roth only at separation: does the plan allow in-plan Roth conversions or in-service withdrawals of after-tax money?`,
    });
  });
  const report: OptimizeReport = {
    report: 'optimize',
    budget: figure(
      'budget',
      FIELD_LABEL.budget,
      input.budget,
      budgetBasis.why,
      budgetBasis.citation,
      budgetBasis.inputs,
    ),
    assumptions: {
      years: a.years,
      withdrawalYears: a.withdrawalYears,
      expectedReturn: rate('expectedReturn'),
      inflation: rate('inflation'),
      currentRate: rate('currentRate'),
      retirementRate: rate('retirementRate'),
      capitalGainsRate: rate('capitalGainsRate'),
      dividendYield: rate('dividendYield'),
    },
    household: e.household,
    plans,
    taxable: figure(
      'taxable',
      'Taxable account',
      r.taxable,
      'what the best split leaves for a taxable account',
      TREATMENT,
      ['budget'],
    ),
    budgetUsed: figure(
      'budgetUsed',
      'Take-home pay used',
      r.budgetUsed,
      'each amount at its take-home cost: pre-tax money costs 1 − the current rate a dollar, the match nothing',
      ROOMS,
      ['budget', 'assumptions.currentRate'],
    ),
    endWealth: figure(
      'endWealth',
      'After-tax wealth at the end (nominal)',
      r.endWealth,
      `after-tax wealth at ${horizon} of the best split: the largest of the linear program over every plan's rooms`,
      `${ROOMS}; ${TREATMENT}`,
      valueInputs,
    ),
    fixedStrategies: Object.fromEntries(
      STRATEGIES.map((s) => [
        s,
        figure(
          `fixedStrategies.${s}`,
          `Fixed ${STRATEGY_LABELS[s]}`,
          r.fixed[s],
          `after-tax wealth at ${horizon} with ${FIXED[s]}${s === 'rothLite' ? separation : ''}`,
          `${ROOMS}; ${TREATMENT}`,
          valueInputs,
        ),
      ]),
    ) as Record<StrategyId, Figure>,
    choices: r.choices.map((c) => ({
      key: c.key,
      label: c.label,
      amount: figure(
        `choices.${c.key}.amount`,
        c.label,
        c.amount,
        'the amount a year in the best split',
        ROOMS,
        ['budget'],
      ),
      valueOverNextBest: figure(
        `choices.${c.key}.valueOverNextBest`,
        `${c.label}: worth against the next best`,
        c.valueOverNextBest,
        'end wealth of the best split less that of the best split without this choice',
        `${ROOMS}; ${TREATMENT}`,
        ['endWealth'],
      ),
    })),
    flips,
    endWealthPerDollarAYear: r.perTakeHomeDollar,
    findings,
  };
  checkProjected(figuresOf(report).filter(isFigure));
  return report;
}
