import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planHousehold } from '../src/engine/household/plan-household.js';
import { isFigure } from '../src/engine/explain.js';
import { paramsFor, usd } from '../src/engine/params/index.js';
import { figuresOf } from '../src/engine/report/to-json.js';
import { parseScenario } from '../src/engine/scenario/validate.js';
import type { ScenarioInput } from '../src/engine/scenario/schema.js';
import { InputError } from '../src/engine/errors.js';
import type { HouseholdReport } from '../src/engine/household/report.js';
import { DEFAULT_GROWTH_ASSUMPTIONS } from '../src/engine/project/from-household.js';
import { planReport } from '../src/engine/report/plan.js';

const dollars = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((c) => c / 100);
const election = fc.oneof(
  fc.constant('max' as const),
  dollars(40_000),
  fc.record({ percent: fc.integer({ min: 0, max: 100 }) }),
);

/** A household of one or two people with W-2, S-corp and Schedule C jobs and plans on them. */
const household: fc.Arbitrary<ScenarioInput> = fc
  .record({
    year: fc.constantFrom(2023, 2024, 2025, 2026),
    ages: fc.array(fc.integer({ min: 20, max: 75 }), { minLength: 1, maxLength: 2 }),
    jobs: fc.array(
      fc.record({
        who: fc.integer({ min: 0, max: 1 }),
        kind: fc.constantFrom('w2', 'w2', 's-corp', 'schedule-c'),
        pay: dollars(600_000),
        prior: fc.option(dollars(400_000), { nil: undefined }),
        employer: fc.integer({ min: 0, max: 3 }),
        plan: fc.record({
          type403b: fc.boolean(),
          deferrals: fc.array(fc.record({ roth: fc.boolean(), amount: election }), {
            maxLength: 2,
          }),
          match: fc.array(fc.integer({ min: 1, max: 100 }), { maxLength: 2 }),
          ne: fc.integer({ min: 0, max: 25 }),
          afterTax: fc.boolean(),
          afterTaxAmount: fc.option(election, { nil: undefined }),
          cap: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    group: fc.boolean(),
  })
  .map(({ year, ages, jobs, group }) => {
    const people = ages.map((a, i) => ({
      id: `p${String(i)}`,
      birthDate: `${String(year - a)}-06-15`,
    }));
    const js = jobs.map((j, i) => {
      const person = `p${String(Math.min(j.who, people.length - 1))}`;
      const base = {
        id: `j${String(i)}`,
        person,
        employer: j.kind === 'w2' ? `E${String(j.employer)}` : `Biz${String(i)}`,
      };
      return j.kind === 'schedule-c'
        ? { ...base, type: 'schedule-c' as const, netProfit: j.pay }
        : {
            ...base,
            type: j.kind,
            wages: j.pay,
            ...(j.prior === undefined ? {} : { priorYearFicaWages: j.prior }),
          };
    });
    const plans = jobs.map((j, i) => {
      const solo = j.kind !== 'w2';
      return {
        id: `k${String(i)}`,
        job: `j${String(i)}`,
        type: solo
          ? ('solo-401k' as const)
          : j.plan.type403b
            ? ('403b' as const)
            : ('401k' as const),
        deferrals: j.plan.deferrals.map((d) => ({
          type: d.roth ? ('roth' as const) : ('pre-tax' as const),
          amount: d.amount,
        })),
        ...(solo
          ? {}
          : {
              match: j.plan.match.map((m, t) => ({
                rate: 50 + (m % 51),
                upToPercent: m + t * 100 > 100 ? 100 : m + t,
              })),
              nonelectivePercent: j.plan.ne,
            }),
        afterTax: {
          allowed: j.plan.afterTax,
          ...(j.plan.afterTax && j.plan.afterTaxAmount !== undefined
            ? { amount: j.plan.afterTaxAmount }
            : {}),
          ...(j.plan.cap === undefined ? {} : { capPercent: j.plan.cap }),
        },
        inPlanConversion: 'automatic' as const,
      };
    });
    const employers = [...new Set(js.filter((j) => j.type === 'w2').map((j) => j.employer))];
    return {
      version: 1 as const,
      taxYear: year,
      filingStatus: people.length === 2 ? ('mfj' as const) : ('single' as const),
      people,
      jobs: js,
      plans,
      controlledGroups: group && employers.length >= 2 ? [employers.slice(0, 2)] : [],
    };
  })
  // drop generated match tiers that are not increasing (the validator rejects those)
  .filter((s) =>
    s.plans.every((p) =>
      (p.match ?? []).every((t, i, a) => i === 0 || t.upToPercent > (a[i - 1]?.upToPercent ?? 0)),
    ),
  );

describe('household engine properties', () => {
  it('never exceeds 415(c), 100% of compensation, 402(g) + catch-up; no negative room; no NaN', () => {
    fc.assert(
      fc.property(household, (input) => {
        const s = parseScenario(input);
        const r = planHousehold(s);
        const p = paramsFor(s.taxYear);
        for (const f of figuresOf(r)) {
          expect(isFigure(f) ? Number.isSafeInteger(f.cents) : Number.isFinite(f.rate), f.key).toBe(
            true,
          );
        }
        for (const g of r.limitGroups) {
          expect(g.used.cents, `${g.person} ${g.employers.join('+')}`).toBeLessThanOrEqual(
            g.cap.cents,
          );
          // 100% of compensation from the employer (a controlled group counts as one employer)
          expect(g.cap.cents).toBeLessThanOrEqual(g.compensation.cents);
          expect(g.cap.cents).toBeLessThanOrEqual(g.dollarLimit.cents);
          // every plan under the limit has to be a plan of this person
          for (const id of g.plans) expect(r.plans.find((x) => x.id === id)?.person).toBe(g.person);
        }
        for (const plan of r.plans) {
          expect(plan.annualAdditions.cents).toBeLessThanOrEqual(plan.limit415c.cents);
          expect(plan.annualAdditions.cents).toBeLessThanOrEqual(usd(p.plan.annualAdditionsLimit));
          expect(plan.afterTaxRoom.cents).toBeGreaterThanOrEqual(0);
          expect(plan.afterTax.cents).toBeLessThanOrEqual(plan.afterTaxRoom.cents);
          for (const k of [
            'deferralPreTax',
            'deferralRoth',
            'catchUp',
            'match',
            'nonelective',
            'afterTax',
          ] as const) {
            expect(plan[k].cents, k).toBeGreaterThanOrEqual(0);
          }
        }
        for (const person of r.people) {
          const mine = r.plans.filter((x) => x.person === person.id);
          const regular = mine.reduce(
            (a, x) => a + x.deferralPreTax.cents + x.deferralRoth.cents,
            0,
          );
          const catchUp = mine.reduce((a, x) => a + x.catchUp.cents, 0);
          expect(regular).toBeLessThanOrEqual(usd(p.plan.electiveDeferralLimit));
          expect(catchUp).toBeLessThanOrEqual(person.catchUpLimit.cents);
          expect(person.deferralRoomLeft.cents).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * Households with several plans per job: W-2 jobs whose employer sponsors two or three plans,
 * S-corp and Schedule C businesses with a 401(k) or solo 401(k)s, businesses and employers
 * shared between jobs. A business has one solo 401(k) per person (two are refused with the
 * reason); every other household is settled.
 */
const severalPlans: fc.Arbitrary<ScenarioInput> = fc
  .record({
    year: fc.constantFrom(2024, 2025, 2026),
    age: fc.integer({ min: 25, max: 70 }),
    jobs: fc.array(
      fc.record({
        kind: fc.constantFrom('w2', 's-corp', 'schedule-c'),
        pay: dollars(400_000),
        employer: fc.integer({ min: 0, max: 2 }),
        plans: fc.array(
          fc.record({
            solo: fc.boolean(),
            deferrals: fc.array(fc.record({ roth: fc.boolean(), amount: election }), {
              maxLength: 2,
            }),
            employer: fc.option(election, { nil: undefined }),
            ne: fc.integer({ min: 0, max: 25 }),
            match: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
            afterTax: fc.boolean(),
            afterTaxAmount: fc.option(election, { nil: undefined }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(({ year, age, jobs }) => ({
    version: 1 as const,
    taxYear: year,
    filingStatus: 'single' as const,
    people: [{ id: 'p', birthDate: `${String(year - age)}-06-15` }],
    jobs: jobs.map((j, i) => {
      const base = {
        id: `j${String(i)}`,
        person: 'p',
        employer: `${j.kind === 'w2' ? 'E' : 'B'}${String(j.employer)}`,
      };
      return j.kind === 'schedule-c'
        ? { ...base, type: 'schedule-c' as const, netProfit: j.pay }
        : { ...base, type: j.kind, wages: j.pay };
    }),
    plans: jobs.flatMap((j, i) =>
      j.plans.map((pl, k) => {
        const solo = j.kind === 'schedule-c' || (j.kind === 's-corp' && pl.solo);
        return {
          id: `k${String(i)}-${String(k)}`,
          job: `j${String(i)}`,
          type: solo ? ('solo-401k' as const) : ('401k' as const),
          deferrals: pl.deferrals.map((d) => ({
            type: d.roth ? ('roth' as const) : ('pre-tax' as const),
            amount: d.amount,
          })),
          ...(solo
            ? pl.employer === undefined
              ? {}
              : { employerContribution: pl.employer }
            : {
                nonelectivePercent: pl.ne,
                ...(pl.match === undefined
                  ? {}
                  : { match: [{ rate: 100, upToPercent: pl.match }] }),
              }),
          afterTax: {
            allowed: pl.afterTax,
            ...(pl.afterTax && pl.afterTaxAmount !== undefined
              ? { amount: pl.afterTaxAmount }
              : {}),
          },
        };
      }),
    ),
  }));

/**
 * 415(c)(1)(B) from the report's own lines: compensation from the employers of a limit is W-2
 * pay, and for a Schedule C business its net earnings less half of SE tax (worksheet step 3)
 * less the employer contributions to all of its plans (IRC 401(c)(2), 415(c)(3)(B)).
 */
function compensationFromLines(s: ScenarioInput, r: HouseholdReport, employers: readonly string[]) {
  return (s.jobs ?? [])
    .filter((j) => employers.includes(j.employer))
    .reduce((a, j) => {
      if (j.type !== 'schedule-c') return a + Math.round((j.wages ?? 0) * 100);
      const plans = r.plans.filter((x) => x.job === j.id);
      const step3 = plans.find((x) => x.selfEmployment)?.selfEmployment?.step3.cents ?? 0;
      return a + step3 - plans.reduce((e, x) => e + x.nonelective.cents, 0);
    }, 0);
}

describe('household engine properties, several plans per job', () => {
  it('every limit group within its cap and 100% of compensation, or one solo 401(k) per business refused', () => {
    fc.assert(
      fc.property(severalPlans, (input) => {
        let s;
        try {
          s = parseScenario(input);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          for (const i of (e as InputError).issues) {
            expect(i.message).toMatch(/is a second solo 401\(k\) of B\d/);
          }
          return;
        }
        const r = planHousehold(s);
        for (const g of r.limitGroups) {
          const what = `${g.kind} ${g.employers.join('+')}`;
          expect(g.used.cents, what).toBeLessThanOrEqual(g.cap.cents);
          expect(g.cap.cents, what).toBeLessThanOrEqual(g.compensation.cents);
          expect(g.used.cents, what).toBeLessThanOrEqual(
            compensationFromLines(input, r, g.employers),
          );
        }
        const regular = r.plans.reduce(
          (a, x) => a + x.deferralPreTax.cents + x.deferralRoth.cents,
          0,
        );
        expect(regular).toBeLessThanOrEqual(usd(paramsFor(s.taxYear).plan.electiveDeferralLimit));
      }),
      { numRuns: 400 },
    );
  });

  it('refuses two solo 401(k)s of one Schedule C business, naming both (20,000 of net profit)', () => {
    const twoSolos = {
      version: 1,
      taxYear: 2026,
      filingStatus: 'single',
      people: [{ id: 'a', birthDate: '1980-01-01' }],
      jobs: [{ id: 'j', person: 'a', employer: 'Biz', type: 'schedule-c', netProfit: 20000 }],
      plans: [
        {
          id: 's1',
          job: 'j',
          type: 'solo-401k',
          deferrals: [{ type: 'pre-tax', amount: 5000 }],
          employerContribution: 0,
          afterTax: { allowed: true },
        },
        { id: 's2', job: 'j', type: 'solo-401k', employerContribution: 'max' },
      ],
    };
    expect(() => parseScenario(twoSolos)).toThrow(
      /plans\[1\]\.job: s2 is a second solo 401\(k\) of Biz for a \(the first is plans\[0\], "s1"\)/,
    );
  });
});

describe('amounts at the maximum', () => {
  it('a household of maximum amounts settles with every figure a safe integer and every limit held', () => {
    const MAX = 1_000_000_000;
    const jobs = Array.from({ length: 8 }, (_, i) => ({
      id: `j${String(i)}`,
      person: i % 2 === 0 ? 'a' : 'b',
      employer: i < 6 ? `E${String(i % 3)}` : `Biz${String(i)}`,
      ...(i < 6
        ? { type: 'w2' as const, wages: MAX, priorYearFicaWages: MAX }
        : { type: 'schedule-c' as const, netProfit: MAX }),
    }));
    const plans = jobs.map((j, i) => ({
      id: `k${String(i)}`,
      job: j.id,
      type: j.type === 'w2' ? ('401k' as const) : ('solo-401k' as const),
      deferrals: [{ type: 'pre-tax' as const, amount: MAX }],
      ...(j.type === 'w2'
        ? { nonelectiveAmount: MAX, matchCapAmount: MAX, match: [{ rate: 100, upToPercent: 100 }] }
        : {
            employerContribution: MAX,
            cashBalance: { contribution: MAX, minimumRequired: MAX, maximumDeductible: MAX },
          }),
      afterTax: { allowed: true, amount: MAX, capAmount: MAX },
    }));
    const s = parseScenario({
      version: 1,
      taxYear: 2026,
      filingStatus: 'mfj',
      people: [
        { id: 'a', birthDate: '1964-01-01' },
        { id: 'b', birthDate: '1990-01-01' },
      ],
      jobs,
      plans,
    });
    const r = planHousehold(s);
    for (const f of figuresOf(planReport(s, DEFAULT_GROWTH_ASSUMPTIONS))) {
      if (isFigure(f)) expect(Number.isSafeInteger(f.cents), f.key).toBe(true);
      else expect(Number.isFinite(f.rate), f.key).toBe(true);
    }
    for (const g of r.limitGroups) expect(g.used.cents).toBeLessThanOrEqual(g.cap.cents);
    // the elections above the limits are errors with their fixes, not silently clamped
    expect(r.findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
  });
});
