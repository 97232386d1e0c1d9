import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

interface CompareJson {
  inputs: { contribution: number; years: number; volatility: number };
  strategies: { id: string; atRetirement: number; atEnd: number; monteCarloEnd: { p50: number } }[];
  rothLiteSeparation: { toRothIra: number; toTraditionalIra: number };
  breakEvenRetirementRate: number | null;
  monteCarlo: { paths: number; seed: number; probabilityFullMbrBeats: Record<string, number> };
  years: { year: number; strategies: Record<string, { wealth: number; p50: number }> }[];
}

describe('megaroth compare', () => {
  it('runs the built-in physician example: $22,674.08 a year, full MBR ahead', async () => {
    const r = await runCli(['compare', '--paths', '2000', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout) as CompareJson;
    expect(j.inputs.contribution).toBe(22_674.08);
    expect(j.years).toHaveLength(50);
    const [a, b, c, d] = j.strategies;
    expect(a?.id).toBe('fullMbr');
    expect(a?.atEnd).toBeGreaterThan(b?.atEnd ?? Infinity);
    // no pre-tax room is left in the example, so (c) is the taxable account
    expect(c?.atEnd).toBe(d?.atEnd);
    // Roth-lite basis is the 25 years of contributions
    expect(j.rothLiteSeparation.toRothIra).toBeCloseTo(22_674.08 * 25, 2);
    expect(j.monteCarlo.probabilityFullMbrBeats['taxable']).toBeGreaterThan(0.9);
  });

  it('same seed, same output; zero volatility: the median equals the deterministic wealth', async () => {
    const a = await runCli(['compare', '--paths', '300', '--seed', '9', '--json']);
    const b = await runCli(['compare', '--paths', '300', '--seed', '9', '--json']);
    expect(a.stdout).toBe(b.stdout);
    const z = JSON.parse(
      (await runCli(['compare', '--paths', '50', '--volatility', '0', '--json'])).stdout,
    ) as CompareJson;
    for (const y of z.years) {
      for (const s of Object.values(y.strategies)) expect(s.p50).toBe(s.wealth);
    }
  });

  it('reads a file and overrides --years and --return; prints a table and CSV', async () => {
    const t = await runCli(['compare', 'tests/growth/compare-roth-lite.yaml', '--paths', '500']);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/\(a\) Full Mega Backdoor/);
    expect(t.stdout).toMatch(/Trade-offs \(after-tax wealth at the plan's end\)/);
    const j = JSON.parse(
      (
        await runCli([
          'compare',
          'tests/growth/compare-roth-lite.yaml',
          '--years',
          '10',
          '--return',
          '4',
          '--paths',
          '100',
          '--json',
        ])
      ).stdout,
    ) as CompareJson;
    expect(j.inputs.years).toBe(10);
    const csv = await runCli(['compare', '--paths', '100', '--csv']);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'year,phase,strategy,roth,preTax,afterTax,taxable,received,wealth,p10,p50,p90',
    );
    expect(lines).toHaveLength(1 + 50 * 4);
  });

  it.each([
    [['--return', '-21'], /--return: must be from -20 to 20/],
    [['--return', '21'], /--return/],
    [['--volatility', '-1'], /--volatility: must be from 0 to 60/],
    [['--volatility', '61'], /--volatility: must be from 0 to 60/],
    [['--state-rate', '21'], /--state-rate: must be from 0 to 20/],
    [['--paths', '100001'], /--paths: must be from 1 to 100000/],
    [['--years', '0'], /--years/],
  ])('bad option %j exits 2', async (args, msg) => {
    const r = await runCli(['compare', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg);
  });

  it('a retirement age before today’s age in a file exits 2 naming the field', async () => {
    const dir = await import('node:os').then((os) => os.tmpdir());
    const fs = await import('node:fs');
    const path = `${dir}/megaroth-bad-ages.yaml`;
    fs.writeFileSync(path, 'age: 50\nretirementAge: 45\n');
    const r = await runCli(['compare', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /retirementAge: the retirement age \(45\) must be after today's age \(50\)/,
    );
  });
});

describe('megaroth compare: the report', () => {
  it('states every input with its basis: rules, assumptions and what the user gave', async () => {
    const j = JSON.parse(
      (await runCli(['compare', '--paths', '100', '--return', '5', '--json'])).stdout,
    ) as {
      household: { taxableIncome: number; federalRate: number; stateRate: number };
      explain: Record<string, { why: string; citation: string; inputs?: string[] }>;
      findings: { severity: string; path: string; message: string }[];
    };
    expect(j.household).toMatchObject({
      taxableIncome: 310_703.68,
      federalRate: 0.35,
      stateRate: 0.05,
    });
    // a flag over a household scenario sets the assumption: the user's value, said so
    expect(j.explain['inputs.expectedReturn']).toEqual({
      label: 'Expected return',
      why: 'given on the command line: nominal yearly return (the arithmetic mean of the yearly returns)',
      citation: 'input',
    });
    expect(j.explain['inputs.volatility']?.citation).toBe('assumption');
    expect(j.explain['household.stateRate']?.citation).toBe('assumption');
    expect(j.explain['inputs.currentRate']?.inputs).toEqual([
      'household.federalRate',
      'household.stateRate',
    ]);
    // one key per column of the per-year table
    expect(j.explain['years.fullMbr.wealth']?.why).toMatch(/received so far plus/);
    expect(j.findings.map((f) => f.path)).toEqual(['retirementAge', 'preTaxRoom']);
  });

  it('--years moves the retirement age of the household', async () => {
    const j = JSON.parse(
      (await runCli(['compare', '--paths', '50', '--years', '20', '--json'])).stdout,
    ) as { inputs: { years: number }; household: { retirementAge: number; planEndAge: number } };
    expect(j.inputs.years).toBe(20);
    expect(j.household).toMatchObject({ retirementAge: 60, planEndAge: 85 });
  });

  it('fields missing from a projection file take the example’s values and say so', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = `${os.tmpdir()}/megaroth-partial.yaml`;
    fs.writeFileSync(path, 'contribution: 10000\n');
    const j = JSON.parse((await runCli(['compare', path, '--paths', '50', '--json'])).stdout) as {
      household: null;
      inputs: { contribution: number; currentRate: number };
      explain: Record<string, { why: string; citation: string; inputs?: string[] }>;
    };
    expect(j.household).toBeNull();
    expect(j.inputs).toMatchObject({ contribution: 10_000, currentRate: 0.4 });
    expect(j.explain['inputs.contribution']?.why).toBe(`given: ${path}: contribution`);
    expect(j.explain['inputs.currentRate']).toEqual({
      label: 'Marginal rate now',
      why: `not in ${path}: the built-in example’s value (35% federal + 5% state)`,
      citation: 'Rev. Proc. 2025-32 §3.01; IRC 1(j)(2); state rate: assumption',
    });
  });

  it('warns when another strategy ends ahead of the full Mega Backdoor', async () => {
    // a retirement rate far below the rate now: pre-tax money wins
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = `${os.tmpdir()}/megaroth-low-retirement.yaml`;
    fs.writeFileSync(path, 'preTaxRoom: 22674.08\ncurrentRate: 0.45\nretirementRate: 0.1\n');
    const r = await runCli(['compare', path, '--paths', '50', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as {
      strategies: { atEnd: number }[];
      findings: { severity: string; path: string; message: string }[];
    };
    const [a, , c] = j.strategies;
    const more = Math.round((c?.atEnd ?? 0) - (a?.atEnd ?? 0)).toLocaleString('en-US');
    expect(j.findings).toContainEqual({
      severity: 'warning',
      path: 'retirementRate',
      message: `At these assumptions (c) Pre-tax, tax saved in a taxable account ends with $${more} more than the full Mega Backdoor.`,
    });
  });
});

describe('megaroth optimize', () => {
  it('recommends the physician split (pre-tax + match, employer + after-tax in the solo plan)', async () => {
    const r = await runCli(['optimize', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as {
      plans: { plan: string; preTax: number; match: number; employer: number; afterTax: number }[];
      endWealth: number;
      fixedStrategies: Record<string, number>;
    };
    expect(j.plans[0]).toMatchObject({ plan: 'hospital-403b', preTax: 24_500, match: 12_000 });
    expect(j.plans[1]).toMatchObject({
      plan: 'solo-401k',
      employer: 12_825.92,
      afterTax: 22_674.08,
    });
    for (const v of Object.values(j.fixedStrategies)) expect(j.endWealth).toBeGreaterThanOrEqual(v);
  });

  it('a two-person household with four plans from a file; --budget overrides', async () => {
    const r = await runCli(['optimize', 'tests/growth/optimize-couple.yaml', '--budget', '40000']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Take-home pay used\s+\$40,000/);
    expect(r.stdout).toMatch(/sam-401k/);
  });

  it('the report: assumptions with their bases, flips with what stops and starts, findings', async () => {
    const j = JSON.parse((await runCli(['optimize', '--budget', '40000', '--json'])).stdout) as {
      budget: number;
      flips: { retirementRate: number; stops: string[]; starts: string[] }[];
      explain: Record<string, { why: string; citation: string }>;
      findings: { severity: string; path: string }[];
    };
    expect(j.budget).toBe(40_000);
    expect(j.explain['budget']).toMatchObject({ why: 'given: --budget', citation: 'input' });
    expect(j.explain['assumptions.expectedReturn']?.citation).toBe('assumption');
    const last = j.flips.at(-1);
    expect(last?.retirementRate).toBe(0.4);
    expect(last?.starts).toEqual(['hospital-403b.roth']);
    expect(j.explain['flips[0].retirementRate']).toBeDefined();
    const plain = JSON.parse((await runCli(['optimize', '--json'])).stdout) as typeof j;
    expect(plain.explain['budget']?.citation).toBe('assumption');
  });

  it('asks about in-plan conversion when the split uses Roth-lite after-tax money', async () => {
    const r = await runCli(['optimize', 'examples/roth-lite.yaml']);
    expect(r.stdout).toMatch(/ASK plans\[0\]\.afterTax\.conversion: The split puts \$18,000\.00/);
  });

  it('bad input exits 2', async () => {
    expect((await runCli(['optimize', '--budget', 'lots'])).code).toBe(2);
    const r = await runCli(['optimize', 'tests/growth/compare-roth-lite.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/people/);
  });

  it('an unknown key in a file names the file and the key', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = `${os.tmpdir()}/megaroth-unknown-key.yaml`;
    fs.writeFileSync(path, 'contribution: 1000\nfoo: 1\n');
    const r = await runCli(['compare', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path}: Unrecognized key: "foo"`);
  });
});
