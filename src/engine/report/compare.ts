/**
 * The `compare` report: the same yearly budget projected four ways — full Mega Backdoor,
 * Roth-lite, pre-tax with the tax saved invested, a taxable account — deterministically at the
 * expected return and by Monte Carlo (`projectStrategies`, `simulateStrategies`): the inputs
 * with their bases, the outcome of each strategy, Roth-lite at separation, the break-even
 * retirement rate, and per year the balances by account type with the Monte Carlo percentiles.
 * Per-year figures share one key per column (`years.fullMbr.wealth`): one rule, one row each.
 */
import { figure, isFigure, rateFigure, type Figure, type RateFigure } from '../explain.js';
import { formatUsd } from '../money.js';
import { projectStrategies, type AccountRow } from '../project/deterministic.js';
import {
  basisOf,
  FIELD_LABEL,
  type Explained,
  type ExplainedField,
  type HouseholdBasis,
} from '../project/explained.js';
import { checkProjected, type ProjectionInputs } from '../project/inputs.js';
import { simulateStrategies, type Percentiles } from '../project/montecarlo.js';
import { rekeyAssumptions, type AssumptionEntries } from '../project/assumptions.js';
import { tradeOffs } from '../project/trade-offs.js';
import { tradeOffsSection, type TradeOffsSection } from './trade-offs.js';
import {
  STRATEGIES,
  STRATEGY_CITATIONS,
  STRATEGY_LABELS,
  type StrategyId,
} from '../project/strategies.js';
import type { Finding, ReportBase } from './model.js';
import { figuresOf } from './to-json.js';
import { percentText } from './percent.js';

export interface CompareInputs {
  readonly contribution: Figure;
  readonly preTaxRoom: Figure;
  readonly years: number;
  /** Years with contributions (to retirement, or to separation when the job ends earlier). */
  readonly contributionYears: number;
  /** Years before Roth-lite money leaves the plan (retirement, or an earlier separation). */
  readonly separationYears: number;
  readonly withdrawalYears: number;
  readonly expectedReturn: RateFigure;
  readonly volatility: RateFigure;
  readonly inflation: RateFigure;
  readonly currentRate: RateFigure;
  readonly retirementRate: RateFigure;
  readonly capitalGainsRate: RateFigure;
  readonly dividendYield: RateFigure;
}

export interface PercentileFigures {
  readonly p10: Figure;
  readonly p50: Figure;
  readonly p90: Figure;
}

export interface StrategyOutcomeRow {
  readonly id: StrategyId;
  readonly label: string;
  readonly atRetirement: Figure;
  readonly atEnd: Figure;
  readonly atEndToday: Figure;
  readonly monteCarloEnd: PercentileFigures;
}

/** One strategy in one year: balances by account type, wealth and its percentiles. */
export type YearStrategy = { readonly [K in keyof AccountRow]: Figure } & PercentileFigures;

export interface CompareYear {
  /** 1 = the end of the first year. */
  readonly year: number;
  readonly phase: 'saving' | 'withdrawing';
  readonly strategies: Readonly<Record<StrategyId, YearStrategy>>;
}

export interface CompareReport extends ReportBase<'compare'> {
  readonly inputs: CompareInputs;
  /** The household the inputs were taken from (null: projection inputs from a file). */
  readonly household: HouseholdBasis | null;
  readonly strategies: readonly StrategyOutcomeRow[];
  readonly rothLiteSeparation: {
    readonly toRothIra: Figure;
    readonly toTraditionalIra: Figure;
    readonly taxOnEarnings: Figure;
  };
  /** The three trade-offs, each labelled with what it compares. */
  readonly tradeOffs: TradeOffsSection;
  /** Every planning assumption with its value and source (null: projection inputs from a file). */
  readonly assumptions: AssumptionEntries | null;
  readonly monteCarlo: {
    readonly paths: number;
    readonly seed: number;
    readonly probabilityFullMbrBeats: Readonly<Record<Exclude<StrategyId, 'fullMbr'>, RateFigure>>;
  };
  readonly years: readonly CompareYear[];
}

export interface CompareOptions {
  readonly paths: number;
  readonly seed: number;
  /** Called with the share of Monte Carlo paths done (0–1). */
  readonly onProgress?: (done: number) => void;
}

type MoneyInput = 'contribution' | 'preTaxRoom';
type RateInput = Exclude<ExplainedField & keyof ProjectionInputs, MoneyInput>;

function inputsSection(e: Explained<ProjectionInputs>): CompareInputs {
  const v = e.values;
  const money = (f: MoneyInput): Figure => {
    const b = basisOf(e.bases, f);
    return figure(`inputs.${f}`, FIELD_LABEL[f], v[f], b.why, b.citation, b.inputs);
  };
  const rate = (f: RateInput): RateFigure => {
    const b = basisOf(e.bases, f);
    return rateFigure(`inputs.${f}`, FIELD_LABEL[f], v[f], b.why, b.citation, b.inputs);
  };
  return {
    contribution: money('contribution'),
    preTaxRoom: money('preTaxRoom'),
    years: v.years,
    contributionYears: v.contributionYears ?? v.years,
    separationYears: v.separationYears ?? v.years,
    withdrawalYears: v.withdrawalYears,
    expectedReturn: rate('expectedReturn'),
    volatility: rate('volatility'),
    inflation: rate('inflation'),
    currentRate: rate('currentRate'),
    retirementRate: rate('retirementRate'),
    capitalGainsRate: rate('capitalGainsRate'),
    dividendYield: rate('dividendYield'),
  };
}

