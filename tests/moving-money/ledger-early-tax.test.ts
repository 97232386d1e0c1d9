/**
 * The ledger's withdrawals: withholding (none while the year's eligible rollover distributions
 * total under $200, Treas. Reg. 31.3405(c)-1 Q&A-14) and the 10% additional tax on pre-tax money
 * kept (IRC 72(t)) when the file gives the birth date; figures worked by hand.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

type Json = Record<string, unknown>;

async function ledger(name: string, text: string): Promise<{ code: number; j: Json; err: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'megaroth-'));
  writeFileSync(join(dir, name), text);
  const r = await runCli(['ledger', name, '--json'], dir);
  return { code: r.code, j: r.code === 0 ? (JSON.parse(r.stdout) as Json) : {}, err: r.stderr };
}

const events = (j: Json): Json[] =>
  (j['events'] as Json[]).filter((e) => e['type'] === 'withdraw' || e['type'] === 'separate');

// After-tax source: 10,000 of contributions + 1,000 of its share of the 6,000 earnings (the
// fund's 60,000 split by holdings: 10,000 after-tax, 50,000 pre-tax) = 11,000.
//   March 1, 150 to cash: basis 150 × 10,000 / 11,000 = 136.36; 13.64 pre-tax kept. The year's
//     distributions so far are 150 < 200: nothing withheld. Born 1971-09-01 (59½ on
//     2031-03-01): 10% × 13.64 = 1.36.
//   April 1, 5,500 to cash: source 10,850 with 9,863.64 of basis: basis 5,000.00, 500 pre-tax.
//     The year now totals 5,650: 20% × 500 = 100 withheld; 10% × 500 = 50.
//   November 1, separation (full distribution) to cash in 2026, the year of turning 55: no 10%
//     tax (IRC 72(t)(2)(A)(v); Notice 87-13 Q&A-20).
const YAML = (birth: string, extra = ''): string => `plan:
  opened: '2026-01-01'
${birth}  separateAfterTaxAccount: true
  allowWithdrawal: [aftertax]
  funds: { F: 100 }
transactions:
  - { date: '2026-01-10', type: contribution, source: aftertax, amount: 10000 }
  - { date: '2026-01-10', type: contribution, source: pretax, amount: 50000 }
  - { date: '2026-02-01', type: earnings, fund: F, amount: 6000 }
  - { date: '2026-03-01', type: withdraw, source: aftertax, amount: 150, to: cash }
  - { date: '2026-04-01', type: withdraw, source: aftertax, amount: 5500, to: cash${extra} }
  - { date: '2026-11-01', type: separate, to: cash }
`;

describe('ledger withdrawals: withholding and the 10% additional tax', () => {
  it('with the birth date', async () => {
    const { code, j } = await ledger('a.yaml', YAML("  birthDate: '1971-09-01'\n"));
    expect(code).toBe(0);
    const [small, big, sep] = events(j);
    expect(small).toMatchObject({ taxable: 13.64, withholding: 0, additionalTax: 1.36 });
    expect(big).toMatchObject({
      basisOut: 5000,
      taxable: 500,
      withholding: 100,
      additionalTax: 50,
    });
    expect(sep).toMatchObject({ additionalTax: 0 });
    expect(j['additionalTaxTotal']).toBe(51.36);
    const explain = j['explain'] as Record<string, { why: string; citation: string }>;
    expect(explain['ledger.events.3.withholding']?.citation).toBe(
      'Treas. Reg. 31.3405(c)-1, Q&A-14',
    );
    expect(explain['ledger.events.5.additionalTax']?.why).toMatch(
      /separated from service in 2026, in or after the year of turning 55 \(2026\)/,
    );
  });
  it('an exception on the transaction covers it', async () => {
    const { j } = await ledger(
      'b.yaml',
      YAML("  birthDate: '1971-09-01'\n", ', exception: disability'),
    );
    expect(events(j)[1]).toMatchObject({ additionalTax: 0 });
  });
  it('without the birth date: not computed (null), and a finding says so', async () => {
    const { j } = await ledger('c.yaml', YAML(''));
    const [small, big, sep] = events(j);
    expect(small?.['additionalTax']).toBeNull();
    expect(big?.['additionalTax']).toBeNull();
    expect(sep?.['additionalTax']).toBeNull();
    expect(j['additionalTaxTotal']).toBe(0);
    expect(j['findings']).toContainEqual(
      expect.objectContaining({
        severity: 'info',
        path: 'line 11',
        message: expect.stringMatching(
          /on the \$500.00 of pre-tax money kept was not computed/,
        ) as string,
      }),
    );
  });
  it('the CSV birth-date row, and the text column', async () => {
    const csv = `date,type,source,fund,amount,price,to
2026-01-01,open,,,,,
1971-09-01,birth-date,,,,,
,separate-after-tax-account,,,,,
,allow-withdrawal,aftertax,,,,
,fund,,F,,100,
2026-01-10,contribution,aftertax,F,10000,,
2026-01-10,contribution,pretax,F,50000,,
2026-02-01,earnings,,F,6000,,
2026-04-01,withdraw,aftertax,,5500,,cash
`;
    const dir = mkdtempSync(join(tmpdir(), 'megaroth-'));
    writeFileSync(join(dir, 'd.csv'), csv);
    const r = await runCli(['ledger', 'd.csv'], dir);
    expect(r.code, r.stderr).toBe(0);
    // 5,500 of the 11,000 source: 5,000 basis, 500 pre-tax; 10% × 500 = 50.
    expect(r.stdout).toMatch(/10% additional tax on early distributions\s+\$50.00/);
    expect(r.stdout).toMatch(/withdraw\s+\$5,500.00\s+\$5,000.00\s+\$500.00.*\$50.00$/m);
  });
  it('an exception a plan cannot claim is refused with its line', async () => {
    const { code, err } = await ledger(
      'e.yaml',
      YAML("  birthDate: '1971-09-01'\n", ', exception: first-home'),
    );
    expect(code).toBe(2);
    expect(err).toMatch(/e.yaml:12: exception: unknown exception "first-home"/);
  });
});
