import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

interface PlanJson {
  taxYear: number;
  people: { id: string; deferralLimit: number; deferralsUsed: number }[];
  plans: {
    id: string;
    deferralRoth: number;
    match: number;
    afterTaxRoom: number;
    total: number;
    limit415c: number;
    verdict: { kind: string; reason: string; warnings: string[] };
  }[];
  explain: Record<string, { why: string; citation: string }>;
}

describe('megaroth plan', () => {
  it('prints the report model as JSON with dollars and an explain map', async () => {
    const r = await runCli(['plan', 'examples/large-employer-full-mbr.yaml', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as PlanJson;
    expect(j.taxYear).toBe(2026);
    expect(j.people[0]).toMatchObject({ id: 'sam', deferralLimit: 24500, deferralsUsed: 24500 });
    expect(j.plans[0]).toMatchObject({
      id: 'bigco-401k',
      deferralRoth: 24500,
      match: 6000,
      afterTaxRoom: 41500,
      total: 72000,
      limit415c: 72000,
    });
    expect(j.plans[0]?.verdict.kind).toBe('full');
    expect(j.explain['plans.bigco-401k.afterTaxRoom']?.citation).toMatch(/415\(c\)/);
  });

  it('estimates the ACP refund for a likely HCE from last year’s NHCE and HCE ACP', async () => {
    const r = await runCli(['plan', 'examples/large-employer-full-mbr.yaml', '--json']);
    const plan = (JSON.parse(r.stdout) as { plans: { acpRisk?: Record<string, unknown> }[] })
      .plans[0];
    // NHCE ACP 4% → limit max(5, min(8, 6)) = 6%; the HCEs' 5% is within it, and with many
    // HCEs Sam's money does not move it: nothing comes back, and the whole 41,500 room can go in
    // (as the only HCE, 35,500 would: tests/plan-acp-estimate.test.ts).
    expect(plan?.acpRisk).toMatchObject({
      expectedNhceAcp: 4,
      hceAcp: 5,
      hceCount: null,
      acpLimit: 6,
      likelyRefund: 0,
      maxAfterTaxWithoutRefund: 41500,
    });
  });

  it('applies the 404(a)(7) combined limit to a cash balance plan beside a solo 401(k) (case H b)', async () => {
    const r = await runCli(['plan', 'examples/cash-balance.yaml', '--json']);
    expect(r.code).toBe(0);
    const plan = (JSON.parse(r.stdout) as { plans: { cashBalance?: Record<string, unknown> }[] })
      .plans[0];
    // 6% of 300,000 = 18,000 disregarded; 12,000 of the 30,000 DC money counts; the combined
    // limit is max(25% × 300,000, DB minimum 150,000) = 150,000, all used by the DB plan.
    expect(plan?.cashBalance).toMatchObject({
      applies: true,
      combinedLimit: 150000,
      deductible: 168000,
      nondeductible: 12000,
    });
  });

  it('overrides the year with --year', async () => {
    const r = await runCli([
      'plan',
      'examples/large-employer-full-mbr.yaml',
      '--json',
      '--year',
      '2024',
    ]);
    const j = JSON.parse(r.stdout) as PlanJson;
    expect(j.taxYear).toBe(2024);
    expect(j.plans[0]?.limit415c).toBe(69000);
    expect(j.plans[0]?.afterTaxRoom).toBe(40000);
  });

  it('explains every figure with its rule and source', async () => {
    const r = await runCli(['plan', 'examples/job-change.yaml', '--explain']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('How each figure was computed');
    expect(r.stdout).toMatch(/plans\.new-401k\.deferralPreTax = \$10,500\.00/);
    expect(r.stdout).toMatch(/source: IRC 402\(g\)\(1\)/);
  });

  it('gives each verdict for the examples', async () => {
    const kinds = async (file: string): Promise<string[]> => {
      const r = await runCli(['plan', file, '--json']);
      return (JSON.parse(r.stdout) as PlanJson).plans.map((p) => p.verdict.kind);
    };
    expect(await kinds('examples/roth-lite.yaml')).toEqual(['roth-lite']);
    expect(await kinds('examples/married-couple.yaml')).toEqual(['full', 'none']);
    expect(await kinds('examples/job-change.yaml')).toEqual(['none', 'full']);
  });

  it('reports an election above the shared 402(g) limit with the excess and the fix', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'megaroth-')), 'over.yaml');
    writeFileSync(
      file,
      [
        'version: 1',
        'taxYear: 2026',
        'filingStatus: single',
        'people: [{ id: a, birthDate: 1990-01-01 }]',
        'jobs:',
        '  - { id: j1, person: a, employer: One, type: w2, wages: 100000 }',
        '  - { id: j2, person: a, employer: Two, type: w2, wages: 100000 }',
        'plans:',
        '  - { id: p1, job: j1, type: 401k, deferrals: [{ type: pre-tax, amount: 20000 }] }',
        '  - { id: p2, job: j2, type: 401k, deferrals: [{ type: roth, amount: 10000 }] }',
      ].join('\n'),
    );
    const r = await runCli(['plan', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /ERROR plans\[1\]\.deferrals\[0\]\.amount: p2: the roth election of \$10,000\.00 is\s+\$5,500\.00 more/,
    );
    expect(r.stdout).toMatch(/fix: reduce the election to \$4,500\.00/);
  });
});
