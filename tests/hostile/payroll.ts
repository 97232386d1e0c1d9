/**
 * Generated scenarios whose jobs carry payroll (issue 15), for `megaroth paychecks`: one person,
 * one or two jobs at different employers, any pay frequency and first pay date, bonuses, a pay
 * stub or none, every election unit, match per paycheck or trued up, after-tax money or none.
 * Valid by construction (the tiers and dates the scenario accepts).
 */
import fc from 'fast-check';
import type { ScenarioInput } from '../../src/engine/scenario/schema.js';

const FIRST: Record<string, string[]> = {
  weekly: ['2026-01-02', '2026-03-06', '2026-07-10'],
  biweekly: ['2026-01-09', '2026-02-06', '2026-07-10'],
  'semi-monthly': ['2026-01-15', '2026-01-31', '2026-06-30'],
  monthly: ['2026-01-31', '2026-02-27', '2026-08-15'],
};

const dollars = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((c) => c / 100);
const date = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([m, d]) => `2026-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const payroll = fc
  .record({
    frequency: fc.constantFrom('weekly', 'biweekly', 'semi-monthly', 'monthly'),
    pick: fc.integer({ min: 0, max: 2 }),
    salaryPerPeriod: dollars(25000),
    bonuses: fc.array(fc.record({ date, amount: dollars(80000), electionsApply: fc.boolean() }), {
      maxLength: 2,
    }),
    ytd: fc.option(
      fc.record({
        asOf: date,
        compensation: dollars(200000),
        preTax: dollars(20000),
        roth: dollars(8000),
        catchUp: dollars(3000),
        afterTax: dollars(30000),
        match: dollars(10000),
      }),
      { nil: undefined },
    ),
    unit: fc.constantFrom('percent', 'tenths', 'dollars'),
    maxAfterTaxPercent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    afterTaxStopsAt415c: fc.boolean(),
    basis: fc.constantFrom('per-period', 'annual-true-up'),
    capPerPeriod: fc.option(dollars(2000), { nil: undefined }),
  })
  .map((x) => ({
    frequency: x.frequency,
    firstPayDate: FIRST[x.frequency]?.[x.pick] ?? '2026-01-15',
    salaryPerPeriod: x.salaryPerPeriod,
    bonuses: x.bonuses,
    ...(x.ytd ? { yearToDate: x.ytd } : {}),
    elections: {
      unit: x.unit,
      afterTaxStopsAt415c: x.afterTaxStopsAt415c,
      ...(x.maxAfterTaxPercent === undefined ? {} : { maxAfterTaxPercent: x.maxAfterTaxPercent }),
    },
    match: {
      basis: x.basis,
      ...(x.capPerPeriod === undefined ? {} : { capPerPeriod: x.capPerPeriod }),
    },
  }));

const plan = fc.record({
  rate: fc.integer({ min: 0, max: 100 }),
  upTo: fc.integer({ min: 1, max: 15 }),
  afterTax: fc.boolean(),
  type: fc.constantFrom('pre-tax', 'roth'),
  matchesCatchUp: fc.boolean(),
  catchUpAllowed: fc.boolean(),
});

export const payrollScenario = fc
  .record({
    birthYear: fc.integer({ min: 1950, max: 2000 }),
    jobs: fc.array(fc.record({ payroll, plan }), { minLength: 1, maxLength: 2 }),
  })
  .map(({ birthYear, jobs }): ScenarioInput => ({
    version: 1,
    taxYear: 2026,
    filingStatus: 'single',
    people: [{ id: 'p', birthDate: `${String(birthYear)}-06-15` }],
    jobs: jobs.map((j, i) => ({
      id: `job${String(i)}`,
      person: 'p',
      employer: `Employer ${String(i)}`,
      type: 'w2' as const,
      wages: 100000,
      payroll: j.payroll,
    })),
    plans: jobs.map((j, i) => ({
      id: `plan${String(i)}`,
      job: `job${String(i)}`,
      type: '401k' as const,
      deferrals: [{ type: j.plan.type, amount: 'max' as const }],
      match: [{ rate: j.plan.rate, upToPercent: j.plan.upTo }],
      matchesCatchUp: j.plan.matchesCatchUp,
      catchUpAllowed: j.plan.catchUpAllowed,
      afterTax: { allowed: j.plan.afterTax },
    })),
  }));
