/**
 * Issue 17: after-tax money is its own source by default, as nearly every plan keeps it
 * (employee contributions and their earnings under a defined contribution plan are a separate
 * contract, IRC 72(d)(2)); pooling with the rest of the account (IRC 72(e)(8)) only when a file
 * says `separateAfterTaxAccount: false`. Each report states the accounting it used and, when
 * the file did not say, asks the plan administrator.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEPARATE_SOURCE_QUESTION } from '../../src/engine/distributions/accounting.js';
import { parseLedger } from '../../src/engine/ledger/index.js';
import { ledgerReport } from '../../src/engine/report/ledger.js';
import { rolloverReport } from '../../src/engine/report/rollover.js';
import { mbrVerdict } from '../../src/engine/rules/mbr-verdict.js';
import { plan as planSchema } from '../../src/engine/scenario/schema.js';
import { runCli } from '../helpers/cli.js';

const SOURCE = 'examples/ledger/after-tax-source.yaml';
const POOLED = 'examples/ledger/after-tax-pooled.yaml';

const ledgerOf = (file: string, text = readFileSync(file, 'utf8')) =>
  ledgerReport(parseLedger(text, file), { fileName: file });

const conversions = (r: ReturnType<typeof ledgerOf>) =>
  r.events
    .filter((e) => e.type === 'convert')
    .map((e) => [e.amount.cents, e.basisOut.cents, e.taxable.cents]);

describe('the ledger: one fund with pre-tax, employer and after-tax money, converted in plan', () => {
  /*
   * Hand calculation, after-tax money its own source (IRC 72(d)(2)): each quarter 3,000 of
   * after-tax contributions; the after-tax source holds only those and their earnings, so each
   * conversion of "all" of it carries the 3,000 basis and only its earnings are taxable.
   *   Jan 16: 3,000 converted the day after, no earnings           → basis 3,000, taxable 0
   *   Apr 29: the fund rises 100.00 → 102.00 (2%): 3,000 → 3,060    → basis 3,000, taxable 60.00
   *   Jul 29: 102.00 → 104.04 (2%): 3,000 → 3,060                   → basis 3,000, taxable 60.00
   *   Oct 16: converted the day after, no earnings                  → basis 3,000, taxable 0
   * Taxable from conversions: 60 + 60 = 120.00; basis left 0.
   */
  it('is its own source when the file says nothing: $120.00 taxable, and the administrator is asked', () => {
    const r = ledgerOf(SOURCE);
    expect(r.accounting).toBe('separate');
    expect(r.accountingWhy).toMatch(/the file does not say/);
    expect(conversions(r)).toEqual([
      [300_000, 300_000, 0],
      [306_000, 300_000, 6_000],
      [306_000, 300_000, 6_000],
      [300_000, 300_000, 0],
    ]);
    expect(r.taxableTotal.cents).toBe(12_000);
    expect(r.afterTaxBasis.cents).toBe(0);
    expect(r.findings).toEqual([
      expect.objectContaining({
        severity: 'question',
        path: 'plan.separateAfterTaxAccount',
        message: SEPARATE_SOURCE_QUESTION,
      }),
    ]);
  });

  /*
   * Hand calculation, pooled (IRC 72(e)(8): basis share = amount × basis / non-Roth account),
   * N = pre-tax + employer + after-tax, B = basis; the designated Roth (irr) money is outside N.
   *   Jan 16: N = 2,000 + 1,000 + 3,000 = 6,000, B = 3,000; 3,000 × 3,000 / 6,000 = 1,500.00
   *           → taxable 1,500.00 (half of 3,000 converted the day after it was contributed).
   *           After: N = 3,000, B = 1,500.
   *   Apr 15: +6,000 → N = 9,000, B = 4,500. Apr 29: 2% on N → N = 9,180 (after-tax 3,060).
   *           3,060 × 4,500 / 9,180 = 1,500.00 exactly → taxable 1,560.00. N = 6,120, B = 3,000.
   *   Jul 15: +6,000 → N = 12,120, B = 6,000. Jul 29: 2% → N = 12,362.40.
   *           3,060 × 6,000 / 12,362.40 = 1,485.1485… → 1,485.15 → taxable 1,574.85.
   *           N = 9,302.40, B = 4,514.85.
   *   Oct 15: +6,000 → N = 15,302.40, B = 7,514.85.
   *           3,000 × 7,514.85 / 15,302.40 = 1,473.2689… → 1,473.27 → taxable 1,526.73.
   * Taxable: 1,500.00 + 1,560.00 + 1,574.85 + 1,526.73 = 6,161.58; basis left 7,514.85 −
   * 1,473.27 = 6,041.58.
   */
  it('is pooled only when the file writes separateAfterTaxAccount: false', () => {
    const r = ledgerOf(POOLED);
    expect(r.accounting).toBe('pro-rata');
    expect(r.accountingWhy).toMatch(/the file says the plan pools/);
    expect(conversions(r)).toEqual([
      [300_000, 150_000, 150_000],
      [306_000, 150_000, 156_000],
      [306_000, 148_515, 157_485],
      [300_000, 147_327, 152_673],
    ]);
    expect(r.taxableTotal.cents).toBe(616_158);
    expect(r.afterTaxBasis.cents).toBe(604_158);
    expect(r.findings).toEqual([]);
  });

  it('written true is the same as not written, without the question', () => {
    const text = readFileSync(SOURCE, 'utf8').replace(
      'plan:\n',
      'plan:\n  separateAfterTaxAccount: true\n',
    );
    const r = ledgerOf('s.yaml', text);
    expect(r.taxableTotal.cents).toBe(12_000);
    expect(r.accountingWhy).toMatch(/the file says the plan keeps/);
    expect(r.findings).toEqual([]);
  });

  it('the two example files hold the same transactions', () => {
    const txs = (f: string) => parseLedger(readFileSync(f, 'utf8'), f).transactions;
    const strip = (t: ReturnType<typeof txs>) => t.map((x) => ({ ...x, line: 0 }));
    expect(strip(txs(POOLED))).toEqual(strip(txs(SOURCE)));
  });

  it('the CLI states the accounting and asks; a CSV with a pooled-after-tax-account row pools', async () => {
    const text = await runCli(['ledger', SOURCE]);
    expect(text.stdout).toMatch(/After-tax money: after-tax contributions and their earnings are/);
    expect(text.stdout).toMatch(/Taxable from conversions and withdrawals\s+\$120\.00/);
    expect(text.stdout).toMatch(/ASK plan\.separateAfterTaxAccount: Does the plan account/);
    const header =
      'date,type,source,fund,amount,price,to\n2026-01-01,open,,,,,\n2026-01-01,fund,,F,,10,\n';
    const body =
      '2026-01-15,contribution,pretax,F,2000,,\n2026-01-15,contribution,employer,F,1000,,\n2026-01-15,contribution,aftertax,F,3000,,\n2026-01-16,convert,aftertax,,,,\n';
    const csv = (extra: string) => ledgerOf('t.csv', header + extra + body);
    expect(csv('').taxableTotal.cents).toBe(0);
    expect(csv('').accounting).toBe('separate');
    expect(csv('2026-01-01,pooled-after-tax-account,,,,,\n').taxableTotal.cents).toBe(150_000);
    expect(csv('2026-01-01,separate-after-tax-account,,,,,\n').findings).toEqual([]);
  });
});

