/**
 * Ownership on any job and family attribution: the shares of the spouse, children,
 * grandchildren and parents are the person's own (IRC 318(a)(1)) for the 5%-owner HCE test
 * (IRC 414(q)(1)(A), 416(i)(1)(B)(i), (iii)) and for control (the 403(b) aggregation of Treas.
 * Reg. 1.415(f)-1(f)(2); IRC 415(h)); prior-year compensation for every job, a partner's
 * earned income included (IRC 414(q)(4), 415(c)(3)(B)); the HCE label per employer.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planHousehold } from '../src/engine/household/plan-household.js';
import { loadScenario } from '../src/engine/scenario/load.js';
import { parseScenario } from '../src/engine/scenario/validate.js';
import type { ScenarioInput } from '../src/engine/scenario/schema.js';

type Jobs = NonNullable<ScenarioInput['jobs']>;
type Plans = NonNullable<ScenarioInput['plans']>;
const household = (jobs: Jobs, plans: Plans, two = false): ScenarioInput => ({
  version: 1,
  taxYear: 2026,
  filingStatus: two ? 'mfj' : 'single',
  people: [
    { id: 'a', birthDate: '1980-01-01' },
    ...(two ? [{ id: 'b', birthDate: '1982-01-01' }] : []),
  ],
  jobs,
  plans,
});
const run = (s: ScenarioInput) => planHousehold(parseScenario(s));

describe('the spouse of a more than 5% owner', () => {
  it('is an HCE of the business by attribution (IRC 414(q)(1)(A), 318(a)(1)(A)(i))', () => {
    const r = planHousehold(
      loadScenario(readFileSync('examples/spouse-on-payroll.yaml', 'utf8'), 'yaml'),
    );
    const casey = r.people.find((x) => x.id === 'casey');
    // Casey owns nothing and earned 58,000 last year (under 160,000), but Morgan owns 100%.
    expect(casey?.likelyHce).toBe(true);
    expect(casey?.hce[0]?.why).toMatch(/0% directly \+ 100% by the spouse/);
  });
});

describe('family shares count for the 5%-owner test', () => {
  const w2Owner = (own: number, family: number) =>
    household(
      [
        {
          id: 'j',
          person: 'a',
          employer: 'Family Corp',
          type: 'w2',
          wages: 90_000,
          priorYearFicaWages: 85_000,
          ownershipPercent: own,
          familyOwnershipPercent: family,
        },
      ],
      [{ id: 'k', job: 'j', type: '401k', deferrals: [{ type: 'pre-tax', amount: 'max' }] }],
    );
  it('3% owned + 3% by the parents is more than 5%: an HCE', () => {
    expect(run(w2Owner(3, 3)).people[0]?.likelyHce).toBe(true);
  });
  it('3% + 2% is exactly 5%, not more: not an HCE on ownership (85,000 of pay is under 160,000)', () => {
    expect(run(w2Owner(3, 2)).people[0]?.likelyHce).toBe(false);
  });
});

describe("a partner's prior-year earned income", () => {
  it('makes a 5% partner with 237,000 of earned income an HCE (IRC 414(q)(4), 415(c)(3)(B))', () => {
    // 5% is not more than 5%, but 237,000 is more than the 160,000 look-back amount for 2026
    // (Notice 2025-67: the 2025 amount 160,000 applies to 2025 pay for the 2026 plan year).
    const r = run(
      household(
        [
          {
            id: 'p',
            person: 'a',
            employer: 'Partners LLP',
            type: 'schedule-c',
            netProfit: 240_000,
            ownershipPercent: 5,
            priorYearCompensation: 237_000,
          },
        ],
        [{ id: 's', job: 'p', type: 'solo-401k' }],
      ),
    );
    expect(r.people[0]?.likelyHce).toBe(true);
    expect(r.people[0]?.hce[0]?.why).toMatch(/237,000\.00 is more than \$160,000\.00/);
  });
});

describe('the HCE label is per employer', () => {
  it('is an HCE where last year paid 200,000 and not where it paid 50,000', () => {
    const plan = (id: string, job: string): Plans[number] => ({
      id,
      job,
      type: '401k',
      deferrals: [{ type: 'pre-tax', amount: 10_000 }],
      afterTax: { allowed: true, amount: 5_000 },
      inPlanConversion: 'automatic',
    });
    const r = run(
      household(
        [
          {
            id: 'x',
            person: 'a',
            employer: 'X',
            type: 'w2',
            wages: 210_000,
            priorYearFicaWages: 200_000,
          },
          {
            id: 'y',
            person: 'a',
            employer: 'Y',
            type: 'w2',
            wages: 55_000,
            priorYearFicaWages: 50_000,
          },
        ],
        [plan('kx', 'x'), plan('ky', 'y')],
      ),
    );
    expect(r.people[0]?.hce.map((h) => [h.employers.join('+'), h.likelyHce])).toEqual([
      ['X', true],
      ['Y', false],
    ]);
    const warns = (id: string) => r.plans.find((x) => x.id === id)?.verdict.warnings.join(' ');
    expect(warns('kx')).toMatch(/highly compensated/);
    expect(warns('ky')).not.toMatch(/highly compensated/);
  });
});

describe('control with ownership on any job', () => {
  it('aggregates a 403(b) with the 401(k) of a C corporation the person owns 60% of', () => {
    // Treas. Reg. 1.415(f)-1(f)(2): the 403(b) is the participant's own plan, aggregated with
    // the plans of an employer the participant controls (more than 50%, IRC 415(h)).
    const r = run(
      household(
        [
          { id: 'h', person: 'a', employer: 'Hospital', type: 'w2', wages: 250_000 },
          {
            id: 'c',
            person: 'a',
            employer: 'A Medical Corp',
            type: 'w2',
            wages: 100_000,
            ownershipPercent: 60,
          },
        ],
        [
          { id: 'b', job: 'h', type: '403b', deferrals: [{ type: 'pre-tax', amount: 'max' }] },
          { id: 'k', job: 'c', type: '401k', nonelectivePercent: 25 },
        ],
      ),
    );
    const agg = r.limitGroups.find((g) => g.kind === '403b-aggregation');
    expect(agg?.plans).toEqual(['b', 'k']);
    // 24,500 of 403(b) deferrals + 25,000 nonelective = 49,500 of the one 72,000 limit.
    expect(agg?.used.cents).toBe(4_950_000);
  });

  it("counts the spouse's share: the spouse's practice is the person's for the 403(b) rule", () => {
    // b owns 100% of B Practice; a works there on W-2 wages with a 401(k), and has a 403(b) at
    // the hospital. a owns B Practice by attribution (IRC 318(a)(1)(A)(i)), so controls it.
    const r = run(
      household(
        [
          { id: 'h', person: 'a', employer: 'Hospital', type: 'w2', wages: 250_000 },
          { id: 'w', person: 'a', employer: 'B Practice', type: 'w2', wages: 60_000 },
          { id: 'o', person: 'b', employer: 'B Practice', type: 'schedule-c', netProfit: 200_000 },
        ],
        [
          { id: 'b403', job: 'h', type: '403b', deferrals: [{ type: 'pre-tax', amount: 'max' }] },
          { id: 'k', job: 'w', type: 'solo-401k' },
        ],
        true,
      ),
    );
    expect(r.limitGroups.some((g) => g.kind === '403b-aggregation' && g.person === 'a')).toBe(true);
  });

  it('derives one 415(c) employer from the spouse’s business and the person’s own', () => {
    // a owns A Consulting; b owns B Practice, where a also works on W-2 wages. By attribution a
    // controls both: one employer for 415(c) (IRC 415(h)).
    const r = run(
      household(
        [
          {
            id: 'ac',
            person: 'a',
            employer: 'A Consulting',
            type: 'schedule-c',
            netProfit: 50_000,
          },
          { id: 'aw', person: 'a', employer: 'B Practice', type: 'w2', wages: 40_000 },
          { id: 'bo', person: 'b', employer: 'B Practice', type: 'schedule-c', netProfit: 150_000 },
        ],
        [
          { id: 's1', job: 'ac', type: 'solo-401k' },
          { id: 's2', job: 'aw', type: 'solo-401k' },
        ],
        true,
      ),
    );
    const g = r.limitGroups.find((x) => x.person === 'a' && x.kind === 'employer');
    expect(g?.employers).toEqual(['A Consulting', 'B Practice']);
    expect(g?.why).toMatch(/spouse and family/);
  });
});
