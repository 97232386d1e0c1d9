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
 * The paths advance together a year at a time, in blocks of at most `BLOCK_PATHS` paths, path
 * p drawing the normals p × years to p × years + years − 1 of the seed's one sequence (the same
 * numbers as running the paths one after another). Up to a block of paths, each year's
 * percentiles are selected from that year's wealth before the next year overwrites it (memory
 * about 200 bytes a path). Beyond, the blocks are run again from the seed pass after pass
 * (`rank-passes.ts`): the first paths place fine buckets around each percentile's rank, each
 * pass counts every path's wealth into them and narrows each rank to one bucket, and a last pass
 * keeps that bucket's values and selects the rank among them. The percentiles are exactly those
 * of one pass, in memory that does not grow with the paths, for about two passes' time. With
 * zero volatility every path is the same, and one is run.
 */
import type { Cents } from '../money.js';
import { checkProjectionInputs, checkSimulation, type ProjectionInputs } from './inputs.js';
import {
  ACCOUNTS,
  kernelOf,
  pathAccounts,
  stepYear,
  type Kernel,
  type PathAccounts,
  type Wealth,
} from './kernel.js';
import { NormalRuns } from './prng.js';
import { nearestRank, QuantileSelector } from './quantile.js';
import { PassSelector, type PassTuning } from './rank-passes.js';
import { STRATEGIES, type StrategyId } from './strategies.js';
import { roundCents } from './deterministic.js';

