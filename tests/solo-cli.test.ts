/** `megaroth solo`: JSON keys and values for the seed physician beside a 401(k) and a 403(b), S-corp, bad input. */
import { describe, expect, test } from 'vitest';
import { runCli } from './helpers/cli.js';

const seed = [
  'solo',
  '--net-profit',
  '65000',
  '--w2-wages',
  '300000',
  '--deferrals-elsewhere',
  '24500',
  '--year',
  '2026',
];

async function json(args: string[]): Promise<Record<string, unknown>> {
  const r = await runCli([...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('megaroth solo', () => {
  test('beside a W-2 job with a 401(k): the solo plan keeps its own 415(c) limit', async () => {
    const j = await json(seed);
    expect(j).toMatchObject({
      netEarningsFromSelfEmployment: 60027.5,
      seTax: 1740.8,
      halfSeTaxDeduction: 870.4,
      employerContribution: 12825.92,
      employeeDeferral: 0,
      catchUp: 0,
      compensation: 51303.68,
      limit415c: 51303.68,
      afterTaxRoom: 38477.76,
      total: 51303.68,
      noEmployerContribution: { afterTaxRoom: 64129.6, total: 64129.6 },
      aggregation: { rule: 'own-limit', applied: false },
    });
  });

  test('beside the hospital 403(b) with 36,500 of additions: one combined limit (facts §8)', async () => {
    const j = await json([...seed, '--403b-additions', '36500']);
    expect(j).toMatchObject({
      employerContribution: 12825.92,
      limit415c: 35500,
      afterTaxRoom: 22674.08,
      total: 35500,
      noEmployerContribution: { afterTaxRoom: 35500, total: 35500 },
      aggregation: { rule: '403b-aggregated', applied: true, dollarRoomLeft: 35500 },
    });
    expect(String((j['aggregation'] as Record<string, unknown>)['citation'])).toMatch(
      /1\.415\(f\)-1\(f\)/,
    );
  });

  test('E-12 from the command line: 402(g) used elsewhere, after-tax room 34,823.43', async () => {
    const j = await json([
      'solo',
      '--net-profit',
      '200000',
      '--deferrals-elsewhere',
      '24500',
      '--age',
      '46',
    ]);
    expect(j).toMatchObject({
      employeeDeferral: 0,
      employerContribution: 37176.57,
      limit415c: 72000,
      afterTaxRoom: 34823.43,
    });
  });

  test('E-10 re-run for 2026: S-corp wages 50,000 at 51', async () => {
    const j = await json(['solo', '--s-corp-wages', '50000', '--age', '51']);
    expect(j).toMatchObject({
      business: 's-corp',
      seTax: 0,
      employerContribution: 12500,
      employeeDeferral: 24500,
      catchUp: 8000,
      afterTaxRoom: 13000,
      compensation: 50000,
    });
    expect((j['notes'] as string[]).join(' ')).toMatch(/owners and their spouses/);
  });

  test('E-8 rate rounding from the command line: 3 places vs full precision', async () => {
    const base = ['solo', '--net-profit', '100000', '--plan-rate', '10.5', '--year', '2025'];
    expect((await json([...base, '--rate-rounding', '3']))['employerContribution']).toBe(8828.85);
    expect((await json(base))['employerContribution']).toBe(8830.95);
  });

  test('the default output is a one-line answer and a table', async () => {
    const r = await runCli([...seed, '--403b-additions', '36500']);
    expect(r.code).toBe(0);
    const first = r.stdout.split('\n')[0] ?? '';
    expect(first).toMatch(/^Solo 401\(k\) 2026: \$35,500\.00 in at most/);
    expect(first).toContain('after-tax $22,674.08');
    expect(r.stdout).toMatch(/After-tax room\s+\$22,674\.08\s+\$35,500\.00/);
    expect(r.stdout).toContain('treated as maintained by its participant');
  });

  test.each([
    [['solo', '--net-profit', '-5'], '--net-profit', /must not be negative/],
    [['solo', '--net-profit', 'abc'], '--net-profit', /expected an amount/],
    [['solo', '--net-profit', '1', '--s-corp-wages', '1'], '--net-profit', /not both/],
    [['solo'], '--net-profit', /give --net-profit/],
    [['solo', '--net-profit', '1', '--plan-rate', '26'], '--plan-rate', /0 to 25/],
    [['solo', '--net-profit', '1', '--age', '17'], '--age', /18 to 120/],
    [['solo', '--net-profit', '1', '--age', '121'], '--age', /18 to 120/],
    [['solo', '--net-profit', '1', '--year', '2019'], '--year', /supported years/],
    [
      ['solo', '--net-profit', '1', '--deferrals-elsewhere', '30000'],
      '--deferrals-elsewhere',
      /402\(g\)/,
    ],
    [['solo', '--net-profit', '1', '--rate-rounding', '2'], '--rate-rounding', /3 to 12/],
    [
      ['solo', '--net-profit', '1', '--403b-compensation', '5'],
      '--403b-compensation',
      /--403b-additions/,
    ],
    [['solo', '--net-profit', '1', '--w2-wages', '-1'], '--w2-wages', /must not be negative/],
  ])('bad input %j → exit 2 naming %s', async (args, flag, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(flag);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('megaroth solo --explain', () => {
  test('prints each figure with its rule and source; JSON carries explain', async () => {
    const r = await runCli([...seed, '--403b-additions', '36500', '--explain']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('How each figure was computed');
    expect(r.stdout).toMatch(
      /solo\.maxEmployer\.afterTaxRoom = \$22,674\.08\n {6}why: 415\(c\) limit \$35,500\.00/,
    );
    const j = await json([...seed, '--403b-additions', '36500']);
    const explain = j['explain'] as Record<string, { citation: string }>;
    expect(explain['solo.maxEmployer.limit415c']?.citation).toMatch(/415\(k\)\(4\)/);
  });
});
