import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { planHousehold } from '../src/engine/household/plan-household.js';
import { cents } from '../src/engine/money.js';
import { projectStrategies } from '../src/engine/project/deterministic.js';
import { physicianProjection } from '../src/engine/project/examples.js';
import {
  DEFAULT_GROWTH_ASSUMPTIONS,
  householdOptimizer,
  householdProjection,
} from '../src/engine/project/from-household.js';
import { optimizeSplit } from '../src/engine/project/optimizer.js';
import { parseScenario } from '../src/engine/scenario/validate.js';
import { runCli } from './helpers/cli.js';

const scenarioOf = (file: string) =>
  parseScenario(parse(readFileSync(file, 'utf8')) as unknown, { today: '2026-11-29' });

describe('growth inputs from the household', () => {
  it('takes the physician example from the household engine and the tax rules', () => {
    const { values, bases, household } = physicianProjection();
    // the solo plan's after-tax room at the maximum employer contribution (415(c) − employer)
    expect(values.contribution).toBe(cents(22_674.08));
    expect(values.preTaxRoom).toBe(0);
    expect(values.years).toBe(25);
    expect(values.withdrawalYears).toBe(25);
    expect(values.currentRate).toBe(0.4); // 35% bracket + 5% state assumption
    expect(household).toMatchObject({ age: 40, retirementAge: 65, planEndAge: 90 });
    expect(household.stateRate.citation).toBe('assumption');
    expect(bases.expectedReturn?.citation).toBe('assumption');
    expect(bases.currentRate).toEqual({
      why: '35% federal + 5% state',
      citation: 'Rev. Proc. 2025-32 §3.01; IRC 1(j)(2); state rate: assumption',
      inputs: ['household.federalRate', 'household.stateRate'],
    });
  });

  it('maps a couple with two plans onto the optimizer, never worse than a fixed strategy', () => {
    const s = scenarioOf('examples/married-couple.yaml');
    const { values: input } = householdOptimizer(s, planHousehold(s), DEFAULT_GROWTH_ASSUMPTIONS);
    expect(input.people.map((p) => p.deferralRoom)).toEqual([cents(32_500), cents(24_500)]);
    const northwind = input.plans.find((p) => p.id === 'northwind-401k');
    // 100% match up to 4% of 260,000
    expect(northwind?.match).toEqual({ rate: 1, max: cents(10_400) });
    expect(northwind?.afterTax).toEqual({ room: cents(37_100), conversion: 'in-plan' });
    expect(input.plans.find((p) => p.id === 'contoso-401k')?.afterTax).toBeUndefined();
    const r = optimizeSplit(input);
    for (const v of Object.values(r.fixed)) expect(r.endWealth).toBeGreaterThanOrEqual(v - 1);
  });

  it('a household with no after-tax money projects nothing and says why', () => {
    const s = scenarioOf('examples/married-couple.yaml');
    const r = planHousehold(s);
    const e = householdProjection(s, r, DEFAULT_GROWTH_ASSUMPTIONS);
    const planned = r.plans.reduce((x, p) => x + p.afterTax.cents, 0);
    expect(e.values.contribution).toBe(planned);
    expect(e.bases.contribution?.citation).toBe('IRC 415(c)(2); IRC 402A(c)(4); Notice 2014-54');
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
    const j = JSON.parse(r.stdout) as {
      inputs: { contribution: number };
      household: { builtInExample: boolean };
    };
    expect(j.inputs.contribution).toBe(41_500);
    expect(j.household.builtInExample).toBe(false);
  });

  it('optimize takes a household scenario with its planned savings as the budget', async () => {
    const r = await runCli(['optimize', 'examples/roth-lite.yaml', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as {
      budget: number;
      findings: { severity: string; path: string }[];
    };
    // 24,500 deferred + 8,000 catch-up + 18,000 after-tax
    expect(j.budget).toBe(50_500);
  });

  it("plan prints what the after-tax money is worth, the same as compare's projection", async () => {
    const r = await runCli(['plan', '--json']);
    const j = JSON.parse(r.stdout) as { worth: { atRetirement: { fullMbr: number } } };
    const p = projectStrategies(physicianProjection().values);
    expect(j.worth.atRetirement.fullMbr).toBe(p.outcomes.fullMbr.atRetirement / 100);
    expect(j.worth.atRetirement.fullMbr).toBeGreaterThan(1_000_000);
  });
});
