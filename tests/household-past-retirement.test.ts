/**
 * Households where everyone is at or past the assumed retirement age (65) at December 31 of
 * the tax year: physicians and owners often work past it. The plan runs, and the projection of
 * "what it's worth" counts this year's contributions only: retirement at the age + 1.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GROWTH_ASSUMPTIONS, horizonAges } from '../src/engine/project/from-household.js';
import { planReport } from '../src/engine/report/plan.js';
import type { ScenarioInput } from '../src/engine/scenario/schema.js';
import { parseScenario } from '../src/engine/scenario/validate.js';
import { runCli } from './helpers/cli.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** A married couple, 68 and 65 at December 31, 2026; one W-2 job with a Mega Backdoor plan. */
function couple(birthDates: readonly string[] = ['1958-05-01', '1961-12-31']): ScenarioInput {
  return {
    version: 1,
    taxYear: 2026,
    filingStatus: 'mfj',
    people: birthDates.map((birthDate, i) => ({ id: `p${String(i)}`, birthDate })),
    jobs: [
      {
        id: 'j',
        person: 'p0',
        employer: 'Hospital',
        type: 'w2',
        wages: 300000,
        priorYearFicaWages: 290000,
      },
    ],
    plans: [
      {
        id: 'k',
        job: 'j',
        type: '401k',
        deferrals: [{ type: 'roth', amount: 'max' }],
        afterTax: { allowed: true },
        inPlanConversion: 'automatic',
      },
    ],
  };
}

describe('everyone 65 or older at December 31', () => {
  it('runs the plan: one year of saving, retirement at 66, said as a finding', () => {
    const r = planReport(parseScenario(couple()), DEFAULT_GROWTH_ASSUMPTIONS);
    expect(r.people.map((p) => p.age)).toEqual([68, 65]);
    const w = r.worth;
    expect(w?.years).toBe(1);
    // 72,000 (415(c), 2026) − 24,500 Roth deferral = 47,500 after-tax; the 8,000 catch-up is outside 415(c)
    expect(w?.contribution.cents).toBe(4_750_000);
    // converted at once: 47,500 × 1.07 = 50,825.00 after one year at the assumed 7%
    expect(w?.atRetirement.fullMbr.cents).toBe(5_082_500);
    // Roth-lite: the 3,325.00 of earnings taxed at 27% (22% federal + 5% state) on the way out:
    // 47,500 + 3,325 × 0.73 = 49,927.25
    expect(w?.atRetirement.rothLite.cents).toBe(4_992_725);
    expect(r.findings).toContainEqual({
      severity: 'info',
      path: 'worth.years',
      message:
        "The assumed retirement age of 65 has passed for everyone in the household (the youngest is 65 at December 31, 2026): the projection counts this year's contributions only, one year of saving, with retirement at 66.",
    });
  });

  it('moves the plan end too when the youngest is past it (95: retirement and end at 96)', () => {
    const r = planReport(parseScenario(couple(['1931-03-01'])), DEFAULT_GROWTH_ASSUMPTIONS);
    expect(r.worth?.years).toBe(1);
    expect(r.findings.find((f) => f.path === 'worth.years')?.message).toMatch(
      /retirement at 96 and the plan's end at 96\.$/,
    );
  });

  it('says nothing when someone is younger than 65 (64 at December 31: one year to 65)', () => {
    const r = planReport(parseScenario(couple(['1962-01-01'])), DEFAULT_GROWTH_ASSUMPTIONS);
    expect(r.worth?.years).toBe(1);
    expect(r.findings.some((f) => f.path === 'worth.years')).toBe(false);
  });

  it('property: any age runs, with max(65, age + 1) − age years of saving', () => {
    fc.assert(
      fc.property(fc.integer({ min: 18, max: 110 }), (age) => {
        const r = planReport(
          parseScenario(couple([`${String(2026 - age)}-01-01`])),
          DEFAULT_GROWTH_ASSUMPTIONS,
        );
        expect(r.worth?.years).toBe(Math.max(65, age + 1) - age);
        const h = horizonAges(age, DEFAULT_GROWTH_ASSUMPTIONS.values);
        expect(h.planEndAge).toBeGreaterThanOrEqual(h.retirementAge);
        expect(h.retirementAge).toBeGreaterThan(age);
      }),
      { numRuns: 60 },
    );
  });

  it('plan, compare and optimize exit 0 on the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'megaroth-'));
    const file = join(dir, 'couple.yaml');
    writeFileSync(file, stringify(couple()));
    const plan = await runCli(['plan', file]);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain('$47,500.00 of after-tax money a year for 1 year at 7.00%');
    for (const cmd of ['compare', 'optimize']) {
      const r = await runCli([cmd, file]);
      expect(r.code, `${cmd}: ${r.stderr}`).toBe(0);
    }
  });
});
