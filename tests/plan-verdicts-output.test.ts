/**
 * `megaroth plan`: verdicts that match the after-tax room (IRC 415(c)(1)(A)-(B); controlled
 * groups share one limit, IRC 414(b), 415(h)), findings before the plan tables, the 415(c)
 * paragraph once per limit group, and the per-job warning when elections exceed pay after the
 * employee's Social Security and Medicare tax (IRC 3101(a), (b)). Also `tax` without `--year`
 * and `acp --participant` printing one participant's view.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planHousehold } from '../src/engine/household/plan-household.js';
import {
  DEFAULT_GROWTH_ASSUMPTIONS,
  householdOptimizer,
} from '../src/engine/project/from-household.js';
import type { ScenarioInput } from '../src/engine/scenario/schema.js';
import { parseScenario } from '../src/engine/scenario/validate.js';
import { runCli } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'megaroth-plan-'));
function file(name: string, s: ScenarioInput): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(s));
  return path;
}

const base = {
  version: 1 as const,
  taxYear: 2026,
  filingStatus: 'single' as const,
  people: [{ id: 'sam', birthDate: '1981-07-02' }],
};

/** BigCo's 401(k) fills the group's $72,000 limit; its subsidiary's 401(k) is left none. */
const group: ScenarioInput = {
  ...base,
  jobs: [
    { id: 'parent', person: 'sam', employer: 'BigCo', type: 'w2', wages: 200_000 },
    { id: 'sub', person: 'sam', employer: 'BigCo Subsidiary', type: 'w2', wages: 50_000 },
  ],
  controlledGroups: [['BigCo', 'BigCo Subsidiary']],
  plans: [
    {
      id: 'parent-401k',
      job: 'parent',
      type: '401k',
      deferrals: [{ type: 'roth', amount: 'max' }],
      afterTax: { allowed: true },
      inPlanConversion: 'automatic',
    },
    {
      id: 'sub-401k',
      job: 'sub',
      type: '401k',
      afterTax: { allowed: true },
      inPlanConversion: 'automatic',
    },
  ],
};

const plans = (s: ScenarioInput) => planHousehold(parseScenario(s)).plans;

describe('verdicts that match the room', () => {
  it('a plan whose controlled group limit is used up reads NO ROOM, naming the limit', async () => {
    // 24,500 Roth + 47,500 after-tax in BigCo's plan = the 2026 dollar limit of 72,000
    const sub = plans(group)[1];
    expect(sub?.afterTaxRoom.cents).toBe(0);
    expect(sub?.verdict.kind).toBe('no-room');
    expect(sub?.verdict.reason).toContain(
      'the 415(c) dollar limit of $72,000.00 (IRC 415(c)(1)(A)) is used up by $72,000.00 of the other plans under the same limit',
    );
    const r = await runCli(['plan', file('group.json', group)]);
    const section = r.stdout.slice(r.stdout.indexOf('sub-401k —'));
    expect(section).toMatch(/Mega Backdoor: NO ROOM this year/);
    expect(section).not.toMatch(/FULL Mega Backdoor/);
  });

  it('the 100%-of-pay limit taken by the plan’s own deferrals is named as such', () => {
    // 20,000 of pay, 20,000 deferred: 415(c)(1)(B) limit 20,000, all of it deferrals
    const s = {
      ...base,
      jobs: [{ id: 'j', person: 'sam', employer: 'Co', type: 'w2', wages: 20_000 }],
      plans: [
        {
          id: 'k',
          job: 'j',
          type: '401k',
          deferrals: [{ type: 'pre-tax', amount: 20_000 }],
          afterTax: { allowed: true },
          inPlanConversion: 'automatic',
        },
      ],
    } as ScenarioInput;
    const v = plans(s)[0]?.verdict;
    expect(v?.kind).toBe('no-room');
    expect(v?.reason).toContain(
      "the 415(c) limit of 100% of compensation, $20,000.00 (IRC 415(c)(1)(B)) is used up by $20,000.00 of this plan's deferrals and employer money",
    );
  });

  it('a plan cap of $0 is named, with the 415(c) room it leaves unused', () => {
    const s = {
      ...base,
      jobs: [{ id: 'j', person: 'sam', employer: 'Co', type: 'w2', wages: 100_000 }],
      plans: [
        {
          id: 'k',
          job: 'j',
          type: '401k',
          deferrals: [{ type: 'pre-tax', amount: 24_500 }],
          afterTax: { allowed: true, capAmount: 0 },
          inPlanConversion: 'automatic',
        },
      ],
    } as ScenarioInput;
    const v = plans(s)[0]?.verdict;
    expect(v?.kind).toBe('no-room');
    // 72,000 − 24,500 = 47,500 left by 415(c)
    expect(v?.reason).toContain(
      "the plan's own cap on after-tax money ($0.00) allows none, though 415(c) leaves $47,500.00",
    );
  });

  it('a solo plan without room at the most employer money keeps its in-plan conversion', () => {
    // S-corp wages 30,000: 24,500 deferred and 5,500 of employer money fill 100% of pay
    // (IRC 415(c)(1)(B)); with no employer money 5,500 of after-tax room opens
    const s = parseScenario({
      ...base,
      jobs: [{ id: 'co', person: 'sam', employer: 'Sam Inc', type: 's-corp', wages: 30_000 }],
      plans: [
        {
          id: 'solo',
          job: 'co',
          type: 'solo-401k',
          deferrals: [{ type: 'pre-tax', amount: 'max' }],
          afterTax: { allowed: true },
          inPlanConversion: 'automatic',
        },
      ],
    });
    const r = planHousehold(s);
    const v = r.plans[0]?.verdict;
    expect(v?.kind).toBe('no-room');
    expect(v?.withRoom).toBe('full');
    expect(v?.reason).toContain('in a year with room it gives a full Mega Backdoor Roth');
    const o = householdOptimizer(s, r, DEFAULT_GROWTH_ASSUMPTIONS).values.plans[0];
    expect(o?.afterTax).toEqual({ room: 550_000, conversion: 'in-plan' });
  });

  it('a solo 401(k) at a business with two non-owner employees shows its ERROR first', async () => {
    const s = {
      ...base,
      jobs: [
        {
          id: 'biz',
          person: 'sam',
          employer: 'Biz',
          type: 'schedule-c',
          netProfit: 150_000,
          nonOwnerEmployees: 2,
        },
      ],
      plans: [{ id: 'solo', job: 'biz', type: 'solo-401k', afterTax: { allowed: true } }],
    } as ScenarioInput;
    const r = await runCli(['plan', file('solo.json', s)]);
    const lines = r.stdout.split('\n');
    const error = lines.findIndex((l) => l.startsWith('  ERROR plans[0].type:'));
    const table = lines.findIndex((l) => l.includes('solo — solo 401(k) at Biz'));
    expect(error).toBeGreaterThan(0);
    expect(table).toBeGreaterThan(0);
    expect(error).toBeLessThan(table);
    expect(lines[error - 1]).toBe('Findings');
  });
});

