// Each row's contributions counted in the ACP test (IRC 401(m)(3); Treas. Reg. 1.401(m)-2(a)(4)-(6)),
// asked for one row (`countedAt`, the participant view's figure), equal what the test counted for
// it: the HCE's or NHCE's amount in the prepared groups, an NHCE's QNEC held to the targeted QNEC
// limit (Reg. 1.401(m)-2(a)(6)(v)), and 0 for a row not in the test.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countedAt, prepareAcpTest, readCensusText } from '../src/engine/acp/index.js';
import { acpRowFields, dollars } from './helpers/census-text.js';

const HEADER = 'id,compensation,match,after_tax,hce,qnec,qmac,eligible';
const row = fc.record({
  ...acpRowFields,
  qnec: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 6_000_000 })),
  qmac: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 500_000 })),
  eligible: fc.boolean(),
});

describe('one row’s counted contributions', () => {
  it('equal the amounts the test counted, for every row', () => {
    let limited = 0; // runs where the targeted QNEC limit cut some QNEC
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 150 }),
        fc.boolean(),
        fc.constantFrom<'acp' | 'adp'>('acp', 'adp'),
        (rows, safeHarbor, qnecTest) => {
          if (safeHarbor && qnecTest === 'adp') return;
          const text = [
            HEADER,
            ...rows.map(
              (r, i) =>
                `E${String(i)},${dollars(r.comp)},${dollars(r.match)},${dollars(r.afterTax)},${String(r.hce)},${dollars(r.qnec)},${dollars(r.qmac)},${r.eligible ? 'yes' : 'no'}`,
            ),
          ].join('\n');
          const p = prepareAcpTest(readCensusText(text).census, {
            year: 2026,
            method: 'current',
            qnecTest,
            ...(safeHarbor ? { safeHarbor: true } : {}),
          });
          const expected = new Float64Array(rows.length);
          p.hceIndex.forEach((i, j) => (expected[i] = p.hceAmount[j] ?? 0));
          p.nhceIndex.forEach((i, k) => (expected[i] = p.nhceAmount[k] ?? 0));
          const got = Float64Array.from(rows, (_, i) => countedAt(p, i));
          expect(Array.from(got)).toEqual(Array.from(expected));
          if ((p.qnecLimit?.nhcesLimited ?? 0) > 0) limited++;
        },
      ),
      { numRuns: 300 },
    );
    expect(limited).toBeGreaterThan(8);
  });
});
