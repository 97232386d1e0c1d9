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
 */
import type { Cents } from '../money.js';
import { checkProjectionInputs, checkSimulation, type ProjectionInputs } from './inputs.js';
import { kernelOf, runPath } from './kernel.js';
import { normalGenerator } from './prng.js';
import { STRATEGIES, type StrategyId } from './strategies.js';
import { roundCents } from './deterministic.js';

export interface SimulationOptions {
  readonly paths: number;
  readonly seed: number;
  /** Called with the share of paths done (0–1) every few thousand paths. */
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

/** The nearest-rank q-quantile of `a` (modified in place: partially reordered). */
export function quantileInPlace(a: Float64Array, q: number): number {
  const n = a.length;
  const k = Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1));
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >>> 1] ?? 0;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] ?? 0) < pivot) i++;
      while ((a[j] ?? 0) > pivot) j--;
      if (i <= j) {
        const t = a[i] ?? 0;
        a[i] = a[j] ?? 0;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k] ?? 0;
}

/** Runs the simulation; throws an InputError for bad inputs or a path count above the maximum. */
export function simulateStrategies(i: ProjectionInputs, o: SimulationOptions): MonteCarloResult {
  checkProjectionInputs(i);
  checkSimulation(o.paths, o.seed);
  const n = o.paths;
  const years = i.years + i.withdrawalYears;
  const k = kernelOf(i);
  const out = [
    new Float64Array(n * years),
    new Float64Array(n * years),
    new Float64Array(n * years),
    new Float64Array(n * years),
  ] as const;
  const m1 = 1 + i.expectedReturn;
  const sigma = Math.sqrt(Math.log(1 + (i.volatility * i.volatility) / (m1 * m1)));
  const drift = (-sigma * sigma) / 2;
  const rng = normalGenerator(o.seed);
  const g = new Float64Array(years);
  const chunk = 2048;
  for (let p = 0; p < n; p++) {
    for (let y = 0; y < years; y++) {
      g[y] = sigma === 0 ? m1 : m1 * Math.exp(sigma * rng.next() + drift);
    }
    runPath(k, g, out, n, p);
    if (o.onProgress && (p + 1) % chunk === 0) o.onProgress((p + 1) / n);
  }
  const last = (years - 1) * n;
  const [oa, ob, oc, od] = out;
  let beatsB = 0;
  let beatsC = 0;
  let beatsD = 0;
  for (let p = 0; p < n; p++) {
    const a = oa[last + p] ?? 0;
    if (a > (ob[last + p] ?? 0)) beatsB++;
    if (a > (oc[last + p] ?? 0)) beatsC++;
    if (a > (od[last + p] ?? 0)) beatsD++;
  }
  const scratch = new Float64Array(n);
  const percentiles = {} as Record<StrategyId, Percentiles[]>;
  STRATEGIES.forEach((s, si) => {
    const arr = out[si as 0 | 1 | 2 | 3];
    const rows: Percentiles[] = [];
    for (let y = 0; y < years; y++) {
      scratch.set(arr.subarray(y * n, (y + 1) * n));
      const p10 = quantileInPlace(scratch, 0.1);
      const p50 = quantileInPlace(scratch, 0.5);
      const p90 = quantileInPlace(scratch, 0.9);
      rows.push({ p10: roundCents(p10), p50: roundCents(p50), p90: roundCents(p90) });
    }
    percentiles[s] = rows;
  });
  o.onProgress?.(1);
  return {
    paths: n,
    seed: o.seed,
    percentiles,
    probabilityFullMbrBeats: { rothLite: beatsB / n, preTax: beatsC / n, taxable: beatsD / n },
  };
}
