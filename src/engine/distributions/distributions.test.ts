import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCases } from '../../../tests/helpers/cases.js';
import { InputError } from '../errors.js';
import { cents } from '../money.js';
import { conversionRecapture } from '../roth-clocks/clocks.js';
import {
  allocateDistribution,
  directionsFor,
  estimateConversionEarnings,
  FREQUENCIES,
  inPlanRothConversion,
  ROUTES,
  separationSplit,
  splitDistribution,
  type DistributionAllocation,
  type PlanAccount,
  type Route,
} from './index.js';

type Dollars = Record<string, number>;
interface Case {
  id: string;
  kind: 'split' | 'directions' | 'route' | 'irr' | 'recapture';
  account?: Dollars;
  amount?: number;
  directions?: Dollars;
  route?: Route;
  allocableToTaxable?: number;
  conversionYear?: number;
  date?: string;
  birthDate?: string;
  expect: Record<string, number | Dollars>;
}

const { cases } = loadCases('distributions.yaml') as { cases: Case[] };

function toCents(d: Dollars | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(d ?? {})) out[k] = cents(v);
  return out;
}

function account(c: Case): PlanAccount {
  return toCents(c.account) as unknown as PlanAccount;
}

function checkAllocation(a: DistributionAllocation, want: Case['expect']): void {
  for (const [k, v] of Object.entries(want)) {
    if (typeof v === 'number') {
      expect((a as unknown as Record<string, number>)[k], k).toBe(cents(v));
    } else {
      const landing = (a as unknown as Record<string, Record<string, number>>)[k];
      for (const [kk, vv] of Object.entries(v)) expect(landing?.[kk], `${k}.${kk}`).toBe(cents(vv));
    }
  }
}

describe('distribution cases (tests/cases/distributions.yaml)', () => {
  it('has C-1 to C-6', () => {
    const ids = new Set(cases.map((c) => c.id.slice(0, 3)));
    for (const id of ['C-1', 'C-2', 'C-3', 'C-4', 'C-5', 'C-6']) expect(ids).toContain(id);
  });
  for (const c of cases) {
    it(c.id, () => {
      const amount = cents(c.amount ?? 0);
      switch (c.kind) {
        case 'split': {
          const p = splitDistribution(amount, account(c));
          expect(p).toEqual(toCents(c.expect as Dollars));
          break;
        }
        case 'directions': {
          const p = splitDistribution(amount, account(c));
          checkAllocation(allocateDistribution(p, toCents(c.directions)), c.expect);
          break;
        }
        case 'route': {
          const p = splitDistribution(amount, account(c));
          checkAllocation(allocateDistribution(p, directionsFor(p, c.route ?? 'split')), c.expect);
          break;
        }
        case 'irr': {
          const r = inPlanRothConversion(amount, account(c));
          for (const [k, v] of Object.entries(c.expect)) {
            expect((r as unknown as Record<string, number>)[k], k).toBe(cents(v as number));
          }
          break;
        }
        case 'recapture': {
          const tax = conversionRecapture({
            allocableToTaxable: cents(c.allocableToTaxable ?? 0),
            conversionYear: c.conversionYear ?? 0,
            date: c.date ?? '',
            birthDate: c.birthDate ?? '',
          });
          expect(tax).toBe(cents(c.expect['additionalTax'] as number));
          break;
        }
      }
    });
  }
});

describe('separation (Roth-lite)', () => {
  it('Roth-lite: 50,000 of after-tax grown to 75,000', () => {
    const r = separationSplit({ balance: 7_500_000, afterTaxBasis: 5_000_000 });
    expect(r.toRothIra).toBe(5_000_000);
    expect(r.toTraditionalIra).toBe(2_500_000);
    expect(r.taxable).toBe(0);
    expect(r.allocation.withholding).toBe(0);
  });
  it('adds the designated Roth account to the Roth IRA', () => {
    const r = separationSplit({ balance: 100, afterTaxBasis: 40, rothBalance: 25 });
    expect(r.toRothIra).toBe(65);
    expect(r.toTraditionalIra).toBe(60);
  });
});