/** The inputs every strategy's wealth is computed from. */
const GROWTH_INPUTS = [
  'inputs.contribution',
  'inputs.preTaxRoom',
  'inputs.expectedReturn',
  'inputs.currentRate',
  'inputs.retirementRate',
  'inputs.capitalGainsRate',
  'inputs.dividendYield',
];

const ACCOUNT: Readonly<Record<keyof AccountRow, [string, string]>> = {
  roth: [
    'Roth money',
    'the Roth account, or the Roth IRA after separation, at the end of the year',
  ],
  preTax: [
    'Pre-tax money',
    'the pre-tax account, or the traditional IRA holding Roth-lite earnings, at the end of the year',
  ],
  afterTax: ['After-tax money in the plan', 'Roth-lite before separation: basis and earnings'],
  taxable: ['Taxable account', 'the brokerage account at the end of the year'],
  received: ['Received so far', 'after-tax cash from the withdrawals so far'],
  wealth: [
    'After-tax wealth',
    'received so far plus the after-tax value of every account if sold at the end of the year',
  ],
};

const PERCENTILES = [
  ['p10', '10th'],
  ['p50', '50th (median)'],
  ['p90', '90th'],
] as const;

function percentileFigures(
  key: string,
  q: Percentiles | undefined,
  what: string,
  citation: string,
  paths: number,
): PercentileFigures {
  const one = (p: (typeof PERCENTILES)[number]): Figure =>
    figure(
      `${key}.${p[0]}`,
      `Monte Carlo ${p[1]} percentile`,
      q?.[p[0]] ?? 0,
      `the ${p[1]} percentile (nearest rank) of ${what} over ${String(paths)} paths of lognormal yearly returns`,
      citation,
      [...GROWTH_INPUTS, 'inputs.volatility'],
    );
  return { p10: one(PERCENTILES[0]), p50: one(PERCENTILES[1]), p90: one(PERCENTILES[2]) };
}

