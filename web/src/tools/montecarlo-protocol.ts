/** The messages between the Monte Carlo page and its worker, and the summary it shows. */
import type { InputIssue } from '../../../src/engine/errors.js';
import type { Cents } from '../../../src/engine/money.js';
import type { ProjectionInputs } from '../../../src/engine/project/inputs.js';
import type { MonteCarloResult, Percentiles } from '../../../src/engine/project/montecarlo.js';
import type { StrategyId } from '../../../src/engine/project/strategies.js';

export interface MonteCarloRequest {
  readonly draft: unknown;
  readonly paths: number;
  readonly seed: number;
  readonly today: string;
}

export interface MonteCarloSummary {
  readonly paths: number;
  readonly seed: number;
  readonly contribution: Cents;
  readonly years: number;
  readonly withdrawalYears: number;
  readonly expectedReturn: number;
  readonly volatility: number;
  /** Per strategy: after-tax wealth percentiles at retirement (end of the saving years). */
  readonly atRetirement: Readonly<Record<StrategyId, Percentiles>>;
  /** Per strategy: after-tax wealth percentiles at the end of the withdrawal years. */
  readonly atEnd: Readonly<Record<StrategyId, Percentiles>>;
  readonly probabilityFullMbrBeats: MonteCarloResult['probabilityFullMbrBeats'];
}

export type MonteCarloMessage =
  | { readonly type: 'progress'; readonly done: number }
  | { readonly type: 'done'; readonly summary: MonteCarloSummary }
  | { readonly type: 'error'; readonly issues: readonly InputIssue[] };

const IDS: readonly StrategyId[] = ['fullMbr', 'rothLite', 'preTax', 'taxable'];

/** The percentiles of each strategy at retirement and at the end of the plan. */
export function summarize(i: ProjectionInputs, r: MonteCarloResult): MonteCarloSummary {
  const yearOf =
    (at: number) =>
    (id: StrategyId): Percentiles => {
      const p = r.percentiles[id][at];
      if (!p) throw new Error(`no percentiles for year ${String(at + 1)}`);
      return p;
    };
  const byStrategy = (pick: (id: StrategyId) => Percentiles) =>
    Object.fromEntries(IDS.map((id) => [id, pick(id)])) as Record<StrategyId, Percentiles>;
  return {
    paths: r.paths,
    seed: r.seed,
    contribution: i.contribution,
    years: i.years,
    withdrawalYears: i.withdrawalYears,
    expectedReturn: i.expectedReturn,
    volatility: i.volatility,
    atRetirement: byStrategy(yearOf(Math.max(0, i.years - 1))),
    atEnd: byStrategy(yearOf(Math.max(0, i.years + i.withdrawalYears - 1))),

    probabilityFullMbrBeats: r.probabilityFullMbrBeats,
  };
}
