/**
 * The tax, compare and optimize reports hold together: every figure a figure names as an input
 * is in the same report, each input of a projection says where it came from, and the engine
 * entry points give what the CLI prints.
 */
import { describe, expect, it } from 'vitest';
import { figuresOf, reportToJson } from '../src/engine/report/to-json.js';
import { physicianOptimizer, physicianProjection } from '../src/engine/project/examples.js';
import { withGiven, withYears } from '../src/engine/project/explained.js';
import { compareReport } from '../src/engine/report/compare.js';
import { optimizeReport } from '../src/engine/report/optimize.js';
import { taxReport } from '../src/engine/report/tax.js';
import { cents } from '../src/engine/money.js';
import { runCli } from './helpers/cli.js';

const LINES = [
  'plan',
  'plan examples/roth-lite.yaml',
  'tax --year 2026 --status single --taxable-income 150000',
  'tax --year 2024 --status mfj --taxable-income 1000000',
  'compare --paths 200',
  'compare examples/roth-lite.yaml --paths 200',
  'compare tests/growth/compare-roth-lite.yaml --paths 200',
  'optimize',
  'optimize examples/married-couple.yaml',
  'optimize tests/growth/optimize-couple.yaml --budget 40000',
];

describe('every input a figure names is a figure of the same report', () => {
  it.each(LINES)('megaroth %s', async (line) => {
    const r = await runCli([...line.split(' '), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const { explain } = JSON.parse(r.stdout) as {
      explain: Record<string, { citation: string; inputs?: string[] }>;
    };
    for (const [key, e] of Object.entries(explain)) {
      expect(e.citation, key).not.toBe('');
      for (const input of e.inputs ?? []) expect(Object.keys(explain), key).toContain(input);
    }
  });
});

describe('inputs say where they came from', () => {
  it('each projection input is a rule, an assumption or an input', () => {
    const e = withGiven(withYears(physicianProjection(), 20), 'expectedReturn', 0.05, '--return');
    const r = compareReport(e, { paths: 20, seed: 1 });
    expect(r.inputs.years).toBe(20);
    expect(r.household).toMatchObject({ age: 40, retirementAge: 60, planEndAge: 85 });
    expect(r.inputs.expectedReturn).toMatchObject({ rate: 0.05, citation: 'input' });
    expect(r.inputs.inflation.citation).toBe('assumption');
    expect(r.inputs.contribution.citation).toBe('IRC 415(c)(2); IRC 402A(c)(4); Notice 2014-54');
    // a RateFigure for every rate, a Figure for every amount: 9 inputs, 9 household figures
    // and 8 assumptions as figures (7 rates and the retirement income; the ages and the NIIT
    // yes/no are plain values, the retirement tax rate is not used)
    const keys = figuresOf(r).map((f) => f.key);
    expect(keys.filter((k) => k.startsWith('inputs.'))).toHaveLength(9);
    const household = keys.filter((k) => k.startsWith('household.'));
    expect(household.filter((k) => !k.startsWith('household.assumptions.'))).toHaveLength(9);
    expect(household.filter((k) => k.startsWith('household.assumptions.'))).toHaveLength(8);
  });

  it('the per-year rows share one key per column; JSON explains each once', () => {
    const r = compareReport(physicianProjection(), { paths: 20, seed: 1 });
    expect(r.years).toHaveLength(50);
    const wealth = r.years.map((y) => y.strategies.fullMbr.wealth);
    expect(new Set(wealth.map((f) => f.key))).toEqual(new Set(['years.fullMbr.wealth']));
    const json = reportToJson(r) as { explain: Record<string, unknown> };
    expect(Object.keys(json.explain).filter((k) => k.startsWith('years.'))).toHaveLength(4 * 9);
  });
});

describe('findings', () => {
  it('tax: no secondary-source finding for the 2026 single figures, one for 2026 hoh', () => {
    const single = taxReport({ year: 2026, status: 'single', taxableIncome: cents(150_000) });
    expect(single.findings.map((f) => f.path)).toEqual(['taxableIncome']);
    const hoh = taxReport({ year: 2026, status: 'hoh', taxableIncome: cents(150_000) });
    expect(hoh.findings.map((f) => f.path)).toEqual(['taxableIncome', 'status']);
    expect(hoh.findings[1]?.message).toBe(
      'The 2026 bracket tops for hoh are checked against a secondary source quoting Rev. Proc. 2025-32 §3.01; IRC 1(j)(2) (status V2).',
    );
  });

  it('optimize: a flip near the assumed retirement rate is a warning; none far from it', () => {
    const e = physicianOptimizer();
    const near = optimizeReport(e);
    // flips at 30.05% and 40%: only the first is within 5 points of the 29% assumed
    expect(near.flips.map((f) => f.retirementRate.rate)).toEqual([0.3005, 0.4]);
    expect(near.findings.filter((f) => f.severity === 'warning')).toHaveLength(1);
    const far = optimizeReport({
      ...e,
      values: { ...e.values, assumptions: { ...e.values.assumptions, retirementRate: 0.15 } },
    });
    expect(far.findings.filter((f) => f.severity === 'warning')).toEqual([]);
  });
});