/** The `compare` report; throws an InputError for inputs out of range. */
export function compareReport(e: Explained<ProjectionInputs>, o: CompareOptions): CompareReport {
  const i = e.values;
  const p = projectStrategies(i);
  const mc = simulateStrategies(i, o);
  const total = i.years + i.withdrawalYears;
  const strategies = STRATEGIES.map((s): StrategyOutcomeRow => {
    const k = `strategies.${s}`;
    const outcome = p.outcomes[s];
    const rows = mc.percentiles[s];
    return {
      id: s,
      label: STRATEGY_LABELS[s],
      atRetirement: figure(
        `${k}.atRetirement`,
        `${STRATEGY_LABELS[s]}: at retirement`,
        outcome.atRetirement,
        `after-tax wealth at the end of year ${String(i.years)} (retirement) at the expected return`,
        STRATEGY_CITATIONS[s],
        GROWTH_INPUTS,
      ),
      atEnd: figure(
        `${k}.atEnd`,
        `${STRATEGY_LABELS[s]}: at the end`,
        outcome.atEnd,
        `after-tax wealth at the end of year ${String(total)}, nominal: withdrawals received plus what is left after tax`,
        STRATEGY_CITATIONS[s],
        GROWTH_INPUTS,
      ),
      atEndToday: figure(
        `${k}.atEndToday`,
        `${STRATEGY_LABELS[s]}: at the end, today’s dollars`,
        outcome.atEndToday,
        `the wealth at the end deflated by ${String(total)} years of inflation`,
        STRATEGY_CITATIONS[s],
        [`${k}.atEnd`, 'inputs.inflation'],
      ),
      monteCarloEnd: percentileFigures(
        `${k}.monteCarloEnd`,
        rows[rows.length - 1],
        `the wealth at the end of year ${String(total)}`,
        STRATEGY_CITATIONS[s],
        mc.paths,
      ),
    };
  });
  const sep = p.separation;
  const rothLiteSeparation = {
    toRothIra: figure(
      'rothLiteSeparation.toRothIra',
      'Roth-lite at separation: basis to a Roth IRA',
      sep.toRothIra,
      `when the after-tax money leaves the plan (after ${String(i.separationYears ?? i.years)} years${i.separationYears === undefined || i.separationYears === i.years ? ', at retirement' : ', at separation before retirement'}) its basis (${String(i.contributionYears ?? i.years)} years of contributions, less any loss) goes to a Roth IRA tax-free`,
      'Notice 2014-54; IRC 402(c)(2), 408A(e)',
      ['inputs.contribution'],
    ),
    toTraditionalIra: figure(
      'rothLiteSeparation.toTraditionalIra',
      'Roth-lite at separation: earnings to a traditional IRA',
      sep.toTraditionalIra,
      'the earnings on the after-tax money are pre-tax: rolled to a traditional IRA, taxed when withdrawn',
      'Notice 2014-54; IRC 72(e)(8), 402(c)(2)',
      ['inputs.contribution', 'inputs.expectedReturn'],
    ),
    taxOnEarnings: figure(
      'rothLiteSeparation.taxOnEarnings',
      'Tax on those earnings at the retirement rate',
      sep.taxOnEarnings,
      `${formatUsd(sep.toTraditionalIra)} × ${percentText(i.retirementRate)}`,
      'IRC 72(a), 402(a)',
      ['rothLiteSeparation.toTraditionalIra', 'inputs.retirementRate'],
    ),
  };
  const beats = mc.probabilityFullMbrBeats;
  const beat = (s: Exclude<StrategyId, 'fullMbr'>): RateFigure =>
    rateFigure(
      `monteCarlo.probabilityFullMbrBeats.${s}`,
      `Share of paths where the full Mega Backdoor ends ahead of ${STRATEGY_LABELS[s]}`,
      beats[s],
      `paths (of ${String(mc.paths)}, seed ${String(mc.seed)}) where (a) ends with strictly more after-tax wealth`,
      STRATEGY_CITATIONS.fullMbr,
      [...GROWTH_INPUTS, 'inputs.volatility'],
    );
  const years = p.rows.map((r, y): CompareYear => ({
    year: r.year,
    phase: r.phase,
    strategies: Object.fromEntries(
      STRATEGIES.map((s) => {
        const a = r.strategies[s];
        const k = `years.${s}`;
        const acct = Object.fromEntries(
          (Object.keys(ACCOUNT) as (keyof AccountRow)[]).map((c) => [
            c,
            figure(
              `${k}.${c}`,
              `${STRATEGY_LABELS[s]}: ${ACCOUNT[c][0]}`,
              a[c],
              ACCOUNT[c][1],
              STRATEGY_CITATIONS[s],
              GROWTH_INPUTS,
            ),
          ]),
        ) as { [K in keyof AccountRow]: Figure };
        const q = percentileFigures(
          k,
          mc.percentiles[s][y],
          'the after-tax wealth at the end of the year',
          STRATEGY_CITATIONS[s],
          mc.paths,
        );
        return [s, { ...acct, ...q }];
      }),
    ) as Record<StrategyId, YearStrategy>,
  }));
  const report: CompareReport = {
    report: 'compare',
    inputs: inputsSection(e),
    household: e.household,
    strategies,
    rothLiteSeparation,
    tradeOffs: tradeOffsSection('tradeOffs', tradeOffs(i, e.employerTrade ?? null)),
    assumptions: e.household && rekeyAssumptions(e.household.assumptions, 'assumptions'),
    monteCarlo: {
      paths: mc.paths,
      seed: mc.seed,
      probabilityFullMbrBeats: {
        rothLite: beat('rothLite'),
        preTax: beat('preTax'),
        taxable: beat('taxable'),
      },
    },
    years,
    findings: compareFindings(e, strategies),
  };
  checkProjected(figuresOf(report).filter(isFigure));
  return report;
}

/** The ages behind the horizon: the retirement and end ages are assumptions. */
export function agesFinding(
  h: HouseholdBasis,
  years: number,
  withdrawalYears: number,
  separationYears?: number,
): Finding {
  return {
    severity: 'info',
    path: 'retirementAge',
    message: `Retirement at ${String(h.retirementAge)} and the plan’s end at ${String(h.planEndAge)} are assumptions (${h.assumptions.retirementAge.source === 'default' ? 'the default retirement age' : `retirement age from the ${h.assumptions.retirementAge.source}`}): from age ${String(h.age)} they give ${String(years)} years of saving and ${String(withdrawalYears)} of withdrawals${h.separationYear === null || separationYears === undefined ? '' : `; the after-tax money leaves its plan at separation in ${String(h.separationYear)}, and the saving in it stops then`}.`,
  };
}

function compareFindings(
  e: Explained<ProjectionInputs>,
  strategies: readonly StrategyOutcomeRow[],
): Finding[] {
  const i = e.values;
  const out: Finding[] = [];
  if (e.household) {
    out.push(agesFinding(e.household, i.years, i.withdrawalYears, i.separationYears));
  }
  if (i.preTaxRoom === 0 && i.contribution > 0) {
    out.push({
      severity: 'info',
      path: 'preTaxRoom',
      message:
        'No 402(g) room is left to take the money pre-tax: (c) puts the whole budget in the taxable account and equals (d).',
    });
  }
  const full = strategies.find((s) => s.id === 'fullMbr');
  for (const s of strategies) {
    if (!full || s.id === 'fullMbr' || s.atEnd.cents <= full.atEnd.cents) continue;
    out.push({
      severity: 'warning',
      path: s.id === 'preTax' ? 'retirementRate' : '',
      message: `At these assumptions ${s.label} ends with ${formatUsd(s.atEnd.cents - full.atEnd.cents, { wholeDollars: true })} more than the full Mega Backdoor.`,
    });
  }
  return out;
}
