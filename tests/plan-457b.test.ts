/**
 * 457(b) plans: their own deferral limit beside 402(g) and outside 415(c) (IRC 457(b)(2),
 * 457(e)(15), 457(c)); the age-50 catch-up in governmental plans only (IRC 414(v)(6)(A)(iii));
 * the special catch-up of the last three years before normal retirement age (IRC 457(b)(3);
 * Treas. Reg. 1.457-4(c)(3)), the greater of the two and never both (IRC 414(v)(6)(C); Treas.
 * Reg. 1.457-4(c)(2)(ii)).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planHousehold } from '../src/engine/household/plan-household.js';
import { InputError } from '../src/engine/errors.js';
import { cents } from '../src/engine/money.js';
import { paramsFor } from '../src/engine/params/index.js';
import { loadScenario } from '../src/engine/scenario/load.js';
import { parseScenario } from '../src/engine/scenario/validate.js';
import type { ScenarioInput } from '../src/engine/scenario/schema.js';

describe('the physician with a 403(b), a governmental 457(b) and a solo 401(k)', () => {
  const s = loadScenario(readFileSync('examples/physician-403b-457b-solo.yaml', 'utf8'), 'yaml');
  const r = planHousehold(s);
  const person = r.people[0];
  const plan = (id: string) => r.plans.find((x) => x.id === id);

  it('gives the 402(g) limit to the 403(b) and the solo plan together', () => {
    // 2026 (Notice 2025-67): 402(g) 24,500; age 52: catch-up 8,000. The 403(b) is filled first
    // and takes both; the solo plan has none left.
    expect(person?.deferralLimit.cents).toBe(cents(24_500));
    expect(person?.deferralsUsed.cents).toBe(cents(24_500));
    expect(person?.catchUpUsed.cents).toBe(cents(8_000));
    expect(plan('hospital-403b')?.deferralPreTax.cents).toBe(cents(24_500));
    expect(plan('locums-solo')?.deferralPreTax.cents).toBe(0);
  });

  it('gives the 457(b) its own limit and its own age-50 catch-up', () => {
    // 457(e)(15) for 2026: 24,500 (Notice 2025-67), not shared with the 403(b); a governmental
    // plan has the age-50 catch-up, 8,000, also its own.
    expect(person?.deferrals457?.limit.cents).toBe(cents(24_500));
    expect(person?.deferrals457?.used.cents).toBe(cents(24_500));
    expect(person?.deferrals457?.catchUpUsed.cents).toBe(cents(8_000));
    expect(person?.deferrals457?.catchUpKind).toBe('age-50');
    const p457 = plan('hospital-457b');
    expect(p457?.total.cents).toBe(cents(32_500));
    expect(p457?.governmental).toBe(true);
    // Prior-year FICA wages 310,000 > 150,000: the age-50 catch-up is Roth (IRC 414(v)(7)).
    expect(p457?.catchUpType).toBe('roth');
  });

  it('keeps the 457(b) out of the 415(c) limit the 403(b) and the solo plan share', () => {
    // 403(b) additions: 24,500 + 3% match of 320,000 (9,600) = 34,100 (the catch-up is outside
    // 415(c)). The physician controls the practice, so the 403(b) and the solo plan share one
    // 72,000 limit (Treas. Reg. 1.415(f)-1(f)(2)); the 457(b)'s 32,500 is not in it.
    // Solo plan: net profit 80,000; W-2 Social Security wages reach the 184,500 wage base, so
    // SE tax is Medicare only: 2.9% × (80,000 × 92.35% = 73,880) = 2,142.52; half 1,071.26;
    // Step 3 = 78,928.74; Step 5 at 20% = 15,785.75 = Step 13 (Step 10 is 72,000 − 34,100 =
    // 37,900). After-tax room: 72,000 − 34,100 − 15,785.75 = 22,114.25.
    const solo = plan('locums-solo');
    expect(solo?.otherPlansUnderLimit.cents).toBe(cents(34_100));
    expect(solo?.nonelective.cents).toBe(cents(15_785.75));
    expect(solo?.afterTaxRoom.cents).toBe(cents(22_114.25));
    const shared = r.limitGroups.find((g) => g.kind === '403b-aggregation');
    expect(shared?.plans).toEqual(['hospital-403b', 'locums-solo']);
    expect(shared?.used.cents).toBe(cents(72_000));
    expect(r.limitGroups.some((g) => g.plans.includes('hospital-457b'))).toBe(false);
    expect(plan('hospital-457b')?.limit415c.cents).toBe(0);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

const one457 = (
  age: number,
  plan: Record<string, unknown>,
  wages = 200_000,
  year = 2026,
): ScenarioInput => ({
  version: 1,
  taxYear: year,
  filingStatus: 'single',
  people: [{ id: 'p', birthDate: `${String(year - age)}-06-01` }],
  jobs: [
    { id: 'j', person: 'p', employer: 'City', type: 'w2', wages, priorYearFicaWages: 100_000 },
  ],
  plans: [
    {
      id: 'g',
      job: 'j',
      type: '457b',
      governmental: true,
      deferrals: [{ type: 'pre-tax', amount: 'max' }],
      ...plan,
    },
  ],
});
const total = (s: ScenarioInput) => planHousehold(parseScenario(s)).plans[0]?.total.cents;

describe('457(b) catch-ups', () => {
  it('gives the special catch-up when it is greater, and never both', () => {
    // 2026, age 62, normal retirement age 65: in the three years before it. Unused prior
    // limit 30,000: special catch-up min(24,500, 30,000) = 24,500 > the ages 60-63 catch-up
    // 11,250, so 24,500 + 24,500 = 49,000 (twice the 457(e)(15) amount), not 49,000 + 11,250.
    const s = one457(62, { specialCatchUp: { normalRetirementAge: 65, underusedLimit: 30_000 } });
    expect(total(s)).toBe(cents(49_000));
    const person = planHousehold(parseScenario(s)).people[0];
    expect(person?.deferrals457?.catchUpKind).toBe('special-457');
  });

  it('gives the age-based catch-up when the special one is smaller', () => {
    // Unused prior limit 5,000 < 11,250: 24,500 + 11,250 = 35,750.
    const s = one457(62, { specialCatchUp: { normalRetirementAge: 65, underusedLimit: 5_000 } });
    expect(total(s)).toBe(cents(35_750));
  });

  it('gives no special catch-up outside the three years before normal retirement age', () => {
    // Age 58, normal retirement age 65: 58 < 62; the age-50 catch-up 8,000 only.
    const s = one457(58, { specialCatchUp: { normalRetirementAge: 65, underusedLimit: 30_000 } });
    expect(total(s)).toBe(cents(32_500));
  });

  it('gives no age-50 catch-up in a non-governmental plan, and warns of its risk', () => {
    // A tax-exempt employer's plan at 55: 23,500 in 2025 (Notice 2024-80), no catch-up.
    const s = one457(55, { governmental: false }, 200_000, 2025);
    const r = planHousehold(parseScenario(s));
    expect(r.plans[0]?.total.cents).toBe(cents(23_500));
    expect(r.findings.some((f) => f.severity === 'warning' && /unfunded/.test(f.message))).toBe(
      true,
    );
    expect(r.plans[0]?.verdict.warnings.join(' ')).toMatch(/rolled over/);
  });

  it('has the 457(e)(15) amount of each year (Notices 2022-55, 2023-75, 2024-80, 2025-67)', () => {
    expect([2023, 2024, 2025, 2026].map((y) => paramsFor(y).plan.deferral457Limit.value)).toEqual([
      22_500, 23_000, 23_500, 24_500,
    ]);
  });

  it('stops deferrals at 100% of includible compensation (IRC 457(b)(2)(B))', () => {
    expect(total(one457(40, {}, 18_000))).toBe(cents(18_000));
  });
});

describe('457(b) input checks', () => {
  const issues = (s: ScenarioInput): string[] => {
    try {
      parseScenario(s);
      return [];
    } catch (e) {
      return e instanceof InputError ? e.issues.map((i) => `${i.path}: ${i.message}`) : [];
    }
  };
  it('requires governmental, and refuses after-tax money, employer money and Roth in a tax-exempt plan', () => {
    const noGov = { ...(one457(40, {}).plans?.[0] as Record<string, unknown>) };
    delete noGov['governmental'];
    expect(issues({ ...one457(40, {}), plans: [noGov as never] }).join('\n')).toMatch(
      /plans\[0\]\.governmental: required/,
    );
    expect(issues(one457(40, { afterTax: { allowed: true } })).join('\n')).toMatch(
      /afterTax\.allowed: a 457\(b\) plan takes no after-tax/,
    );
    expect(issues(one457(40, { match: [{ rate: 100, upToPercent: 3 }] })).join('\n')).toMatch(
      /employer money in a 457\(b\)/,
    );
    expect(
      issues(one457(40, { governmental: false, deferrals: [{ type: 'roth', amount: 'max' }] })),
    ).toEqual([
      'plans[0].deferrals[0].type: designated Roth deferrals are allowed only in a governmental 457(b) plan (IRC 402A(e)(1)(C))',
    ]);
    expect(
      issues({
        ...one457(40, {}),
        plans: [{ id: 'k', job: 'j', type: '401k', governmental: true }],
      }),
    ).toEqual(['plans[0].governmental: only for 457b plans']);
  });
});