describe('the 415(c) paragraph', () => {
  it('prints once per limit group, not under each plan', async () => {
    const r = await runCli(['plan', file('group.json', group)]);
    const why = 'one 415(c) limit for BigCo, BigCo Subsidiary';
    expect(r.stdout.replace(/\s+/g, ' ').split(why)).toHaveLength(2);
    expect(r.stdout).not.toMatch(/^ {4}415\(c\): /m);
  });

  it('the 403(b) aggregation text ends its sentence', async () => {
    const r = await runCli(['plan', 'examples/physician-403b-457b-solo.yaml', '--json']);
    const j = JSON.parse(r.stdout) as { limitGroups: { kind: string; why: string }[] };
    const agg = j.limitGroups.find((g) => g.kind === '403b-aggregation');
    expect(agg?.why).toMatch(
      /A 401\(k\) at an unrelated employer would not be aggregated with it\.$/,
    );
  });
});

describe('elections a job’s pay cannot fund', () => {
  const one = (wages: number, deferral: number, afterTax: number): ScenarioInput => ({
    ...base,
    jobs: [{ id: 'job', person: 'sam', employer: 'Small Co', type: 'w2', wages }],
    plans: [
      {
        id: 'k',
        job: 'job',
        type: '401k',
        deferrals: [{ type: 'pre-tax', amount: deferral }],
        afterTax: { allowed: true, amount: afterTax },
        inPlanConversion: 'automatic',
      },
    ],
  });

  it('warns on a $50,000 election from $50,000 of wages, with the job’s path', () => {
    // 6.2% × 50,000 = 3,100 and 1.45% × 50,000 = 725: 46,175 left to withhold from
    const f = planHousehold(parseScenario(one(50_000, 24_500, 25_500))).findings.filter(
      (x) => x.path === 'jobs[0].wages',
    );
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('warning');
    expect(f[0]?.message).toContain(
      'the $50,000.00 elected from its pay (deferrals, catch-up and after-tax money in k) is $3,825.00 more than the $46,175.00',
    );
  });

  it('does not warn when the elections fit: $46,175 from $50,000', () => {
    const f = planHousehold(parseScenario(one(50_000, 24_500, 21_675))).findings;
    expect(f.filter((x) => x.path === 'jobs[0].wages')).toEqual([]);
  });
});

describe('other commands', () => {
  it('tax defaults --year to the latest year, like the other commands', async () => {
    const a = await runCli(['tax', '--status', 'single', '--taxable-income', '150000', '--json']);
    expect(a.code).toBe(0);
    const j = JSON.parse(a.stdout) as { year: number; tax: number };
    // 2026 single, case G-1: 28,598 (Rev. Proc. 2025-32)
    expect(j).toMatchObject({ year: 2026, tax: 28_598 });
  });

  it('acp --participant prints that participant’s view only', async () => {
    const r = await runCli(['acp', 'examples/acp/fails.csv', '--participant', 'H1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Participant H1');
    // no other employee, refund table, QNEC alternative or what-if of the plan's report
    expect(r.stdout).not.toMatch(/\bH2\b|\bN1\b|QNEC|What-if/i);
  });
});