export interface SimulationOptions {
  readonly paths: number;
  readonly seed: number;
  /**
   * Called with the share of the simulation done (0–1, rising; 1 at the end) after each year of
   * each block of paths, over all the passes.
   */
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

/** Paths run together; above this many, percentiles are found in passes over the blocks. */
export const BLOCK_PATHS = 16_384;

/** How the simulation is cut up (tests shrink it to reach the passes with few paths). */
export interface SimulationTuning extends PassTuning {
  /** The most paths run together (`sample` at most). */
  readonly block: number;
}

/**
 * As shipped: blocks of `BLOCK_PATHS`; above, the first 2,048 paths place each rank's buckets,
 * a bucket of at most 1,024 values is kept whole, a larger one split in 256.
 */
export const TUNING: SimulationTuning = {
  block: BLOCK_PATHS,
  sample: 2048,
  keep: 1024,
  split: 256,
};

/** The percentiles reported, ascending. */
const QS = [0.1, 0.5, 0.9] as const;

/** Runs the simulation; throws an InputError for bad inputs or a path count above the maximum. */
export function simulateStrategies(i: ProjectionInputs, o: SimulationOptions): MonteCarloResult {
  checkSimulation(o.paths, o.seed);
  return simulateInBlocks(i, o, TUNING);
}

/** The simulation's fixed parts and a block's buffers. */
interface Run {
  readonly k: Kernel;
  readonly years: number;
  readonly seed: number;
  readonly m1: number;
  readonly sigma: number;
  readonly block: number;
  readonly accounts: PathAccounts;
  readonly wealth: Wealth;
  readonly g: Float64Array;
}

/**
 * Runs paths 0 to `paths` − 1 a block at a time, calling `visit` after each year of a block
 * with the block's wealth of that year and its number of paths.
 */
function runPaths(
  r: Run,
  paths: number,
  visit: (y: number, wealth: Wealth, m: number) => void,
): void {
  const { k, years, m1, sigma, g, accounts, wealth } = r;
  const drift = (-sigma * sigma) / 2;
  let draws: NormalRuns | null = null;
  for (let from = 0; from < paths; from += r.block) {
    const m = Math.min(r.block, paths - from);
    if (sigma !== 0) {
      if (draws) draws.nextRuns(m);
      else draws = new NormalRuns(r.seed, m, years);
    }
    accounts.fill(0, 0, ACCOUNTS * m);
    for (let y = 0; y < years; y++) {
      if (draws) {
        draws.next(g);
        for (let p = 0; p < m; p++) g[p] = m1 * Math.exp(sigma * (g[p] ?? 0) + drift);
      } else {
        g.fill(m1, 0, m);
      }
      stepYear(k, y, g, accounts, wealth, m);
      visit(y, wealth, m);
    }
  }
}

/**
 * `simulateStrategies` cut up as `tuning` says, with no upper limit on the paths (tests and
 * benchmarks); the inputs are checked.
 */
export function simulateInBlocks(
  i: ProjectionInputs,
  o: SimulationOptions,
  tuning: SimulationTuning,
): MonteCarloResult {
  checkProjectionInputs(i);
  if (!Number.isInteger(o.paths) || o.paths < 1) throw new RangeError('paths: a whole number ≥ 1');
  if (!(tuning.sample <= tuning.block)) throw new RangeError('the sample is at most a block');
  const n = o.paths;
  const years = i.years + i.withdrawalYears;
  const k = kernelOf(i);
  const m1 = 1 + i.expectedReturn;
  const sigma = Math.sqrt(Math.log(1 + (i.volatility * i.volatility) / (m1 * m1)));
  // with zero volatility every path is the same: one stands for all
  const paths = sigma === 0 ? 1 : n;
  const block = Math.min(paths, tuning.block);
  const run: Run = {
    k,
    years,
    seed: o.seed,
    m1,
    sigma,
    block,
    accounts: pathAccounts(block),
    wealth: [
      new Float64Array(block),
      new Float64Array(block),
      new Float64Array(block),
      new Float64Array(block),
    ],
    g: new Float64Array(block),
  };
  // Without pre-tax room (c) puts the whole budget in a taxable account, as (d) does: the
  // kernel's arithmetic for the two is then the same on every path, to the last bit, so (c)'s
  // percentiles are taken from (d)'s.
  const selected = STRATEGIES.flatMap((s, si) => (s === 'preTax' && k.p === 0 ? [] : [si]));
  const beats = [0, 0, 0, 0];
  const countBeats = ([oa, ...others]: Wealth, m: number) => {
    others.forEach((o, j) => {
      let c = 0;
      for (let p = 0; p < m; p++) if ((oa[p] ?? 0) > (o[p] ?? 0)) c++;
      beats[j + 1] = (beats[j + 1] ?? 0) + c;
    });
  };
  const found =
    paths <= block
      ? onePass(run, paths, selected, countBeats, o.onProgress)
      : inPasses(run, paths, selected, tuning, countBeats, o.onProgress);
  const percentiles: Record<StrategyId, Percentiles[]> = {
    fullMbr: [],
    rothLite: [],
    preTax: [],
    taxable: [],
  };
  for (let y = 0; y < years; y++) {
    selected.forEach((si, j) => {
      const at = (y * selected.length + j) * QS.length;
      percentiles[STRATEGIES[si] ?? 'fullMbr'].push({
        p10: roundCents(found[at] ?? 0),
        p50: roundCents(found[at + 1] ?? 0),
        p90: roundCents(found[at + 2] ?? 0),
      });
    });
    if (k.p === 0) percentiles.preTax.push(percentiles.taxable[y] ?? { p10: 0, p50: 0, p90: 0 });
  }
  return {
    paths: n,
    seed: o.seed,
    percentiles,
    probabilityFullMbrBeats: {
      rothLite: (beats[1] ?? 0) / paths,
      preTax: (beats[2] ?? 0) / paths,
      taxable: (beats[3] ?? 0) / paths,
    },
  };
}

/**
 * All the paths in one block: each year's percentiles of the `selected` strategies, at
 * ((year × selected) + strategy) × 3 + percentile.
 */
function onePass(
  run: Run,
  paths: number,
  selected: readonly number[],
  countBeats: (w: Wealth, m: number) => void,
  onProgress: ((done: number) => void) | undefined,
): Float64Array {
  const found = new Float64Array(run.years * selected.length * QS.length);
  const selector = new QuantileSelector(paths);
  let at = 0;
  runPaths(run, paths, (y, wealth, m) => {
    if (y === run.years - 1) countBeats(wealth, m);
    for (const si of selected) {
      for (const v of selector.quantiles(wealth[si as 0 | 1 | 2 | 3], m, QS)) found[at++] = v;
    }
    onProgress?.((y + 1) / run.years);
  });
  return found;
}

/** The same as `onePass` for more paths than a block, in passes over the blocks. */
function inPasses(
  run: Run,
  paths: number,
  selected: readonly number[],
  tuning: SimulationTuning,
  countBeats: (w: Wealth, m: number) => void,
  onProgress: ((done: number) => void) | undefined,
): Float64Array {
  const { years } = run;
  const per = selected.length * QS.length;
  const ranks = Array.from({ length: years * per }, (_, t) =>
    nearestRank(paths, QS[t % QS.length] ?? 0),
  );
  const selector = new PassSelector(paths, ranks, tuning);
  // progress: each pass gets its share of what is left, as if `after` full passes followed it
  let done = 0;
  const pass = (m: number, after: number, visit: (y: number, w: Wealth, b: number) => void) => {
    const start = done;
    const share = (1 - start) * (m / (m + after * paths));
    let yearsRun = 0;
    runPaths(run, m, (y, w, b) => {
      visit(y, w, b);
      yearsRun += b;
      done = after === 0 && yearsRun === m * years ? 1 : start + (share * yearsRun) / (m * years);
      onProgress?.(done);
    });
  };
  const sample = Math.min(paths, tuning.sample);
  const sorted = new Float64Array(sample);
  pass(sample, 2, (y, w, m) => {
    selected.forEach((si, j) => {
      sorted.set(w[si as 0 | 1 | 2 | 3].subarray(0, m));
      sorted.sort();
      for (let q = 0; q < QS.length; q++)
        selector.place((y * selected.length + j) * QS.length + q, sorted);
    });
  });
  let first = true;
  while (!selector.finished) {
    const counting = first;
    selector.beginPass();
    pass(paths, selector.lastPass ? 0 : 1, (y, w, m) => {
      if (counting && y === years - 1) countBeats(w, m);
      selected.forEach((si, j) => {
        const v = w[si as 0 | 1 | 2 | 3];
        const t = (y * selected.length + j) * QS.length;
        for (let q = 0; q < QS.length; q++) selector.add(t + q, v, m);
      });
    });
    selector.endPass();
    first = false;
  }
  if (done < 1) onProgress?.(1);
  return Float64Array.from(ranks, (_, t) => selector.value(t));
}
