// The what-ifs that reuse the prepared test equal the straightforward ones kept in
// tests/acp-reference/: the richer match read from the averages and one leveling equals running
// the whole test before and after the raise (IRC 401(m)(2); Treas. Reg. 1.401(m)-2(a), (b)(2)),
// on random censuses with QNECs, QMACs, the safe-harbor option and prior-year testing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAcp, prepareAcpTest, readCensusText } from '../src/engine/acp/index.js';
import { richerMatch } from '../src/engine/acp/whatif.js';
import { referenceRicherMatch } from './acp-reference/whatif.js';
import { acpRowFields, dollars } from './helpers/census-text.js';

const HEADER = 'id,compensation,match,after_tax,hce,qnec,qmac';

/** A census row in cents: QNECs and QMACs mostly 0, as in most plans. */
const row = fc.record({
  ...acpRowFields,
  qnec: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 3_000_000 })),
  qmac: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 500_000 })),
});

describe('richer match without running the whole test again', () => {
  it('equals the richer match computed with the whole test before and after', () => {
    let failing = 0; // runs that fail before or after, so the excess is compared too
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 300 }),
        fc.constantFrom('current', 'prior'),
        fc.boolean(),
        fc.integer({ min: 0, max: 20_000 }),
        (rows, method, safeHarbor, boostHundredths) => {
          const text = [
            HEADER,
            ...rows.map(
              (r, i) =>
                `E${String(i)},${dollars(r.comp)},${dollars(r.match)},${dollars(r.afterTax)},${String(r.hce)},${dollars(r.qnec)},${dollars(r.qmac)}`,
            ),
          ].join('\n');
          const p = prepareAcpTest(readCensusText(text).census, {
            year: 2026,
            method,
            ...(method === 'prior' ? { priorNhceAcpBps: 200 } : {}),
            ...(safeHarbor ? { safeHarbor: true } : {}),
          });
          const boost = boostHundredths / 100;
          const fast = richerMatch(p, boost);
          expect(fast).toEqual(referenceRicherMatch(p, boost));
          // as the report calls it, with the test it has run
          const r = evaluateAcp(p);
          const tested = {
            hceAcpBps: r.hceAcpBps,
            limitBps: r.limitBps,
            passed: r.passed,
            excess: r.excessAggregateContributions,
          };
          expect(richerMatch(p, boost, tested)).toEqual(fast);
          if (!fast.passedBefore || !fast.passedAfter) failing++;
        },
      ),
      { numRuns: 200 },
    );
    expect(failing).toBeGreaterThan(40);
  });
});
