// The refunds of a failing ACP test (Treas. Reg. 1.401(m)-2(b)(2)(iv)-(vi): after-tax money
// first, then vested match distributed and unvested match forfeited, then QMAC and QNEC, each
// with its allocable income) equal the per-HCE split kept in tests/acp-reference/refunds.ts, on
// random censuses with QNECs, QMACs, vesting, the year's gain or loss, what-if money and each
// option that changes the split.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAcp, prepareAcpTest, readCensusText } from '../src/engine/acp/index.js';
import { levelExcess } from '../src/engine/acp/leveling.js';
import { contributionRatioBps } from '../src/engine/acp/ratios.js';
import { referenceRefunds } from './acp-reference/refunds.js';
import { acpRowFields, dollars } from './helpers/census-text.js';

const row = fc.record({
  ...acpRowFields,
  qnec: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3_000_000 })),
  qmac: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 500_000 })),
  vested: fc.integer({ min: 0, max: 100 }),
  gain: fc.integer({ min: -2_000_000, max: 2_000_000 }),
  balance: fc.integer({ min: 0, max: 50_000_000 }),
  extra: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_000_000 })),
});

describe('refunds of a failing test', () => {
  it('equal the per-HCE split, totals and allocable income included', () => {
    let refunded = 0; // runs with refunds, so the comparison is not vacuous
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 2, maxLength: 200 }),
        fc.boolean(), // vesting column
        fc.boolean(), // gain_loss and beginning_balance columns
        fc.boolean(), // safe harbor
        fc.constantFrom('acp', 'adp'),
        fc.option(fc.integer({ min: -10_000, max: 10_000 })),
        fc.option(fc.integer({ min: 0, max: 10_000 })),
        fc.boolean(), // what-if money
        (rows, vesting, gains, safeHarbor, qnecTest, gainRateBps, defaultVestedBps, whatIf) => {
          const header = `id,compensation,match,after_tax,hce,qnec,qmac${vesting ? ',match_vested_percent' : ''}${gains ? ',gain_loss,beginning_balance' : ''}`;
          const text = [
            header,
            ...rows.map(
              (r, i) =>
                `E${String(i)},${dollars(r.comp)},${dollars(r.match)},${dollars(r.afterTax)},${String(r.hce)},${dollars(r.qnec)},${dollars(r.qmac)}` +
                (vesting ? `,${String(r.vested)}` : '') +
                (gains ? `,${dollars(r.gain)},${dollars(r.balance)}` : ''),
            ),
          ].join('\n');
          const p = prepareAcpTest(readCensusText(text).census, {
            year: 2026,
            method: 'current',
            ...(safeHarbor ? { safeHarbor: true } : { qnecTest }),
            ...(gainRateBps === null ? {} : { gainRateBps }),
            ...(defaultVestedBps === null ? {} : { defaultVestedBps }),
          });
          const hn = p.hceIndex.length;
          const extra = whatIf
            ? Float64Array.from({ length: hn }, (_, j) => rows[p.hceIndex[j] ?? 0]?.extra ?? 0)
            : undefined;
          const r = evaluateAcp(p, extra);
          if (r.passed) return;
          const amounts = Float64Array.from(
            p.hceAmount,
            (a, j) => a + (extra === undefined ? 0 : (extra[j] ?? 0)),
          );
          const ratios = Float64Array.from(amounts, (a, j) =>
            contributionRatioBps(a, p.hceComp[j] ?? 1),
          );
          const lev = levelExcess({
            amounts,
            compensations: p.hceComp,
            ratios,
            limitBps: r.limitBps,
          });
          const ref = referenceRefunds(p, lev.reductions, amounts, ratios, extra);
          expect(r.refunds).toEqual(ref.refunds);
          expect(r.distributedTotal).toBe(ref.distributed);
          expect(r.forfeitedTotal).toBe(ref.forfeited);
          expect(r.allocableIncomeTotal).toBe(ref.income);
          if (ref.refunds.length > 0) refunded++;
        },
      ),
      { numRuns: 300 },
    );
    expect(refunded).toBeGreaterThan(50);
  });
});
