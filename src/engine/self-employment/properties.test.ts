/** Property tests: any mix of W-2 and self-employment income stays within every limit. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { applyRate } from '../money.js';
import { paramsFor, rate, SUPPORTED_YEARS, usd } from '../params/index.js';
import { soloReport, type SoloEnd, type SoloInput } from '../report/solo.js';
import { catchUpLimitFor, scheduleSe } from './index.js';

const dollars = (max: number) => fc.integer({ min: 0, max: max * 100 });

/** Consistent flags: a 403(b)'s additions within its own limit and its employer's pay. */
const arbInput = fc
  .record({
    year: fc.constantFrom(...SUPPORTED_YEARS),
    sCorp: fc.boolean(),
    amount: fc.oneof(dollars(1_500_000), dollars(60_000)),
    w2: fc.oneof(dollars(600_000), fc.constant(0)),
    deferralShare: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant(100)),
    catchUpShare: fc.integer({ min: 0, max: 100 }),
    age: fc.integer({ min: 18, max: 90 }),
    roth: fc.boolean(),
    agg: fc.option(
      fc.record({ additionsShare: fc.integer({ min: 1, max: 100 }), extraComp: dollars(600_000) }),
      { nil: undefined },
    ),
    planRatePercent: fc.integer({ min: 0, max: 25 }),
  })
  .map((g): SoloInput => {
    const p = paramsFor(g.year);
    const limit = usd(p.plan.electiveDeferralLimit);
    const deferrals = Math.floor((limit * g.deferralShare) / 100);
    const catchUp =
      deferrals === limit ? Math.floor((catchUpLimitFor(p, g.age) * g.catchUpShare) / 100) : 0;
    const additions = g.agg
      ? Math.floor((usd(p.plan.annualAdditionsLimit) * g.agg.additionsShare) / 100)
      : 0;
    return {
      year: g.year,
      business: g.sCorp
        ? { kind: 's-corp', wages: g.amount }
        : { kind: 'self-employed', netProfit: g.amount },
      w2SocialSecurityWages: g.w2,
      deferralsElsewhere: deferrals,
      catchUpElsewhere: catchUp,
      age: g.age,
      rothDeferrals: g.roth,
      planRatePercent: g.planRatePercent,
      rateRounding: { kind: 'full' },
      filingStatus: 'single',
      ...(g.agg
        ? {
            aggregated403b: {
              annualAdditions: additions,
              compensation: additions + catchUp + g.agg.extraComp,
            },
          }
        : {}),
    };
  });

function additions(e: SoloEnd): number {
  return e.employerContribution.cents + e.employeeDeferral.cents + e.afterTaxRoom.cents;
}

describe('properties', () => {
  test('each end stays within 415(c) and 100% of compensation, and the combined limit with an aggregated 403(b)', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const p = paramsFor(input.year);
        const limit = usd(p.plan.annualAdditionsLimit);
        const r = soloReport(input);
        for (const e of [r, r.noEmployerContribution]) {
          expect(additions(e)).toBeLessThanOrEqual(e.limit415c.cents);
          expect(e.limit415c.cents).toBeLessThanOrEqual(Math.min(limit, e.compensation.cents));
          for (const f of [e.employerContribution, e.employeeDeferral, e.afterTaxRoom, e.catchUp]) {
            expect(f.cents).toBeGreaterThanOrEqual(0);
          }
          const agg = input.aggregated403b;
          if (agg) {
            expect(additions(e) + agg.annualAdditions).toBeLessThanOrEqual(
              Math.min(limit, e.compensation.cents + (agg.compensation ?? 0)),
            );
          }
          // deferral and catch-up come out of compensation
          expect(e.employeeDeferral.cents + e.catchUp.cents).toBeLessThanOrEqual(
            input.business.kind === 's-corp'
              ? input.business.wages
              : (r.worksheet?.step3NetEarnings.cents ?? 0),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  test('deferrals across plans stay within 402(g), catch-ups within the limit for the age', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const p = paramsFor(input.year);
        const r = soloReport(input);
        for (const e of [r, r.noEmployerContribution]) {
          expect(input.deferralsElsewhere + e.employeeDeferral.cents).toBeLessThanOrEqual(
            usd(p.plan.electiveDeferralLimit),
          );
          expect(input.catchUpElsewhere + e.catchUp.cents).toBeLessThanOrEqual(
            catchUpLimitFor(p, input.age),
          );
          if (input.age < p.plan.catchUpAge.value) expect(e.catchUp.cents).toBe(0);
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
            w2MedicareWages: w2,
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
      fc.property(arbInput, dollars(200_000), (input, more) => {
        if (input.business.kind !== 'self-employed') return;
        const np = input.business.netProfit;
        if (np < 50_000) return; // below $500 of profit the $400 floor cliff is possible
        const a = soloReport(input);
        const b = soloReport({
          ...input,
          business: { kind: 'self-employed', netProfit: np + more },
        });
        expect(b.employerContribution.cents).toBeGreaterThanOrEqual(a.employerContribution.cents);
        expect(b.worksheet?.step21MaxDeduction.cents ?? 0).toBeGreaterThanOrEqual(
          a.worksheet?.step21MaxDeduction.cents ?? 0,
        );
      }),
      { numRuns: 200 },
    );
  });

  test('the $400 floor cliff: 434 of profit allows less employer money than 433', () => {
    const p = paramsFor(2026);
    const at = (np: number) =>
      soloReport({
        year: 2026,
        business: { kind: 'self-employed', netProfit: np },
        w2SocialSecurityWages: 0,
        // 402(g) used elsewhere, so Step 9 is 0 and all of Step 3 is open to the employer formula
        deferralsElsewhere: usd(p.plan.electiveDeferralLimit),
        catchUpElsewhere: 0,
        age: 40,
        rothDeferrals: false,
        rateRounding: { kind: 'full' },
        filingStatus: 'single',
      }).employerContribution.cents;
    expect(at(43_300)).toBe(8_660); // 433.00 × 20%
    expect(at(43_400)).toBe(8_067); // (434 − 30.66) × 20% = 80.668
  });
});