describe('bad input', () => {
  const acct = { balance: 10_000_00, afterTaxBasis: 2_000_00 };
  it('basis larger than the balance', () => {
    expect(() =>
      splitDistribution(
        100,
        { balance: 100, afterTaxBasis: 200 },
        { afterTaxBasis: '--after-tax-basis' },
      ),
    ).toThrow(/--after-tax-basis: cannot be larger than the balance/);
  });
  it('withdrawal larger than the account or the subaccount', () => {
    expect(() => splitDistribution(10_000_01, acct)).toThrow(
      /amount: cannot be larger than the account balance/,
    );
    expect(() =>
      splitDistribution(3_000_00, { ...acct, separateAfterTaxEarnings: 500_00 }),
    ).toThrow(/after-tax subaccount/);
  });
  it('negative amounts', () => {
    expect(() => splitDistribution(-1, acct)).toThrow(InputError);
    expect(() =>
      allocateDistribution({ pretax: 10, afterTaxBasis: 0 }, { directRoth: -5 }),
    ).toThrow(InputError);
  });
  it('directions larger than the distribution', () => {
    expect(() =>
      allocateDistribution({ pretax: 10, afterTaxBasis: 0 }, { directRoth: 11 }),
    ).toThrow(/cannot exceed/);
  });
});

describe('conversion frequency estimate', () => {
  const base = { annualContribution: 30_000_00, annualReturn: 0.07 };
  it('converting more often leaves less taxable earnings', () => {
    const taxable = FREQUENCIES.filter((f) => f !== 'never').map(
      (frequency) => estimateConversionEarnings({ ...base, frequency })[0]?.taxableConverted ?? -1,
    );
    // automatic, daily, monthly, quarterly, yearly
    expect(taxable[0]).toBe(0);
    for (let i = 1; i < taxable.length; i++)
      expect(taxable[i]).toBeGreaterThan(taxable[i - 1] ?? 0);
  });
  it('yearly conversion matches a hand computation', () => {
    // 26 deposits of 30,000/26 at t = (i+1)/26, grown to t = 1 at 7%:
    let hand = 0;
    for (let i = 0; i < 26; i++) hand += (30_000_00 / 26) * (1.07 ** (1 - (i + 1) / 26) - 1);
    const [y1] = estimateConversionEarnings({ ...base, frequency: 'yearly' });
    expect(y1?.taxableConverted).toBe(Math.round(hand));
    expect(y1?.unconvertedEarnings).toBe(0);
  });
  it('never converting lets the earnings pile up', () => {
    const ys = estimateConversionEarnings({ ...base, frequency: 'never', years: 3 });
    expect(ys.map((y) => y.taxableConverted)).toEqual([0, 0, 0]);
    expect(ys[2]?.unconvertedEarnings ?? 0).toBeGreaterThan(ys[0]?.unconvertedEarnings ?? 0);
  });
  it('rejects a return of -100% or less', () => {
    expect(() =>
      estimateConversionEarnings({ ...base, annualReturn: -1, frequency: 'daily' }),
    ).toThrow(/annualReturn/);
  });
});

