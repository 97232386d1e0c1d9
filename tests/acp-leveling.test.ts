// The bucketed leveling (src/engine/acp/leveling.ts) and the what-if grid built on it against
// the straightforward sort-and-walk leveling kept in tests/acp-reference/leveling.ts: the same
// permitted ratio, total excess and reductions on random HCEs (Treas. Reg. 1.401(m)-2(b)(2)),
// and the same grid cells on random censuses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareAcpTest, readCensusText } from '../src/engine/acp/index.js';
import { levelDollars, levelExcess } from '../src/engine/acp/leveling.js';
import { contributionRatioBps } from '../src/engine/acp/ratios.js';
import { adoptionGrid } from '../src/engine/acp/whatif.js';
import {
  referenceGrid,
  referenceLevelDollars,
  referenceLevelExcess,
} from './acp-reference/leveling.js';
import { acpRowFields, dollars } from './helpers/census-text.js';

/** HCEs as (amount, compensation) in cents; some spreads crowd values into few buckets. */
const hces = fc
  .oneof(
    fc.constant(100), // amounts up to $1: many ties
    fc.constant(5_000_000), // up to $50,000
    fc.constant(10_000_000_000), // up to $100,000,000: one outlier spreads the buckets
  )
  .chain((maxAmount) =>
    fc.array(
      fc.record({
        amount: fc.oneof(fc.integer({ min: 0, max: maxAmount }), fc.constant(maxAmount)),
        comp: fc.integer({ min: 1, max: 35_000_000 }),
      }),
      { minLength: 1, maxLength: 3000 },
    ),
  );

describe('leveling without a sorted copy equals the sort-and-walk leveling', () => {
  it('permitted ratio, total excess and every reduction', () => {
    fc.assert(
      fc.property(hces, fc.integer({ min: 0, max: 3000 }), (rows, limitBps) => {
        const amounts = Float64Array.from(rows, (r) => r.amount);
        const comps = Float64Array.from(rows, (r) => r.comp);
        const ratios = Float64Array.from(rows, (r) => contributionRatioBps(r.amount, r.comp));
        const fast = levelExcess({ amounts, compensations: comps, ratios, limitBps });
        const ref = referenceLevelExcess(amounts, comps, ratios, limitBps);
        expect(fast.permittedRatioBps).toBe(ref.permittedRatioBps);
        expect(fast.totalExcess).toBe(ref.totalExcess);
        expect(Array.from(fast.reductions)).toEqual(Array.from(ref.reductions));
      }),
      { numRuns: 300 },
    );
  });

  it('dollar leveling of any total up to the sum, ties and the last odd cents included', () => {
    fc.assert(
      fc.property(hces, fc.double({ min: 0, max: 1, noNaN: true }), (rows, share) => {
        const amounts = Float64Array.from(rows, (r) => r.amount);
        const sum = amounts.reduce((s, a) => s + a, 0);
        const total = Math.floor(sum * share);
        expect(Array.from(levelDollars(amounts, total))).toEqual(
          Array.from(referenceLevelDollars(amounts, total)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an excess larger than the contributions, as before', () => {
    expect(() => levelDollars([100, 200], 301)).toThrow(RangeError);
    expect(() => referenceLevelDollars([100, 200], 301)).toThrow(RangeError);
    expect(Array.from(levelDollars([100, 200], 300))).toEqual([100, 200]);
  });

  it('worked check (case D-3): limit 5.00, ratios 10.00, 4.00, 1.50 → T = 9.50', () => {
    const comps = [100_000, 100_000, 100_000];
    const amounts = [10_000, 4_000, 1_500];
    const ratios = amounts.map((a, i) => contributionRatioBps(a, comps[i] ?? 1));
    const r = levelExcess({ amounts, compensations: comps, ratios, limitBps: 500 });
    expect(r.permittedRatioBps).toBe(950);
    expect(r.totalExcess).toBe(500); // $100.00 − 9.50% × $1,000.00, in cents
    expect(Array.from(r.reductions)).toEqual([500, 0, 0]);
  });
});

const HEADER = 'id,compensation,match,after_tax,hce';

/** A census row: compensation, match and after-tax in cents, HCE or not. */
const row = fc.record({
  ...acpRowFields,
});

describe('the what-if grid equals the straightforward grid', () => {
  it('every cell of random censuses, shares and rates', () => {
    let refunded = 0; // cells that level something, so the comparison is not only of passes
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 2, maxLength: 400 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 4 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('current', 'prior'),
        (rows, shares, rates, method) => {
          const text = [
            HEADER,
            ...rows.map(
              (r, i) =>
                `E${String(i)},${dollars(r.comp)},${dollars(r.match)},${dollars(r.afterTax)},${String(r.hce)}`,
            ),
          ].join('\n');
          const p = prepareAcpTest(readCensusText(text).census, {
            year: 2026,
            method,
            ...(method === 'prior' ? { priorNhceAcpBps: 200 } : {}),
          });
          const cells = adoptionGrid(p, shares, rates);
          expect(cells).toEqual(referenceGrid(p, shares, rates));
          refunded += cells.filter((c) => c.refundedHces > 0).length;
        },
      ),
      { numRuns: 100 },
    );
    expect(refunded).toBeGreaterThan(50);
  });
});

describe('the what-if grid equals the straightforward grid on crowded and spread-out ratios', () => {
  /** Few distinct amounts and pays (ties at every level), or pays so low the ratios spread out. */
  const crowded = fc.oneof(
    fc.record({
      comp: fc.constantFrom(100_000, 100_100, 250_000),
      match: fc.constantFrom(0, 1, 2, 3, 100),
      afterTax: fc.constantFrom(0, 1, 2, 5_000),
      hce: fc.boolean(),
    }),
    fc.record({
      comp: fc.integer({ min: 100, max: 2_000 }),
      match: fc.integer({ min: 0, max: 5_000_000 }),
      afterTax: fc.integer({ min: 0, max: 5_000_000 }),
      hce: fc.boolean(),
    }),
  );
  it('every cell, ties in the last cent of the dollar leveling and the per-cell leveling included', () => {
    let refunded = 0;
    fc.assert(
      fc.property(
        fc.array(crowded, { minLength: 2, maxLength: 200 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 5 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 5 }),
        (rows, shares, rates) => {
          const text = [
            HEADER,
            ...rows.map(
              (r, i) =>
                `E${String(i)},${dollars(r.comp)},${dollars(r.match)},${dollars(r.afterTax)},${String(r.hce)}`,
            ),
          ].join('\n');
          const p = prepareAcpTest(readCensusText(text).census, { year: 2026, method: 'current' });
          const cells = adoptionGrid(p, shares, rates);
          expect(cells).toEqual(referenceGrid(p, shares, rates));
          refunded += cells.filter((c) => c.refundedHces > 0).length;
        },
      ),
      { numRuns: 300 },
    );
    expect(refunded).toBeGreaterThan(100);
  });
});
