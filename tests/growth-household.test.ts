import { describe, expect, it } from 'vitest';
import { planHousehold } from '../src/engine/household/plan-household.js';
import { cents } from '../src/engine/money.js';
import { projectStrategies } from '../src/engine/project/deterministic.js';
import { physicianFacts, physicianProjection } from '../src/engine/project/examples.js';
import {
  DEFAULT_GROWTH_ASSUMPTIONS,
  householdOptimizer,
} from '../src/engine/project/from-household.js';
import { optimizeSplit } from '../src/engine/project/optimizer.js';
import { parseScenario } from '../src/engine/scenario/validate.js';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { runCli } from './helpers/cli.js';

const scenarioOf = (file: string) =>
  parseScenario(parse(readFileSync(file, 'utf8')) as unknown, { today: '2026-11-29' });

describe('growth inputs from the household', () => {
  it('takes the physician example from the household engine and the tax rules', () => {
    const f = physicianFacts();
    expect(f.soloEmployerMax).toBe(cents(12_825.92));
    expect(f.afterTaxRoomAtMaxEmployer).toBe(cents(22_674.08));
    expect(f.afterTaxRoomWithoutEmployer).toBe(cents(35_500));
    // 300,000 − 24,500 + 65,000 − 870.40 − 12,825.92 − 16,100 standard deduction
    expect(f.taxableIncome).toBe(cents(310_703.68));
    expect(f.currentRate).toBe(0.4); // 35% bracket + 5% state assumption
    expect(physicianProjection().contribution).toBe(cents(22_674.08));
  });

  it('maps a couple with two plans onto the optimizer, never worse than a fixed strategy', () => {
    const s = scenarioOf('examples/married-couple.yaml');
    const input = householdOptimizer(s, planHousehold(s), DEFAULT_GROWTH_ASSUMPTIONS);
    expect(input.people.map((p) => p.deferralRoom)).toEqual([cents(32_500), cents(24_500)]);
    const northwind = input.plans.find((p) => p.id === 'northwind-401k');
    // 100% match up to 4% of 260,000
    expect(northwind?.match).toEqual({ rate: 1, max: cents(10_400) });
    expect(northwind?.afterTax).toEqual({ room: cents(37_100), conversion: 'in-plan' });
    expect(input.plans.find((p) => p.id === 'contoso-401k')?.afterTax).toBeUndefined();
    const r = optimizeSplit(input);
    for (const v of Object.values(r.fixed)) expect(r.endWealth).toBeGreaterThanOrEqual(v - 1);
  });
});

describe('compare, optimize and plan on a scenario file', () => {
  it('compare takes a household scenario', async () => {
    const r = await runCli([
      'compare',
      'examples/large-employer-full-mbr.yaml',
      '--paths',
      '200',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { inputs: { contribution: number } };
    expect(j.inputs.contribution).toBe(41_500);
  });

  it('optimize takes a household scenario with its planned savings as the budget', async () => {
    const r = await runCli(['optimize', 'examples/roth-lite.yaml', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { budget: number };
    // 24,500 deferred + 8,000 catch-up + 18,000 after-tax
    expect(j.budget).toBe(50_500);
  });

  it("plan prints what the after-tax money is worth, the same as compare's projection", async () => {
    const r = await runCli(['plan', '--json']);
    const j = JSON.parse(r.stdout) as { worth: { atRetirement: { fullMbr: number } } };
    const p = projectStrategies(physicianProjection());
    expect(j.worth.atRetirement.fullMbr).toBe(p.outcomes.fullMbr.atRetirement / 100);
    expect(j.worth.atRetirement.fullMbr).toBeGreaterThan(
      j.worth.atRetirement.fullMbr * 0 + 1_000_000,
    );
  });
});
