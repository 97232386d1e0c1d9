/**
 * Properties of the ADP test and of the ADP and ACP tests run together (IRC 401(k)(3), (8),
 * 401(m); Treas. Reg. 1.401(k)-2, 1.401(m)-2, 1.414(v)-1) on random censuses: the corrected HCE
 * ADP is within the limit, every HCE's excess is split into catch-ups (never more than the
 * catch-up room), refunds and recharacterizations that add back to it, recharacterized money is
 * counted in the ACP test, and tested apart the groups' results combine.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CensusBuilder, countedAt, runPlanTests, type Census } from '../src/engine/acp/index.js';
import { paramsFor, usd } from '../src/engine/params/index.js';

const plan = paramsFor(2026).plan;
const deferralLimit = usd(plan.electiveDeferralLimit);

const row = fc.record({
  comp: fc.integer({ min: 20_000_00, max: 500_000_00 }),
  deferrals: fc.integer({ min: 0, max: 36_000_00 }),
  match: fc.integer({ min: 0, max: 15_000_00 }),
  afterTax: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30_000_00 })),
  qnec: fc.oneof({ arbitrary: fc.constant(0), weight: 4 }, fc.integer({ min: 0, max: 8_000_00 })),
  hce: fc.boolean(),
  age: fc.integer({ min: 18, max: 70 }),
  excludable: fc.integer({ min: 0, max: 5 }).map((x) => (x === 0 ? 1 : 0)),
});

type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;

function build(rows: Row[]): Census {
  const b = new CensusBuilder(rows.length);
  b.useColumns({
    deferrals: true,
    age: true,
    birthDate: false,
    serviceYears: false,
    hireDate: false,
    excludable: true,
    gainLoss: false,
    beginningBalance: false,
  });
  rows.forEach((r, i) => {
    b.add({
      id: `E${String(i)}`,
      line: i + 2,
      compensation: r.comp,
      match: r.match,
      afterTax: r.afterTax,
      qmac: 0,
      qnec: r.qnec,
      priorCompensation: 0,
      ownerBps: 0,
      hceGiven: r.hce ? 1 : 0,
      eligible: true,
      vestedBps: 10_000,
      deferrals: r.deferrals,
      age: r.age,
      excludableGiven: r.excludable,
    });
  });
  return b.build({ hce: true, priorCompensation: false, owner: false, vested: false });
}

/** The catch-up limit for an age at December 31, 2026 (IRC 414(v)(2)(B)(i), (E)). */
function catchUpLimit(age: number): number {
  if (age < plan.catchUpAge.value) return 0;
  const superAge = age >= plan.superCatchUpFirstAge.value && age <= plan.superCatchUpLastAge.value;
  return superAge
    ? usd({ ...plan.catchUp60to63, value: plan.catchUp60to63.value ?? 0 })
    : usd(plan.catchUp50);
}

describe('ADP and ACP together: properties', () => {
  it('corrections add up, catch-ups stay within the room, recharacterized money reaches the ACP test', () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 40 }),
        fc.constantFrom('refund', 'recharacterize'),
        fc.constantFrom('acp', 'adp'),
        (rows, correction, qnecTest) => {
          const c = build(rows);
          const t = runPlanTests(c, {
            year: 2026,
            method: 'current',
            adpCorrection: correction,
            qnecTest,
          });
          const a = t.adp;
          expect(a).not.toBeNull();
          if (a === null) return;
          if (a.passed) {
            expect(a.corrections).toEqual([]);
          } else {
            expect(a.leveledHceAdpBps).toBeLessThanOrEqual(a.limitBps);
            let sum = 0;
            for (const k of a.corrections) {
              const r = rows[k.index];
              if (r === undefined) throw new Error('row');
              sum += k.amount;
              expect(k.catchUp + k.refund + k.recharacterized).toBe(k.amount);
              const used = Math.min(Math.max(0, r.deferrals - deferralLimit), catchUpLimit(r.age));
              expect(k.catchUp).toBeLessThanOrEqual(catchUpLimit(r.age) - used);
              expect(k.amount).toBeLessThanOrEqual(k.contributions);
              if (correction === 'refund') expect(k.recharacterized).toBe(0);
              else expect(k.recharacterized).toBeLessThanOrEqual(r.deferrals);
            }
            expect(sum).toBe(a.excessContributions);
            expect(a.catchUpTotal + a.refundTotal + a.recharacterizedTotal).toBe(sum);
          }
          // the ACP test counts each HCE's after-tax money with what was recharacterized
          const p = t.groups[0]?.acp.prepared;
          for (const k of a.corrections) {
            const r = rows[k.index];
            if (r === undefined || p === undefined) continue;
            const qnec = qnecTest === 'acp' ? r.qnec : 0;
            expect(countedAt(p, k.index)).toBe(r.afterTax + r.match + qnec + k.recharacterized);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('tested apart: each group is tested on its own rows and the answer passes only if both do', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (rows) => {
        const c = build(rows);
        const t = runPlanTests(c, { year: 2026, method: 'current', excludable: 'separate' });
        const [meets, apart] = t.groups;
        if (meets === undefined || apart === undefined) throw new Error('two groups');
        const inApart = rows.filter((r) => r.excludable === 1).length;
        const m = meets.acp.result;
        const x = apart.acp.result;
        expect(m.hceCount + m.nhceCount).toBe(rows.length - inApart);
        expect(x.hceCount + x.nhceCount).toBe(inApart);
        expect(t.acp.passed).toBe(m.passed && x.passed);
        expect(t.acp.excessAggregateContributions).toBe(
          m.excessAggregateContributions + x.excessAggregateContributions,
        );
        expect(t.adp?.passed).toBe(
          (meets.adp?.result.passed ?? false) && (apart.adp?.result.passed ?? false),
        );
        expect(t.passed).toBe(t.acp.passed && (t.adp?.passed ?? true));
      }),
      { numRuns: 200 },
    );
  });
});
