/**
 * `optimize` with a separation before retirement (`jobs[].endDate`): the optimizer values
 * Roth-lite money as the projection kernel and `compare` do — kept in the plan until the job
 * ends, then its basis to a Roth IRA and its earnings to a traditional IRA, taxed as ordinary
 * income when withdrawn (IRC 72(e)(8), 402(c)(2); Notice 2014-54) — and every kind of money is
 * saved only until then. With no end date (or one at or after retirement) nothing changes.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { optimizeSplit, unitValues, type Assumptions } from '../src/engine/project/optimizer.js';
import { runCli } from './helpers/cli.js';

interface OptimizeJson {
  budget: number;
  taxable: number;
  plans: { plan: string; preTax: number; afterTax: number }[];
  fixedStrategies: { fullMbr: number; rothLite: number; preTax: number; taxable: number };
  endWealth: number;
  endWealthPerDollarAYear: { rothLite: number; taxable: number };
  findings: { message: string }[];
  explain: Record<string, { why: string }>;
}

interface CompareJson {
  inputs: { contribution: number; years: number; separationYears: number };
  strategies: { id: string; atEnd: number }[];
}

const dir = mkdtempSync(join(tmpdir(), 'megaroth-optsep-'));

/** examples/assumptions.yaml with the job's end date replaced (undefined: none). */
function withEndDate(endDate: string | undefined): string {
  const s = parse(readFileSync('examples/assumptions.yaml', 'utf8')) as {
    jobs: { endDate?: string }[];
  };
  const job = s.jobs[0];
  if (job) {
    if (endDate === undefined) delete job.endDate;
    else job.endDate = endDate;
  }
  const path = join(dir, `assumptions-${endDate ?? 'none'}.yaml`);
  writeFileSync(path, stringify(s));
  return path;
}

