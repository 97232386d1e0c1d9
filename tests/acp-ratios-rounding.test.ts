// Each ratio and average is rounded half up to the nearest hundredth of a percent (Treas. Reg.
// 1.401(m)-2(a)(2)(i), (a)(3)(i); 1.401(k)-2(a)(2)(i)): the one-division rounding equals the
// rounding by remainder kept in tests/acp-reference/ratios.ts, on random cents and pay, on
// exact halves, and on averages of many ratios.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageBps, contributionRatioBps } from '../src/engine/acp/ratios.js';
import { referenceDivHalfUp } from './acp-reference/ratios.js';

describe('rounding half up with one division', () => {
  it('a ratio equals the rounding by remainder for any cents and pay', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000_000 }), // up to $1 billion of contributions
        fc.integer({ min: 1, max: 100_000_000 }), // pay up to $1 million
        (cents, pay) => {
          expect(contributionRatioBps(cents, pay)).toBe(referenceDivHalfUp(cents * 10_000, pay));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('exact halves round up, just below them down', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 50_000_000 }).map((p) => 2 * p),
        (q, pay) => {
          // (q + 1/2) × pay / 10000 cents: the ratio is exactly q + 1/2 bps
          const half = (q * pay + pay / 2) / 10_000;
          if (Number.isInteger(half)) expect(contributionRatioBps(half, pay)).toBe(q + 1);
          const n = q * pay + pay / 2; // numerator of an exact half
          expect(averageBps(n, pay)).toBe(q + 1);
          expect(averageBps(n - 1, pay)).toBe(q);
          expect(averageBps(n, pay)).toBe(referenceDivHalfUp(n, pay));
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('an average of up to five million ratios equals the rounding by remainder', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 4_999_999 }),
        (count, mean, extra) => {
          const sum = count * mean + (extra % count);
          expect(averageBps(sum, count)).toBe(referenceDivHalfUp(sum, count));
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
