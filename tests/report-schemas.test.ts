/**
 * Every command's `--json` comes from the one serializer and matches its report's JSON Schema:
 * each row runs a real command and parses its output with the report's (strict) schema, so an
 * undocumented key, a missing one or a wrong type fails here. Each row also checks `--explain`.
 */
import { describe, expect, it } from 'vitest';
import { REPORT_NAMES, type ReportName } from '../src/engine/report/model.js';
import { REPORT_SCHEMAS, reportZod } from '../src/engine/report/schemas/index.js';
import { runCli } from './helpers/cli.js';

/** Command lines whose `--json` gives each report; add a row with each report. */
const RUNS: readonly (readonly [ReportName, string])[] = [
  ['plan', 'plan'],
  ['plan', 'plan examples/married-couple.yaml'],
  ['plan', 'plan examples/large-employer-full-mbr.yaml'],
  ['plan', 'plan examples/physician-403b-457b-solo.yaml'],
  ['plan', 'plan examples/spouse-on-payroll-exact.yaml'],
  ['plan', 'plan examples/backdoor-rollover-ira.yaml'],
  ['plan', 'plan examples/roth-lite-then-backdoor.yaml'],
  ['rollover', 'rollover --balance 60000 --after-tax-basis 15000 --amount 15000 --to roth-ira'],
  ['rollover', 'rollover --balance 75000 --after-tax-basis 50000 --amount 75000 --to split'],
  [
    'rollover',
    'rollover --balance 81200 --after-tax-basis 30000 --amount 31200 --separate-after-tax-account --after-tax-earnings 1200 --to roth-ira',
  ],
  [
    'rollover',
    'rollover --balance 200000 --after-tax-basis 20000 --amount 100000 --direct-traditional 70000',
  ],
  ['form8606', 'form8606 --basis 0 --contribution 7000 --converted 7000 --year-end-balance 93000'],
  [
    'form8606',
    'form8606 --basis 6000 --contribution 0 --converted 6000 --year-end-balance 95000 --round-ratio',
  ],
  [
    'form8606',
    'form8606 --contribution 500 --basis 300 --converted 5000 --year-end-balance 0 --worksheet-nontaxable 460',
  ],
  ['clocks', 'clocks examples/clocks/roth-history.yaml'],
  ['clocks', 'clocks examples/clocks/june-december.yaml'],
  ['clocks', 'clocks examples/clocks/march-november.yaml'],
  ['clocks', 'clocks examples/clocks/two-years.yaml'],
  [
    'rollover',
    'rollover --balance 100000 --after-tax-basis 20000 --amount 20000 --to cash --birth-date 1980-06-01 --date 2026-03-01',
  ],
  ['rollover', 'rollover --balance 1000 --after-tax-basis 0 --amount 150 --to cash'],
  [
    'rollover',
    'rollover --balance 100000 --after-tax-basis 20000 --amount 20000 --not-eligible-rollover --exception medical --exception-amount 5000',
  ],
  ['ledger', 'ledger examples/ledger/acme-401k.yaml'],
  ['ledger', 'ledger examples/ledger/acme-401k.csv --as-of 2026-04-30'],
  ['ledger', 'ledger examples/ledger/after-tax-source.yaml'],
  ['ledger', 'ledger examples/ledger/after-tax-pooled.yaml'],
  ['ledger', 'ledger examples/ledger/separate-subaccount.yaml'],
  ['tax', 'tax --year 2026 --status single --taxable-income 150000'],
  ['tax', 'tax --year 2026 --status hoh --taxable-income 640600'],
  ['tax', 'tax --year 2023 --status mfs --taxable-income 0'],
  ['tax', 'tax --status single --taxable-income 150000'],
  ['plan', 'plan tests/plan/controlled-group-no-room.yaml'],
  ['compare', 'compare'],
  ['compare', 'compare examples/married-couple.yaml'],
  ['compare', 'compare tests/growth/compare-roth-lite.yaml --paths 500 --years 10 --return 4'],
  ['optimize', 'optimize --budget 40000'],
  ['optimize', 'optimize examples/roth-lite.yaml'],
  ['optimize', 'optimize tests/growth/optimize-couple.yaml'],
  ['optimize', 'optimize examples/s-corp-owner.yaml'],

  ['plan', 'plan examples/assumptions.yaml --state-rate 3 --no-niit'],
  ['compare', 'compare examples/assumptions.yaml --paths 200 --retirement-income 90000'],
  ['optimize', 'optimize examples/assumptions.yaml --retirement-age 62'],
  ['plan', 'plan examples/cash-balance.yaml'],
  [
    'solo',
    'solo --net-profit 65000 --w2-wages 300000 --deferrals-elsewhere 24500 --403b-additions 36500',
  ],
  [
    'solo',
    'solo --net-profit 100000 --w2-wages 184500 --w2-medicare-wages 250000 --age 55 --deferrals-elsewhere 24500 --catch-up-elsewhere 8000',
  ],
  ['solo', 'solo --s-corp-wages 200000 --age 52 --roth-deferrals'],
  ['acp', 'acp examples/acp/fails.csv'],
  ['acp', 'acp examples/acp/passes.csv --whatif'],
  [
    'acp',
    'acp examples/acp/fails.csv --safe-harbor --whatif --grid-shares 50,100 --grid-rates 1,2',
  ],
  ['acp', 'acp examples/acp/fails.csv --method prior --first-year --eaca'],
  ['acp', 'acp examples/acp/adp-acp.csv'],
  ['acp', 'acp examples/acp/adp-acp.csv --excludable separate --adp-correction recharacterize'],
  ['acp', 'acp examples/acp/adp-acp.csv --excludable drop-nhces --qnec-test adp --whatif'],
  ['acp', 'acp examples/acp/fails.csv --gain-rate -4.5 --method prior --first-year'],
  ['acp-participant', 'acp examples/acp/adp-acp.csv --participant N10 --excludable separate'],
  ['acp-participant', 'acp examples/acp/fails.csv --participant H1'],
  ['acp-participant', 'acp examples/acp/passes.csv --participant N1'],
  [
    'acp-participant',
    'acp --pay 220000 --after-tax 20000 --match 8800 --expected-nhce-acp 3.03 --other-hces 2 --other-hce-acp 8',
  ],
  ['paychecks', 'paychecks'],
  ['paychecks', 'paychecks examples/paychecks/semi-monthly-bonus.yaml'],
  ['paychecks', 'paychecks examples/paychecks/job-change.yaml'],
];

