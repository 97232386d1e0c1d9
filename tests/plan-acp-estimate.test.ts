/**
 * The plan's ACP refund estimate with other HCEs (prior-year testing, Treas. Reg.
 * 1.401(m)-2(a)(2); leveling of HCE ratios and dollars, Treas. Reg. 1.401(m)-2(b)(2)), bounded by
 * the participant's 415(c) room and pay (IRC 415(c)(1)).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GROWTH_ASSUMPTIONS } from '../src/engine/project/from-household.js';
import { planReport } from '../src/engine/report/plan.js';
import { acpRisk, type AcpRiskInput } from '../src/engine/rules/acp-risk.js';
import type { ScenarioInput } from '../src/engine/scenario/schema.js';
import { parseScenario } from '../src/engine/scenario/validate.js';
import { runCli } from './helpers/cli.js';

/** Case C-7: $200,000 of pay, full Roth deferral, 50% match up to 6% ($6,000), room $41,500. */
function bigCo(acp: Record<string, unknown>, wages = 200_000, match = true): ScenarioInput {
  return {
    version: 1,
    taxYear: 2026,
    filingStatus: 'single',
    people: [{ id: 'sam', birthDate: '1981-07-02' }],
    jobs: [
      {
        id: 'bigco',
        person: 'sam',
        employer: 'BigCo',
        type: 'w2',
        wages,
        priorYearFicaWages: wages,
      },
    ],
    plans: [
      {
        id: 'bigco-401k',
        job: 'bigco',
        type: '401k',
        deferrals: [{ type: match ? 'roth' : 'pre-tax', amount: 'max' }],
        match: match ? [{ rate: 50, upToPercent: 6 }] : [],
        afterTax: { allowed: true },
        inPlanConversion: 'automatic',
        acp,
      },
    ],
  } as ScenarioInput;
}

function riskOf(input: ScenarioInput) {
  const r = planReport(parseScenario(input), DEFAULT_GROWTH_ASSUMPTIONS);
  const risk = r.plans[0]?.acpRisk;
  if (!risk) throw new Error('no ACP estimate');
  return risk;
}

