import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCases } from '../../../tests/helpers/cases.js';
import { InputError } from '../errors.js';
import { cents } from '../money.js';
import { breakEvenRetirementRate, projectStrategies } from './deterministic.js';
import { MAX_PATHS, MAX_RETURN, MIN_RETURN, type ProjectionInputs } from './inputs.js';
import { simulateStrategies } from './montecarlo.js';
import { STRATEGIES } from './strategies.js';

interface ProjectionCase {
  id: string;
  contribution: number;
  years: number;
  return: number;
  expect: {
    total: number;
    fullMbr: { roth: number; preTax: number };
    rothLite: { roth: number; preTax: number };
  };
}
const cases = (loadCases('income-tax.yaml') as { projection: ProjectionCase[] }).projection;

const base: ProjectionInputs = {
  contribution: cents(22_674.08),
  preTaxRoom: cents(10_000),
  years: 20,
  withdrawalYears: 25,
  expectedReturn: 0.07,
  volatility: 0.15,
  inflation: 0.025,
  currentRate: 0.4,
  retirementRate: 0.29,
  capitalGainsRate: 0.288,
  dividendYield: 0.015,
};

describe('deterministic projection', () => {
  it.each(cases)('$id: Roth-lite splits basis and earnings at separation', (c) => {
    const p = projectStrategies({
      ...base,
      contribution: cents(c.contribution),
      contributionYears: 1,
      years: c.years,
      withdrawalYears: 1,
      expectedReturn: c.return,
      retirementRate: 0.3,
    });
    const atRet = p.rows[c.years - 1]?.strategies;
    expect(atRet?.fullMbr.roth).toBe(cents(c.expect.fullMbr.roth));
    expect(atRet?.rothLite.afterTax).toBe(cents(c.expect.total));
    expect(p.separation.toRothIra).toBe(cents(c.expect.rothLite.roth));
    expect(p.separation.toTraditionalIra).toBe(cents(c.expect.rothLite.preTax));
    expect(p.separation.taxOnEarnings).toBe(Math.round(cents(c.expect.rothLite.preTax) * 0.3));
    // after separation (first withdrawal year) the accounts hold the split amounts × growth
    const first = p.rows[c.years]?.strategies.rothLite;
    expect(first?.received).toBe(
      Math.round(cents(c.expect.rothLite.roth) + cents(c.expect.rothLite.preTax) * 0.7),
    );
  });

  it('hand-checked taxable account: 1,000 once, 10% return, 2% yield, 20% rate, 1 year', () => {
    // dividends 20 taxed 4 → balance 1,100 − 4 = 1,096, basis 1,016; sold: gain 80 × 20% = 16
    const p = projectStrategies({
      ...base,
      contribution: cents(1_000),
      preTaxRoom: 0,
      years: 1,
      withdrawalYears: 0,
      expectedReturn: 0.1,
      capitalGainsRate: 0.2,
      dividendYield: 0.02,
    });
    expect(p.rows[0]?.strategies.taxable.taxable).toBe(cents(1_096));
    expect(p.outcomes.taxable.atEnd).toBe(cents(1_080));
    expect(p.outcomes.fullMbr.atEnd).toBe(cents(1_100));
    // pre-tax room 0: (c) is the same as (d)
    expect(p.outcomes.preTax.atEnd).toBe(p.outcomes.taxable.atEnd);
  });

  it('pre-tax: 1,000 of room at 40% now, 25% later, no growth: 1,000 × 75% + 400 saved', () => {
    const p = projectStrategies({
      ...base,
      contribution: cents(1_000),
      preTaxRoom: cents(1_000),
      years: 1,
      withdrawalYears: 1,
      expectedReturn: 0,
      dividendYield: 0,
      currentRate: 0.4,
      retirementRate: 0.25,
    });
    expect(p.outcomes.preTax.atEnd).toBe(cents(1_150));
    expect(p.outcomes.fullMbr.atEnd).toBe(cents(1_000));
    // break-even: 1,000 × (1 − r) + 400 = 1,000 → r = 40%
    expect(
      breakEvenRetirementRate({
        ...base,
        contribution: cents(1_000),
        preTaxRoom: cents(1_000),
        years: 1,
        withdrawalYears: 1,
        expectedReturn: 0,
        dividendYield: 0,
        currentRate: 0.4,
        retirementRate: 0.25,
      }),
    ).toBeCloseTo(0.4, 5);
  });

  it('property: full MBR never ends below Roth-lite or the taxable account (non-negative rates)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: MIN_RETURN, max: MAX_RETURN, noNaN: true }),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        fc.double({ min: 0, max: 0.4, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 30 }),
        (r, tr, cg, years, wy) => {
          const p = projectStrategies({
            ...base,
            years,
            withdrawalYears: wy,
            expectedReturn: r,
            retirementRate: tr,
            capitalGainsRate: cg,
          });
          expect(p.outcomes.fullMbr.atEnd).toBeGreaterThanOrEqual(p.outcomes.rothLite.atEnd);
          expect(p.outcomes.fullMbr.atEnd).toBeGreaterThanOrEqual(p.outcomes.taxable.atEnd - 1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('bad inputs are input errors naming the field', () => {
    const bad: [Partial<ProjectionInputs>, RegExp][] = [
      [{ expectedReturn: -0.21 }, /expectedReturn: the expected return must be from -0.2 to 0.2/],
      [{ expectedReturn: 0.21 }, /expectedReturn/],
      [{ dividendYield: 0.11 }, /dividendYield: the dividend yield must be from 0 to 0.1/],
      [{ inflation: -0.06 }, /inflation: inflation must be from -0.05 to 0.15/],
      [{ volatility: -0.01 }, /volatility/],
      [{ years: 0 }, /retirement age must be after today's age/],
      [{ years: 80, withdrawalYears: 30 }, /at most 100/],
    ];
    for (const [patch, msg] of bad) {
      expect(() => projectStrategies({ ...base, ...patch })).toThrow(InputError);
      expect(() => projectStrategies({ ...base, ...patch })).toThrow(msg);
    }
  });
});

describe('Monte Carlo', () => {
  it('same seed, same numbers; another seed, other numbers', () => {
    const a = simulateStrategies(base, { paths: 500, seed: 42 });
    const b = simulateStrategies(base, { paths: 500, seed: 42 });
    const c = simulateStrategies(base, { paths: 500, seed: 43 });
    expect(b).toEqual(a);
    expect(c.percentiles.fullMbr[19]).not.toEqual(a.percentiles.fullMbr[19]);
  });

  it('zero volatility equals the deterministic projection in every year and strategy', () => {
    const i = { ...base, volatility: 0 };
    const mc = simulateStrategies(i, { paths: 7, seed: 1 });
    const det = projectStrategies(i);
    for (const s of STRATEGIES) {
      det.rows.forEach((row, y) => {
        const w = row.strategies[s].wealth;
        expect(mc.percentiles[s][y]).toEqual({ p10: w, p50: w, p90: w });
      });
    }
  });

  it('the median of 20,000 paths is within 2% of the analytic lognormal median', () => {
    // one contribution of 10,000, 20 years: median = 10,000 × (1 + m)^n × exp(−nσ²/2).
    // The sample median's standard error in log terms is about 1.25 σ√n / √N = 0.5% here,
    // so 2% is four standard errors.
    const i = {
      ...base,
      contribution: cents(10_000),
      contributionYears: 1,
      years: 20,
      withdrawalYears: 0,
      expectedReturn: 0.07,
      volatility: 0.18,
    };
    const mc = simulateStrategies(i, { paths: 20_000, seed: 7 });
    const s2 = Math.log(1 + (0.18 * 0.18) / (1.07 * 1.07));
    const analytic = cents(10_000) * 1.07 ** 20 * Math.exp((-20 * s2) / 2);
    const median = mc.percentiles.fullMbr[19]?.p50 ?? 0;
    expect(Math.abs(median / analytic - 1)).toBeLessThan(0.02);
    // and the 10th/90th percentiles bracket it
    expect(mc.percentiles.fullMbr[19]?.p10 ?? 0).toBeLessThan(median);
    expect(mc.percentiles.fullMbr[19]?.p90 ?? 0).toBeGreaterThan(median);
  });

  it('the full MBR beats Roth-lite on every path with non-negative rates', () => {
    const mc = simulateStrategies(base, { paths: 1_000, seed: 3 });
    // Roth-lite pays tax on earnings only when there are earnings; on losing paths it ties
    expect(mc.probabilityFullMbrBeats.rothLite).toBeGreaterThan(0.9);
    expect(mc.probabilityFullMbrBeats.taxable).toBeGreaterThan(0.9);
  });

  it('rejects a path count above the maximum and a bad seed', () => {
    expect(() => simulateStrategies(base, { paths: MAX_PATHS + 1, seed: 1 })).toThrow(
      /paths: must be a whole number from 1 to 100000/,
    );
    expect(() => simulateStrategies(base, { paths: 10, seed: -1 })).toThrow(InputError);
  });
});
