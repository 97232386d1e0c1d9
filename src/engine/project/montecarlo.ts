/**
 * Monte Carlo projection of the four strategies: yearly growth factors from a lognormal model
 * with the given arithmetic mean return and volatility, one return path shared by the four
 * strategies, a seeded generator (same seed, same numbers). Reports the 10th, 50th and 90th
 * percentiles of after-tax wealth per year per strategy and the probability that the full Mega
 * Backdoor ends with more than each other strategy.
 *
 * Lognormal model: 1 + R = (1 + m) × exp(σZ − σ²/2) with σ² = ln(1 + v²/(1 + m)²), so that
 * E[R] = m and SD[R] = v; with v = 0 the factor is exactly 1 + m and every path equals the
 * deterministic projection. Percentiles use the nearest rank (the ⌈qN⌉-th smallest value).
 *
 * The paths advance together a year at a time, path p drawing the normals p × years to
 * p × years + years − 1 of the seed's one sequence (the same numbers as running the paths one
 * after another), and each year's percentiles are selected from that year's wealth before the
 * next year overwrites it: memory grows with the paths (about 200 bytes each), not with
 * paths × years.
 */
import type { Cents } from '../money.js';
import { checkProjectionInputs, checkSimulation, type ProjectionInputs } from './inputs.js';
import { kernelOf, pathAccounts, stepYear, type Wealth } from './kernel.js';
import { NormalRuns } from './prng.js';
import { QuantileSelector } from './quantile.js';
import { STRATEGIES, type StrategyId } from './strategies.js';
import { roundCents } from './deterministic.js';

export interface SimulationOptions {
  readonly paths: number;
  readonly seed: number;
  /** Called with the share of the simulation done (0–1) after each year of every path. */
  readonly onProgress?: (done: number) => void;
}

export interface Percentiles {
  readonly p10: Cents;
  readonly p50: Cents;
  readonly p90: Cents;
}

export interface MonteCarloResult {
  readonly paths: number;
  readonly seed: number;
  /** Per strategy, per year (index 0 = end of year 1): wealth percentiles. */
  readonly percentiles: Readonly<Record<StrategyId, readonly Percentiles[]>>;
  /** Share of paths where the full Mega Backdoor ends with more wealth than each strategy. */
  readonly probabilityFullMbrBeats: Readonly<Record<Exclude<StrategyId, 'fullMbr'>, number>>;
}

/** Runs the simulation; throws an InputError for bad inputs or a path count above the maximum. */
export function simulateStrategies(i: ProjectionInputs, o: SimulationOptions): MonteCarloResult {
  checkProjectionInputs(i);
  checkSimulation(o.paths, o.seed);
  const n = o.paths;
  const years = i.years + i.withdrawalYears;
  const k = kernelOf(i);
  const accounts = pathAccounts(n);
  const wealth: Wealth = [
    new Float64Array(n),
    new Float64Array(n),
    new Float64Array(n),
    new Float64Array(n),
  ];
  const m1 = 1 + i.expectedReturn;
  const sigma = Math.sqrt(Math.log(1 + (i.volatility * i.volatility) / (m1 * m1)));
  const drift = (-sigma * sigma) / 2;
  // path p draws the normals p × years to p × years + years − 1 of the seed's one sequence
  const draws = sigma === 0 ? null : new NormalRuns(o.seed, n, years);
  const g = new Float64Array(n);
  const selector = new QuantileSelector(n);
  const percentiles: Record<StrategyId, Percentiles[]> = {
    fullMbr: [],
    rothLite: [],
    preTax: [],
    taxable: [],
  };
  let beatsB = 0;
  let beatsC = 0;
  let beatsD = 0;
  for (let y = 0; y < years; y++) {
    if (draws) {
      draws.next(g);
      for (let p = 0; p < n; p++) g[p] = m1 * Math.exp(sigma * (g[p] ?? 0) + drift);
    } else {
      g.fill(m1);
    }
    stepYear(k, y, g, accounts, wealth, n);
    const [oa, ob, oc, od] = wealth;
    if (y === years - 1) {
      for (let p = 0; p < n; p++) {
        const a = oa[p] ?? 0;
        if (a > (ob[p] ?? 0)) beatsB++;
        if (a > (oc[p] ?? 0)) beatsC++;
        if (a > (od[p] ?? 0)) beatsD++;
      }
    }
    STRATEGIES.forEach((s, si) => {
      if (s === 'preTax' && k.p === 0) return; // equal to (d): taken from it below
      const [p10, p50, p90] = selector.quantiles(wealth[si as 0 | 1 | 2 | 3], n, [0.1, 0.5, 0.9]);
      percentiles[s].push({
        p10: roundCents(p10 ?? 0),
        p50: roundCents(p50 ?? 0),
        p90: roundCents(p90 ?? 0),
      });
    });
    // Without pre-tax room (c) puts the whole budget in a taxable account, as (d) does: the
    // kernel's arithmetic for the two is then the same on every path, to the last bit.
    if (k.p === 0) percentiles.preTax.push(percentiles.taxable[y] ?? { p10: 0, p50: 0, p90: 0 });
    o.onProgress?.((y + 1) / years);
  }
  return {
    paths: n,
    seed: o.seed,
    percentiles,
    probabilityFullMbrBeats: { rothLite: beatsB / n, preTax: beatsC / n, taxable: beatsD / n },
  };
}