async function optimize(file: string): Promise<OptimizeJson> {
  const r = await runCli(['optimize', file, '--json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as OptimizeJson;
}

async function compare(file: string): Promise<CompareJson> {
  const r = await runCli(['compare', file, '--paths', '50', '--json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as CompareJson;
}

const atEnd = (c: CompareJson, id: string): number =>
  c.strategies.find((s) => s.id === id)?.atEnd ?? NaN;

describe('optimize values Roth-lite at the separation year (jobs[].endDate)', () => {
  it('examples/assumptions.yaml: Roth-lite leaves the plan in 2030, as in compare', async () => {
    // Pat: age 51 in 2026, retires at 60 (9 years), leaves MidCo at the end of 2030 (5 years);
    // 6% a year, 22% in retirement, 30 years of withdrawals. The budget $50,500 is the planned
    // $32,500 of pre-tax deferrals (402(g) + catch-up) and $18,000 after-tax. Fixed (b) puts the
    // $18,000 after-tax and the other $32,500 in a taxable account.
    //
    // Roth-lite, by hand: at separation the plan holds 18,000 × (1.06 + … + 1.06^5) =
    // 107,555.73: 90,000 basis to a Roth IRA, 17,555.73 earnings to a traditional IRA, worth
    // 90,000 + 17,555.73 × (1 − 0.22) = 103,693.47 after tax; 4 more years of growth
    // (× 1.06^4 = 1.26247696) give 130,910.6 at retirement; level withdrawals over 30 years
    // (1/30 of what is left each year, the rest growing) pay 130,910.6 × (1.06^30 − 1) /
    // (30 × 0.06) = 130,910.6 × 2.6352729 = 344,985.2 — compare's (b) at the end.
    // With separation at retirement (the optimizer before): 9 years of 18,000 give 219,254.31,
    // 162,000 basis, 57,254.31 earnings: (162,000 + 57,254.31 × 0.78) × 2.6352729 = 544,601.2.
    const file = 'examples/assumptions.yaml';
    const [o, c] = await Promise.all([optimize(file), compare(file)]);
    expect(c.inputs).toMatchObject({ contribution: 18_000, years: 9, separationYears: 5 });
    const rothLite = atEnd(c, 'rothLite');
    expect(rothLite).toBeCloseTo(344_985.2, 1);
    expect(o.budget).toBe(50_500);
    // the optimizer's Roth-lite value per dollar a year is compare's (b) per dollar saved
    expect(o.endWealthPerDollarAYear.rothLite * 18_000).toBeCloseTo(rothLite, 1);
    // and its taxable account's is compare's (d): 18,000 a year for the same 5 years
    expect(o.endWealthPerDollarAYear.taxable * 18_000).toBeCloseTo(atEnd(c, 'taxable'), 1);
    // fixed (b) = compare's (b) for the $18,000 + (d) for the $32,500 left (to the cent,
    // each figure rounded once)
    const expected = rothLite + (32_500 / 18_000) * atEnd(c, 'taxable');
    expect(Math.abs(o.fixedStrategies.rothLite - expected)).toBeLessThanOrEqual(0.02);
    expect(o.explain['fixedStrategies.rothLite']?.why).toMatch(
      /separation after 5 years, before retirement \(jobs\[\]\.endDate\)/,
    );
    expect(o.findings.map((f) => f.message).join('\n')).toMatch(
      /leaves its plan at separation in 2030, and the saving in it stops then/,
    );
  });

  it('with no end date, separation is at retirement, as in compare (the figures before)', async () => {
    const none = withEndDate(undefined);
    const [o, c] = await Promise.all([optimize(none), compare(none)]);
    expect(c.inputs).toMatchObject({ years: 9, separationYears: 9 });
    const rothLite = atEnd(c, 'rothLite');
    expect(rothLite).toBeCloseTo(544_601.2, 0); // the hand calculation above
    const expected = rothLite + (32_500 / 18_000) * atEnd(c, 'taxable');
    expect(Math.abs(o.fixedStrategies.rothLite - expected)).toBeLessThanOrEqual(0.02);
    expect(o.explain['fixedStrategies.rothLite']?.why).toMatch(/; separation at retirement$/);
    // an end date at or after retirement (2035, age 60) is no separation before it
    const late = await optimize(withEndDate('2040-06-30'));
    expect(late.fixedStrategies).toEqual(o.fixedStrategies);
    expect(late.endWealth).toBe(o.endWealth);
    expect(late.plans).toEqual(o.plans);
    // the early separation moves the Roth-lite row: 5 years, split in 2030
    const early = await optimize('examples/assumptions.yaml');
    expect(early.fixedStrategies.rothLite).toBeLessThan(o.fixedStrategies.rothLite);
  });
});

describe('separation at retirement is no separation (property)', () => {
  const base: Assumptions = {
    years: 10,
    withdrawalYears: 20,
    expectedReturn: 0.06,
    inflation: 0.02,
    currentRate: 0.35,
    retirementRate: 0.25,
    capitalGainsRate: 0.2,
    dividendYield: 0.015,
  };
  const arb = fc.record({
    years: fc.integer({ min: 1, max: 40 }),
    withdrawalYears: fc.integer({ min: 0, max: 40 }),
    expectedReturn: fc.double({ min: -0.05, max: 0.12, noNaN: true }),
    retirementRate: fc.double({ min: 0, max: 0.6, noNaN: true }),
    capitalGainsRate: fc.double({ min: 0, max: 0.35, noNaN: true }),
  });

  it('unit values with separationYears = years equal those without', () => {
    fc.assert(
      fc.property(arb, (g) => {
        const a: Assumptions = { ...base, ...g };
        expect(unitValues({ ...a, separationYears: g.years })).toEqual(unitValues(a));
      }),
    );
  });

  it('at any separation year Roth-lite is Roth less the tax on its earnings', () => {
    // Notice 2014-54: the basis reaches Roth, the earnings are taxed at the retirement rate, so
    // with no retirement tax Roth-lite is worth what Roth is, and with a gain never more
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 40 }), (g, s0) => {
        const a: Assumptions = { ...base, ...g, separationYears: Math.min(s0, g.years) };
        const u = unitValues(a);
        const untaxed = unitValues({ ...a, retirementRate: 0 });
        expect(untaxed.rothLite).toBeCloseTo(untaxed.roth, 6);
        if (g.expectedReturn >= 0) expect(u.rothLite).toBeLessThanOrEqual(u.roth * (1 + 1e-12));
      }),
    );
  });

  it('optimizeSplit refuses a separation after retirement, naming the field', () => {
    expect(() =>
      optimizeSplit({
        budget: 100_000,
        people: [{ id: 'p', deferralRoom: 0 }],
        plans: [],
        assumptions: { ...base, separationYears: 11 },
      }),
    ).toThrow(/assumptions\.separationYears/);
  });
});
