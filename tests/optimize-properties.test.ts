/**
 * Properties of the optimizer on random households (fast-check): the split is feasible, never
 * worse by the optimizer's own objective than any fixed strategy it prints, values (b) Roth-lite
 * as after-tax money kept in the plan until separation (Notice 2014-54), and never leaves
 * deductible employer room (IRC 404(a)(3), 404(a)(8)) unused when using it strictly helps.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fixedStrategies,
  optimizeSplit,
  programFor,
  valueOf,
  type Assumptions,
  type OptimizerInput,
  type OptimizerResult,
  type VehicleKind,
} from '../src/engine/project/optimizer.js';
import { solveLp } from '../src/engine/project/simplex.js';

const assumptions: Assumptions = {
  years: 20,
  withdrawalYears: 20,
  expectedReturn: 0.06,
  inflation: 0.02,
  currentRate: 0.35,
  retirementRate: 0.25,
  capitalGainsRate: 0.2,
  dividendYield: 0.015,
};

/** Checks A x ≤ b and x ≥ 0 with a tolerance of a cent. */
function feasible(input: OptimizerInput, x: readonly number[]): boolean {
  const prog = programFor(input);
  const tol = 1e-6 * Math.max(1, input.budget);
  if (x.some((v) => v < -tol)) return false;
  return prog.a.every((row, i) => {
    let s = 0;
    row.forEach((a, j) => (s += a * (x[j] ?? 0)));
    return s <= (prog.b[i] ?? 0) + tol;
  });
}

const money = fc.integer({ min: 0, max: 8_000_000 });
const planArb = (people: number) =>
  fc.record({
    person: fc.integer({ min: 0, max: people - 1 }),
    preTaxDeferrals: fc.boolean(),
    rothDeferrals: fc.boolean(),
    match: fc.option(
      fc.record({ rate: fc.double({ min: 0, max: 1.5, noNaN: true }), max: money }),
      { nil: undefined },
    ),
    afterTax: fc.option(
      fc.record({
        room: money,
        conversion: fc.constantFrom('in-plan' as const, 'at-separation' as const),
      }),
      { nil: undefined },
    ),
    employer: fc.option(
      fc.record({ max: money, share: fc.double({ min: 0, max: 1, noNaN: true }) }),
      { nil: undefined },
    ),
  });

const inputArb = fc
  .integer({ min: 1, max: 2 })
  .chain((people) =>
    fc.record({
      budget: fc.integer({ min: 0, max: 15_000_000 }),
      rooms: fc.array(money, { minLength: people, maxLength: people }),
      plans: fc.array(planArb(people), { minLength: 1, maxLength: 4 }),
      currentRate: fc.double({ min: 0, max: 0.6, noNaN: true }),
      retirementRate: fc.double({ min: 0, max: 0.6, noNaN: true }),
      expectedReturn: fc.double({ min: -0.05, max: 0.12, noNaN: true }),
      capitalGainsRate: fc.double({ min: 0, max: 0.35, noNaN: true }),
    }),
  )
  .map((g): OptimizerInput => ({
    budget: g.budget,
    people: g.rooms.map((r, i) => ({ id: `p${String(i)}`, deferralRoom: r })),
    plans: g.plans.map((p, i) => {
      const room = p.afterTax?.room ?? 0;
      return {
        id: `k${String(i)}`,
        person: `p${String(p.person)}`,
        preTaxDeferrals: p.preTaxDeferrals,
        rothDeferrals: p.rothDeferrals,
        ...(p.match ? { match: p.match } : {}),
        ...(p.afterTax ? { afterTax: p.afterTax } : {}),
        ...(p.employer
          ? {
              employer: {
                max: p.employer.max,
                afterTaxRoomAtMax: Math.floor(room * p.employer.share),
              },
            }
          : {}),
      };
    }),
    assumptions: {
      ...assumptions,
      currentRate: g.currentRate,
      retirementRate: g.retirementRate,
      expectedReturn: g.expectedReturn,
      capitalGainsRate: g.capitalGainsRate,
    },
  }));

/** A rate of `min`% to `max`% in whole percents. */
const percent = (min: number, max: number) => fc.integer({ min, max }).map((n) => n / 100);

/** The amount of a plan's vehicle in the result (the taxable account: plan null). */
function amountOf(r: OptimizerResult, plan: string | null, kind: VehicleKind): number {
  if (plan === null) return r.taxable;
  const p = r.plans.find((x) => x.plan === plan);
  return p && kind !== 'taxable' ? p[kind] : 0;
}

