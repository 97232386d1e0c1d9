/**
 * `megaroth rollover`: withholding (IRC 3405; Treas. Reg. 31.3405(c)-1 Q&A-14) and the 10%
 * additional tax on an early distribution (IRC 72(t)) and its exceptions, on figures worked by
 * hand.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const cli = (line: string) => runCli(line.split(' '));
type Json = Record<string, unknown>;
const json = (s: string): Json => JSON.parse(s) as Json;

/** 20,000 out of a 100,000 account with 20,000 of basis, pro-rata: 16,000 pre-tax, kept. */
const CASH = 'rollover --balance 100000 --after-tax-basis 20000 --amount 20000 --to cash';

describe('withholding', () => {
  // Treas. Reg. 31.3405(c)-1, Q&A-14: no withholding when the year's eligible rollover
  // distributions are reasonably expected to total less than $200. 150 all pre-tax, kept.
  it('150 to cash withholds nothing, with the rule cited', async () => {
    const r = await cli(
      'rollover --balance 1000 --after-tax-basis 0 --amount 150 --to cash --json',
    );
    expect(r.code).toBe(0);
    const j = json(r.stdout);
    expect(j).toMatchObject({
      taxable: 150,
      withholding: 0,
      withholdingRule: 'under-minimum',
      check: 150,
    });
    const explain = j['explain'] as Record<string, { why: string; citation: string }>;
    expect(explain['rollover.withholding']).toMatchObject({
      why: "none: the year's eligible rollover distributions ($150.00) are under $200.00",
      citation: 'Treas. Reg. 31.3405(c)-1, Q&A-14',
    });
    const text = await cli('rollover --balance 1000 --after-tax-basis 0 --amount 150 --to cash');
    expect(text.stdout).toMatch(
      /Withholding \(none: the year's distributions are under \$200\)\s+\$0.00/,
    );
  });
  it('with 100 already paid this year the total is 250: 20% of the 150 pre-tax is withheld', async () => {
    const j = json(
      (
        await cli(
          'rollover --balance 1000 --after-tax-basis 0 --amount 150 --to cash --paid-earlier-this-year 100 --json',
        )
      ).stdout,
    );
    expect(j).toMatchObject({ withholding: 30, withholdingRule: 'mandatory', check: 120 });
  });
  it('none on basis or on a direct rollover: 20% of the 16,000 pre-tax part paid', async () => {
    const j = json((await cli(`${CASH} --json`)).stdout);
    expect(j).toMatchObject({ pretaxPaid: 16000, withholding: 3200, check: 16800 });
    const rolled = json(
      (
        await cli(
          'rollover --balance 100000 --after-tax-basis 20000 --amount 20000 --direct-traditional 16000 --json',
        )
      ).stdout,
    );
    // 16,000 pre-tax rolled directly; the 4,000 of basis paid carries no withholding.
    expect(rolled).toMatchObject({ toCash: 4000, cashBasis: 4000, withholding: 0 });
  });
  it('not an eligible rollover distribution: 10% of the pre-tax part unless elected out (IRC 3405(b))', async () => {
    const j = json((await cli(`${CASH} --not-eligible-rollover --json`)).stdout);
    expect(j).toMatchObject({
      eligible: false,
      withholding: 1600,
      withholdingRule: 'non-eligible',
    });
    const out = json(
      (await cli(`${CASH} --not-eligible-rollover --elect-no-withholding --json`)).stdout,
    );
    expect(out).toMatchObject({ withholding: 0, withholdingRule: 'elected-out', check: 20000 });
    // With no destination it is paid to the participant.
    const d = json(
      (
        await cli(
          'rollover --balance 100000 --after-tax-basis 20000 --amount 20000 --not-eligible-rollover --json',
        )
      ).stdout,
    );
    expect(d).toMatchObject({ to: 'cash', toCash: 20000 });
  });
  it('refuses a rollover of a non-eligible distribution and an election out of the 20%', async () => {
    const a = await cli(
      'rollover --balance 100000 --after-tax-basis 20000 --amount 20000 --to roth-ira --not-eligible-rollover',
    );
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/--to: a distribution that is not an eligible rollover distribution/);
    const b = await cli(`${CASH} --elect-no-withholding`);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/--elect-no-withholding: the withholding on an eligible rollover/);
  });
});