describe('the plan ACP estimate with other HCEs', () => {
  // Last year's NHCE ACP 4% sets the limit max(1.25 × 4, min(2 × 4, 4 + 2)) = 6% (IRC
  // 401(m)(2)(A)). Sam puts in 6,000 of match + 41,500 after-tax = 47,500, 23.75% of 200,000.
  it('alone (no HCE ACP given): 35,500 of 41,500 comes back, and it says so', () => {
    const r = riskOf(bigCo({ expectedNhceAcp: 4 }));
    // 6% of 200,000 = 12,000 may stay; the 6,000 match leaves 6,000 of after-tax money
    expect(r.likelyRefund.cents).toBe(3_550_000);
    expect(r.acpLimit).toBe(6);
    expect(r.hceAcp).toBeNull();
    expect(r.assumption).toMatch(/only HCE.*plans\[0\]\.acp\.hceAcp/);
  });

  it('ten HCEs, the nine others at 5%: the plan fails and Sam alone gives back 17,500', () => {
    const r = riskOf(bigCo({ expectedNhceAcp: 4, hceAcp: 5, hceCount: 10 }));
    // ratios 23.75 + 9 × 5 = 68.75 over 10 = 6.875% > 6%: leveling lowers Sam's ratio to
    // 60 − 45 = 15%, an excess of 8.75% × 200,000 = 17,500, all Sam's (the most dollars).
    expect(r.likelyRefund.cents).toBe(1_750_000);
    // no refund while (45 + y) / 10 rounds to 6.00%: y ≤ 15.04%, 30,089.99 less 6,000 of match
    expect(r.maxAfterTaxWithoutRefund.cents).toBe(2_408_999);
    expect(r.assumption).toMatch(/9 other HCEs each put in 5\.00%/);
  });

  it('fifty HCEs at 5%: no refund, and the most with no refund is the room, not more', () => {
    const r = riskOf(bigCo({ expectedNhceAcp: 4, hceAcp: 5, hceCount: 50 }));
    // (49 × 5 + 23.75) / 50 = 5.375% ≤ 6%; Sam could reach 300 − 245 = 55% (104,000 after-tax)
    // but 415(c) leaves 72,000 − 24,500 − 6,000 = 41,500
    expect(r.likelyRefund.cents).toBe(0);
    expect(r.maxAfterTaxWithoutRefund.cents).toBe(4_150_000);
  });

  it('HCE ACP without a count: within the limit nothing comes back; above it, down to 6%', () => {
    const within = riskOf(bigCo({ expectedNhceAcp: 4, hceAcp: 5 }));
    expect(within.likelyRefund.cents).toBe(0);
    expect(within.maxAfterTaxWithoutRefund.cents).toBe(4_150_000);
    expect(within.assumption).toMatch(/does not move that average/);
    const above = riskOf(bigCo({ expectedNhceAcp: 4, hceAcp: 7 }));
    // every HCE is leveled down to 6% of pay, 12,000: Sam keeps 6,000 of after-tax money
    expect(above.likelyRefund.cents).toBe(3_550_000);
    expect(above.maxAfterTaxWithoutRefund.cents).toBe(600_000);
  });

  it('never more than the room or the pay (was $250,000.01 on $250,000 of pay)', () => {
    // NHCE ACP 90% → limit 1.25 × 90 = 112.5% of pay: no amount fails, so the bound is the
    // 415(c) room: 72,000 − 24,500 of deferrals = 47,500
    const r = riskOf(bigCo({ expectedNhceAcp: 90 }, 250_000, false));
    expect(r.likelyRefund.cents).toBe(0);
    expect(r.maxAfterTaxWithoutRefund.cents).toBe(4_750_000);
  });

  it('acp --pay: the estimate without a census stops at the pay, not a cent above', async () => {
    // limit 1.25 × 90 = 112.5% of pay: no amount fails; the search ends at the 100,000 of pay
    const r = await runCli(['acp', '--pay', '100000', '--expected-nhce-acp', '90', '--json']);
    const j = JSON.parse(r.stdout) as { maxAfterTaxWithoutRefund: number; limit: number };
    expect(j.limit).toBe(1.125);
    expect(j.maxAfterTaxWithoutRefund).toBe(100_000);
  });

  it('refuses hceCount without hceAcp, naming the field', () => {
    expect(() => parseScenario(bigCo({ expectedNhceAcp: 4, hceCount: 3 }))).toThrow(
      /plans\[0\]\.acp\.hceCount: hceCount needs hceAcp/,
    );
  });

  it('prints what it assumed under the ACP lines', async () => {
    const r = await runCli(['plan', 'examples/large-employer-full-mbr.yaml']);
    expect(r.stdout).toMatch(/ACP: assumed /);
  });
});

describe('property: the most after-tax with no refund', () => {
  const input: fc.Arbitrary<AcpRiskInput> = fc
    .record({
      compensation: fc.integer({ min: 1, max: 50_000_000 }),
      match: fc.integer({ min: 0, max: 5_000_000 }),
      afterTax: fc.integer({ min: 0, max: 8_000_000 }),
      afterTaxRoom: fc.integer({ min: 0, max: 8_000_000 }),
      nhceBps: fc.integer({ min: 0, max: 10_000 }),
      hceBps: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
      hceCount: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
      safeHarbor: fc.boolean(),
    })
    .map((x) => ({
      key: 'k',
      path: 'plans[0].acp',
      year: 2026,
      compensation: x.compensation,
      match: x.match,
      afterTax: Math.min(x.afterTax, x.afterTaxRoom),
      afterTaxRoom: x.afterTaxRoom,
      expectedNhceAcp: { num: x.nhceBps, den: 10_000 },
      ...(x.hceBps === undefined ? {} : { hceAcp: { num: x.hceBps, den: 10_000 } }),
      ...(x.hceBps === undefined || x.hceCount === undefined ? {} : { hceCount: x.hceCount }),
      safeHarbor: x.safeHarbor,
    }));

  it('never exceeds the 415(c) room or the pay, and at that amount nothing comes back', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = acpRisk(i);
        const most = r.maxAfterTaxWithoutRefund.cents;
        expect(most).toBeGreaterThanOrEqual(0);
        expect(most).toBeLessThanOrEqual(i.afterTaxRoom);
        expect(most).toBeLessThanOrEqual(i.compensation);
        expect(r.likelyRefund.cents).toBeLessThanOrEqual(i.afterTax);
        expect(acpRisk({ ...i, afterTax: most }).likelyRefund.cents).toBe(0);
      }),
      { numRuns: 150 },
    );
  });
});
