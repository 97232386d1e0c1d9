/**
 * The scenario's `assumptions` block, `people[].retirementAge` and `jobs[].endDate`, the flags
 * that override them, and the source of every assumption in the reports. Figures are checked by
 * hand against the 2026 single brackets (Rev. Proc. 2025-32 §3.01: 35% from $256,225 to
 * $640,600, 24% from $105,700 to $201,775), the IRC 1411 NIIT (3.8% above $200,000 of MAGI for
 * a single filer, IRC 1411(a)(1), (b)) and Notice 2014-54 (Roth-lite basis to a Roth IRA,
 * earnings to a traditional IRA at separation).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { InputError } from '../src/engine/errors.js';
import {
  DEFAULT_GROWTH_ASSUMPTIONS,
  resolveAssumptions,
} from '../src/engine/project/assumptions.js';
import { planReport } from '../src/engine/report/plan.js';
import { PHYSICIAN_EXAMPLE } from '../src/engine/scenario/examples.js';
import type { ScenarioInput } from '../src/engine/scenario/schema.js';
import { parseScenario } from '../src/engine/scenario/validate.js';
import { runCli } from './helpers/cli.js';

const physician = (assumptions?: ScenarioInput['assumptions']): ScenarioInput => ({
  ...structuredClone(PHYSICIAN_EXAMPLE),
  ...(assumptions ? { assumptions } : {}),
});

function file(data: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'megaroth-assumptions-')), 'scenario.yaml');
  writeFileSync(path, stringify(data));
  return path;
}

const ALL_KEYS = [
  'stateIncomeTaxRate',
  'retirementStateIncomeTaxRate',
  'expectedReturn',
  'volatility',
  'inflation',
  'dividendYield',
  'retirementTaxRate',
  'retirementTaxableIncome',
  'taxableAccountPaysNiit',
  'retirementAge',
  'planEndAge',
  'capitalGainsFederalRate',
];

describe('the built-in example with assumptions: { stateIncomeTaxRate: 0 }', () => {
  const r = planReport(
    parseScenario(physician({ stateIncomeTaxRate: 0 })),
    DEFAULT_GROWTH_ASSUMPTIONS,
  );
  const w = r.worth;

  it('prices today’s deductions at the federal 35% alone', () => {
    // taxable income $310,703.68 (AGI $326,803.68 less the $16,100 standard deduction) is in the
    // 35% bracket, and so is every deduction added back (at most $335,203.68 < $640,600)
    expect(w?.currentRate.rate).toBe(0.35);
    const saved = Object.fromEntries(w?.deductions.map((d) => [d.key, d.saved.cents]) ?? []);
    // 24,500 × 35% = 8,575.00; 12,825.92 × 35% = 4,489.072; 870.40 × 35% = 304.64
    expect(saved).toEqual({
      preTaxDeferrals: 857_500,
      employerContribution: 448_907,
      halfSeTax: 30_464,
    });
  });

  it('the retirement state rate follows the rate now: 24% federal on $150,000 alone', () => {
    expect(w?.retirementRate.rate).toBe(0.24);
    expect(w?.assumptions.retirementStateIncomeTaxRate.source).toBe('file');
  });

  it('lists every assumption with its source: the state rate from the file, the rest defaults', () => {
    expect(Object.keys(w?.assumptions ?? {})).toEqual(ALL_KEYS);
    expect(w?.assumptions.stateIncomeTaxRate).toMatchObject({ source: 'file' });
    for (const k of ALL_KEYS.filter(
      (k) => !k.startsWith('stateIncome') && !k.startsWith('retirementState'),
    )) {
      expect(w?.assumptions[k as 'expectedReturn'].source, k).toBe('default');
    }
  });

  it('the default state rate of 5% gives 40% now, 8,575 + 1,225 = 9,800 saved on the deferrals', () => {
    const d = planReport(parseScenario(physician()), DEFAULT_GROWTH_ASSUMPTIONS).worth;
    expect(d?.currentRate.rate).toBe(0.4);
    expect(d?.deductions.find((x) => x.key === 'preTaxDeferrals')?.saved.cents).toBe(980_000);
  });
});

describe('sources: default, file, flag', () => {
  it('flags override the file; --explain prints each assumption with its source', async () => {
    const path = file(physician({ stateIncomeTaxRate: 0, expectedReturn: 6 }));
    const r = await runCli(['plan', path, '--state-rate', '3', '--explain']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/marginal rate now\s+38\.00%/);
    expect(r.stdout).toContain('stateIncomeTaxRate = 3% (flag): given on the command line');
    expect(r.stdout).toContain('expectedReturn = 6% (file): from the scenario file');
    expect(r.stdout).toContain('volatility = 15% (default): default assumption');
    for (const k of ALL_KEYS)
      expect(r.stdout).toMatch(new RegExp(`^  ${k} = .* \\((default|file|flag)\\)`, 'm'));
  });

  it('the built-in example’s --explain names every default as a default', async () => {
    const r = await runCli(['plan', '--explain']);
    for (const k of ALL_KEYS) {
      expect(r.stdout).toMatch(new RegExp(`^  ${k} = .* \\(default\\): default assumption`, 'm'));
    }
  });

  it('compare and optimize list the assumptions in their JSON with the source', async () => {
    const c = JSON.parse(
      (await runCli(['compare', '--paths', '50', '--inflation', '3', '--json'])).stdout,
    ) as {
      assumptions: Record<string, { value: unknown; source: string }>;
    };
    expect(c.assumptions['inflation']).toMatchObject({ value: 0.03, source: 'flag' });
    expect(c.assumptions['expectedReturn']).toMatchObject({ value: 0.07, source: 'default' });
    const o = JSON.parse(
      (await runCli(['optimize', '--retirement-age', '60', '--json'])).stdout,
    ) as {
      household: {
        retirementAge: number;
        assumptions: Record<string, { value: unknown; source: string }>;
      };
    };
    expect(o.household.assumptions['retirementAge']).toMatchObject({ value: 60, source: 'flag' });
    expect(o.household.retirementAge).toBe(60);
  });

  it('a retirement rate and a retirement income exclude each other, with a clear error', async () => {
    expect(() =>
      parseScenario(physician({ retirementTaxRate: 22, retirementTaxableIncome: 90000 })),
    ).toThrow(
      /assumptions\.retirementTaxRate: give retirementTaxRate or retirementTaxableIncome, not both/,
    );
    const r = await runCli(['plan', '--retirement-tax-rate', '22', '--retirement-income', '90000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /--retirement-tax-rate: give the retirement tax rate or the retirement taxable income, not both/,
    );
    expect(() =>
      resolveAssumptions({}, { retirementTaxRate: 0.22, retirementTaxableIncome: 1 }),
    ).toThrow(InputError);
  });

  it('a flag for one of the pair replaces the file’s other: --retirement-tax-rate over an income', () => {
    const a = resolveAssumptions(
      { retirementTaxableIncome: 9_000_000 },
      { retirementTaxRate: 0.12 },
    );
    expect(a.values).toMatchObject({ retirementTaxRate: 0.12, retirementTaxableIncome: null });
    expect(a.sources).toMatchObject({ retirementTaxRate: 'flag', retirementTaxableIncome: 'flag' });
  });

  it('a retirement tax rate is used as given, plus the retirement state rate', () => {
    const w = planReport(
      parseScenario(physician({ retirementTaxRate: 12, retirementStateIncomeTaxRate: 0 })),
      DEFAULT_GROWTH_ASSUMPTIONS,
    ).worth;
    expect(w?.retirementRate.rate).toBe(0.12);
    expect(w?.currentRate.rate).toBe(0.4);
  });

  it('refuses bad values with the field and what is allowed', async () => {
    expect(() => parseScenario(physician({ expectedReturn: 25 }))).toThrow(
      /assumptions\.expectedReturn: must be from -20 to 20/,
    );
    const r = await runCli(['compare', '--inflation', '16']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--inflation: must be from -5 to 15/);
  });
});

describe('NIIT on the taxable account (IRC 1411)', () => {
  it('a single filer below the $200,000 threshold pays none: 15% + 5% state = 20% on gains', async () => {
    // examples/roth-lite.yaml: AGI $180,000 − $24,500 pre-tax deferrals = $155,500
    const j = JSON.parse(
      (await runCli(['compare', 'examples/roth-lite.yaml', '--paths', '50', '--json'])).stdout,
    ) as {
      inputs: { capitalGainsRate: number };
      household: { magi: number; niitRate: number };
      assumptions: Record<string, { value: unknown; source: string; why: string }>;
    };
    expect(j.household.magi).toBe(155_500);
    expect(j.household.niitRate).toBe(0);
    expect(j.inputs.capitalGainsRate).toBe(0.2);
    expect(j.assumptions['taxableAccountPaysNiit']).toMatchObject({
      value: false,
      source: 'default',
    });
    expect(j.assumptions['taxableAccountPaysNiit']?.why).toMatch(
      /at or below the \$200,000\.00 single threshold/,
    );
  });

  it('above it (the physician, MAGI $326,803.68) the 3.8% is added: 15% + 3.8% + 5% = 23.8%', async () => {
    const j = JSON.parse((await runCli(['compare', '--paths', '50', '--json'])).stdout) as {
      inputs: { capitalGainsRate: number };
      household: { magi: number };
    };
    expect(j.household.magi).toBe(326_803.68);
    expect(j.inputs.capitalGainsRate).toBe(0.238);
  });

  it('the override wins either way', async () => {
    const on = JSON.parse(
      (await runCli(['compare', 'examples/roth-lite.yaml', '--niit', '--paths', '50', '--json']))
        .stdout,
    ) as {
      inputs: { capitalGainsRate: number };
    };
    expect(on.inputs.capitalGainsRate).toBe(0.238);
    const off = JSON.parse(
      (await runCli(['compare', '--no-niit', '--paths', '50', '--json'])).stdout,
    ) as {
      inputs: { capitalGainsRate: number };
    };
    expect(off.inputs.capitalGainsRate).toBe(0.2);
  });
});

describe('separation before retirement (jobs[].endDate) and people[].retirementAge', () => {
  it('Roth-lite money leaves the plan in the separation year: 5 years of 18,000 at 6%', async () => {
    // examples/assumptions.yaml: age 51 in 2026, retirement at 60 (9 years), leaves at the end
    // of 2030 (5 years of contributions). The plan holds 18,000 × (1.06 + … + 1.06^5) =
    // 18,000 × 5.975318546 = 107,555.73 at separation: 90,000 of basis to a Roth IRA and
    // 17,555.73 of earnings to a traditional IRA.
    const j = JSON.parse(
      (await runCli(['compare', 'examples/assumptions.yaml', '--paths', '50', '--json'])).stdout,
    ) as {
      inputs: { years: number; contributionYears: number; separationYears: number };
      household: { separationYear: number; retirementAge: number };
      rothLiteSeparation: { toRothIra: number; toTraditionalIra: number };
    };
    expect(j.inputs).toMatchObject({ years: 9, contributionYears: 5, separationYears: 5 });
    expect(j.household).toMatchObject({ separationYear: 2030, retirementAge: 60 });
    expect(j.rothLiteSeparation.toRothIra).toBe(90_000);
    expect(j.rothLiteSeparation.toTraditionalIra).toBeCloseTo(17_555.73, 2);
  });

  it('an end date before the tax year is refused naming the job', async () => {
    const r = await runCli(['plan', file(leftLastYear())]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /jobs\[0\]\.endDate: the separation date 2025-06-30 is before the tax year 2026/,
    );
  });

  it('a household whose members are all 65 or older runs, with their own retirement ages', () => {
    const s: ScenarioInput = {
      ...physician(),
      people: [{ id: 'dr-lee', name: 'Dr. Lee', birthDate: '1956-03-14', retirementAge: 72 }],
    };
    // 70 at December 31, 2026, retiring at 72: two years of saving
    const w = planReport(parseScenario(s), DEFAULT_GROWTH_ASSUMPTIONS).worth;
    expect(w?.years).toBe(2);
    expect(w?.assumptions.retirementAge).toMatchObject({ value: 72, source: 'file' });
    const past = planReport(
      parseScenario({ ...s, people: [{ id: 'dr-lee', birthDate: '1956-03-14' }] }),
      DEFAULT_GROWTH_ASSUMPTIONS,
    );
    expect(past.worth?.years).toBe(1);
  });
});

/** A Roth-lite saver whose job ended before the tax year. */
function leftLastYear(): ScenarioInput {
  return {
    version: 1,
    taxYear: 2026,
    filingStatus: 'single',
    people: [{ id: 'pat', birthDate: '1975-01-20' }],
    jobs: [
      {
        id: 'midco',
        person: 'pat',
        employer: 'MidCo',
        type: 'w2',
        wages: 180000,
        endDate: '2025-06-30',
      },
    ],
    plans: [
      {
        id: 'k',
        job: 'midco',
        type: '401k',
        afterTax: { allowed: true, capPercent: 10 },
      },
    ],
  };
}
