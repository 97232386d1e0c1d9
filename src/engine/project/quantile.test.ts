import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalGenerator, NormalRuns } from './prng.js';
import { nearestRank, QuantileSelector, quantilesInPlace } from './quantile.js';

/** The nearest-rank quantiles by sorting (the definition: the ⌈qN⌉-th smallest value). */
const bySorting = (xs: readonly number[], qs: readonly number[]): number[] => {
  const sorted = [...xs].sort((a, b) => a - b);
  return qs.map((q) => sorted[nearestRank(xs.length, q)] ?? NaN);
};

const QS = [0.1, 0.5, 0.9];

describe('nearest-rank quantiles by selection', () => {
  it('nearestRank is the ⌈qN⌉-th smallest, counted from 0', () => {
    expect([0.1, 0.5, 0.9, 1].map((q) => nearestRank(10, q))).toEqual([0, 4, 8, 9]);
    expect([0.1, 0.5, 0.9].map((q) => nearestRank(11, q))).toEqual([1, 5, 9]);
    expect(nearestRank(1, 0.1)).toBe(0);
  });

  it('property: quantilesInPlace agrees with sorting', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 300 }),
        (xs) => {
          expect(quantilesInPlace(Float64Array.from(xs), xs.length, QS)).toEqual(bySorting(xs, QS));
        },
      ),
    );
  });

  it('property: the selector agrees with sorting on large samples, in any order, with ties', () => {
    const selector = new QuantileSelector(6000);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6000 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.constantFrom(
          'random',
          'ascending',
          'descending',
          'few values',
          'organ pipe',
          'sampled high',
        ),
        fc.subarray([0.01, 0.1, 0.25, 0.5, 0.9, 0.99, 1], { minLength: 1, maxLength: 3 }),
        (n, seed, shape, qs) => {
          const rng = normalGenerator(seed);
          // the places the selector samples, made the largest values: every bracket misses
          const s = Math.ceil(n ** (2 / 3));
          const sampled = new Set(Array.from({ length: s }, (_, j) => Math.floor((j * n) / s)));
          const xs = Array.from({ length: n }, (_, i) => {
            const z = Math.exp(rng.next());
            if (shape === 'ascending') return i;
            if (shape === 'descending') return -i;
            if (shape === 'few values') return Math.round(z * 2);
            if (shape === 'organ pipe') return Math.min(i, n - i);
            if (shape === 'sampled high') return sampled.has(i) ? 1e6 + z : z;
            return z;
          });
          const a = Float64Array.from(xs);
          expect(selector.quantiles(a, n, qs)).toEqual(bySorting(xs, qs));
          expect(Array.from(a)).toEqual(xs); // left as it was
        },
      ),
      { numRuns: 120 },
    );
  });

  it('the selector uses the first n values only and refuses more than its capacity', () => {
    const selector = new QuantileSelector(5000);
    const a = Float64Array.from({ length: 5000 }, (_, i) => 4999 - i);
    expect(selector.quantiles(a, 3000, QS)).toEqual([2299, 3499, 4699]);
    expect(() => selector.quantiles(new Float64Array(5001), 5001, QS)).toThrow(RangeError);
  });
});

describe('NormalRuns', () => {
  it('property: run r, draw t is draw r × length + t of normalGenerator', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 9 }),
        (seed, runs, length) => {
          const one = normalGenerator(seed);
          const expected = Array.from({ length: runs * length }, () => one.next());
          const r = new NormalRuns(seed, runs, length);
          const out = new Float64Array(runs);
          for (let t = 0; t < length; t++) {
            r.next(out);
            out.forEach((z, run) => {
              expect(z).toBe(expected[run * length + t]);
            });
          }
          expect(() => {
            r.next(out);
          }).toThrow(RangeError);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('property: blocks placed one after another by nextRuns continue the same runs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 6 }),
        (seed, capacity, length, sizes) => {
          const blocks = sizes.map((s) => Math.min(s, capacity));
          const total = capacity + blocks.reduce((a, b) => a + b, 0);
          const one = normalGenerator(seed);
          const expected = Array.from({ length: total * length }, () => one.next());
          const r = new NormalRuns(seed, capacity, length);
          const out = new Float64Array(capacity);
          let first = 0;
          for (const runs of [capacity, ...blocks]) {
            if (first > 0) r.nextRuns(runs);
            for (let t = 0; t < length; t++) {
              r.next(out);
              for (let run = 0; run < runs; run++) {
                expect(out[run]).toBe(expected[(first + run) * length + t]);
              }
            }
            first += runs;
          }
          expect(() => {
            r.nextRuns(capacity + 1);
          }).toThrow(RangeError);
        },
      ),
      { numRuns: 200 },
    );
  });
});
