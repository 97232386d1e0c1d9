import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { parseLedger, runLedger } from '../../src/engine/ledger/index.js';
import { sum } from '../../src/engine/money.js';

/** Runs `megaroth` with a command line written as one string (no argument has a space). */
const cli = (line: string) => runCli(line.split(' '));

const json = (s: string): Record<string, unknown> => JSON.parse(s) as Record<string, unknown>;

function tmpFile(name: string, text: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'megaroth-'));
  writeFileSync(join(dir, name), text);
  return { dir, file: name };
}

describe('megaroth rollover', () => {
  it('C-3: 20,000 of a 100,000 account with 20,000 basis, all to a Roth IRA', async () => {
    const r = await cli(
      'rollover --balance 100000 --after-tax-basis 20000 --amount 20000 --to roth-ira --json',
    );
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toMatchObject({
      pretax: 16000,
      afterTaxBasis: 4000,
      taxable: 16000,
      toRothIra: 20000,
      toTraditionalIra: 0,
      toCash: 0,
      withholding: 0,
    });
  });
  it('C-2 style split of a full distribution, and cash with 20% withholding (C-5)', async () => {
    const split = await cli(
      'rollover --balance 100000 --after-tax-basis 20000 --amount 100000 --json',
    );
    expect(json(split.stdout)).toMatchObject({
      taxable: 0,
      toRothIra: 20000,
      rothIraBasis: 20000,
      toTraditionalIra: 80000,
      withholding: 0,
    });
    const cash = await cli(
      'rollover --balance 100000 --after-tax-basis 20000 --amount 100000 --to cash --json',
    );
    expect(json(cash.stdout)).toMatchObject({
      taxable: 80000,
      toCash: 100000,
      withholding: 16000,
      check: 84000,
    });
  });
  it('C-6b: separate after-tax subaccount, 10,000 to Roth', async () => {
    const r = await cli(
      'rollover --balance 81200 --after-tax-basis 30000 --amount 10000 --separate-after-tax-account --after-tax-earnings 1200 --to roth-ira --json',
    );
    expect(json(r.stdout)).toMatchObject({
      accounting: 'separate',
      taxable: 384.62,
      afterTaxBasis: 9615.38,
    });
  });
  it('C-4a with --direct-traditional: the cash carries the rest of the pre-tax money', async () => {
    const r = await cli(
      'rollover --balance 200000 --after-tax-basis 20000 --amount 100000 --direct-traditional 70000 --json',
    );
    expect(json(r.stdout)).toMatchObject({
      to: 'custom',
      taxable: 20000,
      withholding: 4000,
      toTraditionalIra: 70000,
      toCash: 30000,
      cashBasis: 10000,
      check: 26000,
    });
  });
  it('C-5 with 60-day rollovers after withholding: nothing taxable', async () => {
    const r = await cli(
      'rollover --balance 100000 --after-tax-basis 20000 --amount 100000 --sixty-day-traditional 80000 --sixty-day-roth 4000 --json',
    );
    expect(json(r.stdout)).toMatchObject({
      taxable: 0,
      withholding: 16000,
      check: 84000,
      toTraditionalIra: 80000,
      toRothIra: 4000,
      rothIraBasis: 4000,
      toCash: 16000,
      cashBasis: 16000,
    });
  });
  it('--to and direction amounts together are refused; directions above the amount too', async () => {
    const both = await cli(
      'rollover --balance 100 --after-tax-basis 20 --amount 100 --to cash --direct-roth 5',
    );
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--to: give either a destination or the amounts/);
    const over = await cli(
      'rollover --balance 100 --after-tax-basis 20 --amount 50 --direct-roth 60',
    );
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(
      /--direct-roth: direct rollovers \(60\) cannot exceed the distribution \(50\)/,
    );
  });
  it('the Roth-lite example: 75,000 with 50,000 basis split at separation', async () => {
    const r = await cli(
      'rollover --balance 75000 --after-tax-basis 50000 --amount 75000 --to split',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/To a Roth IRA \(basis \$50,000.00\)\s+\$50,000.00/);
    expect(r.stdout).toMatch(/To a traditional IRA \(basis \$0.00, Form 8606\)\s+\$25,000.00/);
    expect(r.stdout).toMatch(/Taxable this year\s+\$0.00/);
  });
  it.each([
    [
      ['--balance', '-5', '--after-tax-basis', '0', '--amount', '1'],
      /--balance: must not be negative/,
    ],
    [
      ['--balance', '100', '--after-tax-basis', '200', '--amount', '1'],
      /--after-tax-basis: cannot be larger than the balance/,
    ],
    [
      ['--balance', '100', '--after-tax-basis', '20', '--amount', '101'],
      /--amount: cannot be larger than the account balance/,
    ],
    [
      [
        '--balance',
        '100',
        '--after-tax-basis',
        '20',
        '--amount',
        '10',
        '--after-tax-earnings',
        '5',
      ],
      /--after-tax-earnings: only applies when the plan keeps after-tax money as its own source/,
    ],
    [
      ['--balance', '100', '--after-tax-basis', '20', '--amount', '10', '--to', 'moon'],
      /--to: must be one of roth-ira, traditional-ira, split, cash/,
    ],
    [['--balance', '100', '--after-tax-basis', '20'], /--amount/],
  ])('bad input %j exits 2', async (args, re) => {
    const r = await runCli(['rollover', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(re);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('megaroth form8606', () => {
  it('B-5 full precision and with --round-ratio', async () => {
    const base = [
      'form8606',
      '--basis',
      '6000',
      '--contribution',
      '0',
      '--converted',
      '6000',
      '--year-end-balance',
      '95000',
      '--json',
    ];
    const full = json((await runCli(base)).stdout);
    expect(full).toMatchObject({ line11: 356.44, line18: 5643.56, line14: 5643.56 });
    const three = json((await runCli([...base, '--round-ratio'])).stdout);
    expect(three).toMatchObject({ line10: 0.059, line11: 354, line18: 5646, line14: 5646 });
    for (let i = 1; i <= 18; i++) {
      const keys = i === 15 ? ['line15a', 'line15b', 'line15c'] : [`line${String(i)}`];
      for (const k of keys) expect(full).toHaveProperty(k);
    }
  });
  it('B-1 (Rose Green) with line 13 from Worksheet 1-1', async () => {
    const r = await cli(
      'form8606 --contribution 500 --basis 300 --converted 5000 --year-end-balance 0 --worksheet-nontaxable 460 --json',
    );
    expect(json(r.stdout)).toMatchObject({
      line3: 800,
      line5: 800,
      line13: 460,
      line14: 340,
      line15c: 0,
      line17: 460,
      line18: 4540,
      line10: null,
    });
  });
  it('B-6 with --round-ratio limits the nontaxable part to the basis and says so', async () => {
    const r = await cli(
      'form8606 --basis 0 --contribution 7500 --converted 7510 --year-end-balance 0 --round-ratio',
    );
    expect(r.stdout).toMatch(
      /Taxable conversion \(line 18\): \$10.00; basis carried forward \(line 14\): \$0.00/,
    );
    expect(r.stdout).toMatch(/limited to the basis/);
  });
  it('bad input names the option', async () => {
    const r = await cli('form8606 --basis 0 --contribution -1 --converted 1 --year-end-balance 0');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--contribution: must not be negative/);
    const r2 = await cli(
      'form8606 --basis 0 --contribution 100 --contributions-next-year 200 --converted 1 --year-end-balance 0',
    );
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/--contributions-next-year: is part of line 1/);
  });
});

describe('megaroth clocks', () => {
  it('the example history (case F-1)', async () => {
    const r = await cli('clocks examples/clocks/roth-history.yaml --json');
    expect(r.code).toBe(0);
    const w = json(r.stdout)['withdrawal'] as Record<string, unknown>;
    expect(w).toMatchObject({ amount: 80000, taxable: 0, additionalTax: 4500, qualified: false });
    const text = await cli('clocks examples/clocks/roth-history.yaml');
    expect(text.stdout).toMatch(/2022 conversion, taxable part\s+\$45,000.00\s+2027-01-01/);
  });
  it('a bad history names the field; a missing file exits 2', async () => {
    const { dir, file } = tmpFile(
      'h.yaml',
      "birthDate: '1980-01-01'\nrothIra:\n  contributions:\n    - { taxYear: 2020, date: '2020-02-01', amount: -3 }\n",
    );
    const r = await runCli(['clocks', file], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/h.yaml: rothIra.contributions\[0\].amount: must not be negative/);
    const m = await runCli(['clocks', 'nope.yaml'], dir);
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/nope.yaml: no such file/);
  });
});

describe('megaroth ledger', () => {
  it('YAML and CSV examples give the same report, which adds up', async () => {
    const y = json((await cli('ledger examples/ledger/acme-401k.yaml --json')).stdout);
    const c = json((await cli('ledger examples/ledger/acme-401k.csv --json')).stdout);
    expect(c['bySource']).toEqual(y['bySource']);
    expect(c['afterTaxBasis']).toEqual(y['afterTaxBasis']);
    const parsed = parseLedger(readFileSync('examples/ledger/acme-401k.yaml', 'utf8'), 'a.yaml');
    const r = runLedger(parsed);
    expect(sum(r.bySource.map((s) => s.value))).toBe(r.total);
    expect(y['total']).toBe(r.total / 100);
  });
  it('--as-of stops at the date', async () => {
    const r = json(
      (await cli('ledger examples/ledger/acme-401k.yaml --as-of 2026-02-28 --json')).stdout,
    );
    expect(r['total']).toBe(41000);
    expect(r['afterTaxBasis']).toBe(20000);
  });
  it('the separate-subaccount example converts 31,200 with 1,200 taxable', async () => {
    const r = json((await cli('ledger examples/ledger/separate-subaccount.yaml --json')).stdout);
    const events = r['events'] as Record<string, unknown>[];
    expect(events.find((e) => e['type'] === 'convert')).toMatchObject({
      amount: 31200,
      taxable: 1200,
      basisOut: 30000,
    });
    expect(r['closed']).toBe(true);
  });
  it('an impossible transaction exits 2 with its line', async () => {
    const r = await cli('ledger examples/ledger/impossible.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/examples\/ledger\/impossible.yaml:11: cannot convert \$2,000.00/);
  });
  it('an unknown source in a CSV names its line', async () => {
    const { dir, file } = tmpFile(
      't.csv',
      'date,type,source,fund,amount,price,to\n2026-01-01,open,,,,,\n2026-01-01,fund,,F,,10,\n2026-01-05,contribution,bonus,F,100,,\n',
    );
    const r = await runCli(['ledger', file], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/t.csv:4: source: unknown source "bonus"/);
  });
  it('a bad --as-of', async () => {
    const r = await cli('ledger examples/ledger/acme-401k.yaml --as-of June');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--as-of: expected a date/);
  });
});

describe('--explain', () => {
  it('rollover: each figure with its rule and citation; JSON carries them under explain', async () => {
    const args = [
      'rollover',
      '--balance',
      '100000',
      '--after-tax-basis',
      '20000',
      '--amount',
      '50000',
      '--to',
      'cash',
    ];
    const r = await runCli([...args, '--explain']);
    expect(r.stdout).toMatch(
      /rollover.withholding = \$8,000.00\n\s+why: 20% × \$40,000.00 pre-tax part/,
    );
    expect(r.stdout).toMatch(/source: IRC 3405\(c\)\(1\)\(B\)/);
    const j = json((await runCli([...args, '--json'])).stdout);
    expect(Object.keys(j['explain'] as object)).toContain('rollover.afterTaxBasis');
  });
  it('form8606: each line with the form line it comes from', async () => {
    const r = await cli(
      'form8606 --basis 0 --contribution 7000 --converted 7000 --year-end-balance 93000 --explain',
    );
    expect(r.stdout).toMatch(
      /form8606.line18 = \$6,510.00\n\s+why: line 16 − line 17\n\s+from: form8606.line16, form8606.line17\n\s+source: Form 8606 \(2018 and later\) line 18/,
    );
  });
});

describe('findings', () => {
  it('form8606: the pro-rata trap is a warning on --year-end-balance, with what rolling in saves (B-4)', async () => {
    const r = json(
      (
        await cli(
          'form8606 --basis 0 --contribution 7000 --converted 7000 --year-end-balance 93000 --json',
        )
      ).stdout,
    );
    // 7,000 × 7,000 / 100,000 = 490 nontaxable → 6,510 taxable; with line 6 = 0 all 7,000 is basis
    expect(r['trap']).toEqual({ taxableIfRolledIn: 0, extraTaxable: 6510 });
    expect(r['findings']).toEqual([
      expect.objectContaining({ severity: 'warning', path: '--year-end-balance' }),
    ]);
    const clean = json(
      (
        await cli(
          'form8606 --basis 0 --contribution 7000 --converted 7000 --year-end-balance 0 --json',
        )
      ).stdout,
    );
    expect(clean['trap']).toBeNull();
    expect(clean['findings']).toEqual([]);
  });
  it('clocks: the 10% tax is a warning that says when it ends (F-1: the 2022 conversion, 2027-01-01)', async () => {
    const r = json((await cli('clocks examples/clocks/roth-history.yaml --json')).stdout);
    const [w] = r['findings'] as { severity: string; message: string; fix: string }[];
    expect(w?.severity).toBe('warning');
    expect(w?.message).toMatch(/carries \$4,500\.00 of the 10% additional tax/);
    expect(w?.fix).toMatch(/on or after 2027-01-01 carries none/);
  });
  it('rollover: pre-tax money converted or kept as cash is a warning', async () => {
    const r = json(
      (
        await cli(
          'rollover --balance 100000 --after-tax-basis 20000 --amount 50000 --to cash --no-separate-after-tax-account --json',
        )
      ).stdout,
    );
    expect(r['findings']).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: '--to',
        message: expect.stringMatching(/\$40,000\.00 of pre-tax money is paid to you/) as string,
      }),
      // Without a birth date the 10% additional tax is not computed, and the report says so.
      expect.objectContaining({ severity: 'info', path: '--birth-date' }),
    ]);
  });
});
