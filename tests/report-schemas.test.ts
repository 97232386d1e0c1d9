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
  ['acp', 'acp examples/acp/fails.csv'],
  ['acp', 'acp examples/acp/passes.csv --whatif'],
  [
    'acp',
    'acp examples/acp/fails.csv --safe-harbor --whatif --grid-shares 50,100 --grid-rates 1,2',
  ],
  ['acp', 'acp examples/acp/fails.csv --method prior --first-year --eaca'],
  ['acp-participant', 'acp examples/acp/fails.csv --participant H1'],
  ['acp-participant', 'acp examples/acp/passes.csv --participant N1'],
  [
    'acp-participant',
    'acp --pay 220000 --after-tax 20000 --match 8800 --expected-nhce-acp 3.03 --other-hces 2 --other-hce-acp 8',
  ],
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