describe('properties', () => {
  const acct = fc
    .tuple(fc.integer({ min: 1, max: 1e10 }), fc.integer({ min: 0, max: 1e10 }))
    .map(([a, b]) => ({ balance: Math.max(a, b), afterTaxBasis: Math.min(a, b) }));
  const withAmount = acct.chain((a) =>
    fc.record({ a: fc.constant(a), amount: fc.integer({ min: 1, max: a.balance }) }),
  );

  it("a pro-rata basis share is the account's basis share, to the half cent", () => {
    fc.assert(
      fc.property(withAmount, ({ a, amount }) => {
        const p = splitDistribution(amount, a);
        expect(p.pretax + p.afterTaxBasis).toBe(amount);
        // |share − amount·basis/balance| ≤ ½ cent, compared exactly in integers
        const diff =
          BigInt(p.afterTaxBasis) * BigInt(a.balance) - BigInt(amount) * BigInt(a.afterTaxBasis);
        expect(2n * (diff < 0n ? -diff : diff) <= BigInt(a.balance)).toBe(true);
        if (amount === a.balance) expect(p.afterTaxBasis).toBe(a.afterTaxBasis);
        expect(p.afterTaxBasis).toBeLessThanOrEqual(a.afterTaxBasis);
      }),
    );
  });

  it('repeated partial distributions never take more basis than there is, and the last takes the rest', () => {
    fc.assert(
      fc.property(acct, fc.array(fc.integer({ min: 1, max: 100 }), { maxLength: 8 }), (a, pcts) => {
        let bal = a.balance;
        let basis = a.afterTaxBasis;
        for (const pct of pcts) {
          const amt = Math.max(1, Math.floor((bal * pct) / 100));
          if (amt > bal) break;
          const p = splitDistribution(amt, { balance: bal, afterTaxBasis: basis });
          bal -= amt;
          basis -= p.afterTaxBasis;
          expect(basis).toBeGreaterThanOrEqual(0);
          expect(basis).toBeLessThanOrEqual(bal);
          if (bal === 0) return;
        }
        const last = splitDistribution(bal, { balance: bal, afterTaxBasis: basis });
        expect(last.afterTaxBasis).toBe(basis);
      }),
    );
  });

  it('every allocation to destinations adds up to the distribution to the cent', () => {
    const dirs = withAmount.chain(({ a, amount }) =>
      fc
        .tuple(fc.integer({ min: 0, max: amount }), fc.integer({ min: 0, max: amount }))
        .chain(([x, y]) => {
          const dT = Math.min(x, amount);
          const dR = Math.min(y, amount - dT);
          const paid = amount - dT - dR;
          return fc
            .tuple(fc.integer({ min: 0, max: paid }), fc.integer({ min: 0, max: paid }))
            .map(([s, t]) => {
              const sT = Math.min(s, paid);
              const sR = Math.min(t, paid - sT);
              return {
                a,
                amount,
                d: {
                  directTraditional: dT,
                  directRoth: dR,
                  sixtyDayTraditional: sT,
                  sixtyDayRoth: sR,
                },
              };
            });
        }),
    );
    fc.assert(
      fc.property(dirs, ({ a, amount, d }) => {
        const p = splitDistribution(amount, a);
        const r = allocateDistribution(p, d);
        const landings = [r.toTraditional, r.toRoth, r.toCash];
        expect(landings.reduce((s, l) => s + l.amount, 0)).toBe(amount);
        expect(landings.reduce((s, l) => s + l.pretax, 0)).toBe(p.pretax);
        expect(landings.reduce((s, l) => s + l.basis, 0)).toBe(p.afterTaxBasis);
        for (const l of landings) {
          expect(l.pretax).toBeGreaterThanOrEqual(0);
          expect(l.basis).toBeGreaterThanOrEqual(0);
        }
        expect(r.toTraditional.amount).toBe(d.directTraditional + d.sixtyDayTraditional);
        expect(r.withholding).toBeLessThanOrEqual(r.paidToParticipant);
        expect(r.taxable).toBe(r.toRoth.pretax + r.toCash.pretax);
      }),
    );
  });

  it('every quick route adds up and split is never taxable', () => {
    fc.assert(
      fc.property(withAmount, fc.constantFrom(...ROUTES), ({ a, amount }, route) => {
        const p = splitDistribution(amount, a);
        const r = allocateDistribution(p, directionsFor(p, route));
        expect(r.toTraditional.amount + r.toRoth.amount + r.toCash.amount).toBe(amount);
        if (route === 'split' || route === 'traditional-ira') expect(r.taxable).toBe(0);
        if (route === 'cash' || route === 'roth-ira') expect(r.taxable).toBe(p.pretax);
      }),
    );
  });
});
