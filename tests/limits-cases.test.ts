import { describe, expect, it } from 'vitest';
import { planHousehold } from '../src/engine/household/plan-household.js';
import type { Figure } from '../src/engine/explain.js';
import { parseScenario } from '../src/engine/scenario/validate.js';
import { rothCatchUpRule } from '../src/engine/rules/roth-catch-up.js';
import { catchUpLimit } from '../src/engine/rules/catch-up.js';
import { paramsFor } from '../src/engine/params/index.js';
import { cents } from '../src/engine/money.js';
import { loadCases } from './helpers/cases.js';

interface LimitCase {
  id: string;
  scenario: unknown;
  expect: {
    person?: Record<string, number>;
    plans?: Record<string, Record<string, number>>;
    tradeOff?: Record<string, { noEmployerAfterTaxRoom?: number; maxEmployerTotal?: number }>;
  };
}

const cases = [
  ...(loadCases('limits.yaml') as LimitCase[]),
  ...(loadCases('household-self-employment.yaml') as LimitCase[]),
];

describe('employer-plan, limit and self-employment cases (A-1 to A-4, C-7, E, the physician beside a 403(b))', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const report = planHousehold(parseScenario(c.scenario));
    const person = report.people[0];
    expect(person).toBeDefined();
    for (const [k, v] of Object.entries(c.expect.person ?? {})) {
      const f = (person as unknown as Record<string, Figure>)[k];
      expect(f?.cents, k).toBe(cents(v));
    }
    for (const [planId, fields] of Object.entries(c.expect.plans ?? {})) {
      const plan = report.plans.find((p) => p.id === planId);
      expect(plan, planId).toBeDefined();
      for (const [k, v] of Object.entries(fields)) {
        const f = (plan as unknown as Record<string, Figure>)[k];
        expect(f?.cents, `${planId}.${k}`).toBe(cents(v));
      }
    }
    for (const [planId, t] of Object.entries(c.expect.tradeOff ?? {})) {
      const trade = report.plans.find((p) => p.id === planId)?.tradeOff;
      if (t.noEmployerAfterTaxRoom !== undefined) {
        expect(trade?.noEmployer.afterTaxRoom.cents).toBe(cents(t.noEmployerAfterTaxRoom));
      }
      if (t.maxEmployerTotal !== undefined) {
        expect(trade?.maxEmployer.total.cents).toBe(cents(t.maxEmployerTotal));
      }
    }
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

interface RothCase {
  id: string;
  year: number;
  jobType: 'w2' | 'schedule-c' | 's-corp';
  priorYearFicaWages?: number;
  currentWages: number;
  required: boolean;
  age?: number;
  catchUp?: number;
}

describe('Roth catch-up requirement (A-5)', () => {
  const roth = loadCases('roth-catch-up.yaml') as RothCase[];
  it.each(roth.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const p = paramsFor(c.year);
    const rule = rothCatchUpRule(p, {
      jobType: c.jobType,
      priorYearFicaWages:
        c.priorYearFicaWages === undefined ? undefined : cents(c.priorYearFicaWages),
      currentWages: cents(c.currentWages),
    });
    expect(rule.required).toBe(c.required);
    if (c.age !== undefined && c.catchUp !== undefined) {
      expect(catchUpLimit(p, c.age).cents).toBe(cents(c.catchUp));
    }
  });

  /** One W-2 earner with 200,000 of pay (and of prior-year FICA wages) deferring "max". */
  const highEarner = (birthDate: string, rothDeferralsAllowed: boolean) =>
    planHousehold(
      parseScenario({
        version: 1,
        taxYear: 2026,
        filingStatus: 'single',
        people: [{ id: 'p', birthDate }],
        jobs: [
          {
            id: 'j',
            person: 'p',
            employer: 'E',
            type: 'w2',
            wages: 200000,
            priorYearFicaWages: 200000,
          },
        ],
        plans: [
          {
            id: 'k',
            job: 'j',
            type: '401k',
            rothDeferralsAllowed,
            deferrals: [{ type: 'pre-tax', amount: 'max' }],
          },
        ],
      }),
    );

  it('designates the whole 60-63 catch-up Roth in the engine (A-5e)', () => {
    const plan = highEarner('1965-02-01', true).plans[0];
    expect(plan?.catchUp.cents).toBe(1_125_000);
    expect(plan?.catchUpType).toBe('roth');
    expect(plan?.deferralPreTax.cents).toBe(2_450_000);
  });

  it('bars catch-ups in a plan with no Roth feature when Roth is required', () => {
    const report = highEarner('1970-02-01', false);
    expect(report.plans[0]?.catchUp.cents).toBe(0);
    expect(
      report.findings.some(
        (f) => f.severity === 'warning' && f.path === 'plans[0].rothDeferralsAllowed',
      ),
    ).toBe(true);
  });
});
