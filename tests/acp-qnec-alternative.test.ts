// The uniform QNEC alternative (Treas. Reg. 1.401(m)-2(b)(1)(i)(A), 1.401(k)-2(b)(1)(i)(A)) found
// by doubling and bisection equals the rate found by stepping one hundredth of a percent at a
// time (tests/acp-reference/qnec-alternative.ts), on random NHCEs, QNECs, targeted QNEC limits
// (Reg. 1.401(m)-2(a)(6)(v)) and HCE averages.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareAcpTest, readCensusText } from '../src/engine/acp/index.js';
import { averageNeeded, qnecAlternative } from '../src/engine/acp/qnec-alternative.js';
import { referenceQnecAlternative } from './acp-reference/qnec-alternative.js';
import { dollars } from './helpers/census-text.js';

const HEADER = 'id,compensation,match,after_tax,hce,qnec';
const row = fc.record({
  comp: fc.integer({ min: 100_000, max: 40_000_000 }),
  match: fc.integer({ min: 0, max: 1_500_000 }),
  afterTax: fc.integer({ min: 0, max: 500_000 }),
  hce: fc.boolean(),
  qnec: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3_000_000 })),
});

describe('QNEC alternative: the search equals stepping', () => {
  it('the same rate, cost and averages (or none) on random tests', () => {
    let searched = 0; // answers five or more steps past the first rate tried, and nulls
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 0, max: 9_000 }),
        fc.boolean(),
        fc.option(fc.integer({ min: 500, max: 4_000 })),
        fc.constantFrom(500, 1000),
        (rows, hceAverageBps, qnecInTest, qnecLimitBps, floorBps) => {
          const text = [
            HEADER,
            ...rows.map(
              (r, i) =>
                `E${String(i)},${dollars(r.comp)},${dollars(r.match)},${dollars(r.afterTax)},${String(r.hce)},${dollars(r.qnec)}`,
            ),
          ].join('\n');
          const census = readCensusText(text).census;
          const p = prepareAcpTest(census, { year: 2026, method: 'current' });
          const input = {
            census,
            nhceIndex: p.nhceIndex,
            nhceAmount: p.nhceAmount,
            nhceComp: p.nhceComp,
            nhceAverageBps: p.nhceAcpBps,
            hceAverageBps,
            qnecInTest,
            qnecLimitBps,
            otherAmount: (i: number) => census.match[i] ?? 0,
            floorBps,
          };
          const fast = qnecAlternative(input);
          const stepped = referenceQnecAlternative(input);
          expect(fast).toEqual(stepped);
          const first = Math.max(1, averageNeeded(hceAverageBps) - p.nhceAcpBps);
          if (fast === null || fast.rateBps - first >= 5) searched++;
        },
      ),
      { numRuns: 300 },
    );
    expect(searched).toBeGreaterThan(5);
  });
});
