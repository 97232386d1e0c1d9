/**
 * `megaroth clocks` orders Roth IRA distributions by tax year (IRC 408A(d)(4)(B); Treas. Reg.
 * 1.408A-6 Q&A-8, Q&A-9): the figures below were worked by hand from the regulation and from
 * Form 8606 Part III, and are checked in the text, the JSON and `--explain`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const cli = (line: string) => runCli(line.split(' '));
type Json = Record<string, unknown>;
const json = (s: string): Json => JSON.parse(s) as Json;
const years = (r: Json): Json[] => r['years'] as Json[];

describe('a June withdrawal and a December contribution of the same year', () => {
  // Hand calculation (Treas. Reg. 1.408A-6 Q&A-9(a), (b); Q&A-8):
  //   2025 distributions, aggregated:            8,000 (June 15)
  //   regular contributions for 2025 and earlier: 7,000 (for 2024) + 7,000 (for 2025, made
  //     December 1 — after the withdrawal, but a contribution for the year counts) = 14,000
  //   8,000 ≤ 14,000: all of it is a return of regular contributions — nothing includible,
  //   no 10% additional tax.
  //   Form 8606 Part III: 19 = 8,000; 20 = 0; 21 = 8,000; 22 = 14,000; 23 = 0 (24–25 skipped).
  // Ordered withdrawal by withdrawal (the old rule), June would reach 1,000 of earnings and
  // 100 of 10% tax.
  it('nothing is taxable and no 10% tax is due', async () => {
    const r = await cli('clocks examples/clocks/june-december.yaml --json');
    expect(r.code).toBe(0);
    const j = json(r.stdout);
    expect(j['withdrawal']).toMatchObject({ year: 2025, taxable: 0, additionalTax: 0 });
    expect(years(j)).toEqual([
      expect.objectContaining({
        year: 2025,
        total: 8000,
        regularContributions: 7000,
        taxable: 0,
        additionalTax: 0,
        form8606: {
          line19: 8000,
          line20: 0,
          line21: 8000,
          line22: 14000,
          line23: 0,
          line24: null,
          line25a: null,
          line25b: null,
          line25c: null,
        },
      }),
    ]);
    expect(j['findings']).toEqual([]);
  });
  it('the text shows the year whose aggregation produced the figures', async () => {
    const r = await cli('clocks examples/clocks/june-december.yaml');
    expect(r.stdout).toMatch(/Tax year 2025: its distributions are one distribution/);
    expect(r.stdout).toMatch(
      /Regular contributions for 2025 \(made by the due date\)\s+\$7,000.00/,
    );
    expect(r.stdout).toMatch(/22\s+Basis in Roth IRA contributions\s+\$14,000.00/);
    expect(r.stdout).toMatch(/not qualified; its share of 2025/);
  });
  it('--explain names the year of each figure', async () => {
    const r = await cli('clocks examples/clocks/june-december.yaml --explain');
    expect(r.stdout).toMatch(/clocks\.years\.2025\.form8606\.line22 = \$14,000\.00/);
    expect(r.stdout).toMatch(
      /clocks\.withdrawal\.tranches\.regular\.amount = \$8,000\.00\n\s+why: the withdrawal’s share of what 2025’s distributions/,
    );
  });
});

describe('a March withdrawal and a November conversion of the same year', () => {
  // Hand calculation (Treas. Reg. 1.408A-6 Q&A-9(a), (c); Q&A-8; IRC 408A(d)(3)(F)):
  //   2025 distributions, aggregated:     9,000 (March 10)
  //   regular contributions (for 2021):   6,000 → first 6,000, tax-free
  //   conversions received in 2025 (November 15, after the withdrawal, but in the year):
  //     7,000 of which 1,000 taxable → next 1,000 (taxable part first), then 2,000 of the
  //     6,000 nontaxable part; no earnings → nothing includible.
  //   The 1,000 is taken within the 2025 conversion's five years, at age 40: 10% × 1,000 = 100.
  //   Form 8606 Part III: 19 = 9,000; 21 = 9,000; 22 = 6,000; 23 = 3,000; 24 = 7,000;
  //   25a = 0 (25b, 25c skipped).
  // Ordered withdrawal by withdrawal (the old rule), March would reach 3,000 of earnings:
  // 3,000 includible and 300 of 10% tax.
  it('no earnings come out; the conversion’s taxable part carries the 10% tax', async () => {
    const r = await cli('clocks examples/clocks/march-november.yaml --json');
    const j = json(r.stdout);
    expect(j['withdrawal']).toMatchObject({
      taxable: 0,
      additionalTax: 100,
      tranches: [
        expect.objectContaining({ kind: 'regular', amount: 6000 }),
        expect.objectContaining({ kind: 'conversion-taxable', year: 2025, amount: 1000 }),
        expect.objectContaining({ kind: 'conversion-nontaxable', year: 2025, amount: 2000 }),
      ],
    });
    expect(years(j)[0]).toMatchObject({
      conversions: 7000,
      subjectToAdditionalTax: 1000,
      exempt: 0,
      additionalTax: 100,
      form8606: { line22: 6000, line23: 3000, line24: 7000, line25a: 0, line25c: null },
    });
  });
});

describe('two years of Form 8606 Part III', () => {
  // Hand-filled Form 8606 Part III:
  //   2023 — line 19: 10,000 (Aug 1); 20: 0; 21: 10,000; 22: 6,000 (2022) + 6,500 (for 2023,
  //     made April 12, 2024) = 12,500; 23: 0 → stop. Basis carried (line 22 worksheet):
  //     12,500 − 10,000 = 2,500.
  //   2024 — line 19: 40,000 (Dec 30); 20: 0; 21: 40,000; 22: 2,500 + 7,000 (for 2024) = 9,500;
  //     23: 30,500; 24: 20,000 (2023 conversion) + 7,000 (2024 backdoor) = 27,000;
  //     25a: 3,500; 25b: 0; 25c: 3,500 taxable.
  //   10% tax 2024 (age 36): 20,000 of the 2023 conversion's taxable part within its five
  //   years + 3,500 of earnings = 23,500 × 10% = 2,350.
  it('lines 19–25c of both years', async () => {
    const j = json((await cli('clocks examples/clocks/two-years.yaml --json')).stdout);
    const [y2023, y2024] = years(j);
    expect(y2023?.['form8606']).toEqual({
      line19: 10000,
      line20: 0,
      line21: 10000,
      line22: 12500,
      line23: 0,
      line24: null,
      line25a: null,
      line25b: null,
      line25c: null,
    });
    expect(y2024?.['form8606']).toEqual({
      line19: 40000,
      line20: 0,
      line21: 40000,
      line22: 9500,
      line23: 30500,
      line24: 27000,
      line25a: 3500,
      line25b: 0,
      line25c: 3500,
    });
    expect(y2024).toMatchObject({ taxable: 3500, additionalTax: 2350 });
    expect(y2023).toMatchObject({ taxable: 0, additionalTax: 0 });
  });
});

describe('bad exceptions name the field', () => {
  it('an unknown exception, a plan-only one, and an amount-limited one without its amount', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'megaroth-'));
    const head =
      "birthDate: '1985-01-01'\nrothIra:\n  contributions: [{ taxYear: 2020, date: '2020-05-01', amount: 6000 }]\n";
    writeFileSync(
      join(dir, 'a.yaml'),
      `${head}withdrawal: { date: '2025-06-01', amount: 100, exception: qdro }\n`,
    );
    writeFileSync(
      join(dir, 'b.yaml'),
      `${head}withdrawal: { date: '2025-06-01', amount: 100, exception: medical }\n`,
    );
    const a = await runCli(['clocks', 'a.yaml'], dir);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/withdrawal.exception: unknown exception "qdro"/);
    const b = await runCli(['clocks', 'b.yaml'], dir);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/withdrawal.exceptionAmount: is needed with "medical"/);
  });
});
