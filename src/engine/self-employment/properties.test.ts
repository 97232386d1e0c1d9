/** Property tests: any mix of W-2 and self-employment income stays within every limit. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { applyRate } from '../money.js';
import { paramsFor, rate, SUPPORTED_YEARS, usd } from '../params/index.js';
import {
  catchUpLimitFor,
  scheduleSe,
  soloRoom,
  type SoloEnd,
  type SoloRoomInput,
} from './index.js';

const dollars = (max: number) => fc.integer({ min: 0, max: max * 100 });

const arbInput = fc
  .record({
    year: fc.constantFrom(...SUPPORTED_YEARS),
    sCorp: fc.boolean(),
    amount: dollars(1_500_000),
    w2: dollars(600_000),
    deferralShare: fc.integer({ min: 0, max: 100 }),
    age: fc.integer({ min: 18, max: 90 }),
    roth: fc.boolean(),
    agg: fc.option(fc.record({ additions: dollars(72_000), comp: dollars(600_000) }), {
      nil: undefined,
    }),
    planRatePercent: fc.integer({ min: 0, max: 25 }),
  })
  .map((g): { year: number; input: SoloRoomInput } => {
    const p = paramsFor(g.year);
    const limit = usd(p.plan.electiveDeferralLimit);
    return {
      year: g.year,
      input: {
        business: g.sCorp
          ? { kind: 's-corp', wages: g.amount }
          : { kind: 'self-employed', netProfit: g.amount },
        w2SocialSecurityWages: g.w2,
        filingStatus: 'single',
        deferralsElsewhere: Math.floor((limit * g.deferralShare) / 100),
        age: g.age,
        rothDeferrals: g.roth,
        planRate: { num: g.planRatePercent, den: 100 },
        ...(g.agg
          ? { aggregated403b: { annualAdditions: g.agg.additions, compensation: g.agg.comp } }
          : {}),
      },
    };
  });

function additions(e: SoloEnd): number {
  return e.employerContribution + e.employeeDeferral + e.afterTaxRoom;
}

describe('properties', () => {
  test('each end stays within 415(c) and 100% of compensation, and the combined limit with an aggregated 403(b)', () => {
    fc.assert(
      fc.property(arbInput, ({ year, input }) => {
        const p = paramsFor(year);
        const limit = usd(p.plan.annualAdditionsLimit);
        const r = soloRoom(p, input);
        for (const e of [r.maxEmployer, r.noEmployer]) {
          expect(additions(e)).toBeLessThanOrEqual(e.limit415c);
          expect(e.limit415c).toBeLessThanOrEqual(Math.min(limit, e.compensation));
          expect(
            Math.min(e.employerContribution, e.employeeDeferral, e.afterTaxRoom, e.catchUp),
          ).toBeGreaterThanOrEqual(0);
          const agg = input.aggregated403b;
          if (agg && agg.annualAdditions > 0) {
            expect(additions(e) + agg.annualAdditions).toBeLessThanOrEqual(
              Math.max(agg.annualAdditions, Math.min(limit, e.compensation + agg.compensation)),
            );
          }
          // deferral and catch-up come out of compensation
          expect(e.employeeDeferral + e.catchUp).toBeLessThanOrEqual(
            input.business.kind === 's-corp'
              ? input.business.wages
              : (r.worksheet?.step3NetEarnings ?? 0),
          );
        }
      }),
      { numRuns: 400 },
    );
  });

  test('deferrals across plans stay within 402(g), catch-ups within the limit for the age', () => {
    fc.assert(
      fc.property(arbInput, ({ year, input }) => {
        const p = paramsFor(year);
        const r = soloRoom(p, input);
        for (const e of [r.maxEmployer, r.noEmployer]) {
          expect(input.deferralsElsewhere + e.employeeDeferral).toBeLessThanOrEqual(
            usd(p.plan.electiveDeferralLimit),
          );
          expect(e.catchUp).toBeLessThanOrEqual(catchUpLimitFor(p, input.age));
          if (input.age < p.plan.catchUpAge.value) expect(e.catchUp).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('SE tax never uses more wage base than is left after W-2 wages', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SUPPORTED_YEARS),
        dollars(2_000_000),
        dollars(600_000),
        (year, np, w2) => {
          const p = paramsFor(year);
          const r = scheduleSe(p, {
            netProfit: np,
            w2SocialSecurityWages: w2,
            filingStatus: 'single',
          });
          const left = Math.max(0, usd(p.payroll.socialSecurityWageBase) - w2);
          expect(r.line10Oasdi).toBeLessThanOrEqual(applyRate(left, rate(p.payroll.seOasdiRate)));
          expect(r.line10Oasdi).toBe(
            applyRate(Math.min(r.line6NetEarnings, left), rate(p.payroll.seOasdiRate)),
          );
          expect(r.line13Deduction * 2 - r.line12SeTax).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 500 },
    );
  });

  // The one exception is real: crossing the $400 floor of net earnings switches SE tax on, and
  // its deductible half lowers Step 3 (433 of profit → Step 3 433.00; 434 → 403.34). The property
  // is checked away from that band; the cliff has its own test below.
  test('more net profit never lowers the maximum employer contribution (away from the $400 floor)', () => {
    fc.assert(
      fc.property(arbInput, dollars(200_000), ({ year, input }, more) => {
        if (input.business.kind !== 'self-employed') return;
        const np = input.business.netProfit;
        if (np < 50_000) return; // below $500 of profit the $400 floor cliff is possible
        const p = paramsFor(year);
        const a = soloRoom(p, input);
        const b = soloRoom(p, {
          ...input,
          business: { kind: 'self-employed', netProfit: np + more },
        });
        expect(b.maxEmployer.employerContribution).toBeGreaterThanOrEqual(
          a.maxEmployer.employerContribution,
        );
        expect(b.worksheet?.step21MaxDeduction ?? 0).toBeGreaterThanOrEqual(
          a.worksheet?.step21MaxDeduction ?? 0,
        );
      }),
      { numRuns: 400 },
    );
  });

  test('the $400 floor cliff: 434 of profit allows less employer money than 433', () => {
    const p = paramsFor(2026);
    const at = (np: number) =>
      soloRoom(p, {
        business: { kind: 'self-employed', netProfit: np },
        w2SocialSecurityWages: 0,
        filingStatus: 'single',
        // 402(g) used elsewhere, so Step 9 is 0 and all of Step 3 is open to the employer formula
        deferralsElsewhere: usd(p.plan.electiveDeferralLimit),
        age: 40,
        rothDeferrals: false,
      }).maxEmployer.employerContribution;
    expect(at(43_300)).toBe(8_660); // 433.00 × 20%
    expect(at(43_400)).toBe(8_067); // (434 − 30.66) × 20% = 80.668
  });
});
