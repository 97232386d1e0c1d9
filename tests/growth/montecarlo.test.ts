/**
 * The Monte Carlo's figures pinned to its seed (issue 16): the golden figures in
 * `montecarlo-golden.json` and below were recorded from the straightforward implementation
 * (every path-year stored, each year's percentiles by quickselect; commit c2212d9) before it was
 * made faster, so a faster one must give the same numbers for the same seed. The properties check
 * the simulation against a direct restatement of the model on random inputs (in one pass, and in
 * passes over small blocks of paths regenerated from the seed), and that zero volatility gives
 * the deterministic projection.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cents } from '../../src/engine/money.js';
import { projectStrategies } from '../../src/engine/project/deterministic.js';
import {
  MAX_DIVIDEND_YIELD,
  MAX_RETURN,
  MAX_VOLATILITY,
  MIN_RETURN,
  type ProjectionInputs,
} from '../../src/engine/project/inputs.js';
import { kernelOf, runPath } from '../../src/engine/project/kernel.js';
import {
  BLOCK_PATHS,
  simulateInBlocks,
  simulateStrategies,
  TUNING,
  type MonteCarloResult,
  type SimulationOptions,
  type SimulationTuning,
} from '../../src/engine/project/montecarlo.js';
import { normalGenerator } from '../../src/engine/project/prng.js';
import { STRATEGIES } from '../../src/engine/project/strategies.js';

interface GoldenRun {
  readonly name: string;
  readonly inputs: ProjectionInputs;
  readonly options: SimulationOptions;
  readonly result: MonteCarloResult;
}
const golden = JSON.parse(
  readFileSync(new URL('montecarlo-golden.json', import.meta.url), 'utf8'),
) as GoldenRun[];

/** The inputs of the built-in example (`physicianProjection`) on 2026-12-01, written out. */
const physician: ProjectionInputs = {
  contribution: cents(22_674.08),
  preTaxRoom: 0,
  years: 25,
  withdrawalYears: 25,
  expectedReturn: 0.07,
  volatility: 0.15,
  inflation: 0.025,
  currentRate: 0.4,
  retirementRate: 0.29,
  capitalGainsRate: 0.238,
  dividendYield: 0.015,
};

/**
 * The model restated as directly as it can be: path by path, year by year draws from one
 * generator, every path-year stored, each year sorted, the nearest rank (the ⌈qN⌉-th smallest).
 */
function reference(i: ProjectionInputs, o: SimulationOptions): MonteCarloResult {
  const n = o.paths;
  const years = i.years + i.withdrawalYears;
  const m1 = 1 + i.expectedReturn;
  const sigma = Math.sqrt(Math.log(1 + (i.volatility * i.volatility) / (m1 * m1)));
  const rng = normalGenerator(o.seed);
  const out = [0, 1, 2, 3].map(() => new Float64Array(n * years)) as unknown as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const g = new Float64Array(years);
  for (let p = 0; p < n; p++) {
    for (let y = 0; y < years; y++) {
      g[y] = sigma === 0 ? m1 : m1 * Math.exp(sigma * rng.next() - (sigma * sigma) / 2);
    }
    runPath(kernelOf(i), g, out, n, p);
  }
  const rank = (q: number) => Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1));
  const percentiles = Object.fromEntries(
    STRATEGIES.map((s, si) => [
      s,
      Array.from({ length: years }, (_, y) => {
        const v = Array.from(out[si as 0 | 1 | 2 | 3].subarray(y * n, (y + 1) * n)).sort(
          (a, b) => a - b,
        );
        const at = (q: number) => Math.round(v[rank(q)] ?? NaN);
        return { p10: at(0.1), p50: at(0.5), p90: at(0.9) };
      }),
    ]),
  ) as unknown as MonteCarloResult['percentiles'];
  const last = (years - 1) * n;
  const beats = (si: 1 | 2 | 3) => {
    let c = 0;
    for (let p = 0; p < n; p++) if ((out[0][last + p] ?? 0) > (out[si][last + p] ?? 0)) c++;
    return c / n;
  };
  return {
    paths: n,
    seed: o.seed,
    percentiles,
    probabilityFullMbrBeats: { rothLite: beats(1), preTax: beats(2), taxable: beats(3) },
  };
}

const rate = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const inputs: fc.Arbitrary<ProjectionInputs> = fc
  .record({
    contribution: fc.integer({ min: 0, max: 7_000_000 }),
    preTaxRoom: fc.integer({ min: 0, max: 3_000_000 }),
    years: fc.integer({ min: 1, max: 30 }),
    contributionYears: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
    withdrawalYears: fc.integer({ min: 0, max: 20 }),
    expectedReturn: rate(MIN_RETURN, MAX_RETURN),
    volatility: rate(0, MAX_VOLATILITY),
    inflation: rate(0, 0.05),
    currentRate: rate(0, 0.5),
    retirementRate: rate(0, 0.5),
    capitalGainsRate: rate(0, 0.4),
    dividendYield: rate(0, MAX_DIVIDEND_YIELD),
  })
  .map(({ contributionYears, ...i }) =>
    contributionYears === undefined
      ? i
      : { ...i, contributionYears: Math.min(contributionYears, i.years) },
  );

