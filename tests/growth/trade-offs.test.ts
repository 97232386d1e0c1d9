/**
 * One break-even, stated once: each trade-off's sentence, its break-even retirement rate and the
 * projection's table (after-tax wealth at the end of the plan) agree in sign, for any inputs
 * (fast-check), and the built-in example's plan, compare and optimize tell one story. The
 * hand check: 1,000 pre-tax at 40% now with no growth is worth 1,000 × (1 − r) + 400 against
 * 1,000 in Roth, so the break-even retirement rate is 40% (IRC 402(a) vs 402A(d)).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cents } from '../../src/engine/money.js';
import { projectStrategies } from '../../src/engine/project/deterministic.js';
import type { ProjectionInputs } from '../../src/engine/project/inputs.js';
import { tradeOffs } from '../../src/engine/project/trade-offs.js';
import { planReport } from '../../src/engine/report/plan.js';
import { tradeOffsSection } from '../../src/engine/report/trade-offs.js';
import { DEFAULT_GROWTH_ASSUMPTIONS } from '../../src/engine/project/assumptions.js';
import { PHYSICIAN_EXAMPLE } from '../../src/engine/scenario/examples.js';
import { parseScenario } from '../../src/engine/scenario/validate.js';
import { runCli } from '../helpers/cli.js';

const base: ProjectionInputs = {
  contribution: cents(1_000),
  preTaxRoom: cents(1_000),
  years: 1,
  withdrawalYears: 1,
  expectedReturn: 0,
  volatility: 0,
  inflation: 0,
  currentRate: 0.4,
  retirementRate: 0.25,
  capitalGainsRate: 0.2,
  dividendYield: 0,
};

describe('the trade-offs agree with the table and the rate', () => {
  it('hand check: pre-tax vs Roth at 40% now, 25% later, no growth: pre-tax ahead by 150', () => {
    const t = tradeOffs(base, null);
    expect(t.preTaxVsRoth).toMatchObject({
      applies: true,
      ahead: 'preTax',
      difference: cents(150),
    });
    if (!t.preTaxVsRoth.applies) throw new Error('applies');
    expect(t.preTaxVsRoth.breakEvenRetirementRate).toBeCloseTo(0.4, 5);
    const s = tradeOffsSection('t', t).preTaxVsRoth;
    expect(s.summary).toBe(
      'At the assumed retirement rate of 25.00%, pre-tax money ends $150 ahead; pre-tax money is ahead only at a retirement rate below 40.00% (above it the full Mega Backdoor is ahead).',
    );
  });

  it('no pre-tax room: the comparison does not apply and prints no rate', () => {
    const s = tradeOffsSection('t', tradeOffs({ ...base, preTaxRoom: 0 }, null)).preTaxVsRoth;
    expect(s).toMatchObject({ applies: false, breakEvenRetirementRate: null, ahead: null });
    expect(s.summary).toMatch(/^Does not apply: no 402\(g\) deferral room/);
    expect(s.summary).not.toMatch(/%/);
  });

  it('property: the side ahead, the table and the break-even rate agree in sign', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 5_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 30 }),
        fc.double({ min: -0.05, max: 0.15, noNaN: true }),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.double({ min: 0, max: 0.05, noNaN: true }),
        (c, share, years, wy, r, t, tr, cg, dy) => {
          const i: ProjectionInputs = {
            ...base,
            contribution: c,
            preTaxRoom: Math.round(c * share),
            years,
            withdrawalYears: wy,
            expectedReturn: r,
            currentRate: t,
            retirementRate: tr,
            capitalGainsRate: cg,
            dividendYield: dy,
          };
          const p = projectStrategies(i);
          const x = tradeOffs(i, null).preTaxVsRoth;
          if (!x.applies) return i.preTaxRoom === 0;
          const table = Math.sign(p.outcomes.preTax.atEnd - p.outcomes.fullMbr.atEnd);
          const said = x.ahead === 'preTax' ? 1 : x.ahead === 'roth' ? -1 : 0;
          expect(said).toBe(table);
          const be = x.breakEvenRetirementRate;
          // away from the break-even (float noise), the rate says the same thing
          if (be !== null && Math.abs(be - tr) > 1e-4 && said !== 0) {
            expect(tr < be ? 1 : -1).toBe(said);
          }
          const s = tradeOffsSection('t', tradeOffs(i, null)).preTaxVsRoth.summary;
          if (said === 1) expect(s).toMatch(/pre-tax money ends \$[\d,]+ ahead/);
          if (said === -1) expect(s).toMatch(/the full Mega Backdoor ends \$[\d,]+ ahead/);
          return true;
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('the built-in example tells one story', () => {
  const r = planReport(
    parseScenario(structuredClone(PHYSICIAN_EXAMPLE)),
    DEFAULT_GROWTH_ASSUMPTIONS,
  );
  const w = r.worth;

  it('the worth section: no pre-tax room, so pre-tax vs Roth does not apply and (c) = (d)', () => {
    expect(w?.preTaxRoom.cents).toBe(0);
    expect(w?.tradeOffs.preTaxVsRoth.applies).toBe(false);
    expect(w?.tradeOffs.preTaxVsRoth.breakEvenRetirementRate).toBeNull();
    expect(w?.atEnd.preTax.cents).toBe(w?.atEnd.taxable.cents);
    expect(w?.atEnd.fullMbr.cents).toBeGreaterThan(w?.atEnd.preTax.cents ?? Infinity);
  });

  it('employer vs after-tax: the plan keeps the employer contribution, and the projection agrees', () => {
    const solo = r.plans.find((p) => p.id === 'solo-401k');
    expect(solo?.nonelective.cents).toBe(1_282_592);
    const e = w?.tradeOffs.employerVsAfterTax;
    expect(e?.amount?.cents).toBe(1_282_592);
    expect(e?.ahead).toBe('employer');
    // the assumed 29% retirement rate is below the break-even rate
    expect(w?.retirementRate.rate).toBe(0.29);
    expect(e?.breakEvenRetirementRate?.rate).toBeGreaterThan(0.29);
    expect(e?.breakEvenRetirementRate?.rate).toBeCloseTo(0.3005, 4);
    // the solo plan's trade-off block states no break-even of its own
    expect(solo?.tradeOff?.explanation).not.toMatch(/today's rate = retirement rate/);
  });

  it('compare and optimize say the same: the same trade-offs, the employer contribution kept', async () => {
    const c = JSON.parse((await runCli(['compare', '--paths', '50', '--json'])).stdout) as {
      tradeOffs: Record<string, { summary: string; breakEvenRetirementRate: number | null }>;
    };
    for (const k of ['employerVsAfterTax', 'preTaxVsRoth', 'fullVsRothLite'] as const) {
      expect(c.tradeOffs[k]?.summary).toBe(w?.tradeOffs[k].summary);
    }
    const o = JSON.parse((await runCli(['optimize', '--json'])).stdout) as {
      plans: { plan: string; employer: number; afterTax: number }[];
    };
    const solo = o.plans.find((p) => p.plan === 'solo-401k');
    expect(solo?.employer).toBe(12_825.92);
    expect(solo?.afterTax).toBe(22_674.08);
  });
});
