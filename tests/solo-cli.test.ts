/**
 * `megaroth solo`: JSON keys and values for the physician beside a 401(k) and a 403(b), S-corp,
 * catch-ups used elsewhere, Form 8959 with Medicare wages above the wage base, bad input; and
 * that `solo` and `plan` give the same figures for the same household (one engine).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  test('beside the hospital 403(b) with 36,500 of additions: one combined limit (Treas. Reg. 1.415(f)-1(f)(2))', async () => {
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
    const findings = j['findings'] as { severity: string; message: string }[];
    expect(findings.map((f) => f.message).join(' ')).toMatch(/owners and their spouses/);
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
    [
      [
        'solo',
        '--net-profit',
        '1',
        '--age',
        '45',
        '--deferrals-elsewhere',
        '24500',
        '--catch-up-elsewhere',
        '1',
      ],
      '--catch-up-elsewhere',
      /catch-up limit/,
    ],
    [
      ['solo', '--net-profit', '1', '--age', '55', '--catch-up-elsewhere', '8000'],
      '--catch-up-elsewhere',
      /above the \$24,500\.00 402\(g\) limit/,
    ],
    [
      ['solo', '--net-profit', '1', '--w2-wages', '200000', '--w2-medicare-wages', '150000'],
      '--w2-medicare-wages',
      /include everything in box 3/,
    ],
    [
      ['solo', '--net-profit', '1', '--prior-year-fica-wages', '5'],
      '--prior-year-fica-wages',
      /--s-corp-wages/,
    ],
    [
      ['solo', '--net-profit', '1', '--403b-additions', '36500', '--403b-compensation', '30000'],
      '--403b-compensation',
      /100% of its employer's compensation/,
    ],
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

describe('catch-ups: one limit per person across plans (IRC 402(g)(1)(C), 414(v)(2))', () => {
  // 2026, net profit 100,000, no W-2 Social Security wages, age 55, 402(g) used elsewhere.
  // Schedule SE: 92,350 × 15.3% = 14,129.55, half 7,064.78; Step 3 = 92,935.22; employer
  // 20% = 18,587.04; compensation 74,348.18; after-tax room 72,000 − 18,587.04 = 53,412.96.
  const issue = ['solo', '--net-profit', '100000', '--deferrals-elsewhere', '24500', '--age', '55'];

  test('without --catch-up-elsewhere the 8,000 catch-up is offered once, in the solo plan', async () => {
    const j = await json(issue);
    expect(j).toMatchObject({
      employerContribution: 18587.04,
      employeeDeferral: 0,
      catchUp: 8000,
      afterTaxRoom: 53412.96,
      total: 80000,
      catchUpLimit: 8000,
      catchUpLeft: 8000,
      noEmployerContribution: { catchUp: 8000, afterTaxRoom: 72000, total: 80000 },
    });
  });

  test('with --catch-up-elsewhere 8000 no second catch-up is offered', async () => {
    const j = await json([...issue, '--catch-up-elsewhere', '8000']);
    expect(j).toMatchObject({
      employerContribution: 18587.04,
      catchUp: 0,
      catchUpLeft: 0,
      afterTaxRoom: 53412.96,
      total: 72000,
      noEmployerContribution: { catchUp: 0, total: 72000 },
    });
  });
});

describe('solo and plan agree on the same household', () => {
  /** The household `plan` reads: a W-2 job with a 401(k) and a Schedule C business with a solo 401(k). */
  function scenarioFile(w2Deferral: number | 'max'): string {
    const dir = mkdtempSync(join(tmpdir(), 'megaroth-solo-'));
    const file = join(dir, 'household.yaml');
    writeFileSync(
      file,
      [
        'version: 1',
        'taxYear: 2026',
        'filingStatus: single',
        'people: [{ id: p, birthDate: 1971-05-01 }]',
        'jobs:',
        '  - { id: day, person: p, employer: Day Job Co, type: w2, wages: 150000, priorYearFicaWages: 140000 }',
        '  - { id: biz, person: p, employer: Biz, type: schedule-c, netProfit: 100000 }',
        'plans:',
        `  - { id: day401k, job: day, type: 401k, deferrals: [{ type: pre-tax, amount: ${String(w2Deferral)} }] }`,
        '  - id: solo',
        '    job: biz',
        '    type: solo-401k',
        '    deferrals: [{ type: pre-tax, amount: max }]',
        '    afterTax: { allowed: true }',
        '    inPlanConversion: automatic',
        '',
      ].join('\n'),
    );
    return file;
  }

  interface PlanJson {
    plans: {
      id: string;
      nonelective: number;
      deferralPreTax: number;
      catchUp: number;
      compensation: number;
      afterTaxRoom: number;
      total: number;
      deferralRoth: number;
      selfEmployment: {
        seTax: number;
        halfSeTaxDeduction: number;
        form8959: { line13OnSeIncome: number };
        worksheet: { step3NetEarnings: number; step21MaxDeduction: number };
      };
      tradeOff: { noEmployer: { afterTaxRoom: number; total: number } };
    }[];
  }

  async function both(w2Deferral: number | 'max', soloFlags: string[]) {
    const r = await runCli(['plan', scenarioFile(w2Deferral), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const plan = (JSON.parse(r.stdout) as PlanJson).plans.find((x) => x.id === 'solo');
    const solo = await json([
      'solo',
      '--net-profit',
      '100000',
      '--w2-wages',
      '150000',
      '--age',
      '55',
      ...soloFlags,
    ]);
    return { plan, solo };
  }

  // W-2 wages 150,000 (E-11): Schedule SE line 9 = 184,500 − 150,000 = 34,500; SE tax 4,278.00 +
  // 2,678.15 = 6,956.15, half 3,478.08; Step 3 = 96,521.92; employer 20% = 19,304.38;
  // after-tax room 72,000 − 19,304.38 = 52,695.62; Form 8959: (92,350 − 50,000) × 0.9% = 381.15.
  test.each([
    [
      'the W-2 401(k) defers the most, catch-up included',
      'max' as const,
      ['--deferrals-elsewhere', '24500', '--catch-up-elsewhere', '8000'],
      0,
    ],
    ['the W-2 401(k) defers exactly 24,500', 24500, ['--deferrals-elsewhere', '24500'], 8000],
  ])('%s', async (_name, w2Deferral, flags, catchUp) => {
    const { plan, solo } = await both(w2Deferral, flags);
    expect(plan).toBeDefined();
    expect(solo).toMatchObject({
      employerContribution: 19304.38,
      catchUp,
      afterTaxRoom: 52695.62,
      seTax: 6956.15,
      additionalMedicareTaxOnSeIncome: 381.15,
    });
    expect(solo).toMatchObject({
      employerContribution: plan?.nonelective,
      employeeDeferral: (plan?.deferralPreTax ?? 0) + (plan?.deferralRoth ?? 0),
      catchUp: plan?.catchUp,
      compensation: plan?.compensation,
      afterTaxRoom: plan?.afterTaxRoom,
      total: plan?.total,
      seTax: plan?.selfEmployment.seTax,
      halfSeTaxDeduction: plan?.selfEmployment.halfSeTaxDeduction,
      additionalMedicareTaxOnSeIncome: plan?.selfEmployment.form8959.line13OnSeIncome,
      noEmployerContribution: {
        afterTaxRoom: plan?.tradeOff.noEmployer.afterTaxRoom,
        total: plan?.tradeOff.noEmployer.total,
      },
      worksheet: {
        step3NetEarnings: plan?.selfEmployment.worksheet.step3NetEarnings,
        step21MaxDeduction: plan?.selfEmployment.worksheet.step21MaxDeduction,
      },
    });
  });
});