function argv(line: string): string[] {
  return line.split(' ').filter(Boolean);
}

describe('report JSON matches its schema', () => {
  it.each(RUNS)('%s: megaroth %s --json', async (name, line) => {
    const r = await runCli([...argv(line), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(json['report']).toBe(name);
    const parsed = (await reportZod(name)).safeParse(json);
    expect(parsed.error?.issues ?? []).toEqual([]);
    // every key in explain belongs to a figure that was serialised
    expect(Object.keys(json['explain'] as object).length).toBeGreaterThan(0);
  });

  it.each(RUNS)('%s: megaroth %s --explain lists every figure', async (_name, line) => {
    const json = JSON.parse((await runCli([...argv(line), '--json'])).stdout) as {
      explain: Record<string, unknown>;
    };
    const text = (await runCli([...argv(line), '--explain'])).stdout;
    expect(text).toContain('How each figure was computed');
    for (const key of Object.keys(json.explain)) expect(text).toContain(`  ${key} = `);
  });

  it('a schema that rejects an unknown key (strict objects)', async () => {
    const r = await runCli(['plan', '--json']);
    const json = { ...(JSON.parse(r.stdout) as object), surprise: 1 };
    expect((await reportZod('plan')).safeParse(json).success).toBe(false);
  });
});

describe('megaroth schema --report', () => {
  it('every report has a schema and a command line above', () => {
    expect(Object.keys(REPORT_SCHEMAS).sort()).toEqual([...REPORT_NAMES].sort());
    expect([...new Set(RUNS.map(([n]) => n))].sort()).toEqual([...REPORT_NAMES].sort());
  });

  it('prints a JSON Schema for a report', async () => {
    const r = await runCli(['schema', '--report', 'plan']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { title: string; properties: Record<string, unknown> };
    expect(s.title).toBe('megaroth plan report (--json)');
    expect(Object.keys(s.properties)).toEqual(
      expect.arrayContaining(['report', 'people', 'plans', 'worth', 'findings', 'explain']),
    );
  });

  it('refuses an unknown report with the list of names', async () => {
    const r = await runCli(['schema', '--report', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--report: must be one of plan, solo');
  });
});
