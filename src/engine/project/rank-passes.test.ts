import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearestRank } from './quantile.js';
import { PassSelector, type PassTuning } from './rank-passes.js';

/**
 * Runs the selector on `xs`, read again in blocks of `block` values each pass: returns the
 * values found and the number of full passes.
 */
function select(
  xs: readonly number[],
  ranks: readonly number[],
  tuning: PassTuning,
  block: number,
): { values: number[]; passes: number; mostKept: number } {
  const n = xs.length;
  const all = Float64Array.from(xs);
  const s = new PassSelector(n, ranks, tuning);
  const sorted = all.slice(0, Math.min(n, tuning.sample)).sort();
  ranks.forEach((_, t) => {
    s.place(t, sorted);
  });
  let passes = 0;
  let mostKept = 0;
  while (!s.finished) {
    passes++;
    if (passes > 200) throw new Error('no end to the passes');
    s.beginPass();
    for (let from = 0; from < n; from += block) {
      const v = all.subarray(from, Math.min(n, from + block));
      ranks.forEach((_, t) => {
        s.add(t, v, v.length);
      });
    }
    mostKept = Math.max(mostKept, s.mostKept);
    s.endPass();
  }
  return { values: ranks.map((_, t) => s.value(t)), passes, mostKept };
}

const tunings: fc.Arbitrary<PassTuning> = fc.record({
  sample: fc.integer({ min: 1, max: 40 }),
  keep: fc.integer({ min: 1, max: 30 }),
  split: fc.integer({ min: 1, max: 8 }),
});

describe('nearest-rank quantiles in passes over values read again', () => {
  it('property: the same values as sorting, with ties, clusters and any tuning', () => {
    const value = fc.oneof(
      fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom(1e-300, 1 + Number.EPSILON, 1, 5e15),
    );
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 400 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
        tunings,
        fc.integer({ min: 1, max: 60 }),
        (xs0, qs, tuning, block) => {
          const xs = xs0.map((x) => (Object.is(x, -0) ? 0 : x));
          const sorted = [...xs].sort((a, b) => a - b);
          const ranks = qs.map((q) => nearestRank(xs.length, q));
          const { values, mostKept } = select(xs, ranks, tuning, block);
          expect(values).toEqual(ranks.map((k) => sorted[k]));
          expect(mostKept).toBeLessThanOrEqual(tuning.keep);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('independent draws of 200,000 values: two passes, at most `keep` values kept a rank', () => {
    // a lognormal sample from a fixed linear congruential sequence (any values would do)
    let u = 12345;
    const next = () => {
      u = (Math.imul(u, 1103515245) + 12345) >>> 0;
      return (u + 0.5) / 2 ** 32;
    };
    const xs = Array.from({ length: 200_000 }, () =>
      Math.exp(Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next())),
    );
    const sorted = [...xs].sort((a, b) => a - b);
    const ranks = [0.1, 0.5, 0.9].map((q) => nearestRank(xs.length, q));
    const tuning = { sample: 2048, keep: 1024, split: 256 };
    const { values, passes, mostKept } = select(xs, ranks, tuning, 16_384);
    expect(values).toEqual(ranks.map((k) => sorted[k]));
    expect(passes).toBe(2);
    expect(mostKept).toBeLessThanOrEqual(1024);
  });

  it('every value equal: found in the second pass (the span of the first pass’s bucket)', () => {
    const { values, passes } = select(Array(5000).fill(7), [0, 2500, 4999], TUNE, 100);
    expect(values).toEqual([7, 7, 7]);
    expect(passes).toBe(2);
  });
});

const TUNE: PassTuning = { sample: 50, keep: 20, split: 8 };