describe('Monte Carlo figures for a given seed', () => {
  it.each(golden.map((g) => [g.name, g] as const))('%s: the recorded figures', (_, g) => {
    expect(simulateStrategies(g.inputs, g.options)).toEqual(g.result);
  });

  it('10,000 paths × 40 years of the built-in example, seed 1: the recorded figures', () => {
    const mc = simulateStrategies(
      { ...physician, years: 25, withdrawalYears: 15 },
      { paths: 10_000, seed: 1 },
    );
    const at = (y: number) => Object.fromEntries(STRATEGIES.map((s) => [s, mc.percentiles[s][y]]));
    expect(at(39)).toEqual({
      fullMbr: { p10: 102743725, p50: 212710349, p90: 469290917 },
      rothLite: { p10: 93321084, p50: 178203057, p90: 366259038 },
      preTax: { p10: 89965754, p50: 169570824, p90: 353394467 },
      taxable: { p10: 89965754, p50: 169570824, p90: 353394467 },
    });
    expect(at(24)).toEqual({
      fullMbr: { p10: 74306772, p50: 135954653, p90: 261097831 },
      rothLite: { p10: 69196516, p50: 112966512, p90: 201818168 },
      preTax: { p10: 69829333, p50: 115141719, p90: 206551649 },
      taxable: { p10: 69829333, p50: 115141719, p90: 206551649 },
    });
    expect(mc.probabilityFullMbrBeats).toEqual({ rothLite: 0.969, preTax: 1, taxable: 1 });
    // every year: p10 + 3 × p50 + 7 × p90 summed over the 160 rows
    let sum = 0;
    for (const s of STRATEGIES)
      for (const r of mc.percentiles[s]) sum += r.p10 + 3 * r.p50 + 7 * r.p90;
    expect(sum).toBe(245992918839);
  });

  it('property: the same figures as the model restated path by path', () => {
    fc.assert(
      fc.property(
        inputs,
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        (i, paths, seed) => {
          expect(simulateStrategies(i, { paths, seed })).toEqual(reference(i, { paths, seed }));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('property: in passes over small blocks, the same figures as the model restated', () => {
    const tunings: fc.Arbitrary<SimulationTuning> = fc
      .record({
        block: fc.integer({ min: 1, max: 40 }),
        sample: fc.integer({ min: 1, max: 40 }),
        keep: fc.integer({ min: 1, max: 25 }),
        split: fc.integer({ min: 1, max: 6 }),
      })
      .map((t) => ({ ...t, sample: Math.min(t.sample, t.block) }));
    fc.assert(
      fc.property(
        inputs,
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        tunings,
        (i, paths, seed, tuning) => {
          const seen: number[] = [];
          const o = { paths, seed, onProgress: (d: number) => seen.push(d) };
          expect(simulateInBlocks(i, o, tuning)).toEqual(reference(i, { paths, seed }));
          // the progress rises to 1 over all the passes
          expect(seen.every((d, j) => d > 0 && d <= 1 && d >= (seen[j - 1] ?? 0))).toBe(true);
          expect(seen.at(-1)).toBe(1);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('above a block of paths (the passes as shipped): the figures of one pass, as recorded', () => {
    const i = { ...physician, years: 20, withdrawalYears: 5 };
    const o = { paths: BLOCK_PATHS + 3_000, seed: 11 };
    const mc = simulateStrategies(i, o);
    expect(mc).toEqual(simulateInBlocks(i, o, { ...TUNING, block: o.paths }));
    // recorded from the code of one pass over all the paths (before the blocks)
    expect(mc.percentiles.fullMbr[24]).toEqual({ p10: 58503073, p50: 101887388, p90: 184272259 });
    expect(mc.percentiles.taxable[10]).toEqual({ p10: 24371143, p50: 33476602, p90: 47203151 });
    expect(mc.probabilityFullMbrBeats).toEqual({
      rothLite: 0.9572843582335947,
      preTax: 1,
      taxable: 1,
    });
  });

  it('property: zero volatility gives the deterministic projection on every path', () => {
    fc.assert(
      fc.property(inputs, fc.integer({ min: 1, max: 50 }), (i0, paths) => {
        const i = { ...i0, volatility: 0 };
        const mc = simulateStrategies(i, { paths, seed: 1 });
        // in passes over blocks too
        expect(
          simulateInBlocks(i, { paths, seed: 1 }, { block: 2, sample: 1, keep: 1, split: 2 }),
        ).toEqual(mc);
        projectStrategies(i).rows.forEach((row, y) => {
          for (const s of STRATEGIES) {
            const w = row.strategies[s].wealth;
            expect(mc.percentiles[s][y]).toEqual({ p10: w, p50: w, p90: w });
          }
        });
      }),
      { numRuns: 60 },
    );
  });
});