describe('the plan verdict states the accounting (scenario plans[].separateAfterTaxAccount)', () => {
  const verdict = (extra: Record<string, unknown>) =>
    mbrVerdict({
      plan: planSchema.parse({
        id: 'p',
        job: 'j',
        type: '401k',
        afterTax: { allowed: true },
        inPlanConversion: 'on-request',
        ...extra,
      }),
      afterTaxRoom: 100,
      likelyHce: false,
      soloPlan: false,
    });

  it('not said: its own source, and the question is asked', () => {
    const v = verdict({});
    expect(v.kind).toBe('full');
    expect(v.warnings).toContainEqual(
      expect.stringMatching(/own source.*the scenario does not say/),
    );
    expect(v.ask).toContain(SEPARATE_SOURCE_QUESTION);
    // the question joins the usual one rather than replacing it
    expect(v.ask[0]).toMatch(/How often can after-tax money be converted/);
  });

  it('true: said so, no question; false: pooled, partly taxable, and the projection assumes otherwise', () => {
    const yes = verdict({ separateAfterTaxAccount: true });
    expect(yes.warnings).toContainEqual(expect.stringMatching(/the scenario says the plan keeps/));
    expect(yes.ask).not.toContain(SEPARATE_SOURCE_QUESTION);
    const no = verdict({ separateAfterTaxAccount: false });
    expect(no.warnings).toContainEqual(
      expect.stringMatching(/pools after-tax contributions.*each conversion.*What it's worth/),
    );
    expect(no.ask).not.toContain(SEPARATE_SOURCE_QUESTION);
    const withdrawal = verdict({
      separateAfterTaxAccount: false,
      inPlanConversion: 'none',
      inServiceAfterTaxWithdrawal: true,
    });
    expect(withdrawal.warnings).toContainEqual(
      expect.stringMatching(/each in-service withdrawal.*send that part to a traditional IRA/),
    );
  });

  it('the plan command shows the question for an example that does not say', async () => {
    const r = await runCli(['plan', 'examples/large-employer-full-mbr.yaml']);
    expect(r.stdout).toContain(`? ${SEPARATE_SOURCE_QUESTION}`);
  });
});

describe('rollover: the explicit flags stay; the report says which accounting and asks when not said', () => {
  const base = {
    balance: 6_000_000,
    afterTaxBasis: 1_500_000,
    amount: 1_500_000,
    to: 'roth-ira' as const,
  };
  it('not said: over the whole account (the figures the flags allow), and asks', () => {
    const r = rolloverReport(base);
    // 15,000 × 15,000 / 60,000 = 3,750 basis; 11,250 pre-tax, all taxable in a Roth IRA
    expect([r.afterTaxBasis.cents, r.taxable.cents]).toEqual([375_000, 1_125_000]);
    expect(r.accounting).toBe('pro-rata');
    expect(r.findings.map((f) => f.severity)).toContain('question');
  });
  it('said pooled or separate: no question; a full distribution needs none either', () => {
    expect(
      rolloverReport({ ...base, separateAfterTaxAccount: false }).findings.map((f) => f.severity),
    ).not.toContain('question');
    // its own source of 15,000 basis and 300 earnings: 15,000 × 15,000 / 15,300 = 14,705.88
    const sep = rolloverReport({
      ...base,
      separateAfterTaxAccount: true,
      afterTaxEarnings: 30_000,
    });
    expect([sep.afterTaxBasis.cents, sep.taxable.cents]).toEqual([1_470_588, 29_412]);
    expect(sep.accounting).toBe('separate');
    expect(sep.findings.map((f) => f.severity)).not.toContain('question');
    const full = rolloverReport({ ...base, amount: 6_000_000, to: 'split' });
    expect(full.findings).toEqual([]);
    expect(full.accountingWhy).toMatch(/whole account carries all of its after-tax basis/);
  });
  it('the CLI maps the question to its flag and takes --no-separate-after-tax-account', async () => {
    const line = 'rollover --balance 60000 --after-tax-basis 15000 --amount 15000 --to roth-ira';
    const asked = JSON.parse((await runCli([...line.split(' '), '--json'])).stdout) as {
      findings: { severity: string; path: string }[];
    };
    expect(asked.findings).toContainEqual(
      expect.objectContaining({ severity: 'question', path: '--separate-after-tax-account' }),
    );
    const pooled = await runCli([...line.split(' '), '--no-separate-after-tax-account']);
    expect(pooled.stdout).toMatch(/Accounting: the plan pools after-tax money/);
    expect(pooled.stdout).not.toMatch(/ASK/);
    const help = await runCli(['rollover', '--help']);
    expect(help.stdout).toMatch(/Nearly every plan keeps after-tax money as its own source/);
  });
});
