import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CensusBuilder,
  determineHces,
  HCE_UNKNOWN,
  generateCensusCsv,
  levelDollars,
  readCensusText,
  runAcpTest,
  type AcpResult,
  type Census,
} from '../src/engine/acp/index.js';
import { paramsFor, usd } from '../src/engine/params/index.js';

const cap = usd(paramsFor(2026).plan.compensationLimit);

const row = fc.record({
  comp: fc.integer({ min: 1_000_00, max: 700_000_00 }),
  match: fc.integer({ min: 0, max: 30_000_00 }),
  afterTax: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50_000_00 })),
  hce: fc.boolean(),
  vested: fc.integer({ min: 0, max: 10_000 }),
});

function build(
  rows: {
    comp: number;
    match: number;
    afterTax: number;
    hce: boolean;
    vested: number;
  }[],
): Census {
  const b = new CensusBuilder(rows.length);
  rows.forEach((r, i) => {
    b.add({
      id: `E${String(i)}`,
      line: i + 2,
      compensation: r.comp,
      match: r.match,
      afterTax: r.afterTax,
      qmac: 0,
      qnec: 0,
      priorCompensation: 0,
      ownerBps: 0,
      hceGiven: r.hce ? 1 : 0,
      eligible: true,
      vestedBps: r.vested,
    });
  });
  return b.build({ hce: true, priorCompensation: false, owner: false, vested: true });
}

/** The invariants every corrected result must satisfy. */
function checkInvariants(c: Census, r: AcpResult, safeHarbor = false): void {
  if (r.passed) {
    expect(r.refunds).toEqual([]);
    expect(r.excessAggregateContributions).toBe(0);
    return;
  }
  // after correction the test passes: the ratio-leveled HCE average is within the limit
  expect(r.leveledHceAcpBps).toBeLessThanOrEqual(r.limitBps);
  expect(r.permittedRatioBps).not.toBeNull();
  // refunds add up to the excess, to the cent
  let total = 0;
  for (const f of r.refunds) {
    total += f.amount;
    expect(f.amount).toBeGreaterThan(0);
    const i = f.index;
    const have =
      (c.afterTax[i] ?? 0) +
      (safeHarbor ? 0 : (c.match[i] ?? 0) + (c.qmac[i] ?? 0)) +
      (c.qnec[i] ?? 0);
    // nobody is refunded more than their match plus after-tax money
    expect(f.amount).toBeLessThanOrEqual(have);
    expect(f.afterTax + f.matchDistributed + f.matchForfeited + f.qmac + f.qnec).toBe(f.amount);
    expect(f.afterTax).toBeLessThanOrEqual(c.afterTax[i] ?? 0);
    // after-tax money goes first
    if (f.matchDistributed + f.matchForfeited > 0) expect(f.afterTax).toBe(c.afterTax[i] ?? 0);
  }
  expect(total).toBe(r.excessAggregateContributions);
  // independently: at the permitted ratio T the HCE ratios fit under the limit, at T + 0.01 not
  const t = r.permittedRatioBps ?? 0;
  let atT = 0;
  let atNext = 0;
  const isHce = determineHces(c, 2026).isHce;
  for (let i = 0; i < c.size; i++) {
    if (isHce[i] !== 1 || c.eligible[i] !== 1) continue;
    const counted =
      (c.afterTax[i] ?? 0) +
      (safeHarbor ? 0 : (c.match[i] ?? 0) + (c.qmac[i] ?? 0)) +
      (c.qnec[i] ?? 0);
    const ratio = Math.round((counted * 10_000) / Math.min(c.compensation[i] ?? 1, cap));
    atT += Math.min(ratio, t);
    atNext += Math.min(ratio, t + 1);
  }
  expect(atT).toBeLessThanOrEqual(r.hceCount * r.limitBps);
  expect(atNext).toBeGreaterThan(r.hceCount * r.limitBps);
}

describe('ACP correction properties', () => {
  it('random censuses: passes after correction, refunds add up, none over the money', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), fc.boolean(), (rows, safe) => {
        const c = build(rows);
        const r = runAcpTest(c, {
          year: 2026,
          method: 'current',
          ...(safe ? { safeHarbor: true } : {}),
        });
        checkInvariants(c, r, safe);
      }),
      { numRuns: 300 },
    );
  });

  it('generated censuses (census generator): the same invariants', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 400 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (employees, seed) => {
          const text = [...generateCensusCsv({ employees, seed })].join('');
          const read = readCensusText(text);
          expect(read.issueCount).toBe(0);
          expect(read.census.size).toBe(employees);
          const r = runAcpTest(read.census, { year: 2026, method: 'current' });
          checkInvariants(read.census, r);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a plan whose HCEs have no more than the NHCEs passes with no refunds', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 40 }), (rows) => {
        // give every HCE the lowest NHCE ratio's money: HCE ACP cannot exceed the NHCE ACP
        const c = build(
          rows.map((x) => ({ ...x, match: x.hce ? 0 : x.match, afterTax: x.hce ? 0 : x.afterTax })),
        );
        const r = runAcpTest(c, { year: 2026, method: 'current' });
        expect(r.passed).toBe(true);
        expect(r.refunds).toEqual([]);
      }),
    );
  });

  it('dollar leveling: parts add up, never more than an amount, top group ends level', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        (amounts, seed) => {
          const sum = amounts.reduce((a, b) => a + b, 0);
          const total = sum === 0 ? 0 : seed % (sum + 1);
          const reductions = levelDollars(amounts, total);
          let s = 0;
          const after: number[] = [];
          amounts.forEach((a, i) => {
            const red = reductions[i] ?? 0;
            expect(red).toBeGreaterThanOrEqual(0);
            expect(red).toBeLessThanOrEqual(a);
            s += red;
            after.push(a - red);
          });
          expect(s).toBe(total);
          // everyone reduced ends within one cent of the highest remaining amount
          const top = Math.max(...after);
          amounts.forEach((_, i) => {
            if ((reductions[i] ?? 0) > 0) expect(top - (after[i] ?? 0)).toBeLessThanOrEqual(1);
          });
        },
      ),
    );
  });

  it('compensation is capped at 401(a)(17) in the ratio', () => {
    const c = build([
      { comp: 500_000_00, match: 0, afterTax: 36_000_00, hce: true, vested: 10_000 },
      { comp: 50_000_00, match: 0, afterTax: 0, hce: false, vested: 10_000 },
    ]);
    const r = runAcpTest(c, { year: 2026, method: 'current' });
    expect(r.hceAcpBps).toBe(Math.round((36_000_00 * 10_000) / cap));
    expect(HCE_UNKNOWN).toBe(-1);
  });
});
