import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitGroups } from './groups.js';
import { spreadOf } from './leveling.js';
import { determineHces, generateCensusCsv, readCensusText } from './index.js';

// The split sized by the HCE count must be the split sized by counting the rows first (the test
// groups of Treas. Reg. 1.401(m)-2(a)(3)), whatever rows are left out, and a count that is not
// `isHce`'s must still give the exact split; the HCEs' ratio spread it takes (for the HCE ACP of
// Reg. 1.401(m)-2(a)(2)) is the spread of the ratios it returns.
describe('splitGroups sized by the HCE count', () => {
  it('gives the split of the counting pass, left-out rows and wrong counts included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 1_000 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: -5, max: 5 }),
        (employees, seed, leftEvery, countError) => {
          const { census } = readCensusText([...generateCensusCsv({ employees, seed })].join(''));
          const hces = determineHces(census, 2026);
          const leftOut =
            leftEvery === 0
              ? undefined
              : Uint8Array.from({ length: census.size }, (_, i) =>
                  i % (leftEvery + 1) === 0 ? 1 : 0,
                );
          const rows = leftOut === undefined ? {} : { leftOut };
          const counted = [census.afterTax, census.match];
          const cap = 36_000_000;
          const exact = splitGroups(census, hces.isHce, cap, counted, rows);
          const count = hces.byColumn + hces.byOwnership + hces.byPay;
          const sized = splitGroups(census, hces.isHce, cap, counted, rows, count + countError);
          expect(sized.ineligibleCount).toBe(exact.ineligibleCount);
          expect(sized.leftOutCount).toBe(exact.leftOutCount);
          expect(sized.nhceRatioSum).toBe(exact.nhceRatioSum);
          for (const k of [
            'hceIndex',
            'hceAmount',
            'hceComp',
            'hceRatio',
            'nhceIndex',
            'nhceAmount',
            'nhceComp',
          ] as const) {
            expect(Array.from(sized[k])).toEqual(Array.from(exact[k]));
          }
          // the HCEs' ratio spread taken in the split is the spread of the ratios it returns
          for (const g of [sized, exact]) {
            const { min, max, total, of } = g.hceRatioSpread;
            expect(of).toBe(g.hceRatio);
            expect({ min, max, total }).toEqual(spreadOf(g.hceRatio));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