describe('Form 8959 with Medicare wages above the Social Security wage base', () => {
  // 2026, single, net profit 100,000; W-2 box 3 184,500 (the wage base), box 5 250,000.
  // Schedule SE: line 6 = 92,350; line 9 = 184,500 − 184,500 = 0, so line 10 = 0; line 11 =
  // 2.9% × 92,350 = 2,678.15 = SE tax; line 13 = 1,339.075 → 1,339.08.
  // Form 8959 Part I: line 6 = 250,000 − 200,000 = 50,000, line 7 = 0.9% = 450.00.
  // Part II: line 11 = 200,000 − 250,000 → 0; line 12 = 92,350; line 13 = 0.9% = 831.15.
  // With --w2-wages standing for box 5 too: line 11 = 200,000 − 184,500 = 15,500; line 12 =
  // 76,850; line 13 = 691.65 — 139.50 too little.
  const base = ['solo', '--net-profit', '100000', '--w2-wages', '184500', '--year', '2026'];

  test('box 5 wages are used for Form 8959, box 3 for Schedule SE', async () => {
    const j = await json([...base, '--w2-medicare-wages', '250000']);
    expect(j).toMatchObject({
      seTax: 2678.15,
      halfSeTaxDeduction: 1339.08,
      additionalMedicareTaxOnSeIncome: 831.15,
      scheduleSe: {
        line8dWages: 184500,
        line9WageBaseLeft: 0,
        line10Oasdi: 0,
        line11Medicare: 2678.15,
      },
      form8959: {
        line1MedicareWages: 250000,
        line6WagesOverThreshold: 50000,
        line7OnWages: 450,
        line8SeIncome: 92350,
        line11ReducedThreshold: 0,
        line12Excess: 92350,
        line13OnSeIncome: 831.15,
        line18Total: 1281.15,
      },
    });
  });

  test('without --w2-medicare-wages the box 3 wages stand for box 5', async () => {
    const j = await json(base);
    expect(j).toMatchObject({
      additionalMedicareTaxOnSeIncome: 691.65,
      form8959: { line1MedicareWages: 184500, line11ReducedThreshold: 15500, line12Excess: 76850 },
    });
  });

  test('deferrals elsewhere with no wages given: the Medicare wages are taken as the deferrals, and said so', async () => {
    // E-12: 24,500 deferred at another job, no W-2 wages given. Schedule SE still sees no box 3
    // wages (the case's figures); Form 8959 sees 24,500 of box 5 wages, leaving 175,500 of the
    // threshold: 184,700 − 175,500 = 9,200 × 0.9% = 82.80.
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
      employerContribution: 37176.57,
      additionalMedicareTaxOnSeIncome: 82.8,
    });
    const findings = j['findings'] as { path: string; message: string }[];
    expect(findings.find((f) => f.path === '--w2-medicare-wages')?.message).toMatch(/\$24,500\.00/);
  });
});

describe('S-corp: the Roth catch-up rule (IRC 414(v)(7))', () => {
  test('above the threshold the catch-up is Roth; last year below it keeps it pre-tax', async () => {
    const big = ['solo', '--s-corp-wages', '200000', '--age', '51', '--year', '2026'];
    const j = await json(big);
    const findings = j['findings'] as { path: string; message: string }[];
    expect(findings.find((f) => f.path === '--prior-year-fica-wages')?.message).toMatch(
      /must be Roth/,
    );
    expect(j).toMatchObject({ catchUp: 8000, deduction: 72000 });
    const k = await json([...big, '--prior-year-fica-wages', '140000']);
    expect(k).toMatchObject({ catchUp: 8000, deduction: 80000 });
  });
});
