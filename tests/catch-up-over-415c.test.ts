/**
 * Deferrals over a statutory limit, 415(c) included, by a participant eligible for catch-ups are
 * catch-up contributions (IRC 414(v)(1), 414(v)(3)(A); Treas. Reg. 1.414(v)-1(b)(1)(i)), up to
 * the catch-up limit left, not excess deferrals cut with an error.
 */
import { describe, expect, it } from 'vitest';
import { planHousehold } from '../src/engine/household/plan-household.js';
import { cents } from '../src/engine/money.js';
import { parseScenario } from '../src/engine/scenario/validate.js';
import type { ScenarioInput } from '../src/engine/scenario/schema.js';

const person = (age: number) => [{ id: 'p', birthDate: `${String(2026 - age)}-06-01` }];
const run = (s: ScenarioInput) => planHousehold(parseScenario(s));
const errors = (r: ReturnType<typeof run>) => r.findings.filter((f) => f.severity === 'error');

describe('a W-2 401(k) whose employer money leaves less 415(c) room than the deferrals', () => {
  // 2026, age 55, wages 30,000: 415(c) limit = 100% of compensation = 30,000. A 25%
  // nonelective contribution is 7,500, so regular deferrals fit up to 22,500; the other 2,000 of
  // the 24,500 elected is over 415(c) and within the 8,000 catch-up: a catch-up.
  const w2 = (age: number): ScenarioInput => ({
    version: 1,
    taxYear: 2026,
    filingStatus: 'single',
    people: person(age),
    jobs: [
      {
        id: 'j',
        person: 'p',
        employer: 'E',
        type: 'w2',
        wages: 30_000,
        priorYearFicaWages: 30_000,
      },
    ],
    plans: [
      {
        id: 'k',
        job: 'j',
        type: '401k',
        deferrals: [{ type: 'pre-tax', amount: 24_500 }],
        nonelectivePercent: 25,
      },
    ],
  });

  it('makes the part over 415(c) a catch-up at 55', () => {
    const r = run(w2(55));
    const k = r.plans[0];
    expect(k?.deferralPreTax.cents).toBe(cents(22_500));
    expect(k?.catchUp.cents).toBe(cents(2_000));
    expect(k?.nonelective.cents).toBe(cents(7_500));
    expect(k?.annualAdditions.cents).toBe(cents(30_000));
    expect(k?.total.cents).toBe(cents(32_000));
    expect(errors(r)).toEqual([]);
    expect(r.findings.some((f) => /is a catch-up contribution/.test(f.message))).toBe(true);
  });

  it('still cuts them with an error at 45, with no catch-up', () => {
    const r = run(w2(45));
    expect(r.plans[0]?.deferralPreTax.cents).toBe(cents(22_500));
    expect(r.plans[0]?.catchUp.cents).toBe(0);
    expect(errors(r).map((f) => f.path)).toEqual(['plans[0].deferrals[0].amount']);
  });
});

describe('an S-corp owner at low wages', () => {
  // 2026, age 55, W-2 wages 30,000 from the owner's S corporation. Deferrals come out of pay:
  // 24,500 regular + 5,500 catch-up = 30,000. The employer contribution may be 25% × 30,000
  // = 7,500 (IRC 404(a)(3)(A)): 415(c) (100% of 30,000) then holds 22,500 of regular deferrals,
  // and the other 2,000 become catch-ups (5,500 + 2,000 = 7,500 of the 8,000 limit).
  // Before, the employer contribution stopped at 30,000 − 24,500 = 5,500 (total 35,500).
  const r = run({
    version: 1,
    taxYear: 2026,
    filingStatus: 'single',
    people: person(55),
    jobs: [
      {
        id: 'co',
        person: 'p',
        employer: 'Own Co',
        type: 's-corp',
        wages: 30_000,
        priorYearFicaWages: 30_000,
      },
    ],
    plans: [
      { id: 'solo', job: 'co', type: 'solo-401k', deferrals: [{ type: 'pre-tax', amount: 'max' }] },
    ],
  });
  const solo = r.plans[0];

  it('gets the whole 25% employer contribution', () => {
    expect(solo?.nonelective.cents).toBe(cents(7_500));
    expect(solo?.deferralPreTax.cents).toBe(cents(22_500));
    expect(solo?.catchUp.cents).toBe(cents(7_500));
    expect(solo?.annualAdditions.cents).toBe(cents(30_000));
    expect(solo?.total.cents).toBe(cents(37_500));
    expect(errors(r)).toEqual([]);
  });
});

describe('a solo 401(k) on Schedule C income aggregated with a 403(b)', () => {
  // 2026, age 55. The 403(b) holds 10,000 of deferrals and 55,000 of employer money: 65,000 of
  // the 72,000 limit, which the practice the person controls shares (Treas. Reg.
  // 1.415(f)-1(f)(2)). The solo plan's 14,500 of deferrals (the rest of 402(g)) has 7,000 of
  // 415(c) room: 7,000 stay regular deferrals and 7,500 are catch-ups (within 8,000), where
  // before 7,500 were cut with an error. No room is left for the employer contribution.
  const r = run({
    version: 1,
    taxYear: 2026,
    filingStatus: 'single',
    people: person(55),
    jobs: [
      {
        id: 'h',
        person: 'p',
        employer: 'Hospital',
        type: 'w2',
        wages: 200_000,
        priorYearFicaWages: 100_000,
      },
      { id: 'c', person: 'p', employer: 'Practice', type: 'schedule-c', netProfit: 100_000 },
    ],
    plans: [
      {
        id: 'b',
        job: 'h',
        type: '403b',
        deferrals: [{ type: 'pre-tax', amount: 10_000 }],
        nonelectiveAmount: 55_000,
      },
      { id: 'solo', job: 'c', type: 'solo-401k', deferrals: [{ type: 'pre-tax', amount: 14_500 }] },
    ],
  });
  const solo = r.plans.find((x) => x.id === 'solo');

  it('makes the deferrals over the shared limit catch-ups', () => {
    expect(solo?.deferralPreTax.cents).toBe(cents(7_000));
    expect(solo?.catchUp.cents).toBe(cents(7_500));
    expect(solo?.nonelective.cents).toBe(0);
    expect(errors(r)).toEqual([]);
    expect(r.limitGroups.find((g) => g.kind === '403b-aggregation')?.used.cents).toBe(
      cents(72_000),
    );
  });
});