describe('optimizer properties', () => {
  it('the split is feasible and never worse than any fixed strategy it prints', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const prog = programFor(input);
        const best = solveLp({ c: prog.vehicles.map((v) => v.value), a: prog.a, b: prog.b });
        expect(feasible(input, best.x)).toBe(true);
        for (const x of Object.values(fixedStrategies(input, prog))) {
          expect(feasible(input, x)).toBe(true);
          expect(best.value).toBeGreaterThanOrEqual(
            valueOf(prog, x) - 1e-6 * Math.max(1, best.value),
          );
        }
        const r = optimizeSplit(input);
        expect(r.budgetUsed).toBeLessThanOrEqual(input.budget);
        // in whole cents too, by the figures printed
        for (const v of Object.values(r.fixed)) expect(r.endWealth).toBeGreaterThanOrEqual(v);
        for (const c of r.choices) expect(c.valueOverNextBest).toBeGreaterThanOrEqual(-1);
      }),
      { numRuns: 150 },
    );
  });

  it('(b) Roth-lite is never ahead of (a) when every plan converts in the plan, and behind it when its earnings are taxed', () => {
    fc.assert(
      fc.property(inputArb, percent(1, 12), percent(1, 60), (given, growth, retirementRate) => {
        const input: OptimizerInput = {
          ...given,
          plans: given.plans.map((p) =>
            p.afterTax ? { ...p, afterTax: { ...p.afterTax, conversion: 'in-plan' } } : p,
          ),
          assumptions: { ...given.assumptions, expectedReturn: growth, retirementRate },
        };
        const r = optimizeSplit(input);
        expect(r.fixed.rothLite).toBeLessThanOrEqual(r.fixed.fullMbr);
        // earning ≥ 1% and taxed ≥ 1% as ordinary income: $1,000 a year of after-tax money
        // kept in the plan ends behind the same money converted at once
        const x = fixedStrategies(input, programFor(input)).rothLite;
        const afterTax = programFor(input).vehicles.reduce(
          (s, v, j) => s + (v.kind === 'afterTax' ? (x[j] ?? 0) : 0),
          0,
        );
        if (afterTax >= 100_000) expect(r.fixed.rothLite).toBeLessThan(r.fixed.fullMbr);
      }),
      { numRuns: 100 },
    );
  });

  it('never leaves deductible employer room unused when using it strictly helps', () => {
    // A dollar more of employer money in a plan (cost 1 − t of take-home pay) takes `slope`
    // dollars of after-tax room when that room is full; the take-home pay it needs comes from
    // the taxable account or another plan's after-tax money, and what it frees goes to the
    // taxable account. No such move may raise the objective.
    fc.assert(
      fc.property(inputArb, (input) => {
        const prog = programFor(input);
        const r = optimizeSplit(input);
        const keep = 1 - input.assumptions.currentRate;
        const value = (plan: string | null, kind: VehicleKind): number =>
          prog.vehicles.find((v) => v.plan === plan && v.kind === kind)?.value ?? 0;
        const uTaxable = value(null, 'taxable');
        const dollar = 100;
        for (const p of input.plans) {
          if (!p.employer || p.employer.max === 0) continue;
          const e = amountOf(r, p.id, 'employer');
          if (p.employer.max - e < dollar) continue;
          const room = p.afterTax?.room ?? 0;
          const slope = (room - p.employer.afterTaxRoomAtMax) / p.employer.max;
          const after = amountOf(r, p.id, 'afterTax');
          const hasAfter = prog.vehicles.some((v) => v.plan === p.id && v.kind === 'afterTax');
          const full = hasAfter && after + slope * e > room - dollar;
          if (full && slope > 0 && after < dollar) continue; // nothing to give up
          const cut = full ? slope : 0;
          const gain = value(p.id, 'employer') - cut * value(p.id, 'afterTax');
          const need = keep - cut;
          const tol = 1e-9 * Math.max(1, value(p.id, 'employer'));
          if (need <= 0) {
            expect(gain - need * uTaxable).toBeLessThanOrEqual(tol);
            continue;
          }
          // funded from the taxable account or another plan's after-tax money
          const sources: [string | null, VehicleKind][] = [
            [null, 'taxable'],
            ...input.plans
              .filter((q) => q.id !== p.id)
              .map((q): [string, VehicleKind] => [q.id, 'afterTax']),
          ];
          for (const [plan, kind] of sources) {
            if (amountOf(r, plan, kind) < dollar) continue;
            expect(gain - need * value(plan, kind)).toBeLessThanOrEqual(tol);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