describe('the 10% additional tax (IRC 72(t))', () => {
  const early = async (flags: string): Promise<Json> =>
    json((await cli(`${CASH} ${flags} --json`)).stdout)['earlyDistribution'] as Json;
  // Born 1980-06-01: 59½ on 2039-12-01; the 16,000 pre-tax part kept in 2026 is early:
  // 10% × 16,000 = 1,600.
  it('before 59½ with no exception: 10% of the pre-tax part kept', async () => {
    expect(await early('--birth-date 1980-06-01 --date 2026-03-01')).toEqual({
      subjectTo: 16000,
      exempt: 0,
      additionalTax: 1600,
      rule: 'early',
      exception: null,
    });
  });
  it('on or after 59½: none (IRC 72(t)(2)(A)(i))', async () => {
    expect(await early('--birth-date 1966-06-01 --date 2025-12-01')).toMatchObject({
      additionalTax: 0,
      rule: 'age',
    });
    // The day before 59½ still carries it.
    expect(await early('--birth-date 1966-06-01 --date 2025-11-30')).toMatchObject({
      additionalTax: 1600,
      rule: 'early',
    });
  });
  // Born 1971-09-01: 55 during 2026. A separation in 2026 meets 72(t)(2)(A)(v) (Notice 87-13
  // Q&A-20: the calendar year of reaching 55); in 2025 (age 54) it does not.
  it('separation from service in or after the year of turning 55', async () => {
    expect(
      await early('--birth-date 1971-09-01 --date 2026-03-01 --separation-year 2026'),
    ).toMatchObject({ additionalTax: 0, rule: 'separation' });
    expect(
      await early('--birth-date 1971-09-01 --date 2026-03-01 --separation-year 2025'),
    ).toMatchObject({ additionalTax: 1600, rule: 'early' });
  });
  it('50 for a qualified public safety employee (IRC 72(t)(10))', async () => {
    // Born 1975-05-01: 50 in 2025.
    expect(
      await early(
        '--birth-date 1975-05-01 --date 2026-03-01 --separation-year 2025 --public-safety',
      ),
    ).toMatchObject({ additionalTax: 0, rule: 'separation' });
    expect(
      await early('--birth-date 1975-05-01 --date 2026-03-01 --separation-year 2025'),
    ).toMatchObject({ additionalTax: 1600 });
  });
  it('an exception by name: disability covers all, medical expenses only their amount', async () => {
    expect(await early('--exception disability')).toMatchObject({
      exempt: 16000,
      additionalTax: 0,
      rule: 'exception',
      exception: 'disability',
    });
    // 10% × (16,000 − 5,000 of medical expenses above the floor) = 1,100.
    expect(
      await early(
        '--birth-date 1980-06-01 --date 2026-03-01 --exception medical --exception-amount 5000',
      ),
    ).toMatchObject({ exempt: 5000, additionalTax: 1100, rule: 'partial-exception' });
  });
  it('not computed without a birth date: null, and a finding says so', async () => {
    const j = json((await cli(`${CASH} --json`)).stdout);
    expect(j['earlyDistribution']).toBeNull();
    expect(j['findings']).toContainEqual(
      expect.objectContaining({
        severity: 'info',
        path: '--birth-date',
        message: expect.stringMatching(
          /10% additional tax on the \$16,000.00 kept was not computed/,
        ) as string,
      }),
    );
  });
  it('nothing kept, nothing to tax: a rollover carries no 10% tax', async () => {
    const j = json(
      (
        await cli(
          'rollover --balance 100000 --after-tax-basis 20000 --amount 20000 --to roth-ira --json',
        )
      ).stdout,
    );
    expect(j['earlyDistribution']).toMatchObject({
      subjectTo: 0,
      additionalTax: 0,
      rule: 'nothing-kept',
    });
  });
  it('bad input names the flag', async () => {
    const first = await cli(`${CASH} --exception first-home`);
    expect(first.code).toBe(2);
    expect(first.stderr).toMatch(/--exception: must be one of/);
    const noAmount = await cli(`${CASH} --exception medical`);
    expect(noAmount.code).toBe(2);
    expect(noAmount.stderr).toMatch(/--exception-amount: is needed with "medical"/);
    const badDate = await cli(`${CASH} --birth-date 1980-02-30 --date 2026-01-01`);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/--birth-date: expected a real date/);
    const safety = await cli(`${CASH} --public-safety`);
    expect(safety.code).toBe(2);
    expect(safety.stderr).toMatch(/--public-safety: only matters with the year of separation/);
  });
  it('the text shows the tax', async () => {
    const r = await cli(`${CASH} --birth-date 1980-06-01 --date 2026-03-01`);
    expect(r.stdout).toMatch(/10% additional tax \(IRC 72\(t\)\)\s+\$1,600.00/);
    expect(r.stdout).toMatch(/carries\s+\$1,600.00 of the 10% additional tax/);
  });
});
